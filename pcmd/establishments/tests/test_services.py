import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pcmd.core.services import STALE_EDIT
from pcmd.establishments import services
from pcmd.establishments.models import (
    Establishment,
    EstablishmentStatusChange,
    Licence,
    RiskLevel,
    StatusChangeSource,
)
from pcmd.establishments.selectors import establishments_visible_to
from pcmd.establishments.services.registry import (
    DATE_BEFORE_OPENING,
    DATE_IN_FUTURE,
    NOT_A_COMMUNE,
    OVERRIDE_REASON_REQUIRED,
    POSSIBLE_DUPLICATE,
    STATUS_REASON_REQUIRED,
)
from pcmd.geography.tests.factories import make_legacy

D = datetime.date


def _register(actor, unit, type_, **overrides):
    values = {
        "actor": actor,
        "unit": unit,
        "type": type_,
        "name": "Nhà nghỉ Bình An",
        "address": "Ngõ 12 đường Lò Văn Giá, tổ 7",
        "opened_on": D(2018, 1, 1),
    }
    values.update(overrides)
    return services.establishment_create(**values)


def _codes(error: ValidationError) -> dict[str, list[str | None]]:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


# --- registration -------------------------------------------------------------------------------------------


def test_commune_officer_registers_an_establishment_with_keys_code_and_history(
    commune_officer, commune, karaoke
):
    # when
    establishment = _register(
        commune_officer, commune, karaoke, name="  Karaoke   Hoa  Hồng ", address="Số 12, đường Tô Hiệu"
    )
    # then
    establishment.refresh_from_db()
    assert establishment.name == "Karaoke Hoa Hồng"
    assert establishment.name_search == "karaoke hoa hong"
    assert establishment.address_key == "so 12 duong to hieu"
    assert establishment.registry_code == "CS-04105-1"
    assert establishment.created_by == commune_officer
    history = establishment.status_changes.get()
    assert (history.from_status, history.to_status) == ("", Establishment.Status.OPERATING)
    assert history.source == StatusChangeSource.REGISTRATION
    assert history.changed_by == commune_officer


def test_registry_codes_count_up_per_commune_and_are_never_reused(commune_officer, commune, karaoke):
    first = _register(commune_officer, commune, karaoke, name="Cơ sở một", address="Tổ 1")
    second = _register(commune_officer, commune, karaoke, name="Cơ sở hai", address="Tổ 2")
    services.establishment_delete(actor=commune_officer, establishment=second, reason="Đăng ký nhầm")
    # when
    third = _register(commune_officer, commune, karaoke, name="Cơ sở ba", address="Tổ 3")
    # then
    assert [first.registry_code, second.registry_code, third.registry_code] == [
        "CS-04105-1",
        "CS-04105-2",
        "CS-04105-3",
    ]


def test_registration_records_the_licences_given(hoa_hong):
    licence = hoa_hong.licences.get()
    assert licence.kind == Licence.Kind.SECURITY_ORDER
    assert licence.number_key == "15gcnantt"


def test_officer_of_another_commune_cannot_register_in_this_commune(other_commune_officer, commune, karaoke):
    with pytest.raises(PermissionDenied):
        _register(other_commune_officer, commune, karaoke)
    assert not Establishment.objects.exists()


@pytest.mark.parametrize(
    "persona",
    ["other_province_officer", "province_officer", "inspector", "case_worker", "no_membership_user"],
)
def test_roles_without_the_right_over_the_commune_cannot_register(persona, request, commune, karaoke):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        _register(actor, commune, karaoke)


def test_an_establishment_belongs_to_a_current_commune_not_a_province(system_admin, son_la, karaoke):
    with pytest.raises(ValidationError) as caught:
        _register(system_admin, son_la, karaoke)
    assert caught.value.message_dict["unit"] == [str(NOT_A_COMMUNE)]


def test_a_legacy_commune_is_refused(system_admin, son_la, commune, karaoke):
    legacy = make_legacy("04100", "Xã Chiềng Lề", "commune", None, commune.scope_path)
    with pytest.raises(ValidationError) as caught:
        _register(system_admin, legacy, karaoke)
    assert "not_a_commune" in _codes(caught.value)["unit"]


def test_bad_fields_are_all_reported_at_once(commune_officer, commune, karaoke):
    with pytest.raises(ValidationError) as caught:
        _register(
            commune_officer,
            commune,
            karaoke,
            latitude=21.3,
            longitude=None,
            opened_on=datetime.date.today() + datetime.timedelta(days=3),
            owner_phone="gọi chủ quán",
            licences=[
                {
                    "kind": Licence.Kind.KARAOKE,
                    "number": "1/GP",
                    "issued_on": D(2024, 5, 1),
                    "expires_on": D(2023, 1, 1),
                }
            ],
        )
    codes = _codes(caught.value)
    assert codes["longitude"] == ["coordinates_pair"]
    assert codes["opened_on"] == ["in_future"]
    assert codes["owner_phone"] == ["invalid_phone"]
    assert codes["licence_expires_on"] == ["expires_before_issue"]
    assert not Establishment.objects.exists()


def test_an_inactive_type_is_not_offered_for_new_establishments(commune_officer, commune, karaoke):
    karaoke.is_active = False
    karaoke.save()
    with pytest.raises(ValidationError) as caught:
        _register(commune_officer, commune, karaoke)
    assert _codes(caught.value)["type"] == ["inactive_type"]


# --- duplicates ---------------------------------------------------------------------------------------------


def test_same_normalised_name_and_address_in_the_commune_is_flagged_before_saving(
    commune_officer, commune, karaoke, hoa_hong
):
    # when: the same place typed differently
    with pytest.raises(services.PossibleDuplicatesError) as caught:
        _register(
            commune_officer, commune, karaoke, name="karaoke hoa hong", address="số 12 Đường Tô Hiệu - Tổ 3"
        )
    # then
    assert [d.establishment for d in caught.value.duplicates] == [hoa_hong]
    assert caught.value.duplicates[0].same_name_and_address
    assert caught.value.error_dict["confirm_duplicates"][0].message == POSSIBLE_DUPLICATE
    assert hoa_hong.registry_code in caught.value.messages[0]
    assert Establishment.objects.count() == 1


def test_same_licence_number_is_flagged_even_under_another_name(commune_officer, commune, karaoke, hoa_hong):
    with pytest.raises(services.PossibleDuplicatesError) as caught:
        _register(
            commune_officer,
            commune,
            karaoke,
            name="Karaoke Hồng Nhung",
            address="Số 80 đường Chu Văn Thịnh",
            licences=[{"kind": Licence.Kind.SECURITY_ORDER, "number": "15 / gcn-antt"}],
        )
    assert caught.value.duplicates[0].same_licence_numbers == ["15/GCN-ANTT"]


def test_the_user_confirms_to_save_a_possible_duplicate_anyway(commune_officer, commune, karaoke, hoa_hong):
    establishment = _register(
        commune_officer,
        commune,
        karaoke,
        name="Karaoke Hoa Hồng",
        address="Số 12 đường Tô Hiệu, tổ 3",
        confirm_duplicates=True,
    )
    assert establishment.pk != hoa_hong.pk
    assert Establishment.objects.count() == 2


def test_the_same_name_in_another_commune_is_not_a_duplicate(
    other_commune_officer, other_commune, karaoke, hoa_hong
):
    establishment = _register(
        other_commune_officer, other_commune, karaoke, name=hoa_hong.name, address=hoa_hong.address
    )
    assert establishment.unit == other_commune


def test_a_deleted_establishment_is_not_a_duplicate(commune_officer, commune, karaoke, hoa_hong):
    services.establishment_delete(actor=commune_officer, establishment=hoa_hong, reason="Đăng ký trùng")
    establishment = _register(commune_officer, commune, karaoke, name=hoa_hong.name, address=hoa_hong.address)
    assert establishment.pk != hoa_hong.pk


# --- update -------------------------------------------------------------------------------------------------


def test_officer_updates_an_establishment_and_the_version_goes_up(commune_officer, hoa_hong):
    # when
    services.establishment_update(
        actor=commune_officer,
        establishment=hoa_hong,
        version=1,
        changes={"worker_count": 9, "owner_phone": "0912 000 111", "name": "Karaoke Hoa Hồng Mới"},
    )
    # then
    hoa_hong.refresh_from_db()
    assert (hoa_hong.worker_count, hoa_hong.version) == (9, 2)
    assert hoa_hong.name_search == "karaoke hoa hong moi"


def test_a_stale_edit_is_refused_and_changes_nothing(commune_officer, hoa_hong):
    services.establishment_update(
        actor=commune_officer, establishment=hoa_hong, version=1, changes={"worker_count": 7}
    )
    stale = Establishment.objects.get(pk=hoa_hong.pk)
    stale.version = 1  # what the second editor saw
    # when
    with pytest.raises(ValidationError) as caught:
        services.establishment_update(
            actor=commune_officer, establishment=stale, version=1, changes={"worker_count": 2}
        )
    # then
    assert caught.value.error_dict["version"][0].message == STALE_EDIT
    hoa_hong.refresh_from_db()
    assert hoa_hong.worker_count == 7


def test_renaming_onto_another_registered_establishment_is_flagged(
    commune_officer, commune, guesthouse, hoa_hong
):
    other = _register(commune_officer, commune, guesthouse)
    with pytest.raises(services.PossibleDuplicatesError):
        services.establishment_update(
            actor=commune_officer,
            establishment=other,
            version=other.version,
            changes={"name": hoa_hong.name, "address": hoa_hong.address},
        )


def test_moving_an_establishment_to_a_commune_outside_the_jurisdiction_is_refused(
    commune_officer, other_commune, hoa_hong
):
    with pytest.raises(PermissionDenied):
        services.establishment_update(
            actor=commune_officer, establishment=hoa_hong, version=1, changes={"unit": other_commune}
        )


def test_officer_of_another_commune_cannot_update(other_commune_officer, hoa_hong):
    with pytest.raises(PermissionDenied):
        services.establishment_update(
            actor=other_commune_officer, establishment=hoa_hong, version=1, changes={"worker_count": 1}
        )


def test_only_editable_fields_may_be_changed(commune_officer, hoa_hong):
    with pytest.raises(ValueError, match="status"):
        services.establishment_update(
            actor=commune_officer, establishment=hoa_hong, version=1, changes={"status": "closed"}
        )


# --- status -------------------------------------------------------------------------------------------------


def test_status_change_is_recorded_in_the_history(commune_officer, hoa_hong):
    # when
    change = services.establishment_status_change(
        actor=commune_officer,
        establishment=hoa_hong,
        to_status=Establishment.Status.SUSPENDED,
        reason="Chủ cơ sở xin tạm ngừng để sửa chữa",
        effective_on=D(2025, 10, 1),
    )
    # then
    hoa_hong.refresh_from_db()
    assert hoa_hong.status == Establishment.Status.SUSPENDED
    assert hoa_hong.version == 2
    assert (change.from_status, change.to_status, change.effective_on) == (
        "operating",
        "suspended",
        D(2025, 10, 1),
    )
    assert change.changed_by == commune_officer
    assert change.source == StatusChangeSource.MANUAL
    assert hoa_hong.status_changes.count() == 2


def test_status_change_needs_a_new_status_a_reason_and_a_possible_date(commune_officer, hoa_hong):
    with pytest.raises(ValidationError) as caught:
        services.establishment_status_change(
            actor=commune_officer,
            establishment=hoa_hong,
            to_status=Establishment.Status.OPERATING,
            reason=" ",
            effective_on=D(2019, 1, 1),
        )
    codes = _codes(caught.value)
    assert codes == {"to_status": ["unchanged"], "reason": ["required"], "effective_on": ["before_opening"]}
    assert caught.value.message_dict["reason"] == [str(STATUS_REASON_REQUIRED)]
    assert caught.value.message_dict["effective_on"] == [str(DATE_BEFORE_OPENING % {"day": "01/05/2019"})]


def test_status_change_cannot_be_dated_in_the_future(commune_officer, hoa_hong):
    with pytest.raises(ValidationError) as caught:
        services.establishment_status_change(
            actor=commune_officer,
            establishment=hoa_hong,
            to_status=Establishment.Status.CLOSED,
            reason="Đóng cửa",
            effective_on=datetime.date.today() + datetime.timedelta(days=1),
        )
    assert caught.value.message_dict["effective_on"] == [str(DATE_IN_FUTURE)]


def test_police_record_a_suspension_that_follows_a_sanction(police_officer, hoa_hong):
    change = services.establishment_status_change(
        actor=police_officer,
        establishment=hoa_hong,
        to_status=Establishment.Status.SUSPENDED,
        reason="Tước quyền sử dụng giấy phép 3 tháng",
        source=StatusChangeSource.SANCTION,
        source_reference="Quyết định 25/QĐ-XPHC",
    )
    assert change.source_reference == "Quyết định 25/QĐ-XPHC"


def test_police_cannot_change_the_status_by_hand(police_officer, hoa_hong):
    with pytest.raises(PermissionDenied):
        services.establishment_status_change(
            actor=police_officer, establishment=hoa_hong, to_status=Establishment.Status.CLOSED, reason="Đóng"
        )


def test_other_commune_officer_cannot_change_the_status(other_commune_officer, hoa_hong):
    with pytest.raises(PermissionDenied):
        services.establishment_status_change(
            actor=other_commune_officer,
            establishment=hoa_hong,
            to_status=Establishment.Status.CLOSED,
            reason="Đóng",
        )
    assert not EstablishmentStatusChange.objects.filter(to_status=Establishment.Status.CLOSED).exists()


# --- soft delete --------------------------------------------------------------------------------------------


def test_soft_delete_keeps_the_row_with_who_when_why_and_hides_it(commune_officer, hoa_hong):
    # when
    services.establishment_delete(actor=commune_officer, establishment=hoa_hong, reason="Đăng ký trùng")
    # then
    row = Establishment.objects.get(pk=hoa_hong.pk)
    assert row.is_deleted and row.deleted_by == commune_officer and row.deleted_at is not None
    assert row.deletion_reason == "Đăng ký trùng"
    assert not establishments_visible_to(commune_officer).exists()


def test_delete_needs_a_reason(commune_officer, hoa_hong):
    with pytest.raises(ValidationError) as caught:
        services.establishment_delete(actor=commune_officer, establishment=hoa_hong, reason="")
    assert _codes(caught.value) == {"reason": ["required"]}
    hoa_hong.refresh_from_db()
    assert not hoa_hong.is_deleted


def test_a_deleted_establishment_can_no_longer_be_edited(commune_officer, hoa_hong):
    services.establishment_delete(actor=commune_officer, establishment=hoa_hong, reason="Trùng")
    with pytest.raises(PermissionDenied):
        services.establishment_update(
            actor=commune_officer, establishment=hoa_hong, version=2, changes={"worker_count": 1}
        )


def test_other_commune_officer_cannot_delete(other_commune_officer, hoa_hong):
    with pytest.raises(PermissionDenied):
        services.establishment_delete(actor=other_commune_officer, establishment=hoa_hong, reason="Trùng")


# --- risk override ------------------------------------------------------------------------------------------


def test_risk_override_needs_a_reason(commune_officer, hoa_hong):
    with pytest.raises(ValidationError) as caught:
        services.establishment_risk_override(
            actor=commune_officer, establishment=hoa_hong, level=RiskLevel.HIGH
        )
    assert caught.value.message_dict == {"reason": [str(OVERRIDE_REASON_REQUIRED)]}


def test_risk_override_sets_the_level_and_clearing_it_restores_the_computed_one(commune_officer, hoa_hong):
    # when
    services.establishment_risk_override(
        actor=commune_officer,
        establishment=hoa_hong,
        level=RiskLevel.HIGH,
        reason="Nhiều phản ánh của người dân",
    )
    # then
    hoa_hong.refresh_from_db()
    assert (hoa_hong.risk_level, hoa_hong.risk_computed) == (RiskLevel.HIGH, RiskLevel.LOW)
    assert hoa_hong.risk_override_by == commune_officer
    # when
    services.establishment_risk_override(actor=commune_officer, establishment=hoa_hong, level="")
    # then
    hoa_hong.refresh_from_db()
    assert (hoa_hong.risk_level, hoa_hong.risk_override, hoa_hong.risk_override_reason) == (
        RiskLevel.LOW,
        "",
        "",
    )


def test_inspector_cannot_override_the_risk(inspector, hoa_hong):
    with pytest.raises(PermissionDenied):
        services.establishment_risk_override(
            actor=inspector, establishment=hoa_hong, level=RiskLevel.HIGH, reason="x"
        )


# --- licences, commitments, health checks -------------------------------------------------------------------


def test_a_licence_number_recorded_for_another_establishment_is_a_possible_duplicate(
    commune_officer, commune, guesthouse, hoa_hong
):
    other = _register(commune_officer, commune, guesthouse)
    with pytest.raises(services.PossibleDuplicatesError):
        services.licence_add(
            actor=commune_officer, establishment=other, kind=Licence.Kind.SECURITY_ORDER, number="15/GCN-ANTT"
        )
    licence = services.licence_add(
        actor=commune_officer,
        establishment=other,
        kind=Licence.Kind.SECURITY_ORDER,
        number="15/GCN-ANTT",
        confirm_duplicates=True,
    )
    assert licence.establishment == other


def test_the_same_licence_twice_on_one_establishment_is_refused(commune_officer, hoa_hong):
    with pytest.raises(ValidationError) as caught:
        services.licence_add(
            actor=commune_officer,
            establishment=hoa_hong,
            kind=Licence.Kind.SECURITY_ORDER,
            number="15/gcn-antt",
        )
    assert _codes(caught.value) == {"number": ["duplicate"]}


def test_licence_renewal_updates_the_expiry(commune_officer, hoa_hong):
    licence = hoa_hong.licences.get()
    services.licence_update(actor=commune_officer, licence=licence, changes={"expires_on": D(2030, 1, 1)})
    licence.refresh_from_db()
    assert licence.expires_on == D(2030, 1, 1)


def test_licence_of_another_establishment_cannot_be_deleted_through_this_one(
    commune_officer, commune, guesthouse, hoa_hong
):
    other = _register(commune_officer, commune, guesthouse)
    with pytest.raises(ValidationError):
        services.licence_delete(actor=commune_officer, establishment=other, licence=hoa_hong.licences.get())
    assert hoa_hong.licences.exists()


def test_commitment_signed_in_the_future_is_refused(commune_officer, hoa_hong):
    with pytest.raises(ValidationError) as caught:
        services.commitment_add(
            actor=commune_officer,
            establishment=hoa_hong,
            kind="owner_commune",
            signed_on=datetime.date.today() + datetime.timedelta(days=1),
            party_name="Lò Văn Hồng",
        )
    assert _codes(caught.value) == {"signed_on": ["in_future"]}


def test_commitments_of_owner_and_workers_are_recorded(commune_officer, hoa_hong):
    services.commitment_add(
        actor=commune_officer,
        establishment=hoa_hong,
        kind="owner_commune",
        signed_on=D(2025, 8, 1),
        party_name="Lò Văn Hồng",
    )
    services.commitment_add(
        actor=commune_officer,
        establishment=hoa_hong,
        kind="worker_owner",
        signed_on=D(2025, 8, 2),
        party_name="Cầm Thị Hoa",
    )
    assert sorted(hoa_hong.commitments.values_list("kind", flat=True)) == ["owner_commune", "worker_owner"]


def test_health_check_before_the_establishment_opened_or_with_nobody_is_refused(commune_officer, hoa_hong):
    with pytest.raises(ValidationError) as caught:
        services.health_check_add(
            actor=commune_officer,
            establishment=hoa_hong,
            checked_on=D(2018, 1, 1),
            workers_checked=0,
            provider="TTYT",
        )
    assert _codes(caught.value) == {"checked_on": ["before_opening"], "workers_checked": ["not_positive"]}


def test_health_check_round_is_recorded(commune_officer, hoa_hong):
    round_ = services.health_check_add(
        actor=commune_officer,
        establishment=hoa_hong,
        checked_on=D(2025, 9, 1),
        workers_checked=6,
        provider="Trung tâm Y tế thành phố Sơn La",
    )
    assert hoa_hong.health_checks.get() == round_


def test_other_commune_officer_cannot_add_records(other_commune_officer, hoa_hong):
    with pytest.raises(PermissionDenied):
        services.health_check_add(
            actor=other_commune_officer,
            establishment=hoa_hong,
            checked_on=D(2025, 9, 1),
            workers_checked=1,
            provider="x",
        )
    with pytest.raises(PermissionDenied):
        services.licence_add(actor=other_commune_officer, establishment=hoa_hong, kind="other", number="9")


# --- attachments --------------------------------------------------------------------------------------------


def test_a_pdf_is_attached_with_its_type_and_size(commune_officer, hoa_hong):
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 noi dung", content_type="application/pdf")
    attachment = services.attachment_add(
        actor=commune_officer, establishment=hoa_hong, file=upload, description="Biên bản cam kết"
    )
    assert (attachment.original_name, attachment.content_type, attachment.size) == (
        "bien-ban.pdf",
        "application/pdf",
        len(b"%PDF-1.4 noi dung"),
    )


def test_a_file_whose_content_does_not_match_its_type_is_refused(commune_officer, hoa_hong):
    upload = SimpleUploadedFile("anh.png", b"MZ\x90\x00 executable", content_type="image/png")
    with pytest.raises(ValidationError) as caught:
        services.attachment_add(actor=commune_officer, establishment=hoa_hong, file=upload)
    assert _codes(caught.value) == {"file": ["type"]}


def test_a_too_large_file_is_refused(commune_officer, hoa_hong, monkeypatch):
    monkeypatch.setattr("pcmd.establishments.services.records.ATTACHMENT_MAX_MB", 0)
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4", content_type="application/pdf")
    with pytest.raises(ValidationError) as caught:
        services.attachment_add(actor=commune_officer, establishment=hoa_hong, file=upload)
    assert _codes(caught.value) == {"file": ["too_large"]}


def test_attachment_is_deleted_with_its_file(commune_officer, hoa_hong):
    attachment = services.attachment_add(
        actor=commune_officer,
        establishment=hoa_hong,
        file=SimpleUploadedFile("a.png", b"\x89PNG\r\n", content_type="image/png"),
    )
    name = attachment.file.name
    storage = attachment.file.storage
    services.attachment_delete(actor=commune_officer, establishment=hoa_hong, attachment=attachment)
    assert not hoa_hong.attachments.exists()
    assert not storage.exists(name)


# --- establishment types ------------------------------------------------------------------------------------


def test_administrator_adds_a_type_and_retires_another(system_admin, karaoke):
    # when
    created = services.establishment_type_create(
        actor=system_admin, code="quan-nhau", name="Quán nhậu", order=155
    )
    services.establishment_type_update(
        actor=system_admin, establishment_type=karaoke, changes={"is_active": False}
    )
    # then
    assert created.name == "Quán nhậu"
    karaoke.refresh_from_db()
    assert not karaoke.is_active


def test_a_type_name_taken_ignoring_diacritics_is_refused(system_admin):
    with pytest.raises(ValidationError) as caught:
        services.establishment_type_create(actor=system_admin, code="karaoke-2", name="KARAOKÊ")
    assert _codes(caught.value) == {"name": ["duplicate"]}


@pytest.mark.parametrize("persona", ["commune_officer", "province_officer", "case_worker"])
def test_only_administrators_change_the_types(persona, request):
    with pytest.raises(PermissionDenied):
        services.establishment_type_create(actor=request.getfixturevalue(persona), code="x", name="X")
