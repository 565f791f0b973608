import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from pcmd.legal import services
from pcmd.legal.models import LegalDocument, LegalProvision
from pcmd.legal.tests.factories import LegalDocumentFactory, LegalProvisionFactory

D = datetime.date


def codes(exc: ValidationError) -> dict[str, list[str | None]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


@pytest.fixture
def decree(db):
    return LegalDocumentFactory.create(number="999/2026/NĐ-CP", effective_from=D(2026, 1, 1))


def provision_values(document, **overrides):
    values = {
        "document": document,
        "article": "5",
        "clause": "2",
        "point": "b",
        "act": "Không niêm yết nội quy",
        "applies_to": LegalProvision.AppliesTo.ORGANISATION,
        "fine_min": 3_000_000,
        "fine_max": 5_000_000,
        "valid_from": D(2026, 1, 1),
    }
    return {**values, **overrides}


# --- documents ----------------------------------------------------------------------------------------------


def test_administrator_adds_a_document_and_the_change_is_logged_under_their_name(system_admin):
    # when
    document = services.legal_document_create(
        actor=system_admin,
        number="  12/2026/NĐ-CP ",
        kind=LegalDocument.Kind.DECREE,
        title="Quy định xử phạt",
        issuer="Chính phủ",
        effective_from=D(2026, 3, 1),
    )
    # then
    assert document.number == "12/2026/NĐ-CP"
    entry = LogEntry.objects.get_for_object(document).get()
    assert entry.actor == system_admin


def test_a_document_number_is_taken_whatever_its_case(system_admin):
    with pytest.raises(ValidationError) as exc:
        services.legal_document_create(
            actor=system_admin,
            number="282/2025/nđ-cp",
            kind=LegalDocument.Kind.DECREE,
            title="Trùng",
            issuer="Chính phủ",
        )
    assert codes(exc.value) == {"number": ["duplicate"]}
    assert exc.value.message_dict["number"] == ["Đã có văn bản số «282/2025/nđ-cp»."]


def test_a_coordinator_may_not_add_documents(province_officer):
    with pytest.raises(PermissionDenied):
        services.legal_document_create(
            actor=province_officer,
            number="1/2026/NĐ-CP",
            kind=LegalDocument.Kind.DECREE,
            title="x",
            issuer="y",
        )
    assert not LegalDocument.objects.filter(number="1/2026/NĐ-CP").exists()


def test_a_document_cannot_end_before_it_starts(system_admin):
    with pytest.raises(ValidationError) as exc:
        services.legal_document_create(
            actor=system_admin,
            number="2/2026/NĐ-CP",
            kind=LegalDocument.Kind.DECREE,
            title="x",
            issuer="Chính phủ",
            effective_from=D(2026, 5, 1),
            effective_to=D(2026, 4, 30),
        )
    assert codes(exc.value) == {"effective_to": ["period_reversed"]}


def test_ending_a_document_ends_its_provisions_still_applying_after_that_day(system_admin, decree):
    # given
    open_ended = LegalProvisionFactory.create(document=decree, valid_to=None)
    already_ended = LegalProvisionFactory.create(document=decree, valid_to=D(2026, 3, 31))
    # when
    services.legal_document_update(
        actor=system_admin, document=decree, version=decree.version, changes={"effective_to": D(2026, 6, 30)}
    )
    # then
    open_ended.refresh_from_db()
    already_ended.refresh_from_db()
    assert open_ended.valid_to == D(2026, 6, 30)
    assert already_ended.valid_to == D(2026, 3, 31)


def test_a_stale_document_edit_is_refused(system_admin, decree):
    with pytest.raises(ValidationError) as exc:
        services.legal_document_update(
            actor=system_admin, document=decree, version=decree.version + 1, changes={"title": "Mới"}
        )
    assert codes(exc.value) == {"version": ["stale"]}


# --- provisions ---------------------------------------------------------------------------------------------


def test_administrator_adds_a_provision_with_its_fine_range(system_admin, decree):
    provision = services.legal_provision_create(actor=system_admin, **provision_values(decree))
    assert provision.reference == "Điểm b khoản 2 Điều 5 Nghị định 999/2026/NĐ-CP"
    assert (provision.fine_min, provision.fine_max) == (3_000_000, 5_000_000)


def test_a_provision_may_set_no_fine_at_all(system_admin, decree):
    provision = services.legal_provision_create(
        actor=system_admin, **provision_values(decree, fine_min=None, fine_max=None)
    )
    assert not provision.has_fine
    assert provision.fine_allows(None) and not provision.fine_allows(1_000)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"fine_max": None}, {"fine_max": ["fine_incomplete"]}),
        ({"fine_min": 6_000_000}, {"fine_max": ["fine_reversed"]}),
        ({"fine_min": 0}, {"fine_min": ["fine_not_positive"]}),
        ({"valid_from": D(2025, 12, 31)}, {"valid_from": ["before_document"]}),
        ({"valid_to": D(2025, 12, 31), "valid_from": D(2026, 2, 1)}, {"valid_to": ["period_reversed"]}),
    ],
)
def test_bad_provisions_are_refused_with_field_errors(system_admin, decree, overrides, expected):
    with pytest.raises(ValidationError) as exc:
        services.legal_provision_create(actor=system_admin, **provision_values(decree, **overrides))
    assert codes(exc.value) == expected
    assert not LegalProvision.objects.filter(document=decree).exists()


def test_a_provision_cannot_outlive_its_document(system_admin):
    ended = LegalDocumentFactory.create(effective_from=D(2026, 1, 1), effective_to=D(2026, 12, 31))
    with pytest.raises(ValidationError) as exc:
        services.legal_provision_create(actor=system_admin, **provision_values(ended))
    assert exc.value.message_dict["valid_to"] == [
        "Văn bản hết hiệu lực sau ngày 31/12/2026: căn cứ không thể áp dụng quá ngày đó."
    ]


def test_the_same_act_twice_in_overlapping_periods_is_refused_but_a_later_version_is_accepted(
    system_admin, decree
):
    first = services.legal_provision_create(
        actor=system_admin, **provision_values(decree, valid_to=D(2026, 6, 30))
    )
    with pytest.raises(ValidationError) as exc:
        services.legal_provision_create(
            actor=system_admin, **provision_values(decree, act="KHÔNG niêm yết nội quy")
        )
    assert codes(exc.value) == {"act": ["duplicate"]}
    # a new version from the day after the first ends
    later = services.legal_provision_create(
        actor=system_admin, **provision_values(decree, valid_from=D(2026, 7, 1), fine_max=8_000_000)
    )
    assert later.pk != first.pk


def test_a_police_officer_may_not_add_provisions(police_officer, decree):
    with pytest.raises(PermissionDenied):
        services.legal_provision_create(actor=police_officer, **provision_values(decree))


def test_an_unused_provision_may_be_corrected(system_admin, decree):
    provision = LegalProvisionFactory.create(document=decree, fine_min=1_000_000, fine_max=2_000_000)
    services.legal_provision_update(
        actor=system_admin,
        provision=provision,
        version=provision.version,
        changes={"fine_max": 3_000_000, "act": "  Hành vi   đã sửa "},
    )
    provision.refresh_from_db()
    assert (provision.fine_max, provision.act, provision.version) == (3_000_000, "Hành vi đã sửa", 2)


def test_closing_a_provision_keeps_the_row_with_its_last_day(system_admin, decree):
    provision = LegalProvisionFactory.create(document=decree)
    services.legal_provision_close(
        actor=system_admin, provision=provision, on=D(2026, 8, 31), version=provision.version
    )
    provision.refresh_from_db()
    assert provision.valid_to == D(2026, 8, 31)
    assert not provision.is_valid_on(D(2026, 9, 1)) and provision.is_valid_on(D(2026, 8, 31))


def test_a_provision_is_closed_only_once_and_not_before_it_starts(system_admin, decree):
    provision = LegalProvisionFactory.create(document=decree, valid_from=D(2026, 3, 1))
    with pytest.raises(ValidationError) as exc:
        services.legal_provision_close(actor=system_admin, provision=provision, on=D(2026, 2, 1))
    assert codes(exc.value) == {"valid_to": ["period_reversed"]}
    services.legal_provision_close(actor=system_admin, provision=provision, on=D(2026, 4, 1))
    with pytest.raises(ValidationError) as exc:
        services.legal_provision_close(actor=system_admin, provision=provision, on=D(2026, 5, 1))
    assert codes(exc.value) == {"valid_to": ["closed"]}
