"""The migration seeds only what DOMAIN.md confirms."""

import datetime

from pcmd.legal.models import LegalDocument, LegalProvision

D = datetime.date


def test_decree_282_applies_from_15_december_2025_and_replaces_decree_144(db):
    decree_282 = LegalDocument.objects.get(number="282/2025/NĐ-CP")
    decree_144 = LegalDocument.objects.get(number="144/2021/NĐ-CP")
    assert decree_282.kind == LegalDocument.Kind.DECREE
    assert decree_282.effective_from == D(2025, 12, 15) and decree_282.effective_to is None
    assert decree_144.effective_to == D(2025, 12, 14)
    assert decree_144.superseded_by == decree_282


def test_dates_not_confirmed_are_left_for_the_administrator(db):
    decree_144 = LegalDocument.objects.get(number="144/2021/NĐ-CP")
    assert decree_144.effective_from is None
    assert set(LegalDocument.objects.values_list("issued_on", flat=True)) == {None}


def test_only_article_32_of_decree_282_is_seeded_with_its_confirmed_fines_and_no_invented_clause(db):
    provisions = LegalProvision.objects.order_by("fine_min")
    assert [(p.document.number, p.article, p.clause, p.point) for p in provisions] == [
        ("282/2025/NĐ-CP", "32", "", ""),
        ("282/2025/NĐ-CP", "32", "", ""),
    ]
    assert [(p.fine_min, p.fine_max) for p in provisions] == [(1_000_000, 2_000_000), (2_000_000, 5_000_000)]
    assert {p.applies_to for p in provisions} == {LegalProvision.AppliesTo.INDIVIDUAL}
    assert {p.valid_from for p in provisions} == {D(2025, 12, 15)}
    assert provisions[0].reference == "Điều 32 Nghị định 282/2025/NĐ-CP"
    assert not LegalProvision.objects.filter(document__number="144/2021/NĐ-CP").exists()
