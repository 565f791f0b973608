"""Writes on plans: the life of a plan; bad input refused with a message and nothing saved."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.planning import services
from pcmd.planning.models import (
    Plan,
    PlanArea,
    PlanEvent,
    ReportingDeadline,
    ReportingRule,
    Target,
    Task,
    TaskProgress,
)
from pcmd.planning.tests.conftest import make_draft

D = datetime.date
pytestmark = pytest.mark.django_db


def _messages(exc: pytest.ExceptionInfo[ValidationError], field: str) -> list[str]:
    return [str(m) for m in exc.value.message_dict[field]]


# --- creating and editing a draft ---------------------------------------------------------------------------


def test_a_coordinator_creates_a_draft_with_an_event(draft_plan, province_officer):
    assert draft_plan.status == Plan.Status.DRAFT
    assert draft_plan.number == ""
    event = PlanEvent.objects.get(plan=draft_plan)
    assert (event.actor, event.to_status) == (province_officer, Plan.Status.DRAFT)


def test_the_issuing_agency_must_belong_to_the_issuing_unit(province_officer, son_la, commune_committee):
    with pytest.raises(ValidationError) as exc:
        make_draft(province_officer, son_la, commune_committee)
    assert "Cơ quan ban hành phải là cơ quan của chính đơn vị ban hành." in _messages(exc, "issuing_agency")
    assert not Plan.objects.exists()


def test_a_period_ending_before_it_starts_is_refused(province_officer, son_la, provincial_committee):
    with pytest.raises(ValidationError) as exc:
        make_draft(province_officer, son_la, provincial_committee, period_end=D(2025, 12, 31))
    assert "Ngày kết thúc không được trước ngày bắt đầu." in _messages(exc, "period_end")


def test_a_commune_officer_cannot_create_a_provincial_plan(commune_officer, son_la, provincial_committee):
    with pytest.raises(PermissionDenied):
        make_draft(commune_officer, son_la, provincial_committee)


def test_a_coordinator_of_another_province_cannot_create_a_plan_here(
    other_province_officer, son_la, provincial_committee
):
    with pytest.raises(PermissionDenied):
        make_draft(other_province_officer, son_la, provincial_committee)


def test_a_province_does_not_write_a_communes_plan(province_officer, commune, commune_committee):
    with pytest.raises(PermissionDenied):
        make_draft(province_officer, commune, commune_committee)


def test_a_draft_is_edited_and_a_stale_edit_is_refused(draft_plan, province_officer):
    seen = draft_plan.version
    services.plan_update(actor=province_officer, plan=draft_plan, version=seen, title="Kế hoạch mới")
    stale = Plan.objects.get(pk=draft_plan.pk)
    with pytest.raises(ValidationError) as exc:
        services.plan_update(actor=province_officer, plan=stale, version=seen, title="Ghi đè")
    assert exc.value.error_dict["version"][0].code == "stale"
    assert Plan.objects.get(pk=draft_plan.pk).title == "Kế hoạch mới"


# --- the cascade --------------------------------------------------------------------------------------------


def test_a_commune_plan_implements_the_issued_provincial_plan(issued_plan, commune, commune_committee):
    from pcmd.accounts.capabilities import Role
    from pcmd.accounts.tests.factories import MembershipFactory, UserFactory

    officer = UserFactory.create()
    MembershipFactory.create(user=officer, unit=commune, agency=commune_committee, role=Role.COMMUNE_OFFICER)
    plan = make_draft(officer, commune, commune_committee, implements=issued_plan)
    assert plan.implements == issued_plan


def test_a_plan_cannot_implement_a_draft(draft_plan, province_officer, son_la, provincial_committee):
    with pytest.raises(ValidationError) as exc:
        make_draft(province_officer, son_la, provincial_committee, implements=draft_plan)
    assert "Chỉ có thể thực hiện một kế hoạch đã ban hành." in _messages(exc, "implements")


def test_a_plan_cannot_implement_a_plan_of_a_lower_unit(
    province_officer, son_la, provincial_committee, commune, commune_committee
):
    commune_plan = Plan.objects.create(
        issuing_unit=commune,
        issuing_agency=commune_committee,
        issued_place="Tô Hiệu",
        title="KH xã",
        kind=Plan.Kind.ANNUAL,
        period_start=D(2026, 1, 1),
        period_end=D(2026, 12, 31),
        signer_position="CHỦ TỊCH",
        status=Plan.Status.ISSUED,
    )
    with pytest.raises(ValidationError) as exc:
        make_draft(province_officer, son_la, provincial_committee, implements=commune_plan)
    assert exc.value.error_dict["implements"][0].code == "implements_not_above"


def test_a_cascade_loop_is_refused(issued_plan, province_officer, son_la, provincial_committee):
    # given an annual plan implementing the issued plan, itself issued
    child = Plan.objects.create(
        issuing_unit=son_la,
        issuing_agency=provincial_committee,
        issued_place="Sơn La",
        title="KH chuyên đề",
        kind=Plan.Kind.THEMATIC,
        period_start=D(2026, 1, 1),
        period_end=D(2026, 12, 31),
        signer_position="PHÓ CHỦ TỊCH",
        status=Plan.Status.ISSUED,
        implements=issued_plan,
    )
    # when the issued plan is made to implement its own child (inside an amendment)
    services.plan_amendment_open(
        actor=province_officer, plan=issued_plan, version=issued_plan.version, reason="x"
    )
    issued_plan.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.plan_update(
            actor=province_officer, plan=issued_plan, version=issued_plan.version, implements=child
        )
    # then
    assert exc.value.error_dict["implements"][0].code == "cascade_loop"
    assert Plan.objects.get(pk=issued_plan.pk).implements is None


# --- issuing ------------------------------------------------------------------------------------------------


def test_issuing_numbers_the_plan_and_generates_the_reporting_calendar(
    issued_plan, culture_department, police
):
    assert (issued_plan.status, issued_plan.reference, issued_plan.issued_on) == (
        Plan.Status.ISSUED,
        "35/KH-UBND",
        D(2026, 2, 10),
    )
    deadlines = ReportingDeadline.objects.filter(rule__plan=issued_plan)
    assert set(deadlines.values_list("due_on", flat=True)) == {D(2026, 5, 15), D(2026, 11, 10)}
    # the two agencies with tasks owe each report; the recipient (Sở Y tế) does not report to itself
    assert set(deadlines.values_list("reporter_agency", flat=True)) == {culture_department.pk, police.pk}
    assert deadlines.count() == 4


def test_issuing_twice_is_refused(issued_plan, province_officer):
    with pytest.raises(ValidationError) as exc:
        services.plan_issue(
            actor=province_officer,
            plan=issued_plan,
            version=issued_plan.version,
            number="36",
            issued_on=D(2026, 3, 1),
        )
    assert (
        "Kế hoạch đã được ban hành ngày 10/02/2026 (số 35/KH-UBND), không thể ban hành lần nữa."
        in _messages(exc, NON_FIELD_ERRORS)
    )
    assert Plan.objects.get(pk=issued_plan.pk).number == "35"


def test_issuing_needs_a_number_a_past_date_and_content(draft_plan, province_officer):
    with pytest.raises(ValidationError) as exc:
        services.plan_issue(
            actor=province_officer,
            plan=draft_plan,
            version=draft_plan.version,
            number=" ",
            issued_on=D(2099, 1, 1),
        )
    errors = exc.value.message_dict
    assert errors["number"] == ["Nhập số văn bản để ban hành."]
    assert errors["issued_on"][0].startswith("Ngày ban hành không được sau hôm nay")
    assert errors[NON_FIELD_ERRORS][0].startswith("Kế hoạch chưa có chỉ tiêu, nhiệm vụ")
    assert Plan.objects.get(pk=draft_plan.pk).status == Plan.Status.DRAFT


def test_a_number_already_used_that_year_by_the_same_body_is_refused(issued_plan, province_officer, son_la):
    other = make_draft(province_officer, son_la, issued_plan.issuing_agency, title="Kế hoạch khác")
    services.plan_section_save(actor=province_officer, plan=other, heading="Nội dung", body="...")
    with pytest.raises(ValidationError) as exc:
        services.plan_issue(
            actor=province_officer, plan=other, version=other.version, number="35", issued_on=D(2026, 5, 1)
        )
    assert exc.value.error_dict["number"][0].code == "number_taken"


def test_an_issued_plan_is_not_edited_directly(issued_plan, province_officer, police):
    with pytest.raises(ValidationError) as exc:
        services.plan_update(
            actor=province_officer, plan=issued_plan, version=issued_plan.version, title="Sửa"
        )
    assert exc.value.error_dict[NON_FIELD_ERRORS][0].code == "issued"
    with pytest.raises(ValidationError):
        services.task_save(
            actor=province_officer, plan=issued_plan, area=PlanArea.OTHER, text="Thêm", lead_agency=police
        )
    assert issued_plan.tasks.count() == 2


# --- amendments ---------------------------------------------------------------------------------------------


def test_an_amendment_keeps_the_plan_as_it_was_and_its_calendar_follows_the_new_rules(
    issued_plan, province_officer
):
    # when an amendment is opened, a rule changes and the amendment is completed
    amendment = services.plan_amendment_open(
        actor=province_officer,
        plan=issued_plan,
        version=issued_plan.version,
        reason="Điều chỉnh hạn báo cáo theo văn bản của Bộ Y tế",
        document_reference="Công văn 120/UBND-KGVX",
    )
    rule = issued_plan.reporting_rules.get(period_kind=ReportingRule.PeriodKind.SEMIANNUAL)
    services.reporting_rule_save(actor=province_officer, plan=issued_plan, rule=rule, due_day=20)
    services.plan_amendment_complete(actor=province_officer, plan=issued_plan)
    # then the snapshot has the old rule, the calendar the new date, and content is locked again
    old_rules = amendment.snapshot["reporting_rules"]
    assert {(r["due_day"], r["due_month"]) for r in old_rules} == {(15, 5), (10, 11)}
    dates = set(ReportingDeadline.objects.filter(rule__plan=issued_plan).values_list("due_on", flat=True))
    assert dates == {D(2026, 5, 20), D(2026, 11, 10)}
    with pytest.raises(ValidationError):
        services.reporting_rule_save(actor=province_officer, plan=issued_plan, rule=rule, due_day=25)


def test_an_amendment_needs_a_reason_and_only_one_is_open_at_a_time(issued_plan, province_officer):
    with pytest.raises(ValidationError) as exc:
        services.plan_amendment_open(
            actor=province_officer, plan=issued_plan, version=issued_plan.version, reason=" "
        )
    assert _messages(exc, "reason") == ["Ghi lý do sửa đổi."]
    services.plan_amendment_open(
        actor=province_officer, plan=issued_plan, version=issued_plan.version, reason="a"
    )
    issued_plan.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        services.plan_amendment_open(
            actor=province_officer, plan=issued_plan, version=issued_plan.version, reason="b"
        )
    assert exc.value.error_dict[NON_FIELD_ERRORS][0].code == "open"


def test_a_draft_is_not_amended(draft_plan, province_officer):
    with pytest.raises(ValidationError) as exc:
        services.plan_amendment_open(
            actor=province_officer, plan=draft_plan, version=draft_plan.version, reason="a"
        )
    assert exc.value.error_dict[NON_FIELD_ERRORS][0].code == "not_issued"


# --- closing ------------------------------------------------------------------------------------------------


def test_a_plan_is_closed_or_superseded_and_then_never_edited(issued_plan, province_officer, son_la):
    newer = Plan.objects.create(
        issuing_unit=son_la,
        issuing_agency=issued_plan.issuing_agency,
        issued_place="Sơn La",
        title="KH thay thế",
        kind=Plan.Kind.ANNUAL,
        period_start=D(2026, 6, 1),
        period_end=D(2026, 12, 31),
        signer_position="PHÓ CHỦ TỊCH",
        status=Plan.Status.ISSUED,
        number="80",
    )
    services.plan_close(
        actor=province_officer, plan=issued_plan, version=issued_plan.version, superseded_by=newer
    )
    issued_plan.refresh_from_db()
    assert issued_plan.status == Plan.Status.SUPERSEDED
    last_note = PlanEvent.objects.filter(plan=issued_plan).values_list("note", flat=True).last()
    assert last_note == "Thay thế bởi kế hoạch 80/KH-UBND"
    with pytest.raises(ValidationError) as exc:
        services.plan_amendment_open(
            actor=province_officer, plan=issued_plan, version=issued_plan.version, reason="a"
        )
    assert exc.value.error_dict[NON_FIELD_ERRORS][0].code == "not_issued"


def test_only_a_draft_is_deleted(issued_plan, draft_plan, province_officer):
    with pytest.raises(ValidationError):
        services.plan_delete_draft(actor=province_officer, plan=issued_plan)
    other = make_draft(province_officer, draft_plan.issuing_unit, draft_plan.issuing_agency)
    services.plan_delete_draft(actor=province_officer, plan=other)
    assert not Plan.objects.filter(pk=other.pk).exists()


# --- targets ------------------------------------------------------------------------------------------------


def test_a_measurable_target_without_a_value_is_refused(draft_plan, province_officer):
    with pytest.raises(ValidationError) as exc:
        services.target_save(
            actor=province_officer,
            plan=draft_plan,
            area=PlanArea.COMMUNICATION,
            statement="70% xã có hoạt động tuyên truyền",
            comparator=Target.Comparator.AT_LEAST,
            value=None,
            measure_unit="",
        )
    assert _messages(exc, "value") == ["Chỉ tiêu đo lường được (có phép so sánh) phải có giá trị."]
    assert _messages(exc, "measure_unit") == ["Chỉ tiêu đo lường được phải có đơn vị tính."]
    assert not draft_plan.targets.exists()


def test_a_qualitative_target_stays_qualitative(draft_plan, province_officer):
    target = services.target_save(
        actor=province_officer,
        plan=draft_plan,
        area=PlanArea.HOTSPOTS,
        statement="Không để phát sinh điểm phức tạp mới về mại dâm",
    )
    assert not target.is_measurable
    with pytest.raises(ValidationError) as exc:
        services.target_save(actor=province_officer, plan=draft_plan, target=target, value=Decimal(5))
    assert exc.value.error_dict["value"][0].code == "qualitative_value"


def test_a_target_due_outside_the_plan_period_is_refused(draft_plan, province_officer):
    with pytest.raises(ValidationError) as exc:
        services.target_save(
            actor=province_officer,
            plan=draft_plan,
            area=PlanArea.INSPECTION,
            statement="100% cơ sở được kiểm tra ít nhất 1 lần",
            comparator=Target.Comparator.EQUAL,
            value=100,
            measure_unit=Target.MeasureUnit.PERCENT,
            due_year=2030,
        )
    assert _messages(exc, "due_year") == [
        "Năm cần đạt phải trong thời gian thực hiện kế hoạch (01/01/2026 – 31/12/2026)."
    ]


@pytest.fixture
def commune_plan(issued_plan, commune, commune_committee):
    from pcmd.accounts.capabilities import Role
    from pcmd.accounts.tests.factories import MembershipFactory, UserFactory

    officer = UserFactory.create(username="xa.tohieu")
    MembershipFactory.create(user=officer, unit=commune, agency=commune_committee, role=Role.COMMUNE_OFFICER)
    return officer, make_draft(officer, commune, commune_committee, implements=issued_plan)


def test_a_commune_inherits_the_provincial_targets_and_may_aim_higher_never_lower(commune_plan, issued_plan):
    officer, plan = commune_plan
    # when
    inherited = services.plan_targets_inherit(actor=officer, plan=plan)
    # then
    source = issued_plan.targets.get()
    assert [(t.inherited_from, t.value, t.applies_to) for t in inherited] == [
        (source, Decimal(20), Target.AppliesTo.ISSUING_UNIT)
    ]
    services.target_save(actor=officer, plan=plan, target=inherited[0], value=Decimal(30))
    with pytest.raises(ValidationError) as exc:
        services.target_save(actor=officer, plan=plan, target=inherited[0], value=Decimal(10))
    assert _messages(exc, "value") == ["Chỉ tiêu kế thừa không được thấp hơn chỉ tiêu cấp trên (20.00)."]
    assert plan.targets.get().value == Decimal(30)
    # inheriting again copies nothing twice
    assert services.plan_targets_inherit(actor=officer, plan=plan) == []


# --- tasks --------------------------------------------------------------------------------------------------


def test_a_task_without_a_lead_agency_is_refused_with_one_clear_message(draft_plan, province_officer):
    with pytest.raises(ValidationError) as exc:
        services.task_save(
            actor=province_officer, plan=draft_plan, area=PlanArea.OTHER, text="Việc", lead_agency=None
        )
    assert _messages(exc, "lead_agency") == ["Chọn cơ quan chủ trì thực hiện nhiệm vụ."]
    assert not Task.objects.exists()


def test_task_agencies_must_belong_to_the_area_and_the_lead_is_not_also_coordinating(
    draft_plan, province_officer, police, other_province
):
    outsider = AgencyFactory.create(unit=other_province, name="Công an tỉnh Lai Châu")
    with pytest.raises(ValidationError) as exc:
        services.task_save(
            actor=province_officer,
            plan=draft_plan,
            area=PlanArea.OTHER,
            text="Việc",
            lead_agency=police,
            coordinating_agencies=[police, outsider],
        )
    messages = _messages(exc, "coordinating_agencies")
    assert "Cơ quan chủ trì không đồng thời là cơ quan phối hợp." in messages
    assert "Cơ quan «Công an tỉnh Lai Châu» không thuộc địa bàn của đơn vị ban hành kế hoạch." in messages
    assert not Task.objects.exists()


def test_a_task_due_before_the_plan_starts_is_refused(draft_plan, province_officer, police):
    with pytest.raises(ValidationError) as exc:
        services.task_save(
            actor=province_officer,
            plan=draft_plan,
            area=PlanArea.OTHER,
            text="V",
            lead_agency=police,
            due_date=D(2025, 12, 1),
        )
    assert exc.value.error_dict["due_date"][0].code == "due_before_plan"


def test_a_stale_task_edit_is_refused(plan_with_content, province_officer):
    task = plan_with_content.tasks.first()
    services.task_save(
        actor=province_officer, plan=plan_with_content, task=task, version=task.version, text="Mới"
    )
    old = Task.objects.get(pk=task.pk)
    old.version -= 1
    with pytest.raises(ValidationError) as exc:
        services.task_save(
            actor=province_officer, plan=plan_with_content, task=old, version=old.version, text="Cũ"
        )
    assert exc.value.error_dict["version"][0].code == "stale"


# --- progress -----------------------------------------------------------------------------------------------


def test_the_lead_agency_records_progress_and_the_task_takes_its_status(issued_plan, culture_reporter):
    task = issued_plan.tasks.get(lead_agency__name__startswith="Sở Văn hóa")
    progress = services.task_progress_record(
        actor=culture_reporter,
        task=task,
        version=task.version,
        reported_on=D(2026, 3, 1),
        status=Task.Status.IN_PROGRESS,
        note="Đã tổ chức 12 buổi tuyên truyền",
        evidence=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
    )
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS
    assert progress.evidence.name.endswith(".pdf")


def test_a_coordinating_agency_records_progress_too(issued_plan, police_reporter):
    task = issued_plan.tasks.get(lead_agency__name__startswith="Sở Văn hóa")
    services.task_progress_record(
        actor=police_reporter,
        task=task,
        version=task.version,
        reported_on=None,
        status=Task.Status.DONE,
        note="Xong",
    )
    assert TaskProgress.objects.filter(task=task).count() == 1


def test_an_agency_not_assigned_cannot_record_progress(issued_plan, culture_reporter):
    task = issued_plan.tasks.get(lead_agency__name__startswith="Công an")
    with pytest.raises(PermissionDenied):
        services.task_progress_record(
            actor=culture_reporter, task=task, version=task.version, reported_on=None, status="done", note="x"
        )


def test_an_outsider_cannot_record_progress(issued_plan, other_province_officer):
    task = issued_plan.tasks.first()
    with pytest.raises(PermissionDenied):
        services.task_progress_record(
            actor=other_province_officer,
            task=task,
            version=task.version,
            reported_on=None,
            status="done",
            note="x",
        )


def test_progress_in_the_future_without_a_note_or_with_a_disguised_file_is_refused(
    issued_plan, culture_reporter
):
    task = issued_plan.tasks.get(lead_agency__name__startswith="Sở Văn hóa")
    with pytest.raises(ValidationError) as exc:
        services.task_progress_record(
            actor=culture_reporter,
            task=task,
            version=task.version,
            reported_on=D(2099, 1, 1),
            status=Task.Status.DONE,
            note=" ",
            evidence=SimpleUploadedFile("anh.png", b"MZ\x90\x00 not an image", content_type="image/png"),
        )
    assert set(exc.value.message_dict) == {"reported_on", "note", "evidence"}
    task.refresh_from_db()
    assert task.status == Task.Status.NOT_STARTED
    assert not TaskProgress.objects.exists()


def test_no_progress_on_a_draft(plan_with_content, province_officer):
    task = plan_with_content.tasks.first()
    with pytest.raises(ValidationError) as exc:
        services.task_progress_record(
            actor=province_officer, task=task, version=task.version, reported_on=None, status="done", note="x"
        )
    assert exc.value.error_dict[NON_FIELD_ERRORS][0].code == "not_issued"


# --- reporting rules ----------------------------------------------------------------------------------------


def _rule(actor, plan, **fields):
    values: dict[str, Any] = {
        "reporters": ReportingRule.Reporters.LOWER_UNITS,
        "recipient_note": "Sở Y tế",
        "period_kind": ReportingRule.PeriodKind.SEMIANNUAL,
        "due_day": 15,
        "due_month": 6,
    }
    values.update(fields)
    return services.reporting_rule_save(actor=actor, plan=plan, **values)


def test_an_impossible_due_date_is_refused(draft_plan, province_officer):
    with pytest.raises(ValidationError) as exc:
        _rule(province_officer, draft_plan, due_day=31, due_month=6)
    assert _messages(exc, "due_day") == ["Ngày 31/6 không tồn tại: tháng 6 chỉ có 30 ngày."]
    with pytest.raises(ValidationError) as exc:
        _rule(province_officer, draft_plan, due_day=29, due_month=2)
    assert exc.value.error_dict["due_day"][0].code == "impossible"
    assert not ReportingRule.objects.exists()


def test_a_reporting_day_outside_the_plan_period_is_refused(province_officer, son_la, provincial_committee):
    plan = make_draft(
        province_officer, son_la, provincial_committee, kind=Plan.Kind.THEMATIC, period_end=D(2026, 6, 30)
    )
    with pytest.raises(ValidationError) as exc:
        _rule(province_officer, plan, period_kind=ReportingRule.PeriodKind.ANNUAL, due_day=10, due_month=11)
    assert _messages(exc, "due_day") == [
        "Hạn báo cáo 10/11 không rơi vào thời gian thực hiện kế hoạch (01/01/2026 – 30/06/2026)."
    ]


def test_a_rule_needs_its_reporters_and_recipient(draft_plan, province_officer):
    with pytest.raises(ValidationError) as exc:
        _rule(
            province_officer, draft_plan, reporters=ReportingRule.Reporters.NAMED_AGENCIES, recipient_note=""
        )
    assert set(exc.value.message_dict) == {"named_reporters", "recipient_agency"}


def test_an_ad_hoc_rule_needs_no_date(draft_plan, province_officer):
    rule = _rule(
        province_officer,
        draft_plan,
        period_kind=ReportingRule.PeriodKind.AD_HOC,
        due_day=None,
        due_month=None,
    )
    assert rule.pk is not None


# --- lists --------------------------------------------------------------------------------------------------


def test_recipients_keep_their_order_with_the_archive_line_last(plan_with_content):
    rows = list(plan_with_content.recipients.order_by("order"))
    assert [(r.text, r.is_archive) for r in rows] == [
        ("Bộ Y tế", False),
        ("Sở Y tế", False),
        ("Lưu: VT, KGVX", True),
    ]


def test_legal_bases_are_replaced_line_by_line(draft_plan, province_officer):
    services.plan_legal_bases_set(
        actor=province_officer,
        plan=draft_plan,
        lines=["Căn cứ Pháp lệnh Phòng, chống mại dâm năm 2003;", "", "Căn cứ Nghị định 178/2004/NĐ-CP;"],
    )
    assert list(draft_plan.legal_bases.values_list("text", flat=True)) == [
        "Căn cứ Pháp lệnh Phòng, chống mại dâm năm 2003",
        "Căn cứ Nghị định 178/2004/NĐ-CP",
    ]
