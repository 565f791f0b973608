import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from pcmd.audit.models import AccessLog
from pcmd.criminal_cases import services
from pcmd.criminal_cases.models import Article, CaseOffender, CaseStageEvent, CriminalCase, Stage
from pcmd.criminal_cases.tests.factories import case_via_services, record_stage
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.geography.models import AdminUnit
from pcmd.geography.tests.factories import make_legacy
from pcmd.hotspots.tests.factories import HotspotFactory

D = datetime.date
NAME = "Nguyễn Văn Chứa"


def errors_of(exc_info) -> dict[str, list[str]]:
    return exc_info.value.message_dict


# --- creating a case ----------------------------------------------------------------------------------------


def test_a_police_officer_records_an_uncovered_case_with_its_first_timeline_event(case, police_officer):
    # then
    assert case.stage == Stage.UNCOVERED and case.stage_on == D(2026, 1, 10)
    event = case.stage_events.get()
    assert (event.stage, event.from_stage, event.occurred_on) == (Stage.UNCOVERED, "", D(2026, 1, 10))
    assert event.recorded_by == police_officer and event.agency == case.agency
    assert case.created_by == police_officer


def test_the_summary_is_not_stored_in_plain_text(case):
    with connection.cursor() as cursor:
        cursor.execute("SELECT summary FROM criminal_cases_criminalcase WHERE id = %s", [case.pk])
        raw = cursor.fetchone()[0]
    assert "Hoa Ban" not in raw
    assert CriminalCase.objects.get(pk=case.pk).summary == "Chủ nhà nghỉ Hoa Ban chứa mại dâm tại phòng 203."


@pytest.mark.parametrize(
    "persona",
    ["other_province_police_officer", "commune_officer", "case_worker", "province_officer", "inspector"],
)
def test_only_police_of_the_jurisdiction_record_cases(request, persona, commune, province_police):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        case_via_services(actor, commune, province_police)
    assert not CriminalCase.objects.exists()


def test_a_commune_police_officer_cannot_record_a_case_of_another_commune(
    commune_police_officer, other_commune, other_commune_police
):
    with pytest.raises(PermissionDenied):
        case_via_services(commune_police_officer, other_commune, other_commune_police)


def test_a_commune_police_officer_records_a_case_of_their_commune(
    commune_police_officer, commune, commune_police
):
    case = case_via_services(commune_police_officer, commune, commune_police)
    assert case.unit == commune


def test_a_case_number_is_unique_within_the_unit_ignoring_case(
    case, police_officer, commune, province_police
):
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, province_police, number="01/2026/va")
    assert errors_of(exc)["number"] == ["Đơn vị thụ lý này đã có vụ án số «01/2026/va»."]


def test_the_same_number_in_another_unit_is_accepted(case, police_officer, other_commune, province_police):
    other = case_via_services(police_officer, other_commune, province_police)
    assert other.number == case.number


def test_another_article_must_be_named(police_officer, commune, province_police):
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, province_police, article=Article.OTHER)
    assert errors_of(exc)["article_other"] == ["Ghi rõ điều luật khi chọn «Điều khác»."]


def test_another_article_is_written_only_with_other(police_officer, commune, province_police):
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, province_police, article_other="Điều 168")
    assert errors_of(exc)["article_other"] == ["Chỉ ghi điều luật khác khi chọn «Điều khác»."]


def test_a_case_with_another_article_shows_that_article(police_officer, commune, province_police):
    case = case_via_services(
        police_officer,
        commune,
        province_police,
        article=Article.OTHER,
        article_other="Điều 168 — Cướp tài sản",
    )
    assert case.article_label == "Điều 168 — Cướp tài sản"


def test_a_case_cannot_be_uncovered_in_the_future(police_officer, commune, province_police):
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, province_police, uncovered_on=D(2026, 7, 1))
    assert errors_of(exc)["uncovered_on"] == ["Ngày không được sau ngày hôm nay (30/06/2026)."]


def test_minor_victims_cannot_outnumber_the_victims(police_officer, commune, province_police):
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, province_police, victims_count=1, minor_victims_count=2)
    assert errors_of(exc)["minor_victims_count"] == [
        "Số nạn nhân dưới 18 tuổi không được lớn hơn tổng số nạn nhân (1)."
    ]


def test_a_court_does_not_uncover_a_case(police_officer, commune, court):
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, court)
    assert errors_of(exc)["agency"] == [
        "Ở giai đoạn «Phát hiện», cơ quan thụ lý phải là: Công an, Viện Kiểm sát nhân dân."
    ]


def test_the_agency_belongs_to_the_unit_or_above(police_officer, commune, other_commune_police):
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, other_commune_police)
    assert errors_of(exc)["agency"] == ["Cơ quan phải thuộc đơn vị thụ lý hoặc tỉnh, thành phố cấp trên."]


def test_a_closed_agency_cannot_take_a_case(police_officer, commune, province_police):
    province_police.valid_to = D(2026, 3, 1)
    province_police.save()
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, province_police)
    assert errors_of(exc)["agency"] == ["Cơ quan «Công an tỉnh Sơn La» không hoạt động vào ngày 30/06/2026."]


def test_a_legacy_commune_does_not_handle_new_cases(police_officer, son_la, commune, province_police):
    legacy = make_legacy("04111", "Xã Chiềng Cơi", AdminUnit.Level.COMMUNE, None, commune.scope_path)
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, legacy, province_police)
    assert errors_of(exc)["unit"] == [
        "Đơn vị thụ lý phải là một tỉnh, thành phố hoặc xã, phường, đặc khu hiện hành."
    ]


def test_a_case_is_linked_to_hotspots_and_establishments_of_its_unit(
    police_officer, commune, province_police, commune_police
):
    hotspot = HotspotFactory.create(unit=commune, identified_by=commune_police)
    establishment = EstablishmentFactory.create(unit=commune)
    case = case_via_services(
        police_officer, commune, province_police, hotspots=[hotspot], establishments=[establishment]
    )
    assert list(case.hotspots.all()) == [hotspot] and list(case.establishments.all()) == [establishment]


def test_a_hotspot_of_another_commune_is_refused(
    police_officer, commune, other_commune, province_police, commune_police
):
    elsewhere = HotspotFactory.create(unit=other_commune, identified_by=commune_police, name="Bãi đất trống")
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, province_police, hotspots=[elsewhere])
    assert errors_of(exc)["hotspots"] == [
        "Điểm phức tạp «Bãi đất trống» không thuộc địa bàn của đơn vị thụ lý."
    ]


def test_a_deleted_establishment_is_refused(police_officer, commune, province_police):
    gone = EstablishmentFactory.create(
        unit=commune, name="Karaoke Cũ", is_deleted=True, deletion_reason="Trùng"
    )
    with pytest.raises(ValidationError) as exc:
        case_via_services(police_officer, commune, province_police, establishments=[gone])
    assert errors_of(exc)["establishments"] == ["«Karaoke Cũ» đã bị xóa khỏi danh sách."]


def test_a_province_case_links_hotspots_of_any_commune_of_the_province(
    police_officer, son_la, other_commune, province_police, commune_police
):
    hotspot = HotspotFactory.create(unit=other_commune, identified_by=commune_police)
    case = case_via_services(police_officer, son_la, province_police, hotspots=[hotspot])
    assert list(case.hotspots.all()) == [hotspot]


# --- editing ------------------------------------------------------------------------------------------------


def test_an_edit_with_the_current_version_is_saved(case, police_officer):
    # when
    services.criminal_case_update(
        actor=police_officer, case=case, version=1, changes={"victims_count": 3, "summary": "Đã bổ sung."}
    )
    # then
    case.refresh_from_db()
    assert (case.victims_count, case.summary, case.version) == (3, "Đã bổ sung.", 2)


def test_a_stale_edit_is_refused(case, police_officer):
    services.criminal_case_update(actor=police_officer, case=case, version=1, changes={"victims_count": 3})
    stale = CriminalCase.objects.get(pk=case.pk)
    with pytest.raises(ValidationError) as exc:
        services.criminal_case_update(
            actor=police_officer, case=stale, version=1, changes={"victims_count": 4}
        )
    assert "phiên bản hiện tại: 2" in errors_of(exc)["version"][0]
    case.refresh_from_db()
    assert case.victims_count == 3


def test_moving_the_uncovering_date_moves_its_timeline_event(case, police_officer):
    services.criminal_case_update(
        actor=police_officer, case=case, version=1, changes={"uncovered_on": D(2026, 1, 5)}
    )
    case.refresh_from_db()
    assert case.stage_on == D(2026, 1, 5)
    assert case.stage_events.get(stage=Stage.UNCOVERED).occurred_on == D(2026, 1, 5)


def test_the_uncovering_cannot_move_after_the_next_stage(case, police_officer):
    record_stage(police_officer, case, Stage.PROSECUTED, D(2026, 2, 1))
    with pytest.raises(ValidationError) as exc:
        services.criminal_case_update(
            actor=police_officer, case=case, version=case.version, changes={"uncovered_on": D(2026, 2, 2)}
        )
    assert errors_of(exc)["uncovered_on"] == [
        "Ngày phát hiện không được sau ngày của giai đoạn tiếp theo (01/02/2026)."
    ]


@pytest.mark.parametrize(
    "persona", ["other_province_police_officer", "other_commune_police_officer", "commune_officer"]
)
def test_outsiders_cannot_edit_a_case(request, persona, case):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.criminal_case_update(actor=actor, case=case, version=1, changes={"victims_count": 9})


def test_unknown_fields_are_not_editable(case, police_officer):
    with pytest.raises(ValueError, match="unit"):
        services.criminal_case_update(actor=police_officer, case=case, version=1, changes={"unit": None})


# --- the stage timeline -------------------------------------------------------------------------------------


def test_a_case_goes_through_every_stage_to_judgment_with_a_mobile_trial(
    case, police_officer, procuracy, court
):
    # when
    record_stage(police_officer, case, Stage.PROSECUTED, D(2026, 1, 20), decision_number="05/QĐ-CSĐT")
    record_stage(police_officer, case, Stage.INDICTED, D(2026, 3, 2), agency=procuracy)
    record_stage(police_officer, case, Stage.TRIED, D(2026, 4, 15), agency=court, mobile_trial=True)
    record_stage(police_officer, case, Stage.JUDGED, D(2026, 4, 15), decision_number="12/2026/HS-ST")
    # then
    case.refresh_from_db()
    assert (case.stage, case.stage_on, case.agency) == (Stage.JUDGED, D(2026, 4, 15), court)
    timeline = list(case.stage_events.order_by("occurred_on", "id").values_list("from_stage", "stage"))
    assert timeline == [
        ("", "uncovered"),
        ("uncovered", "prosecuted"),
        ("prosecuted", "indicted"),
        ("indicted", "tried"),
        ("tried", "judged"),
    ]
    assert case.had_mobile_trial


def test_a_stage_cannot_be_skipped(case, police_officer):
    with pytest.raises(ValidationError) as exc:
        record_stage(police_officer, case, Stage.TRIED, D(2026, 2, 1))
    assert errors_of(exc)["stage"] == [
        "Không thể ghi nhận «Xét xử» khi vụ án đang ở giai đoạn «Phát hiện». Giai đoạn tiếp theo: Khởi tố."
    ]
    assert case.stage_events.count() == 1


def test_a_stage_cannot_precede_the_previous_one(case, police_officer):
    with pytest.raises(ValidationError) as exc:
        record_stage(police_officer, case, Stage.PROSECUTED, D(2026, 1, 9))
    assert errors_of(exc)["occurred_on"] == [
        "Ngày không được trước ngày của giai đoạn trước (Phát hiện, 10/01/2026)."
    ]


def test_a_stage_cannot_be_in_the_future(case, police_officer):
    with pytest.raises(ValidationError) as exc:
        record_stage(police_officer, case, Stage.PROSECUTED, D(2026, 7, 1))
    assert errors_of(exc)["occurred_on"] == ["Ngày không được sau ngày hôm nay (30/06/2026)."]


def test_only_a_trial_is_marked_mobile(case, police_officer):
    with pytest.raises(ValidationError) as exc:
        record_stage(police_officer, case, Stage.PROSECUTED, D(2026, 2, 1), mobile_trial=True)
    assert errors_of(exc)["mobile_trial"] == ["Chỉ đánh dấu xét xử lưu động ở giai đoạn xét xử."]


def test_the_police_do_not_indict(case, police_officer, province_police):
    record_stage(police_officer, case, Stage.PROSECUTED, D(2026, 2, 1))
    with pytest.raises(ValidationError) as exc:
        record_stage(police_officer, case, Stage.INDICTED, D(2026, 3, 1), agency=province_police)
    assert errors_of(exc)["agency"] == [
        "Ở giai đoạn «Truy tố», cơ quan thụ lý phải là: Viện Kiểm sát nhân dân."
    ]


def test_nothing_follows_the_judgment(case, police_officer):
    for stage, day in ((Stage.PROSECUTED, 1), (Stage.INDICTED, 2), (Stage.TRIED, 3), (Stage.JUDGED, 4)):
        record_stage(police_officer, case, stage, D(2026, 2, day))
    with pytest.raises(ValidationError) as exc:
        record_stage(police_officer, case, Stage.JUDGED, D(2026, 2, 5))
    assert errors_of(exc)["stage"] == ["Vụ án đã có bản án: không còn giai đoạn nào để ghi nhận."]


def test_a_stage_recorded_on_a_stale_case_is_refused(case, police_officer):
    with pytest.raises(ValidationError) as exc:
        services.case_stage_record(
            actor=police_officer, case=case, stage=Stage.PROSECUTED, occurred_on=D(2026, 2, 1), version=0
        )
    assert "version" in errors_of(exc)
    assert CaseStageEvent.objects.count() == 1


@pytest.mark.parametrize("persona", ["other_province_police_officer", "commune_officer", "case_worker"])
def test_outsiders_cannot_record_a_stage(request, persona, case):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        record_stage(actor, case, Stage.PROSECUTED, D(2026, 2, 1))


# --- offenders ----------------------------------------------------------------------------------------------


def add_offender(actor, case, **overrides) -> CaseOffender:
    values = {"role": CaseOffender.Role.OWNER_MANAGER, "full_name": NAME, "sex": "male", "birth_year": 1980}
    return services.case_offender_add(actor=actor, case=case, **{**values, **overrides})


def test_the_raw_row_of_an_offender_does_not_contain_the_name(case, police_officer):
    # when
    offender = add_offender(police_officer, case)
    # then
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name FROM criminal_cases_caseoffender WHERE id = %s", [offender.pk])
        raw = cursor.fetchone()[0]
    assert NAME not in raw and "Chứa" not in raw
    assert CaseOffender.objects.get(pk=offender.pk).full_name == NAME


def test_the_change_log_never_copies_the_name_nor_the_summary(case, police_officer):
    offender = add_offender(police_officer, case)
    services.case_offender_remove(actor=police_officer, offender=offender)
    entries = LogEntry.objects.all()
    assert entries.exists()
    logged = " ".join(f"{e.object_repr} {e.changes}" for e in entries)
    assert "Chứa" not in logged and "Hoa Ban" not in logged
    assert "role" in logged  # the other fields are still logged


def test_an_offender_keeps_minimal_data(case, police_officer):
    offender = add_offender(
        police_officer, case, full_name="  Lò   Thị  Môi  ", birth_year=None, role="broker"
    )
    assert (offender.full_name, offender.birth_year, offender.role) == ("Lò Thị Môi", None, "broker")


def test_a_birth_year_in_the_future_is_refused(case, police_officer):
    with pytest.raises(ValidationError) as exc:
        add_offender(police_officer, case, birth_year=2027)
    assert errors_of(exc)["birth_year"] == ["Năm sinh phải trong khoảng 1900 đến 2026."]


def test_an_offender_needs_a_name_and_a_sex(case, police_officer):
    with pytest.raises(ValidationError) as exc:
        add_offender(police_officer, case, full_name="   ", sex="")
    errors = errors_of(exc)
    assert errors["full_name"] == ["Nhập họ và tên."]
    assert "sex" in errors


@pytest.mark.parametrize("persona", ["other_province_police_officer", "commune_officer", "province_officer"])
def test_outsiders_cannot_add_offenders(request, persona, case):
    with pytest.raises(PermissionDenied):
        add_offender(request.getfixturevalue(persona), case)


def test_viewing_the_offenders_is_logged_with_its_reason(case, police_officer):
    add_offender(police_officer, case)
    # when
    offenders = services.case_offenders_reveal(actor=police_officer, case=case, reason="Lập hồ sơ truy tố")
    # then
    assert [o.full_name for o in offenders] == [NAME]
    entry = AccessLog.objects.get()
    assert (entry.actor, entry.object_type, entry.object_id) == (
        police_officer,
        "criminal_cases.criminalcase",
        str(case.pk),
    )
    assert (entry.purpose, entry.reason) == (AccessLog.Purpose.VIEW_IDENTITY, "Lập hồ sơ truy tố")


def test_the_offenders_are_not_shown_without_a_reason(case, police_officer):
    with pytest.raises(ValidationError) as exc:
        services.case_offenders_reveal(actor=police_officer, case=case, reason="  ")
    assert errors_of(exc)["reason"] == ["Cần ghi lý do xem danh sách đối tượng."]
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize(
    "persona",
    ["other_province_police_officer", "other_commune_police_officer", "commune_officer", "case_worker"],
)
def test_outsiders_cannot_see_the_offenders(request, persona, case, police_officer):
    add_offender(police_officer, case)
    with pytest.raises(PermissionDenied):
        services.case_offenders_reveal(actor=request.getfixturevalue(persona), case=case, reason="Tò mò")
    assert not AccessLog.objects.exists()


def test_an_offender_entered_by_mistake_is_removed(case, police_officer):
    offender = add_offender(police_officer, case)
    services.case_offender_remove(actor=police_officer, offender=offender)
    assert not CaseOffender.objects.exists()


def test_outsiders_cannot_remove_an_offender(case, police_officer, other_province_police_officer):
    offender = add_offender(police_officer, case)
    with pytest.raises(PermissionDenied):
        services.case_offender_remove(actor=other_province_police_officer, offender=offender)
    assert CaseOffender.objects.count() == 1
