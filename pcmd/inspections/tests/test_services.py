import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pcmd.agencies.tests.factories import TeamMemberFactory
from pcmd.core.services import today
from pcmd.establishments.models import Establishment, RiskLevel, StatusChangeSource
from pcmd.inspections import services
from pcmd.inspections.models import (
    FollowUp,
    Inspection,
    InspectionMode,
    InspectionPlan,
    SanctionDecision,
    Violation,
)
from pcmd.inspections.selectors import checklist_items
from pcmd.inspections.tests.conftest import INSPECTION_DAY
from pcmd.inspections.tests.factories import at
from pcmd.legal import services as legal_services
from pcmd.legal.tests.factories import LegalDocumentFactory, LegalProvisionFactory

D = datetime.date
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def codes(exc: ValidationError) -> dict[str, list[str | None]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


def record(actor, team, establishment, members, **overrides):
    values = {
        "actor": actor,
        "team": team,
        "establishment": establishment,
        "mode": InspectionMode.ANNOUNCED,
        "started_at": at(D(2026, 4, 2)),
        "members_present": members,
    }
    return services.inspection_record(**{**values, **overrides})


def decide(actor, inspection, fines, **overrides):
    values = {
        "actor": actor,
        "inspection": inspection,
        "number": "25/QĐ-XPHC",
        "decided_on": D(2026, 3, 15),
        "authority": "Chủ tịch Ủy ban nhân dân tỉnh Sơn La",
        "agency": overrides.pop("agency"),
        "fines": fines,
    }
    return services.sanction_decision_record(**{**values, **overrides})


# --- recording an inspection --------------------------------------------------------------------------------


def test_inspector_records_an_inspection_of_their_team_with_members_and_checklist(inspection, leader, member):
    assert inspection.recorded_by.username == "thanhtra.sonla"
    assert set(inspection.members_present.all()) == {leader, member}
    results = {r.item.code: (r.outcome, r.note) for r in inspection.checklist_results.all()}
    assert results == {"luat-pcmd": ("ok", ""), "van-hoa-thong-tin": ("not_ok", "Hoạt động sau 00:00")}
    assert inspection.day == INSPECTION_DAY
    entries = LogEntry.objects.get_for_object(inspection)
    assert entries.filter(action=LogEntry.Action.CREATE).exists()
    assert {entry.actor.username for entry in entries} == {"thanhtra.sonla"}


def test_an_inspection_counts_towards_the_teams_plan_of_that_year(
    inspector, provincial_team, hoa_hong, leader
):
    plan = InspectionPlan.objects.create(team=provincial_team, year=2026)
    recorded = record(inspector, provincial_team, hoa_hong, [leader])
    assert recorded.plan == plan


def test_an_inspection_dated_in_the_future_is_refused(inspector, provincial_team, hoa_hong, leader):
    tomorrow = today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        record(inspector, provincial_team, hoa_hong, [leader], started_at=at(tomorrow))
    assert codes(exc.value) == {"started_at": ["in_future"]}
    assert exc.value.message_dict["started_at"] == ["Ngày kiểm tra không được sau ngày hôm nay."]
    assert not Inspection.objects.exists()


def test_an_inspection_before_the_establishment_opened_is_refused(
    inspector, provincial_team, hoa_hong, leader
):
    with pytest.raises(ValidationError) as exc:
        record(inspector, provincial_team, hoa_hong, [leader], started_at=at(D(2019, 4, 30)))
    assert exc.value.message_dict["started_at"] == [
        "Ngày kiểm tra không được trước ngày cơ sở bắt đầu hoạt động (01/05/2019)."
    ]


def test_several_problems_are_reported_together(inspector, provincial_team, hoa_hong, leader):
    with pytest.raises(ValidationError) as exc:
        record(
            inspector,
            provincial_team,
            hoa_hong,
            [],
            started_at=at(D(2026, 4, 2), 10),
            ended_at=at(D(2026, 4, 2), 9),
        )
    assert codes(exc.value) == {"ended_at": ["ends_before_start"], "members_present": ["required"]}


def test_members_who_had_left_the_team_cannot_be_present(inspector, provincial_team, hoa_hong, leader):
    gone = TeamMemberFactory.create(team=provincial_team, full_name="Cầm Văn Đi", left_on=D(2026, 1, 31))
    with pytest.raises(ValidationError) as exc:
        record(inspector, provincial_team, hoa_hong, [leader, gone])
    assert exc.value.message_dict["members_present"] == [
        "Cầm Văn Đi không phải là thành viên của đội vào ngày 02/04/2026."
    ]


def test_the_same_minutes_number_twice_in_a_team_is_refused(
    inspector, inspection, provincial_team, hoa_hong, leader
):
    with pytest.raises(ValidationError) as exc:
        record(inspector, provincial_team, hoa_hong, [leader], minutes_number="12/bb-đkt")
    assert codes(exc.value) == {"minutes_number": ["duplicate"]}


def test_an_inspector_records_only_for_their_own_team(commune_inspector, provincial_team, hoa_hong, leader):
    with pytest.raises(PermissionDenied):
        record(commune_inspector, provincial_team, hoa_hong, [leader])


def test_a_commune_team_cannot_inspect_outside_its_commune(commune_inspector, commune_team, suoi_bu):
    member = TeamMemberFactory.create(team=commune_team)
    # the establishment of the other commune is outside the inspector's jurisdiction too
    with pytest.raises(PermissionDenied):
        record(commune_inspector, commune_team, suoi_bu, [member])


def test_an_establishment_outside_the_teams_area_is_a_field_error(system_admin, commune_team, suoi_bu):
    member = TeamMemberFactory.create(team=commune_team)
    with pytest.raises(ValidationError) as exc:
        record(system_admin, commune_team, suoi_bu, [member])
    assert codes(exc.value) == {"establishment": ["outside_area"]}


@pytest.mark.parametrize("persona", ["province_officer", "commune_officer", "police_officer", "case_worker"])
def test_only_inspectors_record_inspections(request, persona, provincial_team, hoa_hong, leader):
    with pytest.raises(PermissionDenied):
        record(request.getfixturevalue(persona), provincial_team, hoa_hong, [leader])


def test_an_inspector_corrects_the_record_and_a_stale_edit_is_refused(inspector, inspection):
    services.inspection_update(
        actor=inspector,
        inspection=inspection,
        version=1,
        changes={"findings": "Đã sửa", "minutes_number": "13/BB"},
    )
    inspection.refresh_from_db()
    assert (inspection.findings, inspection.minutes_number, inspection.version) == ("Đã sửa", "13/BB", 2)
    with pytest.raises(ValidationError) as exc:
        services.inspection_update(
            actor=inspector, inspection=inspection, version=1, changes={"findings": "x"}
        )
    assert codes(exc.value) == {"version": ["stale"]}


def test_moving_the_date_outside_a_violations_basis_is_refused(
    system_admin, inspector, inspection, violation, karaoke_hours
):
    legal_services.legal_provision_close(actor=system_admin, provision=karaoke_hours, on=D(2026, 3, 31))
    with pytest.raises(ValidationError) as exc:
        services.inspection_update(
            actor=inspector,
            inspection=inspection,
            version=1,
            changes={"started_at": at(D(2026, 4, 2)), "ended_at": None},
        )
    assert codes(exc.value) == {"started_at": ["provision_invalid"]}


# --- photos -------------------------------------------------------------------------------------------------


def test_a_png_photo_is_attached_and_its_type_read_from_its_bytes(inspector, inspection):
    upload = SimpleUploadedFile("anh.png", PNG, content_type="application/octet-stream")
    photo = services.inspection_photo_add(actor=inspector, inspection=inspection, file=upload, caption="Quầy")
    assert (photo.content_type, photo.size, photo.caption) == ("image/png", len(PNG), "Quầy")


def test_a_file_that_is_not_an_image_is_refused_even_if_named_jpg(inspector, inspection):
    upload = SimpleUploadedFile("anh.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    with pytest.raises(ValidationError) as exc:
        services.inspection_photo_add(actor=inspector, inspection=inspection, file=upload)
    assert exc.value.message_dict["file"] == ["Chỉ nhận ảnh JPG, PNG hoặc WebP."]


def test_a_photo_over_the_size_limit_is_refused(inspector, inspection):
    upload = SimpleUploadedFile("lon.png", PNG + b"\x00" * (services.PHOTO_MAX_MB * 1024 * 1024))
    with pytest.raises(ValidationError) as exc:
        services.inspection_photo_add(actor=inspector, inspection=inspection, file=upload)
    assert codes(exc.value) == {"file": ["too_large"]}


# --- violations ---------------------------------------------------------------------------------------------


def test_a_violation_cites_a_provision_valid_on_the_inspection_day_and_raises_the_risk(violation, hoa_hong):
    assert violation.status == Violation.Status.OPEN
    hoa_hong.refresh_from_db()
    assert hoa_hong.risk_level == RiskLevel.HIGH
    assert any(r["source"] == "inspections" for r in hoa_hong.risk_reasons)


def test_a_provision_not_valid_on_the_inspection_day_is_refused(inspector, inspection):
    # Nghị định 282/2025 applies from 15/12/2025 only: a 2026 inspection may cite it, an older basis may not
    old = LegalProvisionFactory.create(
        document=LegalDocumentFactory.create(effective_from=D(2024, 1, 1)),
        valid_from=D(2024, 1, 1),
        valid_to=D(2025, 12, 14),
    )
    with pytest.raises(ValidationError) as exc:
        services.violation_record(actor=inspector, inspection=inspection, act="Hành vi", provision=old)
    assert codes(exc.value) == {"provision": ["not_valid_on_day"]}
    assert (
        "không áp dụng vào ngày kiểm tra 10/03/2026 (áp dụng 01/01/2024 – 14/12/2025)"
        in (exc.value.message_dict["provision"][0])
    )


def test_a_used_provision_keeps_its_fine_range(system_admin, violation, karaoke_hours):
    with pytest.raises(ValidationError) as exc:
        legal_services.legal_provision_update(
            actor=system_admin, provision=karaoke_hours, version=1, changes={"fine_max": 20_000_000}
        )
    assert codes(exc.value) == {"fine_max": ["in_use"]}
    # its wording may still be corrected
    legal_services.legal_provision_update(
        actor=system_admin, provision=karaoke_hours, version=1, changes={"act": "Karaoke quá giờ"}
    )


def test_a_police_officer_does_not_record_violations(police_officer, inspection, karaoke_hours):
    with pytest.raises(PermissionDenied):
        services.violation_record(
            actor=police_officer, inspection=inspection, act="x", provision=karaoke_hours
        )


# --- sanction decisions -------------------------------------------------------------------------------------


def test_police_record_a_decision_with_a_fine_within_the_range(police_officer, police_agency, violation):
    decision = decide(police_officer, violation.inspection, {violation: 7_500_000}, agency=police_agency)
    assert decision.fine_total == 7_500_000
    assert decision.payment_status == SanctionDecision.PaymentStatus.UNPAID
    assert list(decision.violations.all()) == [violation]


@pytest.mark.parametrize("amount", [4_999_999, 10_000_001, None])
def test_a_fine_outside_the_range_of_the_basis_is_refused(police_officer, police_agency, violation, amount):
    with pytest.raises(ValidationError) as exc:
        decide(police_officer, violation.inspection, {violation: amount}, agency=police_agency)
    key = f"fine_{violation.pk}"
    assert codes(exc.value) == {key: ["out_of_range"]}
    assert exc.value.message_dict[key] == [
        "Mức phạt cho «Hoạt động karaoke sau 00:00» phải từ 5.000.000 đến 10.000.000 đồng theo "
        "Điểm a khoản 2 Điều 15 Nghị định 901/2025/NĐ-CP."
    ]
    assert not SanctionDecision.objects.exists()


def test_only_sanction_recorders_record_decisions(inspector, police_agency, violation):
    with pytest.raises(PermissionDenied):
        decide(inspector, violation.inspection, {violation: 6_000_000}, agency=police_agency)


def test_police_of_another_province_cannot_decide_on_son_la(other_province_police, police_agency, violation):
    with pytest.raises(PermissionDenied):
        decide(other_province_police, violation.inspection, {violation: 6_000_000}, agency=police_agency)


def test_a_decision_dated_before_the_inspection_or_a_violation_sanctioned_twice_is_refused(
    police_officer, police_agency, violation
):
    with pytest.raises(ValidationError) as exc:
        decide(
            police_officer,
            violation.inspection,
            {violation: 6_000_000},
            agency=police_agency,
            decided_on=D(2026, 3, 9),
        )
    assert codes(exc.value) == {"decided_on": ["before_inspection"]}
    decide(police_officer, violation.inspection, {violation: 6_000_000}, agency=police_agency)
    with pytest.raises(ValidationError) as exc:
        decide(
            police_officer, violation.inspection, {violation: 6_000_000}, agency=police_agency, number="26/QĐ"
        )
    assert codes(exc.value) == {"violations": ["already_sanctioned"]}


def test_a_suspension_suspends_the_establishment_with_a_history_row(
    police_officer, police_agency, violation, hoa_hong
):
    decide(
        police_officer,
        violation.inspection,
        {violation: 6_000_000},
        agency=police_agency,
        suspension_months=3,
    )
    hoa_hong.refresh_from_db()
    assert hoa_hong.status == Establishment.Status.SUSPENDED
    change = hoa_hong.status_changes.order_by("-id").first()
    assert (change.source, change.source_reference, change.effective_on) == (
        StatusChangeSource.SANCTION,
        "25/QĐ-XPHC",
        D(2026, 3, 15),
    )


def test_a_withdrawal_closes_the_establishment(police_officer, police_agency, violation, hoa_hong):
    decide(
        police_officer,
        violation.inspection,
        {violation: 6_000_000},
        agency=police_agency,
        licence_withdrawn=True,
    )
    hoa_hong.refresh_from_db()
    assert hoa_hong.status == Establishment.Status.CLOSED


def test_suspension_and_withdrawal_together_are_refused(police_officer, police_agency, violation, hoa_hong):
    with pytest.raises(ValidationError) as exc:
        decide(
            police_officer,
            violation.inspection,
            {violation: 6_000_000},
            agency=police_agency,
            suspension_months=2,
            licence_withdrawn=True,
        )
    assert codes(exc.value) == {"licence_withdrawn": ["both"]}
    hoa_hong.refresh_from_db()
    assert hoa_hong.status == Establishment.Status.OPERATING


def test_payment_is_recorded_once_and_not_before_the_decision(police_officer, police_agency, violation):
    decision = decide(police_officer, violation.inspection, {violation: 6_000_000}, agency=police_agency)
    with pytest.raises(ValidationError) as exc:
        services.sanction_payment_record(actor=police_officer, decision=decision, paid_on=D(2026, 3, 14))
    assert codes(exc.value) == {"paid_on": ["before_decision"]}
    services.sanction_payment_record(actor=police_officer, decision=decision, paid_on=D(2026, 3, 20))
    assert decision.payment_status == SanctionDecision.PaymentStatus.PAID
    with pytest.raises(ValidationError) as exc:
        services.sanction_payment_record(actor=police_officer, decision=decision, paid_on=D(2026, 3, 21))
    assert codes(exc.value) == {"paid_on": ["paid"]}


# --- follow-ups ---------------------------------------------------------------------------------------------


def test_a_follow_up_before_its_violation_is_refused(inspector, violation):
    with pytest.raises(ValidationError) as exc:
        services.follow_up_schedule(actor=inspector, violation=violation, due_on=D(2026, 3, 9))
    assert exc.value.message_dict["due_on"] == [
        "Hạn hậu kiểm không được trước ngày phát hiện vi phạm (10/03/2026)."
    ]
    assert not FollowUp.objects.exists()


def test_a_follow_up_found_remedied_closes_the_violation_and_lowers_the_risk(inspector, violation, hoa_hong):
    follow_up = services.follow_up_schedule(actor=inspector, violation=violation, due_on=D(2026, 4, 10))
    services.follow_up_record(
        actor=inspector,
        follow_up=follow_up,
        done_on=D(2026, 4, 9),
        outcome=FollowUp.Outcome.REMEDIED,
        result="Cơ sở đóng cửa đúng giờ.",
    )
    violation.refresh_from_db()
    hoa_hong.refresh_from_db()
    assert (violation.status, violation.closed_on) == (Violation.Status.CLOSED, D(2026, 4, 9))
    assert hoa_hong.risk_level == RiskLevel.LOW


def test_a_follow_up_of_a_decision_is_not_due_before_the_decision(police_officer, police_agency, violation):
    decision = decide(police_officer, violation.inspection, {violation: 6_000_000}, agency=police_agency)
    with pytest.raises(ValidationError) as exc:
        services.follow_up_schedule(actor=police_officer, decision=decision, due_on=D(2026, 3, 12))
    assert codes(exc.value) == {"due_on": ["before_decision"]}


def test_a_follow_up_needs_exactly_one_source(inspector, violation):
    with pytest.raises(ValidationError):
        services.follow_up_schedule(actor=inspector, due_on=D(2026, 4, 1))


def test_a_case_worker_schedules_no_follow_up(case_worker, violation):
    with pytest.raises(PermissionDenied):
        services.follow_up_schedule(actor=case_worker, violation=violation, due_on=D(2026, 4, 1))


# --- plans --------------------------------------------------------------------------------------------------


def test_one_plan_per_team_and_year(inspector, provincial_team):
    services.inspection_plan_create(
        actor=inspector, team=provincial_team, year=2026, announced_quota=20, unannounced_quota=40
    )
    with pytest.raises(ValidationError) as exc:
        services.inspection_plan_create(actor=inspector, team=provincial_team, year=2026)
    assert codes(exc.value) == {"year": ["duplicate"]}


def test_the_coordinator_plans_for_the_provincial_team_but_not_an_inspector_of_another_team(
    province_officer, commune_inspector, provincial_team
):
    assert (
        services.inspection_plan_create(actor=province_officer, team=provincial_team, year=2027).year == 2027
    )
    with pytest.raises(PermissionDenied):
        services.inspection_plan_create(actor=commune_inspector, team=provincial_team, year=2028)


def test_a_plan_takes_establishments_of_the_teams_area_once(
    inspector, provincial_team, hoa_hong, lai_chau_bar
):
    plan = services.inspection_plan_create(actor=inspector, team=provincial_team, year=2026)
    services.plan_entry_add(actor=inspector, plan=plan, establishment=hoa_hong, mode=InspectionMode.ANNOUNCED)
    with pytest.raises(ValidationError) as exc:
        services.plan_entry_add(
            actor=inspector, plan=plan, establishment=hoa_hong, mode=InspectionMode.UNANNOUNCED
        )
    assert codes(exc.value) == {"establishment": ["duplicate"]}
    with pytest.raises(PermissionDenied):
        services.plan_entry_add(
            actor=inspector, plan=plan, establishment=lai_chau_bar, mode=InspectionMode.ANNOUNCED
        )


# --- checklist ----------------------------------------------------------------------------------------------


def test_administrators_add_and_retire_checklist_items(system_admin, inspector):
    item = services.checklist_item_create(
        actor=system_admin, code="pccc", name="Phòng cháy, chữa cháy", order=70
    )
    assert item in checklist_items()
    services.checklist_item_update(actor=system_admin, item=item, changes={"is_active": False})
    assert item not in checklist_items()
    with pytest.raises(PermissionDenied):
        services.checklist_item_create(actor=inspector, code="x", name="Khác")
