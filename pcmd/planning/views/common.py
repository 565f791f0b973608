"""What every planning page shares: the user, scoping of the plan (404 outside the jurisdiction, 403 without
the right), the form-page loop around a service, and the context of a plan's tabs."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Model
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from pcmd.accounts.models import User
from pcmd.core.services import today
from pcmd.planning import policies, selectors
from pcmd.planning.models import Plan

PAGE_SIZE = 50


def user_of(request: HttpRequest) -> User:
    """The logged-in user (PcmdLoginRequiredMiddleware keeps anonymous visitors out of these pages)."""
    return cast(User, request.user)


def paginate(request: HttpRequest, items: Any, size: int = PAGE_SIZE) -> Any:
    return Paginator(items, size).get_page(request.GET.get("page"))


def require_view(request: HttpRequest) -> None:
    if not policies.can_view_plans(user_of(request)):
        raise PermissionDenied


def readable_plan(request: HttpRequest, plan_id: int) -> Plan:
    """The plan if the user may read it (404 otherwise, 403 without the capability at all)."""
    require_view(request)
    return selectors.plan_get(user_of(request), plan_id)


def editable_plan(request: HttpRequest, plan_id: int) -> Plan:
    """A plan the user reads and whose unit they write for; reading but not writing is 403."""
    plan = readable_plan(request, plan_id)
    if not policies.can_edit_plan(user_of(request), plan):
        raise PermissionDenied
    return plan


def plan_url(plan: Plan, tab: str = "plan-detail") -> str:
    return reverse(f"planning:{tab}", kwargs={"plan_id": plan.pk})


def errors_as_messages(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def form_page(
    request: HttpRequest,
    form: Any,
    *,
    save: Callable[[], Model],
    success: str,
    next_url: Callable[[Any], str],
    context: dict[str, Any],
    template: str = "planning/form_page.html",
    on_error: Callable[[], None] | None = None,
) -> HttpResponse:
    """GET shows the form; a valid POST calls the service(s) through `save` — all or nothing — and goes on.

    The service's field errors come back onto the form (a stale version or a rule about the whole plan on
    top of it); the page is then shown again with status 400.
    """
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                with transaction.atomic():
                    saved = save()
            except ValidationError as exc:
                form.apply_service_errors(exc)
                if on_error is not None:
                    on_error()
            else:
                messages.success(request, success)
                return redirect(next_url(saved))
    return render(request, template, {"form": form, **context}, status=status)


def editability(request: HttpRequest, plan: Plan) -> dict[str, Any]:
    """What the user may do to the plan now (buttons only; the services check again)."""
    can_edit = policies.can_edit_plan(user_of(request), plan)
    open_amendment = selectors.plan_open_amendment(plan)
    content_editable = plan.status == Plan.Status.DRAFT or (
        plan.status == Plan.Status.ISSUED and open_amendment is not None
    )
    return {
        "can_edit": can_edit,
        "content_editable": content_editable,
        "can_edit_content": can_edit and content_editable,
        "open_amendment": open_amendment,
    }


def plan_page(
    request: HttpRequest, plan: Plan, tab: str, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render(
        request,
        template,
        {"plan": plan, "tab": tab, "today": today(), **editability(request, plan), **context},
        status=status,
    )


def file_response(field: Any) -> FileResponse:
    if not field:
        raise Http404
    return FileResponse(field.open("rb"), as_attachment=True, filename=os.path.basename(field.name))
