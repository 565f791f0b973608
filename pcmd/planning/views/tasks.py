"""Tasks across plans: «my tasks» of an agency, every task a coordinator follows, a task's progress."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pcmd.accounts.scoping import active_membership
from pcmd.core.services import today
from pcmd.planning import policies, selectors, services
from pcmd.planning.forms import (
    MyTaskFilterForm,
    ProgressForm,
    TaskFilterForm,
    overdue_value,
)
from pcmd.planning.models import Plan, Task
from pcmd.planning.views.common import file_response, paginate, require_view, user_of

# --- tasks across plans -------------------------------------------------------------------------------------


def _mark_overdue(page: Any) -> Any:
    day = today()
    for task in page:
        task.overdue = task.is_overdue_on(day)
    return page


@require_GET
def my_tasks(request: HttpRequest) -> HttpResponse:
    require_view(request)
    user = user_of(request)
    form = MyTaskFilterForm(request.GET or None)
    overdue = overdue_value(form.cleaned_data["overdue"]) if form.is_bound and form.is_valid() else None
    membership = active_membership(user)
    return render(
        request,
        "planning/my_tasks.html",
        {
            "form": form,
            "page": _mark_overdue(paginate(request, selectors.my_tasks(user, overdue=overdue))),
            "agency": membership.agency if membership else None,
            "tab": "mine",
        },
    )


@require_GET
def task_list(request: HttpRequest) -> HttpResponse:
    require_view(request)
    user = user_of(request)
    form = TaskFilterForm(request.GET or None, user=user)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "agency": data["agency"],
            "overdue": overdue_value(data["overdue"]),
            "status": data["status"],
        }
    return render(
        request,
        "planning/task_list.html",
        {
            "form": form,
            "page": _mark_overdue(paginate(request, selectors.tasks_visible_to(user, **filters))),
            "tab": "all",
        },
    )


def _task_page(
    request: HttpRequest, task: Task, form: ProgressForm | None = None, status: int = 200
) -> HttpResponse:
    user = user_of(request)
    task.overdue = task.is_overdue_on(today())  # type: ignore[attr-defined]
    can_update = task.plan.status == Plan.Status.ISSUED and policies.can_update_task(user, task)
    if form is None:
        form = ProgressForm(initial={"version": task.version, "status": task.status, "reported_on": today()})
    return render(
        request,
        "planning/task_detail.html",
        {
            "task": task,
            "plan": task.plan,
            "coordinating": list(task.coordinating_agencies.order_by("name_sort")),
            "progress": list(task.progress_updates.select_related("actor").order_by("-reported_on", "-id")),
            "can_update": can_update,
            "can_edit_plan": policies.can_edit_plan(user, task.plan),
            "form": form,
        },
        status=status,
    )


@require_GET
def task_detail(request: HttpRequest, task_id: int) -> HttpResponse:
    require_view(request)
    return _task_page(request, selectors.task_get(user_of(request), task_id))


@require_POST
def task_progress(request: HttpRequest, task_id: int) -> HttpResponse:
    require_view(request)
    user = user_of(request)
    task = selectors.task_get(user, task_id)
    if not policies.can_update_task(user, task):
        raise PermissionDenied
    form = ProgressForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.task_progress_record(
                actor=user,
                task=task,
                version=data["version"],
                reported_on=data["reported_on"],
                status=data["status"],
                note=data["note"],
                evidence=data["evidence"] or None,
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
            task.refresh_from_db()
        else:
            messages.success(request, _("Đã ghi nhận tiến độ."))
            return redirect("planning:task-detail", task_id=task.pk)
    return _task_page(request, task, form, status=400)


@require_GET
def progress_evidence(request: HttpRequest, task_id: int, progress_id: int) -> FileResponse:
    require_view(request)
    task = selectors.task_get(user_of(request), task_id)
    progress = task.progress_updates.filter(pk=progress_id).first()
    if progress is None:
        raise Http404
    return file_response(progress.evidence)
