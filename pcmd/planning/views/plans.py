"""Plan pages: the list, the draft form, the tabs of a plan, its life (issue, amend, close, delete) and its
documents."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pcmd.accounts.scoping import active_membership
from pcmd.agencies import selectors as agency_selectors
from pcmd.core.services import today
from pcmd.planning import documents, policies, selectors, services
from pcmd.planning.calendar import deadlines_of
from pcmd.planning.forms import (
    AmendmentOpenForm,
    IssuingUnitForm,
    PlanCloseForm,
    PlanFilterForm,
    PlanForm,
    PlanIssueForm,
)
from pcmd.planning.models import Plan
from pcmd.planning.views.common import (
    editable_plan,
    errors_as_messages,
    file_response,
    form_page,
    paginate,
    plan_page,
    plan_url,
    readable_plan,
    require_view,
    user_of,
)
from pcmd.planning.views.display import snapshot_view, targets_by_area

CALENDAR_PAGE_SIZE = 100
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_list(request: HttpRequest) -> HttpResponse:
    require_view(request)
    user = user_of(request)
    form = PlanFilterForm(request.GET or None, user=user)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {key: form.cleaned_data[key] for key in ("q", "unit", "year", "status", "kind")}
    plans = selectors.plans_visible_to(user, **filters)
    return render(
        request,
        "planning/plan_list.html",
        {"form": form, "page": paginate(request, plans), "can_create": policies.can_create_plans(user)},
    )


def _issuing_unit_for_new_plan(request: HttpRequest) -> Any:
    """The unit the new plan belongs to: the user's own unit, or for a national administrator the unit whose
    code they give (None until they do)."""
    membership = active_membership(user_of(request))
    if membership is not None and membership.unit is not None:
        return membership.unit
    return agency_selectors.unit_get_by_code(user_of(request), request.GET.get("don_vi", ""))


@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not policies.can_create_plans(user):
        raise PermissionDenied
    unit = _issuing_unit_for_new_plan(request)
    if unit is None:
        unit_form = IssuingUnitForm(request.GET or None)
        if unit_form.is_bound and unit_form.is_valid():
            unit_form.add_error(
                "don_vi", _("Không tìm thấy đơn vị hành chính có mã này trong phạm vi của bạn.")
            )
        return render(
            request, "planning/unit_choice.html", {"form": unit_form, "page_title": _("Tạo kế hoạch")}
        )
    if not policies.can_write_plans_of(user, unit):
        raise PermissionDenied
    form = PlanForm(request.POST or None, request.FILES or None, user=user, unit=unit)

    def save() -> Plan:
        plan = services.plan_create(actor=user, issuing_unit=unit, **form.plan_fields())
        services.plan_legal_bases_set(actor=user, plan=plan, lines=form.legal_basis_lines())
        services.plan_recipients_set(actor=user, plan=plan, lines=form.recipient_lines())
        return plan

    return form_page(
        request,
        form,
        save=save,
        success=_("Đã tạo dự thảo kế hoạch. Thêm chỉ tiêu, nhiệm vụ và chế độ báo cáo rồi ban hành."),
        next_url=plan_url,
        context={"page_title": _("Tạo kế hoạch"), "unit": unit},
        template="planning/plan_form.html",
    )


@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = user_of(request)
    plan = editable_plan(request, plan_id)
    form = PlanForm(
        request.POST or None,
        request.FILES or None,
        initial=PlanForm.initial_for(plan),
        user=user,
        unit=plan.issuing_unit,
        plan=plan,
    )

    def save() -> Plan:
        version = form.cleaned_data.get("version")
        services.plan_update(actor=user, plan=plan, version=version, **form.plan_fields())
        services.plan_legal_bases_set(actor=user, plan=plan, lines=form.legal_basis_lines())
        services.plan_recipients_set(actor=user, plan=plan, lines=form.recipient_lines())
        return plan

    return form_page(
        request,
        form,
        save=save,
        success=_("Đã lưu thay đổi."),
        next_url=plan_url,
        context={
            "page_title": _("Sửa kế hoạch"),
            "unit": plan.issuing_unit,
            "plan": plan,
            "locked_message": _locked_message(plan),
        },
        template="planning/plan_form.html",
        on_error=plan.refresh_from_db,
    )


def _locked_message(plan: Plan) -> str | None:
    """Why the plan's content cannot be edited now (None when it can)."""
    if plan.status == Plan.Status.DRAFT or selectors.plan_open_amendment(plan) is not None:
        return None
    message = (
        services.NOT_EDITABLE_ISSUED if plan.status == Plan.Status.ISSUED else services.NOT_EDITABLE_FINISHED
    )
    return str(message)


def _visible_plan_ids(request: HttpRequest, plans: list[Plan]) -> set[int]:
    """Of these plans, those the user may open (others are named, not linked)."""
    ids = [p.pk for p in plans if p is not None]
    return set(selectors.plans_visible_to(user_of(request)).filter(pk__in=ids).values_list("pk", flat=True))


@require_GET
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = readable_plan(request, plan_id)
    return plan_page(
        request,
        plan,
        "overview",
        "planning/plan_detail.html",
        counts=selectors.plan_counts(plan),
        legal_bases=list(plan.legal_bases.order_by("order")),
        sections=list(plan.sections.order_by("order")),
        recipients=list(plan.recipients.order_by("order")),
        implements_visible=bool(
            plan.implements is not None and _visible_plan_ids(request, [plan.implements])
        ),
    )


@require_GET
def plan_targets(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = readable_plan(request, plan_id)
    return plan_page(
        request,
        plan,
        "targets",
        "planning/plan_targets.html",
        groups=targets_by_area(selectors.targets_of(plan)),
    )


@require_GET
def plan_tasks(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = readable_plan(request, plan_id)
    tasks = list(selectors.tasks_of(plan))
    day = today()
    for task in tasks:
        # Only a plan being carried out has overdue tasks (a draft's dates are intentions).
        task.overdue = plan.status == Plan.Status.ISSUED and task.is_overdue_on(day)  # type: ignore[attr-defined]
    return plan_page(request, plan, "tasks", "planning/plan_tasks.html", tasks=tasks)


@require_GET
def plan_reporting(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = readable_plan(request, plan_id)
    rules = list(
        plan.reporting_rules.select_related("recipient_agency")
        .prefetch_related("named_reporters")
        .order_by("order")
    )
    if plan.status == Plan.Status.DRAFT:
        # A draft has no calendar yet: show what issuing it would generate.
        deadlines: Any = sorted(
            (d for rule in rules for d in deadlines_of(rule, plan)), key=lambda d: (d.due_on, d.rule.order)
        )
    else:
        deadlines = selectors.reporting_calendar(plan)
    return plan_page(
        request,
        plan,
        "reporting",
        "planning/plan_reporting.html",
        rules=rules,
        calendar_page=paginate(request, deadlines, CALENDAR_PAGE_SIZE),
        calendar_is_preview=plan.status == Plan.Status.DRAFT,
    )


@require_GET
def plan_cascade(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = readable_plan(request, plan_id)
    cascade = selectors.plan_cascade(plan)
    children = [p for row in [*cascade.units, *cascade.agencies] for p in row.plans]
    return plan_page(
        request,
        plan,
        "cascade",
        "planning/plan_cascade.html",
        cascade=cascade,
        linkable_plan_ids=_visible_plan_ids(request, children),
    )


@require_GET
def plan_history(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = readable_plan(request, plan_id)
    amendments = list(plan.amendments.select_related("actor").order_by("-at", "-id"))
    for amendment in amendments:
        amendment.before = snapshot_view(amendment.snapshot)  # type: ignore[attr-defined]
    return plan_page(
        request,
        plan,
        "history",
        "planning/plan_history.html",
        events=list(plan.events.select_related("actor").order_by("-at", "-id")),
        amendments=amendments,
    )


# --- plan life: issue, delete, amend, close -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def plan_issue(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = user_of(request)
    plan = editable_plan(request, plan_id)
    form = PlanIssueForm(request.POST or None, initial={"version": plan.version, "issued_on": today()})
    return form_page(
        request,
        form,
        save=lambda: services.plan_issue(
            actor=user,
            plan=plan,
            version=form.cleaned_data["version"],
            number=form.cleaned_data["number"],
            issued_on=form.cleaned_data["issued_on"],
            note=form.cleaned_data["note"],
        ),
        success=_("Đã ban hành kế hoạch; lịch báo cáo đã được lập."),
        next_url=plan_url,
        context={
            "page_title": _("Ban hành kế hoạch"),
            "plan": plan,
            "intro": _(
                "Kế hoạch được đánh số, ghi ngày ban hành và lập lịch báo cáo. "
                "Sau khi ban hành, nội dung chỉ được thay đổi bằng sửa đổi kế hoạch."
            ),
            "submit_label": _("Ban hành"),
        },
        on_error=plan.refresh_from_db,
    )


@require_POST
def plan_delete(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = editable_plan(request, plan_id)
    try:
        services.plan_delete_draft(actor=user_of(request), plan=plan)
    except ValidationError as exc:
        errors_as_messages(request, exc)
        return redirect(plan_url(plan))
    messages.success(request, _("Đã xóa dự thảo «%(title)s».") % {"title": plan.title})
    return redirect("planning:plan-list")


@require_http_methods(["GET", "POST"])
def amendment_open(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = user_of(request)
    plan = editable_plan(request, plan_id)
    form = AmendmentOpenForm(request.POST or None, initial={"version": plan.version})

    def save() -> Plan:
        services.plan_amendment_open(
            actor=user,
            plan=plan,
            version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
            document_reference=form.cleaned_data["document_reference"],
        )
        return plan

    return form_page(
        request,
        form,
        save=save,
        success=_("Đã mở sửa đổi: nội dung kế hoạch có thể sửa; chọn «Hoàn tất sửa đổi» khi xong."),
        next_url=plan_url,
        context={
            "page_title": _("Sửa đổi kế hoạch"),
            "plan": plan,
            "intro": _(
                "Nội dung hiện tại của kế hoạch được lưu lại trong lịch sử trước khi sửa. Lịch báo cáo được "
                "lập lại khi hoàn tất sửa đổi."
            ),
            "submit_label": _("Mở sửa đổi"),
        },
    )


@require_POST
def amendment_complete(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = editable_plan(request, plan_id)
    try:
        services.plan_amendment_complete(actor=user_of(request), plan=plan)
    except ValidationError as exc:
        errors_as_messages(request, exc)
    else:
        messages.success(request, _("Đã hoàn tất sửa đổi; lịch báo cáo đã được cập nhật."))
    return redirect(plan_url(plan))


@require_http_methods(["GET", "POST"])
def plan_close(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = user_of(request)
    plan = editable_plan(request, plan_id)
    form = PlanCloseForm(request.POST or None, initial={"version": plan.version}, user=user, plan=plan)
    return form_page(
        request,
        form,
        save=lambda: services.plan_close(
            actor=user,
            plan=plan,
            version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
            superseded_by=form.cleaned_data["superseded_by"],
        ),
        success=_("Đã cập nhật trạng thái kế hoạch."),
        next_url=plan_url,
        context={
            "page_title": _("Kết thúc hoặc thay thế kế hoạch"),
            "plan": plan,
            "submit_label": _("Xác nhận"),
        },
        on_error=plan.refresh_from_db,
    )


# --- downloads ----------------------------------------------------------------------------------------------


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    return response


@require_GET
def plan_docx(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = readable_plan(request, plan_id)
    return _attachment(documents.plan_docx(plan), DOCX_TYPE, documents.plan_document_filename(plan, "docx"))


@require_GET
def plan_xlsx(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = readable_plan(request, plan_id)
    return _attachment(
        documents.plan_tasks_xlsx(plan), XLSX_TYPE, documents.plan_document_filename(plan, "xlsx")
    )


@require_GET
def plan_original(request: HttpRequest, plan_id: int) -> FileResponse:
    """The original text, served through the plan's scoping (never from a public media URL)."""
    return file_response(readable_plan(request, plan_id).original_text)
