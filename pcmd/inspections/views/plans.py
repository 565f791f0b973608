"""Yearly inspection plans of the teams, with the coverage of the team's area."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pcmd.accounts.models import User
from pcmd.agencies.models import InspectionTeam
from pcmd.agencies.selectors import teams_visible_to
from pcmd.core.services import today
from pcmd.inspections import policies, selectors, services
from pcmd.inspections.coverage import plan_coverage
from pcmd.inspections.forms import PlanEntryForm, PlanForm
from pcmd.inspections.views.common import (
    errors_as_messages,
    form_errors_as_messages,
    paginate,
    require,
    user_of,
)


def _plannable_teams(user: User) -> QuerySet[InspectionTeam]:
    teams = teams_visible_to(user, active_on=today())
    return teams.filter(pk__in=[team.pk for team in teams if policies.can_manage_plan(user, team)])


def plan_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(policies.can_view_inspections(user))
    year = request.GET.get("year", "")
    plans = selectors.plans_visible_to(user, year=int(year) if year.isdigit() else None)
    return render(
        request,
        "inspections/plan_list.html",
        {"page": paginate(request, plans), "year": year, "can_plan": _plannable_teams(user).exists()},
    )


@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    teams = _plannable_teams(user)
    require(teams.exists())
    form = PlanForm(request.POST or None, initial={"year": today().year}, teams=teams)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.inspection_plan_create(actor=user, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã lập kế hoạch kiểm tra."))
            return redirect(plan.get_absolute_url())
    return render(
        request, "inspections/simple_form.html", {"form": form, "page_title": _("Lập kế hoạch kiểm tra năm")}
    )


@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = user_of(request)
    plan = selectors.plan_get(user, plan_id)
    require(policies.can_manage_plan(user, plan.team))
    initial = {
        "announced_quota": plan.announced_quota,
        "unannounced_quota": plan.unannounced_quota,
        "note": plan.note,
        "version": plan.version,
    }
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.inspection_plan_update(actor=user, plan=plan, version=data.pop("version"), changes=data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect(plan.get_absolute_url())
    return render(
        request,
        "inspections/simple_form.html",
        {"form": form, "page_title": _("Sửa chỉ tiêu kế hoạch"), "cancel_url": plan.get_absolute_url()},
    )


def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = user_of(request)
    plan = selectors.plan_get(user, plan_id)
    can_manage = policies.can_manage_plan(user, plan.team)
    planned = plan.entries.values_list("establishment_id", flat=True)
    candidates = selectors.establishments_in_team_area(user, plan.team).exclude(pk__in=planned)
    return render(
        request,
        "inspections/plan_detail.html",
        {
            "plan": plan,
            "coverage": plan_coverage(user, plan),
            "can_manage": can_manage,
            "can_record": policies.acts_for_team(user, plan.team) and policies.can_record_inspections(user),
            "entry_form": PlanEntryForm(establishments=candidates) if can_manage else None,
        },
    )


@require_POST
def plan_entry_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = user_of(request)
    plan = selectors.plan_get(user, plan_id)
    require(policies.can_manage_plan(user, plan.team))
    form = PlanEntryForm(request.POST, establishments=selectors.establishments_in_team_area(user, plan.team))
    if form.is_valid():
        try:
            services.plan_entry_add(actor=user, plan=plan, **form.cleaned_data)
        except ValidationError as exc:
            errors_as_messages(request, exc)
        else:
            messages.success(request, _("Đã thêm cơ sở vào kế hoạch."))
    else:
        form_errors_as_messages(request, form)
    return redirect(plan.get_absolute_url())


@require_POST
def plan_entry_remove(request: HttpRequest, plan_id: int, entry_id: int) -> HttpResponse:
    user = user_of(request)
    plan = selectors.plan_get(user, plan_id)
    require(policies.can_manage_plan(user, plan.team))
    entry = plan.entries.filter(pk=entry_id).first()
    if entry is None:
        raise Http404
    services.plan_entry_remove(actor=user, entry=entry)
    messages.success(request, _("Đã bỏ cơ sở khỏi kế hoạch."))
    return redirect(plan.get_absolute_url())
