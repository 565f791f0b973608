import datetime

import pytest
from django.http import Http404

from pcmd.legal import selectors
from pcmd.legal.models import LegalProvision
from pcmd.legal.tests.factories import LegalDocumentFactory, LegalProvisionFactory

D = datetime.date


def test_decree_282_provisions_apply_from_15_december_2025_not_the_day_before(db):
    assert not selectors.provisions_valid_on(D(2025, 12, 14)).filter(document__number="282/2025/NĐ-CP")
    on_the_day = selectors.provisions_valid_on(D(2025, 12, 15))
    assert {p.act for p in on_the_day} >= {"Mua dâm"}


def test_provisions_valid_on_a_day_for_organisations_only(db):
    document = LegalDocumentFactory.create(effective_from=D(2026, 1, 1))
    for_organisations = LegalProvisionFactory.create(document=document)
    ended = LegalProvisionFactory.create(document=document, valid_to=D(2026, 1, 31))
    # when
    found = set(selectors.provisions_valid_on(D(2026, 2, 1), LegalProvision.AppliesTo.ORGANISATION))
    # then
    assert found == {for_organisations}
    assert ended in set(selectors.provisions_valid_on(D(2026, 1, 31), LegalProvision.AppliesTo.ORGANISATION))
    individuals = selectors.provisions_valid_on(D(2026, 2, 1), LegalProvision.AppliesTo.INDIVIDUAL)
    assert for_organisations not in set(individuals)
    assert {p.act for p in individuals} == {
        "Mua dâm",
        "Mua dâm trong trường hợp tăng nặng quy định tại Điều 32",
    }


def test_provisions_are_searched_by_act_ignoring_diacritics(inspector):
    found = selectors.legal_provisions_for(inspector, q="MUA DAM tang nang")
    assert [p.act for p in found] == ["Mua dâm trong trường hợp tăng nặng quy định tại Điều 32"]


def test_a_case_worker_reads_no_legal_reference(case_worker):
    assert not selectors.legal_provisions_for(case_worker).exists()
    assert not selectors.legal_documents_for(case_worker).exists()
    provision = LegalProvision.objects.order_by("pk")[0]
    with pytest.raises(Http404):
        selectors.legal_provision_get(case_worker, provision.pk)
