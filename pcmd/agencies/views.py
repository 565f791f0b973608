"""Pages for agencies and inspection teams, thin: selector (404 outside the jurisdiction), form, service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pcmd.accounts.models import User
from pcmd.agencies import policies, selectors, services
from pcmd.agencies.forms import (
    AgencyCloseForm,
    AgencyFilterForm,
    AgencyForm,
    FocalAssignForm,
    TeamFilterForm,
    TeamForm,
    TeamMemberForm,
    TeamMemberLeaveForm,
)
from pcmd.agencies.models import Agency, InspectionTeam

PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    """The logged-in user (PcmdLoginRequiredMiddleware keeps anonymous visitors out of these pages)."""
    return cast(User, request.user)


def _require_view(request: HttpRequest) -> None:
    if not policies.can_view_agencies(_user(request)):
        raise PermissionDenied


def _page(request: HttpRequest, items: Any) -> Any:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


# --- agencies -----------------------------------------------------------------------------------------------


def agency_list(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = _user(request)
    form = AgencyFilterForm(request.GET or None, user=user)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "q": data["q"],
            "kind": data["kind"],
            "unit": data["unit"],
            "active_on": timezone.localdate() if data["active"] else None,
        }
    agencies = selectors.agencies_visible_to(user, **filters)
    focal = selectors.focal_assignment_for_user(user)
    return render(
        request,
        "agencies/agency_list.html",
        {
            "form": form,
            "page": _page(request, agencies),
            "focal": focal,
            # A commune officer is told their province's focal agency but cannot open a provincial agency.
            "focal_linkable": focal is not None
            and selectors.agencies_visible_to(user).filter(pk=focal.agency_id).exists(),
            "today": timezone.localdate(),
            "can_manage": policies.can_manage_agencies(user),
        },
    )


def _agency_detail_context(request: HttpRequest, agency: Agency, **forms: Any) -> dict[str, Any]:
    can_manage = policies.can_manage_agency(_user(request), agency)
    return {
        "agency": agency,
        "today": timezone.localdate(),
        "can_manage": can_manage,
        "focal_history": selectors.focal_history_of(agency.unit),
        "current_focal": selectors.focal_assignment_of(agency.unit),
        "led_teams": selectors.teams_visible_to(_user(request)).filter(lead_agency=agency),
        "close_form": forms.get("close_form") or AgencyCloseForm(initial={"version": agency.version}),
        "focal_form": forms.get("focal_form") or FocalAssignForm(),
    }


def agency_detail(request: HttpRequest, agency_id: int) -> HttpResponse:
    _require_view(request)
    agency = selectors.agency_get(_user(request), agency_id)
    return render(request, "agencies/agency_detail.html", _agency_detail_context(request, agency))


def _form_page(
    request: HttpRequest,
    form: Any,
    *,
    save: Callable[[dict[str, Any]], Agency | InspectionTeam],
    success: Callable[[Agency | InspectionTeam], str],
    context: dict[str, Any],
) -> HttpResponse:
    """GET shows the form; a valid POST calls the service through `save` and goes to the saved object's page.

    The service's field errors (stale version, overlapping dates...) come back onto the form.
    """
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(dict(form.cleaned_data))
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, success(saved))
            return redirect(saved.get_absolute_url())
    return render(request, "agencies/form_page.html", {"form": form, **context})


@require_http_methods(["GET", "POST"])
def agency_create(request: HttpRequest) -> HttpResponse:
    if not policies.can_manage_agencies(_user(request)):
        raise PermissionDenied
    return _form_page(
        request,
        AgencyForm(request.POST or None, user=_user(request), creating=True),
        save=lambda data: services.agency_create(actor=_user(request), **data),
        success=lambda agency: _("Đã thêm cơ quan «%(name)s».") % {"name": agency.name},
        context={
            "page_title": _("Thêm cơ quan"),
            "parent_url_name": "agencies:agency-list",
            "parent_label": _("Cơ quan, đơn vị"),
        },
    )


@require_http_methods(["GET", "POST"])
def agency_edit(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = selectors.agency_get(_user(request), agency_id)
    if not policies.can_manage_agency(_user(request), agency):
        raise PermissionDenied
    form = AgencyForm(
        request.POST or None, initial=AgencyForm.initial_for(agency), user=_user(request), creating=False
    )
    return _form_page(
        request,
        form,
        save=lambda data: services.agency_update(
            actor=_user(request), agency=agency, version=data.pop("version"), changes=data
        ),
        success=lambda _agency: _("Đã lưu thay đổi."),
        context={
            "page_title": _("Sửa thông tin cơ quan"),
            "object": agency,
            "parent_url_name": "agencies:agency-list",
            "parent_label": _("Cơ quan, đơn vị"),
            "cancel_url": agency.get_absolute_url(),
        },
    )


@require_POST
def agency_close(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = selectors.agency_get(_user(request), agency_id)
    if not policies.can_manage_agency(_user(request), agency):
        raise PermissionDenied
    form = AgencyCloseForm(request.POST)
    if form.is_valid():
        try:
            services.agency_close(
                actor=_user(request),
                agency=agency,
                on=form.cleaned_data["on"],
                version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
            agency.refresh_from_db()
        else:
            messages.success(request, _("Đã ghi nhận cơ quan kết thúc hoạt động."))
            return redirect("agencies:agency-detail", agency_id=agency.pk)
    context = _agency_detail_context(request, agency, close_form=form)
    return render(request, "agencies/agency_detail.html", context, status=400)


@require_POST
def focal_assign(request: HttpRequest, agency_id: int) -> HttpResponse:
    """Make this agency the focal agency of its unit for a period."""
    agency = selectors.agency_get(_user(request), agency_id)
    if not policies.can_manage_agency(_user(request), agency):
        raise PermissionDenied
    form = FocalAssignForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.focal_agency_assign(
                actor=_user(request),
                unit=agency.unit,
                agency=agency,
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                legal_basis=data["legal_basis"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(
                request, _("Đã giao «%(name)s» làm cơ quan thường trực.") % {"name": agency.name}
            )
            return redirect("agencies:agency-detail", agency_id=agency.pk)
    context = _agency_detail_context(request, agency, focal_form=form)
    return render(request, "agencies/agency_detail.html", context, status=400)


# --- teams --------------------------------------------------------------------------------------------------


def team_list(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    form = TeamFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {
            "q": form.cleaned_data["q"],
            "active_on": timezone.localdate() if form.cleaned_data["active"] else None,
        }
    teams = selectors.teams_visible_to(_user(request), **filters)
    today = timezone.localdate()
    page = _page(request, teams)
    for team in page:
        team.current_member_count = sum(1 for m in team.members.all() if not m.has_left_by(today))
    return render(
        request,
        "agencies/team_list.html",
        {
            "form": form,
            "page": page,
            "today": today,
            "can_manage": policies.can_manage_agencies(_user(request)),
        },
    )


def team_detail(request: HttpRequest, team_id: int) -> HttpResponse:
    _require_view(request)
    team = selectors.team_get(_user(request), team_id)
    groups = selectors.team_members_by_agency(team)
    agency_ids = {group.agency.pk for group in groups} | {team.lead_agency_id}
    return render(
        request,
        "agencies/team_detail.html",
        {
            "team": team,
            "groups": groups,
            # Agencies above the viewer's jurisdiction (provincial ones on a commune team): named, not linked.
            "linkable_agency_ids": set(
                selectors.agencies_visible_to(_user(request))
                .filter(pk__in=agency_ids)
                .values_list("pk", flat=True)
            ),
            "former_members": selectors.former_members_of(team),
            "can_manage": policies.can_manage_team(_user(request), team),
            "leave_form": TeamMemberLeaveForm(),
        },
    )


@require_http_methods(["GET", "POST"])
def team_create(request: HttpRequest) -> HttpResponse:
    if not policies.can_manage_agencies(_user(request)):
        raise PermissionDenied
    return _form_page(
        request,
        TeamForm(request.POST or None, user=_user(request), creating=True),
        save=lambda data: services.team_create(actor=_user(request), **data),
        success=lambda team: _("Đã thành lập «%(name)s».") % {"name": team.name},
        context={
            "page_title": _("Thêm đội kiểm tra liên ngành"),
            "parent_url_name": "agencies:team-list",
            "parent_label": _("Đội kiểm tra 178"),
        },
    )


@require_http_methods(["GET", "POST"])
def team_edit(request: HttpRequest, team_id: int) -> HttpResponse:
    team = selectors.team_get(_user(request), team_id)
    if not policies.can_manage_team(_user(request), team):
        raise PermissionDenied
    form = TeamForm(
        request.POST or None, initial=TeamForm.initial_for(team), user=_user(request), creating=False
    )
    return _form_page(
        request,
        form,
        save=lambda data: services.team_update(
            actor=_user(request), team=team, version=data.pop("version"), changes=data
        ),
        success=lambda _team: _("Đã lưu thay đổi."),
        context={
            "page_title": _("Sửa thông tin đội"),
            "object": team,
            "parent_url_name": "agencies:team-list",
            "parent_label": _("Đội kiểm tra 178"),
            "cancel_url": team.get_absolute_url(),
        },
    )


@require_http_methods(["GET", "POST"])
def team_member_add(request: HttpRequest, team_id: int) -> HttpResponse:
    team = selectors.team_get(_user(request), team_id)
    if not policies.can_manage_team(_user(request), team):
        raise PermissionDenied
    form = TeamMemberForm(request.POST or None, user=_user(request), team=team)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = services.team_member_add(
                actor=_user(request),
                team=team,
                agency=data["agency"],
                full_name=data["full_name"],
                position=data["position"],
                team_role=data["team_role"],
                joined_on=data["joined_on"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã thêm %(name)s vào đội.") % {"name": member.full_name})
            return redirect("agencies:team-detail", team_id=team.pk)
    return render(
        request,
        "agencies/form_page.html",
        {
            "form": form,
            "page_title": _("Thêm thành viên"),
            "object": team,
            "parent_url_name": "agencies:team-list",
            "parent_label": _("Đội kiểm tra 178"),
            "cancel_url": team.get_absolute_url(),
        },
    )


@require_POST
def team_member_remove(request: HttpRequest, team_id: int, member_id: int) -> HttpResponse:
    team = selectors.team_get(_user(request), team_id)
    if not policies.can_manage_team(_user(request), team):
        raise PermissionDenied
    member = next((m for m in team.members.all() if m.pk == member_id), None)
    if member is None:
        raise Http404
    form = TeamMemberLeaveForm(request.POST)
    if form.is_valid():
        try:
            services.team_member_remove(
                actor=_user(request), member=member, left_on=form.cleaned_data["left_on"]
            )
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("%(name)s đã rời đội.") % {"name": member.full_name})
    else:
        for field_errors in form.errors.values():
            for field_error in field_errors:
                messages.error(request, str(field_error))
    return redirect("agencies:team-detail", team_id=team.pk)
