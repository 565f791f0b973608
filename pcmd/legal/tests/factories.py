from __future__ import annotations

import datetime

import factory

from pcmd.legal.models import LegalDocument, LegalProvision


class LegalDocumentFactory(factory.django.DjangoModelFactory[LegalDocument]):
    class Meta:
        model = LegalDocument

    number = factory.Sequence(lambda n: f"{900 + n}/2026/NĐ-CP")
    kind = LegalDocument.Kind.DECREE
    title = "Nghị định thử nghiệm quy định xử phạt vi phạm hành chính"
    issuer = "Chính phủ"
    effective_from = datetime.date(2026, 1, 1)


class LegalProvisionFactory(factory.django.DjangoModelFactory[LegalProvision]):
    class Meta:
        model = LegalProvision

    document = factory.SubFactory(LegalDocumentFactory)
    article = factory.Sequence(lambda n: str(10 + n))
    clause = "1"
    point = "a"
    act = factory.Sequence(lambda n: f"Hành vi thử nghiệm số {n}")
    applies_to = LegalProvision.AppliesTo.ORGANISATION
    fine_min = 5_000_000
    fine_max = 10_000_000
    valid_from = factory.SelfAttribute("document.effective_from")
