"""Violation, sanction-decision and follow-up pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pcmd.accounts.scoping import active_membership
from pcmd.agencies.selectors import agencies_visible_to
from pcmd.core.services import today
from pcmd.inspections import policies, selectors, services
from pcmd.inspections.forms import (
    FollowUpRecordForm,
    FollowUpScheduleForm,
    PaymentForm,
    SanctionDecisionForm,
    ViolationCloseForm,
    ViolationForm,
)
from pcmd.inspections.models import FollowUp, Inspection, SanctionDecision, Violation
from pcmd.inspections.views.common import (
    errors_as_messages,
    form_errors_as_messages,
    int_param,
    paginate,
    require,
    user_of,
)

# --- violations ---------------------------------------------------------------------------------------------


def _violation_page(
    request: HttpRequest, form: ViolationForm, inspection: Inspection, title: str
) -> HttpResponse:
    return render(
        request,
        "inspections/violation_form.html",
        {"form": form, "inspection": inspection, "page_title": title},
    )


@require_http_methods(["GET", "POST"])
def violation_create(request: HttpRequest, inspection_id: int) -> HttpResponse:
    user = user_of(request)
    inspection = selectors.inspection_get(user, inspection_id)
    require(policies.can_edit_inspection(user, inspection))
    form = ViolationForm(request.POST or None, provisions=selectors.provisions_for_inspection(inspection))
    if request.method == "POST" and form.is_valid():
        try:
            violation = services.violation_record(
                actor=user,
                inspection=inspection,
                act=form.cleaned_data["act"],
                provision=form.cleaned_data["provision"],
                persons_involved=form.cleaned_data["persons_involved"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã ghi nhận vi phạm."))
            return redirect(violation.get_absolute_url())
    return _violation_page(request, form, inspection, _("Ghi nhận vi phạm"))


@require_http_methods(["GET", "POST"])
def violation_edit(request: HttpRequest, violation_id: int) -> HttpResponse:
    user = user_of(request)
    violation = selectors.violation_get(user, violation_id)
    inspection = violation.inspection
    require(policies.can_edit_inspection(user, inspection))
    initial = {
        "act": violation.act,
        "provision": violation.provision_id,
        "persons_involved": violation.persons_involved,
        "version": violation.version,
    }
    provisions = selectors.provisions_for_inspection(inspection)
    form = ViolationForm(request.POST or None, initial=initial, provisions=provisions, violation=violation)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.violation_update(
                actor=user, violation=violation, version=data.pop("version"), changes=data
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect(violation.get_absolute_url())
    return _violation_page(request, form, inspection, _("Sửa vi phạm"))


@require_POST
def violation_close(request: HttpRequest, violation_id: int) -> HttpResponse:
    user = user_of(request)
    violation = selectors.violation_get(user, violation_id)
    require(policies.can_close_violation(user, violation.inspection))
    form = ViolationCloseForm(request.POST)
    if form.is_valid():
        try:
            services.violation_close(
                actor=user,
                violation=violation,
                closed_on=form.cleaned_data["closed_on"],
                note=form.cleaned_data["note"],
                version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            errors_as_messages(request, exc)
        else:
            messages.success(request, _("Đã ghi nhận vi phạm kết thúc."))
    else:
        form_errors_as_messages(request, form)
    return redirect(violation.get_absolute_url())


def violation_list(request: HttpRequest) -> HttpResponse:
    """Open violations by default (?status=closed or ?status=all for the others)."""
    user = user_of(request)
    require(policies.can_view_inspections(user))
    status = request.GET.get("status", Violation.Status.OPEN)
    wanted = status if status in Violation.Status.values else ""
    violations = selectors.violations_visible_to(user, status=wanted)
    return render(
        request,
        "inspections/violation_list.html",
        {"page": paginate(request, violations), "status": status, "statuses": Violation.Status.choices},
    )


# --- sanction decisions -------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def sanction_create(request: HttpRequest, inspection_id: int) -> HttpResponse:
    user = user_of(request)
    inspection = selectors.inspection_get(user, inspection_id)
    require(policies.can_record_sanction(user, inspection))
    violations = [v for v in inspection.violations.all() if not hasattr(v, "sanction_line")]
    membership = active_membership(user)
    initial: dict[str, Any] = {"decided_on": today(), "agency": membership.agency_id if membership else None}
    form = SanctionDecisionForm(
        request.POST or None,
        initial=initial,
        agencies=agencies_visible_to(user, active_on=today()),
        violations=violations,
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.sanction_decision_record(
                actor=user, inspection=inspection, **form.service_values()
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã ghi nhận quyết định xử phạt."))
            return redirect(decision.get_absolute_url())
    return render(
        request,
        "inspections/sanction_form.html",
        {"form": form, "inspection": inspection, "page_title": _("Ghi nhận quyết định xử phạt")},
    )


def sanction_detail(request: HttpRequest, decision_id: int) -> HttpResponse:
    user = user_of(request)
    decision = selectors.decision_get(user, decision_id)
    can_record = policies.can_record_sanction(user, decision.inspection)
    return render(
        request,
        "inspections/sanction_detail.html",
        {
            "decision": decision,
            "can_record": can_record,
            "can_follow_up": policies.can_manage_follow_ups(user, decision.inspection),
            "payment_form": PaymentForm(initial={"paid_on": today(), "version": decision.version}),
            "today": today(),
        },
    )


@require_POST
def sanction_payment(request: HttpRequest, decision_id: int) -> HttpResponse:
    user = user_of(request)
    decision = selectors.decision_get(user, decision_id)
    require(policies.can_record_sanction(user, decision.inspection))
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            services.sanction_payment_record(
                actor=user,
                decision=decision,
                paid_on=form.cleaned_data["paid_on"],
                version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            errors_as_messages(request, exc)
        else:
            messages.success(request, _("Đã ghi nhận nộp phạt."))
    else:
        form_errors_as_messages(request, form)
    return redirect(decision.get_absolute_url())


def unpaid_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(policies.can_view_inspections(user))
    decisions = selectors.decisions_visible_to(user, unpaid=True)
    return render(request, "inspections/unpaid_list.html", {"page": paginate(request, decisions)})


# --- follow-ups ---------------------------------------------------------------------------------------------


def follow_up_list(request: HttpRequest) -> HttpResponse:
    """Pending follow-ups by default, overdue ones highlighted (?show=overdue or ?show=all)."""
    user = user_of(request)
    require(policies.can_view_inspections(user))
    show = request.GET.get("show", "pending")
    follow_ups = selectors.follow_ups_visible_to(user, overdue=show == "overdue", pending=show == "pending")
    return render(
        request,
        "inspections/follow_up_list.html",
        {"page": paginate(request, follow_ups), "show": show, "today": today()},
    )


def _follow_up_source(request: HttpRequest) -> tuple[Violation | None, SanctionDecision | None]:
    user = user_of(request)
    violation_id, decision_id = int_param(request, "violation"), int_param(request, "decision")
    if violation_id is not None:
        return selectors.violation_get(user, violation_id), None
    if decision_id is not None:
        return None, selectors.decision_get(user, decision_id)
    raise Http404


@require_http_methods(["GET", "POST"])
def follow_up_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    violation, decision = _follow_up_source(request)
    inspection = violation.inspection if violation is not None else decision.inspection  # type: ignore[union-attr]
    require(policies.can_manage_follow_ups(user, inspection))
    form = FollowUpScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            follow_up = services.follow_up_schedule(
                actor=user, violation=violation, decision=decision, due_on=form.cleaned_data["due_on"]
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã lên lịch hậu kiểm."))
            return redirect(follow_up.get_absolute_url())
    return render(
        request,
        "inspections/follow_up_form.html",
        {
            "form": form,
            "violation": violation,
            "decision": decision,
            "inspection": inspection,
            "page_title": _("Lên lịch hậu kiểm"),
        },
    )


def _follow_up_page(
    request: HttpRequest, follow_up: FollowUp, form: FollowUpRecordForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "inspections/follow_up_detail.html",
        {
            "follow_up": follow_up,
            "form": form,
            "can_record": policies.can_manage_follow_ups(user_of(request), follow_up.inspection),
            "today": today(),
        },
        status=status,
    )


def follow_up_detail(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = selectors.follow_up_get(user_of(request), follow_up_id)
    form = FollowUpRecordForm(initial={"done_on": today(), "version": follow_up.version})
    return _follow_up_page(request, follow_up, form)


@require_POST
def follow_up_record(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    user = user_of(request)
    follow_up = selectors.follow_up_get(user, follow_up_id)
    require(policies.can_manage_follow_ups(user, follow_up.inspection))
    form = FollowUpRecordForm(request.POST)
    if form.is_valid():
        try:
            services.follow_up_record(actor=user, follow_up=follow_up, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
            follow_up.refresh_from_db()
        else:
            messages.success(request, _("Đã ghi nhận kết quả hậu kiểm."))
            return redirect(follow_up.get_absolute_url())
    return _follow_up_page(request, follow_up, form, status=400)
