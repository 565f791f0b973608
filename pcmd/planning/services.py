"""Writes on plans and their content. Pages, the API and the seed loader call these functions: each is atomic,
checks the policy, validates with Vietnamese messages (all field errors at once, nothing half-saved) and is
recorded by django-auditlog under the acting user.

Life of a plan: a draft is edited freely by its unit's coordinators; issuing numbers and dates it and
generates the reporting calendar; from then on its content changes only inside an amendment (opened with a
reason, which keeps a snapshot of the plan as it was, and completed, which regenerates the calendar); finally
it is closed or superseded.
"""

from __future__ import annotations

import calendar as std_calendar
import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency
from pcmd.core.services import (
    Errors,
    add_error,
    check_stale,
    format_day,
    normalise_spaces,
    raise_if,
    service,
    today,
    validate_instance,
)
from pcmd.geography.models import AdminUnit
from pcmd.planning.calendar import reporting_deadlines_regenerate, safe_date
from pcmd.planning.models import (
    Plan,
    PlanAmendment,
    PlanEvent,
    PlanLegalBasis,
    PlanRecipient,
    PlanSection,
    ReportingRule,
    Target,
    Task,
    TaskProgress,
)
from pcmd.planning.policies import can_edit_plan, can_update_task, can_write_plans_of

AGENCY_NOT_OF_UNIT = _("Cơ quan ban hành phải là cơ quan của chính đơn vị ban hành.")
PERIOD_REVERSED = _("Ngày kết thúc không được trước ngày bắt đầu.")
CASCADE_LOOP = _(
    "Không thể chọn kế hoạch này: nó đang thực hiện (trực tiếp hoặc gián tiếp) chính kế hoạch bạn đang soạn, "
    "sẽ tạo thành vòng lặp."
)
IMPLEMENTS_NOT_ABOVE = _("Kế hoạch được thực hiện phải do chính đơn vị này hoặc đơn vị cấp trên ban hành.")
IMPLEMENTS_NOT_ISSUED = _("Chỉ có thể thực hiện một kế hoạch đã ban hành.")
NOT_EDITABLE_ISSUED = _(
    "Kế hoạch đã ban hành chỉ được thay đổi bằng sửa đổi: chọn «Sửa đổi kế hoạch», ghi lý do, rồi sửa."
)
NOT_EDITABLE_FINISHED = _("Kế hoạch đã kết thúc hoặc đã được thay thế, không thể sửa.")
ALREADY_ISSUED = _("Kế hoạch đã được ban hành ngày %(day)s (số %(reference)s), không thể ban hành lần nữa.")
ISSUE_NEEDS_NUMBER = _("Nhập số văn bản để ban hành.")
ISSUE_NEEDS_DATE = _("Nhập ngày ban hành.")
ISSUED_IN_FUTURE = _("Ngày ban hành không được sau hôm nay (%(today)s).")
ISSUE_NEEDS_CONTENT = _(
    "Kế hoạch chưa có chỉ tiêu, nhiệm vụ hay nội dung nào: hãy soạn nội dung trước khi ban hành."
)
ISSUE_NEEDS_SIGNER = _("Nhập chức vụ và họ tên người ký trước khi ban hành.")
NUMBER_TAKEN = _("Số %(reference)s năm %(year)s của cơ quan này đã dùng cho kế hoạch «%(title)s».")
AMEND_ONLY_ISSUED = _("Chỉ kế hoạch đã ban hành mới cần sửa đổi; dự thảo được sửa trực tiếp.")
AMENDMENT_OPEN = _("Kế hoạch đang có một lần sửa đổi chưa hoàn tất (mở ngày %(day)s).")
NO_OPEN_AMENDMENT = _("Kế hoạch không có lần sửa đổi nào đang mở.")
REASON_REQUIRED = _("Ghi lý do sửa đổi.")
CLOSE_ONLY_ISSUED = _("Chỉ kế hoạch đã ban hành mới có thể kết thúc hoặc được thay thế.")
SUPERSEDED_BY_SELF = _("Kế hoạch không thể thay thế chính nó.")
SUPERSEDING_NOT_ISSUED = _("Kế hoạch thay thế phải là kế hoạch đã ban hành của cùng đơn vị.")
DELETE_ONLY_DRAFT = _("Chỉ xóa được dự thảo; kế hoạch đã ban hành được kết thúc hoặc thay thế.")
DRAFT_IMPLEMENTED = _("Dự thảo đang được kế hoạch khác chọn làm kế hoạch cấp trên, không thể xóa.")

MEASURABLE_NEEDS_VALUE = _("Chỉ tiêu đo lường được (có phép so sánh) phải có giá trị.")
MEASURABLE_NEEDS_UNIT = _("Chỉ tiêu đo lường được phải có đơn vị tính.")
QUALITATIVE_HAS_VALUE = _("Chỉ tiêu định tính không có giá trị: chọn phép so sánh, hoặc để trống giá trị.")
QUALITATIVE_HAS_UNIT = _("Chỉ tiêu định tính không có đơn vị tính: chọn phép so sánh, hoặc để trống đơn vị.")
RANGE_REVERSED = _("Giá trị tối đa không được nhỏ hơn giá trị.")
DUE_YEAR_OUTSIDE = _("Năm cần đạt phải trong thời gian thực hiện kế hoạch (%(start)s – %(end)s).")
DUE_DATE_OUTSIDE = _("Hạn đạt phải trong thời gian thực hiện kế hoạch (%(start)s – %(end)s).")
INHERITED_FOREIGN = _("Chỉ kế thừa được chỉ tiêu của kế hoạch cấp trên mà kế hoạch này thực hiện.")
INHERITED_LOWER = _("Chỉ tiêu kế thừa không được thấp hơn chỉ tiêu cấp trên (%(value)s).")
INHERITED_HIGHER = _("Chỉ tiêu kế thừa không được cao hơn mức tối đa của cấp trên (%(value)s).")
NOTHING_TO_INHERIT = _("Kế hoạch chưa chọn kế hoạch cấp trên để kế thừa chỉ tiêu.")

LEAD_REQUIRED = _("Chọn cơ quan chủ trì thực hiện nhiệm vụ.")
AGENCY_OUT_OF_AREA = _("Cơ quan «%(agency)s» không thuộc địa bàn của đơn vị ban hành kế hoạch.")
LEAD_ALSO_COORDINATING = _("Cơ quan chủ trì không đồng thời là cơ quan phối hợp.")
TASK_DUE_BEFORE_PLAN = _("Thời hạn không được trước ngày bắt đầu thực hiện kế hoạch (%(start)s).")
PROGRESS_NOT_ISSUED = _("Chỉ cập nhật tiến độ nhiệm vụ của kế hoạch đang thực hiện (đã ban hành).")
PROGRESS_IN_FUTURE = _("Ngày cập nhật không được sau hôm nay (%(today)s).")
PROGRESS_NOTE_REQUIRED = _("Ghi kết quả, tiến độ thực hiện.")
EVIDENCE_TOO_LARGE = _("Tệp minh chứng quá lớn (tối đa %(max)s MB).")
EVIDENCE_TYPE = _("Tệp minh chứng phải là PDF, Word, Excel hoặc ảnh (JPG, PNG).")

DUE_DAY_REQUIRED = _("Nhập ngày và tháng của hạn báo cáo.")
DUE_IMPOSSIBLE = _("Ngày %(day)s/%(month)s không tồn tại: tháng %(month)s chỉ có %(days)s ngày.")
DUE_MONTH_INVALID = _("Tháng phải từ 1 đến 12.")
DUE_OUTSIDE_PERIOD = _(
    "Hạn báo cáo %(day)s/%(month)s không rơi vào thời gian thực hiện kế hoạch (%(start)s – %(end)s)."
)
NAMED_REPORTERS_REQUIRED = _("Chọn ít nhất một cơ quan phải báo cáo.")
RECIPIENT_REQUIRED = _("Chọn cơ quan nhận báo cáo, hoặc ghi rõ nơi nhận.")

PLAN_FIELDS = frozenset(
    {
        "issuing_agency",
        "parent_body_name",
        "symbol",
        "issued_place",
        "title",
        "kind",
        "period_start",
        "period_end",
        "implements",
        "implements_reference",
        "preamble",
        "purpose",
        "requirements",
        "budget_clause",
        "closing_text",
        "signer_on_behalf_of",
        "signer_authority",
        "signer_principal_title",
        "signer_position",
        "signer_name",
        "original_text",
    }
)
TARGET_FIELDS = frozenset(
    {
        "area",
        "statement",
        "indicator_key",
        "comparator",
        "value",
        "value_max",
        "measure_unit",
        "due_year",
        "due_date",
        "applies_to",
        "inherited_from",
    }
)
TASK_FIELDS = frozenset({"area", "text", "lead_agency", "coordinating_note", "due_date", "recurrence"})
RULE_FIELDS = frozenset(
    {"reporters", "recipient_agency", "recipient_note", "period_kind", "due_day", "due_month", "statement"}
)
SECTION_FIELDS = frozenset({"area", "heading", "body"})
EVIDENCE_MAX_MB = 20
EVIDENCE_CONTENT_TYPES = frozenset(
    {
        "application/pdf",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "image/jpeg",
        "image/png",
    }
)


def _assign(instance: Any, fields: Mapping[str, Any], allowed: frozenset[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unexpected fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(
            instance, name, normalise_spaces(value) if isinstance(value, str) and "\n" not in value else value
        )


def _unit_within(inner: AdminUnit, outer: AdminUnit) -> bool:
    """`inner` is `outer` or lies below it (same era by path; across eras through today's units)."""
    if inner.era == outer.era:
        return inner.path == outer.path or inner.path.startswith(f"{outer.path}.")
    return outer.contains(inner)


def _in_area(agency: Agency, unit: AdminUnit) -> bool:
    return _unit_within(agency.unit, unit)


def _period_params(plan: Plan) -> dict[str, str]:
    return {"start": format_day(plan.period_start), "end": format_day(plan.period_end)}


# --- plans --------------------------------------------------------------------------------------------------


def _validate_plan(plan: Plan, errors: Errors) -> None:
    if plan.issuing_agency_id and plan.issuing_agency.unit_id != plan.issuing_unit_id:
        add_error(errors, "issuing_agency", AGENCY_NOT_OF_UNIT, "agency_not_of_unit")
    if plan.period_start and plan.period_end and plan.period_end < plan.period_start:
        add_error(errors, "period_end", PERIOD_REVERSED, "period_reversed")
    if plan.implements_id:
        _validate_implements(plan, errors)
    validate_instance(plan, errors)


def _validate_implements(plan: Plan, errors: Errors) -> None:
    parent = plan.implements
    assert parent is not None
    # Walk up the chain from the chosen plan: meeting this plan again would close a loop.
    seen: set[int] = set()
    current: Plan | None = parent
    while current is not None and current.pk not in seen:
        if plan.pk is not None and current.pk == plan.pk:
            add_error(errors, "implements", CASCADE_LOOP, "cascade_loop")
            return
        seen.add(current.pk)
        current = current.implements
    if parent.status not in (Plan.Status.ISSUED, Plan.Status.CLOSED):
        add_error(errors, "implements", IMPLEMENTS_NOT_ISSUED, "implements_not_issued")
    if not _unit_within(plan.issuing_unit, parent.issuing_unit):
        add_error(errors, "implements", IMPLEMENTS_NOT_ABOVE, "implements_not_above")


def _require_editable_content(plan: Plan) -> None:
    """Drafts are edited freely; an issued plan only inside an open amendment; finished plans never."""
    if plan.status == Plan.Status.DRAFT:
        return
    if plan.status == Plan.Status.ISSUED:
        if plan.amendments.filter(completed_at__isnull=True).exists():
            return
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(NOT_EDITABLE_ISSUED, code="issued")]})
    raise ValidationError({NON_FIELD_ERRORS: [ValidationError(NOT_EDITABLE_FINISHED, code="finished")]})


def _require_edit(actor: User, plan: Plan) -> None:
    if not can_edit_plan(actor, plan):
        raise PermissionDenied


def _event(actor: User, plan: Plan, from_status: str, note: str = "") -> None:
    PlanEvent.objects.create(
        plan=plan, actor=actor, from_status=from_status, to_status=plan.status, note=note
    )


@service
def plan_create(*, actor: User, issuing_unit: AdminUnit, **fields: Any) -> Plan:
    """A new draft plan of `issuing_unit` (fields: see PLAN_FIELDS)."""
    if not can_write_plans_of(actor, issuing_unit):
        raise PermissionDenied
    plan = Plan(issuing_unit=issuing_unit, status=Plan.Status.DRAFT)
    _assign(plan, fields, PLAN_FIELDS)
    errors: Errors = {}
    _validate_plan(plan, errors)
    plan.save()
    _event(actor, plan, "", note=str(_("Tạo dự thảo")))
    return plan


@service
def plan_update(*, actor: User, plan: Plan, version: int | str | None, **fields: Any) -> Plan:
    """Change the plan's own fields: a draft, or an issued plan inside an open amendment."""
    _require_edit(actor, plan)
    check_stale(plan, version)
    _require_editable_content(plan)
    _assign(plan, fields, PLAN_FIELDS)
    errors: Errors = {}
    _validate_plan(plan, errors)
    plan.version += 1
    plan.save()
    return plan


def _number_taken(plan: Plan, number: str, issued_on: datetime.date) -> Plan | None:
    return (
        Plan.objects.filter(
            issuing_agency=plan.issuing_agency,
            symbol=plan.symbol,
            number=number,
            issued_on__year=issued_on.year,
        )
        .exclude(pk=plan.pk)
        .first()
    )


@service
def plan_issue(
    *,
    actor: User,
    plan: Plan,
    version: int | str | None,
    number: str,
    issued_on: datetime.date | None,
    note: str = "",
) -> Plan:
    """Number, date and issue a draft; the reporting calendar is generated from its rules."""
    _require_edit(actor, plan)
    check_stale(plan, version)
    plan.refresh_from_db()
    if plan.status != Plan.Status.DRAFT:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    ValidationError(
                        ALREADY_ISSUED,
                        code="already_issued",
                        params={"day": format_day(plan.issued_on), "reference": plan.reference},
                    )
                ]
            }
        )
    errors: Errors = {}
    number = normalise_spaces(number)
    if not number:
        add_error(errors, "number", ISSUE_NEEDS_NUMBER, "required")
    if issued_on is None:
        add_error(errors, "issued_on", ISSUE_NEEDS_DATE, "required")
    elif issued_on > today():
        add_error(errors, "issued_on", ISSUED_IN_FUTURE, "future", today=format_day(today()))
    if number and issued_on is not None:
        other = _number_taken(plan, number, issued_on)
        if other is not None:
            add_error(
                errors,
                "number",
                NUMBER_TAKEN,
                "number_taken",
                reference=f"{number}/{plan.symbol}",
                year=issued_on.year,
                title=other.title,
            )
    if not (plan.targets.exists() or plan.tasks.exists() or plan.sections.exists()):
        add_error(errors, NON_FIELD_ERRORS, ISSUE_NEEDS_CONTENT, "empty")
    if not plan.signer_position or not plan.signer_name:
        add_error(errors, "signer_name", ISSUE_NEEDS_SIGNER, "signer")
    raise_if(errors)
    plan.number, plan.issued_on, plan.status = number, issued_on, Plan.Status.ISSUED
    validate_instance(plan, {})
    plan.version += 1
    plan.save()
    _event(actor, plan, Plan.Status.DRAFT, note)
    reporting_deadlines_regenerate(plan)
    return plan


@service
def plan_delete_draft(*, actor: User, plan: Plan) -> None:
    _require_edit(actor, plan)
    if plan.status != Plan.Status.DRAFT:
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(DELETE_ONLY_DRAFT, code="not_draft")]})
    if plan.implementing_plans.exists():
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(DRAFT_IMPLEMENTED, code="implemented")]})
    plan.delete()


def plan_snapshot(plan: Plan) -> dict[str, Any]:
    """The plan's content as plain JSON: what an amendment keeps of the plan before it."""

    def day(value: datetime.date | None) -> str | None:
        return value.isoformat() if value else None

    def number(value: Decimal | None) -> str | None:
        return str(value) if value is not None else None

    return {
        "reference": plan.reference,
        "title": plan.title,
        "period": [day(plan.period_start), day(plan.period_end)],
        "fields": {
            name: getattr(plan, name)
            for name in (
                "preamble",
                "purpose",
                "requirements",
                "budget_clause",
                "closing_text",
                "implements_reference",
                "signer_position",
                "signer_name",
            )
        },
        "legal_bases": [b.text for b in plan.legal_bases.order_by("order")],
        "sections": [
            {"area": s.area, "heading": s.heading, "body": s.body} for s in plan.sections.order_by("order")
        ],
        "targets": [
            {
                "area": t.area,
                "statement": t.statement,
                "indicator_key": t.indicator_key,
                "comparator": t.comparator,
                "value": number(t.value),
                "value_max": number(t.value_max),
                "measure_unit": t.measure_unit,
                "due_year": t.due_year,
                "due_date": day(t.due_date),
                "applies_to": t.applies_to,
            }
            for t in plan.targets.order_by("order")
        ],
        "tasks": [
            {
                "area": t.area,
                "text": t.text,
                "lead_agency": t.lead_agency.name,
                "coordinating_agencies": [a.name for a in t.coordinating_agencies.order_by("name_sort")],
                "coordinating_note": t.coordinating_note,
                "due_date": day(t.due_date),
                "recurrence": t.recurrence,
                "status": t.status,
            }
            for t in plan.tasks.select_related("lead_agency").order_by("order")
        ],
        "reporting_rules": [
            {
                "reporters": r.reporters,
                "named_reporters": [a.name for a in r.named_reporters.order_by("name_sort")],
                "recipient": r.recipient_agency.name if r.recipient_agency else r.recipient_note,
                "period_kind": r.period_kind,
                "due_day": r.due_day,
                "due_month": r.due_month,
                "statement": r.statement,
            }
            for r in plan.reporting_rules.select_related("recipient_agency").order_by("order")
        ],
        "recipients": [r.text for r in plan.recipients.order_by("order")],
    }


@service
def plan_amendment_open(
    *, actor: User, plan: Plan, version: int | str | None, reason: str, document_reference: str = ""
) -> PlanAmendment:
    """Open an amendment of an issued plan: the plan as it stands is kept, its content becomes editable."""
    _require_edit(actor, plan)
    check_stale(plan, version)
    errors: Errors = {}
    if plan.status != Plan.Status.ISSUED:
        add_error(errors, NON_FIELD_ERRORS, AMEND_ONLY_ISSUED, "not_issued")
    open_amendment = plan.amendments.filter(completed_at__isnull=True).first()
    if open_amendment is not None:
        add_error(errors, NON_FIELD_ERRORS, AMENDMENT_OPEN, "open", day=format_day(open_amendment.at.date()))
    if not (reason or "").strip():
        add_error(errors, "reason", REASON_REQUIRED, "required")
    raise_if(errors)
    amendment = PlanAmendment.objects.create(
        plan=plan,
        actor=actor,
        reason=reason.strip(),
        document_reference=normalise_spaces(document_reference),
        snapshot=plan_snapshot(plan),
    )
    plan.version += 1
    plan.save(update_fields=["version", "updated_at"])
    return amendment


@service
def plan_amendment_complete(*, actor: User, plan: Plan) -> PlanAmendment:
    """Close the open amendment; the reporting calendar follows the amended rules."""
    _require_edit(actor, plan)
    amendment = plan.amendments.select_for_update().filter(completed_at__isnull=True).first()
    if amendment is None:
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(NO_OPEN_AMENDMENT, code="no_amendment")]})
    amendment.completed_at = timezone.now()
    amendment.save(update_fields=["completed_at"])
    reporting_deadlines_regenerate(plan)
    plan.version += 1
    plan.save(update_fields=["version", "updated_at"])
    return amendment


@service
def plan_close(
    *,
    actor: User,
    plan: Plan,
    version: int | str | None,
    note: str = "",
    superseded_by: Plan | None = None,
) -> Plan:
    """End an issued plan: closed at the end of its work, or superseded by a newer plan of the same unit."""
    _require_edit(actor, plan)
    check_stale(plan, version)
    errors: Errors = {}
    if plan.status != Plan.Status.ISSUED:
        add_error(errors, NON_FIELD_ERRORS, CLOSE_ONLY_ISSUED, "not_issued")
    if superseded_by is not None:
        if superseded_by.pk == plan.pk:
            add_error(errors, "superseded_by", SUPERSEDED_BY_SELF, "self")
        elif (
            superseded_by.status != Plan.Status.ISSUED
            or superseded_by.issuing_unit_id != plan.issuing_unit_id
        ):
            add_error(errors, "superseded_by", SUPERSEDING_NOT_ISSUED, "not_issued")
    raise_if(errors)
    if superseded_by is not None:
        plan.status = Plan.Status.SUPERSEDED
        note = note or str(_("Thay thế bởi kế hoạch %(reference)s") % {"reference": superseded_by.reference})
    else:
        plan.status = Plan.Status.CLOSED
    plan.version += 1
    plan.save()
    _event(actor, plan, Plan.Status.ISSUED, note)
    return plan


def _lines(lines: Iterable[str]) -> list[str]:
    return [normalise_spaces(line).strip(" -;.") for line in lines if normalise_spaces(line).strip(" -;.")]


@service
def plan_legal_bases_set(*, actor: User, plan: Plan, lines: Iterable[str]) -> list[PlanLegalBasis]:
    """Replace the legal bases ("Căn cứ ..."), one per line, in order."""
    _require_edit(actor, plan)
    _require_editable_content(plan)
    plan.legal_bases.all().delete()
    return PlanLegalBasis.objects.bulk_create(
        PlanLegalBasis(plan=plan, order=i, text=text) for i, text in enumerate(_lines(lines), start=1)
    )


@service
def plan_recipients_set(*, actor: User, plan: Plan, lines: Iterable[str]) -> list[PlanRecipient]:
    """Replace the distribution list (nơi nhận), one per line; the "Lưu: ..." line is kept last."""
    _require_edit(actor, plan)
    _require_editable_content(plan)
    texts = _lines(lines)
    archive = [t for t in texts if t.casefold().startswith("lưu")]
    others = [t for t in texts if not t.casefold().startswith("lưu")]
    plan.recipients.all().delete()
    rows = [PlanRecipient(plan=plan, order=i, text=t) for i, t in enumerate(others, start=1)]
    rows += [
        PlanRecipient(plan=plan, order=len(others) + i, text=t, is_archive=True)
        for i, t in enumerate(archive, start=1)
    ]
    return PlanRecipient.objects.bulk_create(rows)


def _next_order(rows: Any) -> int:
    return int(rows.aggregate(m=Max("order"))["m"] or 0) + 1


@service
def plan_section_save(
    *, actor: User, plan: Plan, section: PlanSection | None = None, **fields: Any
) -> PlanSection:
    _require_edit(actor, plan)
    _require_editable_content(plan)
    if section is None:
        section = PlanSection(plan=plan, order=_next_order(plan.sections))
    _assign(section, fields, SECTION_FIELDS)
    validate_instance(section, {})
    section.save()
    return section


# --- targets ------------------------------------------------------------------------------------------------


def _check_aims_at_least_as_high(target: Target, parent: Target, errors: Errors) -> None:
    """A lower unit may aim higher than the plan it implements, never lower."""
    assert target.value is not None and parent.value is not None
    higher_is_better = parent.comparator in (
        Target.Comparator.AT_LEAST,
        Target.Comparator.INCREASE_BY,
        Target.Comparator.DECREASE_BY,
    )
    if higher_is_better and target.value < parent.value:
        add_error(errors, "value", INHERITED_LOWER, "inherited_lower", value=parent.value)
    if parent.comparator == Target.Comparator.AT_MOST and target.value > parent.value:
        add_error(errors, "value", INHERITED_HIGHER, "inherited_higher", value=parent.value)


def _validate_target(target: Target, plan: Plan, errors: Errors) -> None:
    if target.comparator:
        if target.value is None:
            add_error(errors, "value", MEASURABLE_NEEDS_VALUE, "value_required")
        if not target.measure_unit:
            add_error(errors, "measure_unit", MEASURABLE_NEEDS_UNIT, "unit_required")
    else:
        if target.value is not None or target.value_max is not None:
            add_error(errors, "value", QUALITATIVE_HAS_VALUE, "qualitative_value")
        if target.measure_unit:
            add_error(errors, "measure_unit", QUALITATIVE_HAS_UNIT, "qualitative_unit")
    if target.value is not None and target.value_max is not None and target.value_max < target.value:
        add_error(errors, "value_max", RANGE_REVERSED, "range_reversed")
    if target.due_year and not plan.period_start.year <= target.due_year <= plan.period_end.year:
        add_error(errors, "due_year", DUE_YEAR_OUTSIDE, "due_outside", **_period_params(plan))
    if target.due_date and not plan.period_start <= target.due_date <= plan.period_end:
        add_error(errors, "due_date", DUE_DATE_OUTSIDE, "due_outside", **_period_params(plan))
    parent = target.inherited_from
    if parent is not None:
        if plan.implements_id is None or parent.plan_id != plan.implements_id:
            add_error(errors, "inherited_from", INHERITED_FOREIGN, "inherited_foreign")
        elif target.value is not None and parent.value is not None and target.comparator == parent.comparator:
            _check_aims_at_least_as_high(target, parent, errors)
    validate_instance(target, errors)


@service
def target_save(*, actor: User, plan: Plan, target: Target | None = None, **fields: Any) -> Target:
    """Add a target to the plan, or change one (fields: see TARGET_FIELDS)."""
    _require_edit(actor, plan)
    _require_editable_content(plan)
    if target is None:
        target = Target(plan=plan, order=_next_order(plan.targets))
    _assign(target, fields, TARGET_FIELDS)
    if not target.comparator:
        target.indicator_key = target.indicator_key or ""
    _validate_target(target, plan, {})
    target.save()
    return target


@service
def target_remove(*, actor: User, target: Target) -> None:
    _require_edit(actor, target.plan)
    _require_editable_content(target.plan)
    target.delete()


@service
def plan_targets_inherit(*, actor: User, plan: Plan) -> list[Target]:
    """Copy the targets of the implemented plan that apply to lower units (each commune, each district) and
    those of the whole area, as this plan's own targets; a target already inherited is not copied again."""
    _require_edit(actor, plan)
    _require_editable_content(plan)
    parent = plan.implements
    if parent is None:
        raise ValidationError({"implements": [ValidationError(NOTHING_TO_INHERIT, code="no_parent")]})
    already = set(plan.targets.exclude(inherited_from=None).values_list("inherited_from_id", flat=True))
    created = []
    order = _next_order(plan.targets)
    for source in parent.targets.order_by("order"):
        if source.pk in already or source.applies_to == Target.AppliesTo.EACH_AGENCY:
            continue
        due_year = source.due_year
        if due_year and not plan.period_start.year <= due_year <= plan.period_end.year:
            due_year = None
        due_date = (
            source.due_date
            if source.due_date and plan.period_start <= source.due_date <= plan.period_end
            else None
        )
        target = Target(
            plan=plan,
            order=order,
            area=source.area,
            statement=source.statement,
            indicator_key=source.indicator_key,
            comparator=source.comparator,
            value=source.value,
            value_max=source.value_max,
            measure_unit=source.measure_unit,
            due_year=due_year,
            due_date=due_date,
            applies_to=Target.AppliesTo.ISSUING_UNIT,
            inherited_from=source,
        )
        _validate_target(target, plan, {})
        target.save()
        created.append(target)
        order += 1
    return created


# --- tasks --------------------------------------------------------------------------------------------------


def _validate_task(task: Task, plan: Plan, coordinating: list[Agency], errors: Errors) -> None:
    if task.lead_agency_id is None:
        add_error(errors, "lead_agency", LEAD_REQUIRED, "required")
    elif not _in_area(task.lead_agency, plan.issuing_unit):
        add_error(errors, "lead_agency", AGENCY_OUT_OF_AREA, "out_of_area", agency=task.lead_agency.name)
    for agency in coordinating:
        if agency.pk == task.lead_agency_id:
            add_error(errors, "coordinating_agencies", LEAD_ALSO_COORDINATING, "lead_coordinating")
        elif not _in_area(agency, plan.issuing_unit):
            add_error(errors, "coordinating_agencies", AGENCY_OUT_OF_AREA, "out_of_area", agency=agency.name)
    if task.due_date and task.due_date < plan.period_start:
        add_error(
            errors, "due_date", TASK_DUE_BEFORE_PLAN, "due_before_plan", start=format_day(plan.period_start)
        )
    if task.lead_agency_id is None:
        # full_clean would add Django's generic "required" message on top of ours.
        raise_if(errors)
    validate_instance(task, errors)


@service
def task_save(
    *,
    actor: User,
    plan: Plan,
    task: Task | None = None,
    version: int | str | None = None,
    coordinating_agencies: Iterable[Agency] = (),
    **fields: Any,
) -> Task:
    """Add a task to the plan, or change one (fields: see TASK_FIELDS; `version` required for a change)."""
    _require_edit(actor, plan)
    _require_editable_content(plan)
    if task is None:
        task = Task(plan=plan, order=_next_order(plan.tasks))
    else:
        check_stale(task, version)
        task.version += 1
    _assign(task, fields, TASK_FIELDS)
    coordinating = list(coordinating_agencies)
    _validate_task(task, plan, coordinating, {})
    task.save()
    task.coordinating_agencies.set(coordinating)
    return task


@service
def task_remove(*, actor: User, task: Task) -> None:
    _require_edit(actor, task.plan)
    _require_editable_content(task.plan)
    task.delete()


def _validate_evidence(evidence: UploadedFile | None, errors: Errors) -> None:
    if evidence is None:
        return
    if evidence.size and evidence.size > EVIDENCE_MAX_MB * 1024 * 1024:
        add_error(errors, "evidence", EVIDENCE_TOO_LARGE, "too_large", max=EVIDENCE_MAX_MB)
        return
    head = evidence.read(8)
    evidence.seek(0)
    # The browser's content type is only a claim: the first bytes must agree with it.
    signatures = {
        "application/pdf": (b"%PDF",),
        "image/jpeg": (b"\xff\xd8\xff",),
        "image/png": (b"\x89PNG",),
        "application/msword": (b"\xd0\xcf\x11\xe0",),
        "application/vnd.ms-excel": (b"\xd0\xcf\x11\xe0",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b"PK\x03\x04",),
    }
    content_type = getattr(evidence, "content_type", "") or ""
    if content_type not in EVIDENCE_CONTENT_TYPES or not head.startswith(signatures[content_type]):
        add_error(errors, "evidence", EVIDENCE_TYPE, "type")


@service
def task_progress_record(
    *,
    actor: User,
    task: Task,
    version: int | str | None,
    reported_on: datetime.date | None,
    status: str,
    note: str,
    evidence: UploadedFile | None = None,
) -> TaskProgress:
    """A dated progress update on a task of an issued plan; the task takes the reported status."""
    if not can_update_task(actor, task):
        raise PermissionDenied
    check_stale(task, version)
    errors: Errors = {}
    if task.plan.status != Plan.Status.ISSUED:
        add_error(errors, NON_FIELD_ERRORS, PROGRESS_NOT_ISSUED, "not_issued")
    day = reported_on or today()
    if day > today():
        add_error(errors, "reported_on", PROGRESS_IN_FUTURE, "future", today=format_day(today()))
    if not (note or "").strip():
        add_error(errors, "note", PROGRESS_NOTE_REQUIRED, "required")
    _validate_evidence(evidence, errors)
    progress = TaskProgress(task=task, actor=actor, reported_on=day, status=status, note=(note or "").strip())
    if evidence is not None:
        progress.evidence = evidence  # type: ignore[assignment]
    validate_instance(progress, errors)
    progress.save()
    task.status = status
    task.version += 1
    task.save(update_fields=["status", "version", "updated_at"])
    return progress


# --- reporting rules ----------------------------------------------------------------------------------------


def _validate_rule(rule: ReportingRule, plan: Plan, named: list[Agency], errors: Errors) -> None:
    if rule.period_kind == ReportingRule.PeriodKind.AD_HOC:
        rule.due_day = rule.due_day or None
        rule.due_month = rule.due_month or None
    elif not rule.due_day or not rule.due_month:
        add_error(errors, "due_day", DUE_DAY_REQUIRED, "required")
    elif not 1 <= int(rule.due_month) <= 12:
        add_error(errors, "due_month", DUE_MONTH_INVALID, "invalid")
    else:
        day, month = int(rule.due_day), int(rule.due_month)
        # 29/02 exists only in leap years: a yearly deadline must exist every year.
        longest = std_calendar.monthrange(2023, month)[1]
        if day > longest or day < 1:
            add_error(errors, "due_day", DUE_IMPOSSIBLE, "impossible", day=day, month=month, days=longest)
        elif rule.period_kind != ReportingRule.PeriodKind.QUARTERLY:
            inside = any(
                (due := safe_date(year, month, day)) is not None
                and plan.period_start <= due <= plan.period_end
                for year in range(plan.period_start.year, plan.period_end.year + 1)
            )
            if not inside:
                add_error(
                    errors,
                    "due_day",
                    DUE_OUTSIDE_PERIOD,
                    "outside_period",
                    day=f"{day:02d}",
                    month=f"{month:02d}",
                    **_period_params(plan),
                )
    if rule.reporters == ReportingRule.Reporters.NAMED_AGENCIES and not named:
        add_error(errors, "named_reporters", NAMED_REPORTERS_REQUIRED, "required")
    if rule.recipient_agency_id is None and not rule.recipient_note:
        add_error(errors, "recipient_agency", RECIPIENT_REQUIRED, "required")
    validate_instance(rule, errors)


@service
def reporting_rule_save(
    *,
    actor: User,
    plan: Plan,
    rule: ReportingRule | None = None,
    named_reporters: Iterable[Agency] = (),
    **fields: Any,
) -> ReportingRule:
    """Add a reporting rule to the plan, or change one (fields: see RULE_FIELDS). An issued plan's calendar
    follows when its amendment is completed."""
    _require_edit(actor, plan)
    _require_editable_content(plan)
    if rule is None:
        rule = ReportingRule(plan=plan, order=_next_order(plan.reporting_rules))
    _assign(rule, fields, RULE_FIELDS)
    named = list(named_reporters)
    _validate_rule(rule, plan, named, {})
    rule.save()
    rule.named_reporters.set(named)
    return rule


@service
def reporting_rule_remove(*, actor: User, rule: ReportingRule) -> None:
    _require_edit(actor, rule.plan)
    _require_editable_content(rule.plan)
    rule.delete()
