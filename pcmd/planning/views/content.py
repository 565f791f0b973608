"""The content of a plan, edited on its tabs: free sections, targets, tasks and reporting rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pcmd.planning import selectors, services
from pcmd.planning.forms import (
    ReportingRuleForm,
    SectionForm,
    TargetForm,
    TaskForm,
)
from pcmd.planning.models import Plan, ReportingRule, Task
from pcmd.planning.views.common import editable_plan, errors_as_messages, form_page, plan_url, user_of

# --- sections, targets, tasks, reporting rules of a plan ----------------------------------------------------


def _content_form(
    request: HttpRequest,
    plan: Plan,
    form: Any,
    *,
    save: Callable[[], Model],
    success: str,
    tab: str,
    page_title: str,
) -> HttpResponse:
    return form_page(
        request,
        form,
        save=save,
        success=success,
        next_url=lambda _saved: plan_url(plan, tab),
        context={"page_title": page_title, "plan": plan, "cancel_url": plan_url(plan, tab)},
    )


def _remove(
    request: HttpRequest, plan: Plan, remove: Callable[[], None], success: str, tab: str
) -> HttpResponse:
    try:
        remove()
    except ValidationError as exc:
        errors_as_messages(request, exc)
    else:
        messages.success(request, success)
    return redirect(plan_url(plan, tab))


@require_http_methods(["GET", "POST"])
def section_save(request: HttpRequest, plan_id: int, section_id: int | None = None) -> HttpResponse:
    user = user_of(request)
    plan = editable_plan(request, plan_id)
    section = None
    initial: dict[str, Any] = {}
    if section_id is not None:
        section = plan.sections.filter(pk=section_id).first()
        if section is None:
            raise Http404
        initial = {"area": section.area, "heading": section.heading, "body": section.body}
    form = SectionForm(request.POST or None, initial=initial)
    return _content_form(
        request,
        plan,
        form,
        save=lambda: services.plan_section_save(actor=user, plan=plan, section=section, **form.cleaned_data),
        success=_("Đã lưu mục nội dung."),
        tab="plan-detail",
        page_title=_("Sửa mục nội dung") if section else _("Thêm mục nội dung"),
    )


@require_http_methods(["GET", "POST"])
def target_save(request: HttpRequest, plan_id: int, target_id: int | None = None) -> HttpResponse:
    user = user_of(request)
    plan = editable_plan(request, plan_id)
    target = None
    initial: dict[str, Any] = {"due_year": plan.period_end.year}
    if target_id is not None:
        target = selectors.targets_of(plan).filter(pk=target_id).first()
        if target is None:
            raise Http404
        initial = TargetForm.initial_for(target)
    form = TargetForm(request.POST or None, initial=initial, plan=plan)
    return _content_form(
        request,
        plan,
        form,
        save=lambda: services.target_save(actor=user, plan=plan, target=target, **form.target_fields()),
        success=_("Đã lưu chỉ tiêu."),
        tab="plan-targets",
        page_title=_("Sửa chỉ tiêu") if target else _("Thêm chỉ tiêu"),
    )


@require_POST
def target_remove(request: HttpRequest, plan_id: int, target_id: int) -> HttpResponse:
    plan = editable_plan(request, plan_id)
    target = selectors.targets_of(plan).filter(pk=target_id).first()
    if target is None:
        raise Http404
    return _remove(
        request,
        plan,
        lambda: services.target_remove(actor=user_of(request), target=target),
        _("Đã xóa chỉ tiêu."),
        "plan-targets",
    )


@require_POST
def targets_inherit(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = editable_plan(request, plan_id)
    try:
        created = services.plan_targets_inherit(actor=user_of(request), plan=plan)
    except ValidationError as exc:
        errors_as_messages(request, exc)
    else:
        if created:
            messages.success(
                request, _("Đã kế thừa %(count)s chỉ tiêu của kế hoạch cấp trên.") % {"count": len(created)}
            )
        else:
            messages.info(request, _("Không còn chỉ tiêu nào của kế hoạch cấp trên để kế thừa."))
    return redirect(plan_url(plan, "plan-targets"))


@require_http_methods(["GET", "POST"])
def task_save(request: HttpRequest, plan_id: int, task_id: int | None = None) -> HttpResponse:
    user = user_of(request)
    plan = editable_plan(request, plan_id)
    task = None
    initial: dict[str, Any] = {}
    if task_id is not None:
        task = selectors.tasks_of(plan).filter(pk=task_id).first()
        if task is None:
            raise Http404
        initial = TaskForm.initial_for(task)
    form = TaskForm(request.POST or None, initial=initial, user=user, plan=plan, task=task)

    def save() -> Task:
        data = dict(form.cleaned_data)
        return services.task_save(
            actor=user,
            plan=plan,
            task=task,
            version=data.pop("version", None),
            coordinating_agencies=data.pop("coordinating_agencies"),
            **data,
        )

    return _content_form(
        request,
        plan,
        form,
        save=save,
        success=_("Đã lưu nhiệm vụ."),
        tab="plan-tasks",
        page_title=_("Sửa nhiệm vụ") if task else _("Thêm nhiệm vụ"),
    )


@require_POST
def task_remove(request: HttpRequest, plan_id: int, task_id: int) -> HttpResponse:
    plan = editable_plan(request, plan_id)
    task = selectors.tasks_of(plan).filter(pk=task_id).first()
    if task is None:
        raise Http404
    return _remove(
        request,
        plan,
        lambda: services.task_remove(actor=user_of(request), task=task),
        _("Đã xóa nhiệm vụ."),
        "plan-tasks",
    )


@require_http_methods(["GET", "POST"])
def rule_save(request: HttpRequest, plan_id: int, rule_id: int | None = None) -> HttpResponse:
    user = user_of(request)
    plan = editable_plan(request, plan_id)
    rule = None
    initial: dict[str, Any] = {}
    if rule_id is not None:
        rule = plan.reporting_rules.filter(pk=rule_id).first()
        if rule is None:
            raise Http404
        initial = ReportingRuleForm.initial_for(rule)
    form = ReportingRuleForm(request.POST or None, initial=initial, user=user, plan=plan)

    def save() -> ReportingRule:
        data = dict(form.cleaned_data)
        return services.reporting_rule_save(
            actor=user, plan=plan, rule=rule, named_reporters=data.pop("named_reporters"), **data
        )

    return _content_form(
        request,
        plan,
        form,
        save=save,
        success=_("Đã lưu chế độ báo cáo."),
        tab="plan-reporting",
        page_title=_("Sửa chế độ báo cáo") if rule else _("Thêm chế độ báo cáo"),
    )


@require_POST
def rule_remove(request: HttpRequest, plan_id: int, rule_id: int) -> HttpResponse:
    plan = editable_plan(request, plan_id)
    rule = plan.reporting_rules.filter(pk=rule_id).first()
    if rule is None:
        raise Http404
    return _remove(
        request,
        plan,
        lambda: services.reporting_rule_remove(actor=user_of(request), rule=rule),
        _("Đã xóa chế độ báo cáo."),
        "plan-reporting",
    )
