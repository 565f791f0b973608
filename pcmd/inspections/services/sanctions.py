"""Writes on violations, sanction decisions and follow-up checks (hậu kiểm).

A violation cites a provision valid on the inspection day; a decision fines each violation within the range
of its provision; a licence suspension or withdrawal changes the establishment's status through the
establishments service; a follow-up found remedied closes the violations it checks. After each write that
may change an establishment's open violations, its risk level is refreshed.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency
from pcmd.agencies.selectors import agencies_visible_to
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
from pcmd.establishments.models import Establishment, StatusChangeSource
from pcmd.establishments.services import establishment_risk_refresh, establishment_status_change
from pcmd.inspections import policies
from pcmd.inspections.models import FollowUp, Inspection, SanctionDecision, SanctionLine, Violation
from pcmd.legal.models import LegalProvision

ACT_REQUIRED = _("Mô tả hành vi vi phạm.")
PROVISION_NOT_VALID_ON_DAY = _(
    "Căn cứ «%(reference)s» không áp dụng vào ngày kiểm tra %(day)s (áp dụng %(period)s)."
)
PERSONS_AT_LEAST_ONE = _("Số người vi phạm ít nhất là 1.")
VIOLATION_SANCTIONED = _("Vi phạm đã có quyết định xử phạt số %(number)s: không đổi căn cứ.")
VIOLATION_ALREADY_CLOSED = _("Vi phạm đã kết thúc ngày %(day)s.")
CLOSED_BEFORE_VIOLATION = _("Ngày kết thúc không được trước ngày phát hiện vi phạm (%(day)s).")
DATE_IN_FUTURE = _("Ngày không được sau ngày hôm nay.")
DECISION_BEFORE_INSPECTION = _("Ngày quyết định không được trước ngày kiểm tra (%(day)s).")
DECISION_NUMBER_TAKEN = _("%(agency)s đã có quyết định số «%(number)s».")
DECISION_NEEDS_VIOLATIONS = _("Chọn ít nhất một vi phạm được xử phạt trong quyết định.")
VIOLATION_OF_OTHER_INSPECTION = _("Vi phạm «%(act)s» không thuộc cuộc kiểm tra này.")
VIOLATION_ALREADY_SANCTIONED = _("Vi phạm «%(act)s» đã được xử phạt theo quyết định số %(number)s.")
FINE_OUT_OF_RANGE = _("Mức phạt cho «%(act)s» phải từ %(min)s đến %(max)s đồng theo %(reference)s.")
FINE_NOT_ALLOWED = _("%(reference)s không quy định phạt tiền: để trống mức phạt cho «%(act)s».")
AGENCY_OUTSIDE = _("Cơ quan ra quyết định phải thuộc phạm vi của bạn.")
SUSPENSION_AND_WITHDRAWAL = _("Không thể vừa tước có thời hạn vừa thu hồi giấy phép.")
SUSPENSION_MONTHS_INVALID = _("Thời hạn tước giấy phép, đình chỉ từ 1 đến 24 tháng.")
REMEDY_BEFORE_DECISION = _("Thời hạn khắc phục không được trước ngày quyết định.")
NOTHING_TO_PAY = _("Quyết định không phạt tiền.")
ALREADY_PAID = _("Đã ghi nhận nộp phạt ngày %(day)s.")
PAID_BEFORE_DECISION = _("Ngày nộp phạt không được trước ngày quyết định (%(day)s).")
FOLLOW_UP_SOURCE = _("Hậu kiểm theo một vi phạm hoặc một quyết định xử phạt.")
FOLLOW_UP_BEFORE_VIOLATION = _("Hạn hậu kiểm không được trước ngày phát hiện vi phạm (%(day)s).")
FOLLOW_UP_BEFORE_DECISION = _("Hạn hậu kiểm không được trước ngày quyết định xử phạt (%(day)s).")
FOLLOW_UP_DONE_BEFORE_VIOLATION = _("Ngày hậu kiểm không được trước ngày phát hiện vi phạm (%(day)s).")
FOLLOW_UP_ALREADY_DONE = _("Hậu kiểm đã thực hiện ngày %(day)s.")
FOLLOW_UP_OUTCOME_REQUIRED = _("Chọn kết quả hậu kiểm.")
SUSPENSION_REASON = _(
    "Tước quyền sử dụng giấy phép, đình chỉ hoạt động %(months)s tháng theo quyết định số %(number)s."
)
WITHDRAWAL_REASON = _("Thu hồi giấy phép theo quyết định số %(number)s.")

MAX_SUSPENSION_MONTHS = 24
VIOLATION_EDITABLE_FIELDS = frozenset({"act", "provision", "persons_involved"})


def _money(amount: int | None) -> str:
    return f"{amount or 0:,}".replace(",", ".")


def _period(provision: LegalProvision) -> str:
    end = format_day(provision.valid_to) if provision.valid_to else gettext("nay")
    return f"{format_day(provision.valid_from)} – {end}"


# --- violations ---------------------------------------------------------------------------------------------


def _validate_violation(violation: Violation, errors: Errors) -> None:
    violation.act = (violation.act or "").strip()
    if not violation.act:
        add_error(errors, "act", ACT_REQUIRED, "required")
    if violation.persons_involved is not None and violation.persons_involved < 1:
        add_error(errors, "persons_involved", PERSONS_AT_LEAST_ONE, "min")
    if violation.provision_id:
        day = violation.inspection.day
        provision = violation.provision
        if not provision.is_valid_on(day):
            add_error(
                errors,
                "provision",
                PROVISION_NOT_VALID_ON_DAY,
                "not_valid_on_day",
                reference=provision.reference,
                day=format_day(day),
                period=_period(provision),
            )
    validate_instance(violation, errors)


@service
def violation_record(
    *,
    actor: User,
    inspection: Inspection,
    act: str,
    provision: LegalProvision,
    persons_involved: int = 1,
) -> Violation:
    """A violation found at the inspection, with its legal basis (valid on the inspection day)."""
    if not policies.can_edit_inspection(actor, inspection):
        raise PermissionDenied
    violation = Violation(
        inspection=inspection,
        act=act,
        provision=provision,
        persons_involved=persons_involved,
        recorded_by=actor,
    )
    _validate_violation(violation, {})
    violation.save()
    establishment_risk_refresh(inspection.establishment)
    return violation


@service
def violation_update(
    *, actor: User, violation: Violation, version: int | str | None, changes: Mapping[str, Any]
) -> Violation:
    """Correct the act, basis or persons; the basis of a sanctioned violation no longer changes."""
    if not policies.can_edit_inspection(actor, violation.inspection):
        raise PermissionDenied
    unknown = set(changes) - VIOLATION_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(violation, version)
    errors: Errors = {}
    line = SanctionLine.objects.filter(violation=violation).select_related("decision").first()
    new_provision = changes.get("provision")
    if line is not None and new_provision is not None and new_provision.pk != violation.provision_id:
        add_error(errors, "provision", VIOLATION_SANCTIONED, "sanctioned", number=line.decision.number)
    for name, value in changes.items():
        setattr(violation, name, value)
    _validate_violation(violation, errors)
    violation.version += 1
    violation.save()
    return violation


def _close(violation: Violation, day: datetime.date, note: str) -> None:
    violation.status = Violation.Status.CLOSED
    violation.closed_on = day
    violation.closing_note = (note or "").strip()
    violation.version += 1
    validate_instance(violation, {})
    violation.save()


@service
def violation_close(
    *, actor: User, violation: Violation, closed_on: datetime.date, note: str = "", version: int | None = None
) -> Violation:
    """The violation is remedied or otherwise finished (by the team or the sanctioning authority)."""
    if not policies.can_close_violation(actor, violation.inspection):
        raise PermissionDenied
    if version is not None:
        check_stale(violation, version)
    errors: Errors = {}
    found_on = violation.inspection.day
    if not violation.is_open:
        add_error(
            errors, "closed_on", VIOLATION_ALREADY_CLOSED, "closed", day=format_day(violation.closed_on)
        )
    elif closed_on > today():
        add_error(errors, "closed_on", DATE_IN_FUTURE, "in_future")
    elif closed_on < found_on:
        add_error(errors, "closed_on", CLOSED_BEFORE_VIOLATION, "before_violation", day=format_day(found_on))
    raise_if(errors)
    _close(violation, closed_on, note)
    establishment_risk_refresh(violation.inspection.establishment)
    return violation


# --- sanction decisions -------------------------------------------------------------------------------------


def fine_field(violation: Violation) -> str:
    """The error key of a violation's fine (one field per violation on the decision form)."""
    return f"fine_{violation.pk}"


def _check_lines(
    inspection: Inspection, fines: Mapping[Violation, int | None], errors: Errors
) -> list[SanctionLine]:
    if not fines:
        add_error(errors, "violations", DECISION_NEEDS_VIOLATIONS, "required")
    lines = []
    for violation, amount in fines.items():
        if violation.inspection_id != inspection.pk:
            add_error(
                errors, "violations", VIOLATION_OF_OTHER_INSPECTION, "other_inspection", act=violation.act
            )
            continue
        existing = SanctionLine.objects.filter(violation=violation).select_related("decision").first()
        if existing is not None:
            add_error(
                errors,
                "violations",
                VIOLATION_ALREADY_SANCTIONED,
                "already_sanctioned",
                act=violation.act,
                number=existing.decision.number,
            )
            continue
        provision = violation.provision
        if not provision.has_fine:
            if amount:
                add_error(
                    errors,
                    fine_field(violation),
                    FINE_NOT_ALLOWED,
                    "no_fine",
                    reference=provision.reference,
                    act=violation.act,
                )
        elif not provision.fine_allows(amount):
            add_error(
                errors,
                fine_field(violation),
                FINE_OUT_OF_RANGE,
                "out_of_range",
                act=violation.act,
                min=_money(provision.fine_min),
                max=_money(provision.fine_max),
                reference=provision.reference,
            )
        lines.append(SanctionLine(violation=violation, fine_amount=amount or 0))
    return lines


def _follow_sanction_on_establishment(actor: User, decision: SanctionDecision) -> None:
    """A suspension makes an operating establishment suspended; a withdrawal closes it (history row with the
    decision number, through the establishments service)."""
    establishment = decision.inspection.establishment
    establishment.refresh_from_db()
    if decision.licence_withdrawn:
        target, reason = Establishment.Status.CLOSED, WITHDRAWAL_REASON % {"number": decision.number}
    elif decision.suspension_months:
        if establishment.status != Establishment.Status.OPERATING:
            return
        target = Establishment.Status.SUSPENDED
        reason = SUSPENSION_REASON % {"months": decision.suspension_months, "number": decision.number}
    else:
        return
    if establishment.status == target:
        return
    try:
        establishment_status_change(
            actor=actor,
            establishment=establishment,
            to_status=target,
            reason=str(reason),
            effective_on=decision.decided_on,
            source=StatusChangeSource.SANCTION,
            source_reference=decision.number,
        )
    except ValidationError as exc:
        # The establishment's rules speak of its "effective_on": on this form that is the decision's date.
        errors: Errors = {}
        for field, messages in exc.error_dict.items():
            key = "decided_on" if field == "effective_on" else NON_FIELD_ERRORS
            errors.setdefault(key, []).extend(messages)
        raise ValidationError(errors) from exc


@service
def sanction_decision_record(
    *,
    actor: User,
    inspection: Inspection,
    number: str,
    decided_on: datetime.date,
    authority: str,
    agency: Agency,
    fines: Mapping[Violation, int | None],
    suspension_months: int | None = None,
    licence_withdrawn: bool = False,
    confiscation: str = "",
    remedy_measures: str = "",
    remedy_deadline: datetime.date | None = None,
) -> SanctionDecision:
    """Record the competent authority's decision on violations of the inspection (SANCTION_RECORD holders).

    `fines` gives each sanctioned violation its fine in đồng, within its provision's range (None or 0 when the
    provision sets no fine). A suspension or withdrawal changes the establishment's status.
    """
    if not policies.can_record_sanction(actor, inspection):
        raise PermissionDenied
    errors: Errors = {}
    lines = _check_lines(inspection, fines, errors)
    number = normalise_spaces(number)
    if decided_on is not None:
        if decided_on > today():
            add_error(errors, "decided_on", DATE_IN_FUTURE, "in_future")
        elif decided_on < inspection.day:
            add_error(
                errors,
                "decided_on",
                DECISION_BEFORE_INSPECTION,
                "before_inspection",
                day=format_day(inspection.day),
            )
        if remedy_deadline is not None and remedy_deadline < decided_on:
            add_error(errors, "remedy_deadline", REMEDY_BEFORE_DECISION, "before_decision")
    if agency is not None and not agencies_visible_to(actor).filter(pk=agency.pk).exists():
        add_error(errors, "agency", AGENCY_OUTSIDE, "outside")
    elif agency is not None and number:
        taken = SanctionDecision.objects.filter(agency=agency).values_list("number", flat=True)
        if any(other.casefold() == number.casefold() for other in taken):
            add_error(errors, "number", DECISION_NUMBER_TAKEN, "duplicate", agency=agency.name, number=number)
    if suspension_months is not None and not 1 <= suspension_months <= MAX_SUSPENSION_MONTHS:
        add_error(errors, "suspension_months", SUSPENSION_MONTHS_INVALID, "invalid")
    if suspension_months and licence_withdrawn:
        add_error(errors, "licence_withdrawn", SUSPENSION_AND_WITHDRAWAL, "both")
    total = sum(line.fine_amount for line in lines)
    decision = SanctionDecision(
        inspection=inspection,
        number=number,
        decided_on=decided_on,
        authority=normalise_spaces(authority),
        agency=agency,
        fine_total=total,
        suspension_months=suspension_months or None,
        licence_withdrawn=bool(licence_withdrawn),
        confiscation=(confiscation or "").strip(),
        remedy_measures=(remedy_measures or "").strip(),
        remedy_deadline=remedy_deadline,
        payment_status=(
            SanctionDecision.PaymentStatus.UNPAID if total else SanctionDecision.PaymentStatus.NO_FINE
        ),
        recorded_by=actor,
    )
    validate_instance(decision, errors)
    decision.save()
    for line in lines:
        line.decision = decision
        line.save()
    _follow_sanction_on_establishment(actor, decision)
    return decision


@service
def sanction_payment_record(
    *, actor: User, decision: SanctionDecision, paid_on: datetime.date, version: int | None = None
) -> SanctionDecision:
    """The fine was paid on `paid_on`."""
    if not policies.can_record_sanction(actor, decision.inspection):
        raise PermissionDenied
    if version is not None:
        check_stale(decision, version)
    errors: Errors = {}
    if decision.payment_status == SanctionDecision.PaymentStatus.NO_FINE:
        add_error(errors, "paid_on", NOTHING_TO_PAY, "no_fine")
    elif decision.payment_status == SanctionDecision.PaymentStatus.PAID:
        add_error(errors, "paid_on", ALREADY_PAID, "paid", day=format_day(decision.paid_on))
    elif paid_on > today():
        add_error(errors, "paid_on", DATE_IN_FUTURE, "in_future")
    elif paid_on < decision.decided_on:
        add_error(
            errors, "paid_on", PAID_BEFORE_DECISION, "before_decision", day=format_day(decision.decided_on)
        )
    raise_if(errors)
    decision.payment_status = SanctionDecision.PaymentStatus.PAID
    decision.paid_on = paid_on
    decision.version += 1
    validate_instance(decision, {})
    decision.save()
    return decision


# --- follow-ups ---------------------------------------------------------------------------------------------


@service
def follow_up_schedule(
    *,
    actor: User,
    due_on: datetime.date,
    violation: Violation | None = None,
    decision: SanctionDecision | None = None,
) -> FollowUp:
    """Schedule a hậu kiểm of a violation or of a decision's violations; never due before the violation."""
    if (violation is None) == (decision is None):
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(FOLLOW_UP_SOURCE, code="source")]})
    inspection = violation.inspection if violation is not None else decision.inspection  # type: ignore[union-attr]
    if not policies.can_manage_follow_ups(actor, inspection):
        raise PermissionDenied
    errors: Errors = {}
    if due_on is not None:
        if due_on < inspection.day:
            add_error(
                errors,
                "due_on",
                FOLLOW_UP_BEFORE_VIOLATION,
                "before_violation",
                day=format_day(inspection.day),
            )
        elif decision is not None and due_on < decision.decided_on:
            add_error(
                errors,
                "due_on",
                FOLLOW_UP_BEFORE_DECISION,
                "before_decision",
                day=format_day(decision.decided_on),
            )
    follow_up = FollowUp(
        inspection=inspection, violation=violation, decision=decision, due_on=due_on, scheduled_by=actor
    )
    validate_instance(follow_up, errors)
    follow_up.save()
    return follow_up


@service
def follow_up_record(
    *,
    actor: User,
    follow_up: FollowUp,
    done_on: datetime.date,
    outcome: str,
    result: str = "",
    version: int | None = None,
) -> FollowUp:
    """The follow-up was carried out. Found remedied, it closes the open violations it checked."""
    if not policies.can_manage_follow_ups(actor, follow_up.inspection):
        raise PermissionDenied
    if version is not None:
        check_stale(follow_up, version)
    errors: Errors = {}
    found_on = follow_up.inspection.day
    if follow_up.done_on is not None:
        add_error(errors, "done_on", FOLLOW_UP_ALREADY_DONE, "done", day=format_day(follow_up.done_on))
    elif done_on is not None and done_on > today():
        add_error(errors, "done_on", DATE_IN_FUTURE, "in_future")
    elif done_on is not None and done_on < found_on:
        add_error(
            errors, "done_on", FOLLOW_UP_DONE_BEFORE_VIOLATION, "before_violation", day=format_day(found_on)
        )
    if outcome not in FollowUp.Outcome.values:
        add_error(errors, "outcome", FOLLOW_UP_OUTCOME_REQUIRED, "required")
    raise_if(errors)
    follow_up.done_on = done_on
    follow_up.outcome = outcome
    follow_up.result = (result or "").strip()
    follow_up.recorded_by = actor
    follow_up.version += 1
    validate_instance(follow_up, {})
    follow_up.save()
    if outcome == FollowUp.Outcome.REMEDIED:
        checked = (
            [follow_up.violation]
            if follow_up.violation is not None
            else list(follow_up.decision.violations.all())  # type: ignore[union-attr]
        )
        note = gettext("Đã khắc phục theo kết quả hậu kiểm ngày %(day)s.") % {"day": format_day(done_on)}
        for violation in checked:
            if violation.is_open:
                _close(violation, done_on, note)
        establishment_risk_refresh(follow_up.inspection.establishment)
    return follow_up
