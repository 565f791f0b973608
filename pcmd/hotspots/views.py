"""Hotspot pages, thin: selector (404 outside the jurisdiction), form, service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pcmd.accounts.models import User
from pcmd.establishments.policies import can_view_establishments
from pcmd.hotspots import policies, selectors, services
from pcmd.hotspots.exports import hotspots_workbook
from pcmd.hotspots.forms import HotspotDeleteForm, HotspotEventForm, HotspotFilterForm, HotspotForm
from pcmd.hotspots.models import Hotspot

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _user(request: HttpRequest) -> User:
    """The logged-in user (PcmdLoginRequiredMiddleware keeps anonymous visitors out of these pages)."""
    return cast(User, request.user)


def _require_view(request: HttpRequest) -> None:
    if not policies.can_view_hotspots(_user(request)):
        raise PermissionDenied


def _status_legend() -> list[dict[str, str]]:
    return [
        {"value": value, "label": str(label), "colour": selectors.STATUS_COLOURS[value]}
        for value, label in Hotspot.Status.choices
    ]


@require_GET
def hotspot_list(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = _user(request)
    form = HotspotFilterForm(request.GET or None, user=user)
    hotspots = selectors.hotspots_visible_to(user, **form.filters())
    return render(
        request,
        "hotspots/hotspot_list.html",
        {
            "form": form,
            "page": Paginator(hotspots, PAGE_SIZE).get_page(request.GET.get("page")),
            "can_manage": policies.can_manage_hotspots(user),
            "legend": _status_legend(),
        },
    )


@require_GET
def hotspot_export(request: HttpRequest) -> HttpResponse:
    """The filtered list as an Excel workbook."""
    _require_view(request)
    user = _user(request)
    form = HotspotFilterForm(request.GET or None, user=user)
    hotspots = selectors.hotspots_visible_to(user, **form.filters())
    response = HttpResponse(hotspots_workbook(hotspots), content_type=XLSX)
    filename = f"diem-phuc-tap-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _detail_context(request: HttpRequest, hotspot: Hotspot, **forms: Any) -> dict[str, Any]:
    can_manage = policies.can_manage_hotspot(_user(request), hotspot)
    return {
        "hotspot": hotspot,
        "events": selectors.hotspot_events(hotspot),
        "can_manage": can_manage,
        "status_colour": selectors.STATUS_COLOURS[hotspot.status],
        "event_form": forms.get("event_form") or HotspotEventForm(hotspot=hotspot),
        "delete_form": forms.get("delete_form") or HotspotDeleteForm(initial={"version": hotspot.version}),
        # The establishment is a link only for those who may open the registry.
        "establishment_linkable": hotspot.establishment_id is not None
        and can_view_establishments(_user(request)),
    }


@require_GET
def hotspot_detail(request: HttpRequest, hotspot_id: int) -> HttpResponse:
    _require_view(request)
    hotspot = selectors.hotspot_get(_user(request), hotspot_id)
    return render(request, "hotspots/hotspot_detail.html", _detail_context(request, hotspot))


def _form_page(
    request: HttpRequest,
    form: HotspotForm,
    *,
    save: Callable[[dict[str, Any]], Hotspot],
    success: Callable[[Hotspot], str],
    context: dict[str, Any],
) -> HttpResponse:
    """GET shows the form; a valid POST calls the service through `save` and goes to the hotspot's page.
    The service's field errors (stale version, dates, establishment of another commune...) come back onto
    the form."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(dict(form.cleaned_data))
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, success(saved))
            return redirect(saved.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, "hotspots/form_page.html", {"form": form, **context}, status=status)


@require_http_methods(["GET", "POST"])
def hotspot_create(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not policies.can_manage_hotspots(user):
        raise PermissionDenied
    return _form_page(
        request,
        HotspotForm(request.POST or None, user=user),
        save=lambda data: services.hotspot_create(actor=user, **data),
        success=lambda hotspot: _("Đã thêm điểm phức tạp «%(name)s».") % {"name": hotspot.name},
        context={"page_title": _("Thêm điểm phức tạp")},
    )


@require_http_methods(["GET", "POST"])
def hotspot_edit(request: HttpRequest, hotspot_id: int) -> HttpResponse:
    user = _user(request)
    hotspot = selectors.hotspot_get(user, hotspot_id)
    if not policies.can_manage_hotspot(user, hotspot):
        raise PermissionDenied
    form = HotspotForm(
        request.POST or None, initial=HotspotForm.initial_for(hotspot), user=user, hotspot=hotspot
    )
    return _form_page(
        request,
        form,
        save=lambda data: services.hotspot_update(
            actor=user, hotspot=hotspot, version=data.pop("version"), changes=data
        ),
        success=lambda _hotspot: _("Đã lưu thay đổi."),
        context={
            "page_title": _("Sửa thông tin điểm phức tạp"),
            "object": hotspot,
            "cancel_url": hotspot.get_absolute_url(),
        },
    )


@require_POST
def hotspot_event_record(request: HttpRequest, hotspot_id: int) -> HttpResponse:
    user = _user(request)
    hotspot = selectors.hotspot_get(user, hotspot_id)
    if not policies.can_manage_hotspot(user, hotspot):
        raise PermissionDenied
    form = HotspotEventForm(request.POST, hotspot=hotspot)
    if form.is_valid():
        data = form.cleaned_data
        try:
            event = services.hotspot_event_record(
                actor=user,
                hotspot=hotspot,
                kind=data["kind"],
                occurred_on=data["occurred_on"],
                version=data["version"],
                note=data["note"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
            hotspot.refresh_from_db()
        else:
            messages.success(request, _("Đã ghi nhận «%(event)s».") % {"event": event.get_kind_display()})
            return redirect(hotspot.get_absolute_url())
    context = _detail_context(request, hotspot, event_form=form)
    return render(request, "hotspots/hotspot_detail.html", context, status=400)


@require_POST
def hotspot_delete(request: HttpRequest, hotspot_id: int) -> HttpResponse:
    user = _user(request)
    hotspot = selectors.hotspot_get(user, hotspot_id)
    if not policies.can_manage_hotspot(user, hotspot):
        raise PermissionDenied
    form = HotspotDeleteForm(request.POST)
    if form.is_valid():
        try:
            services.hotspot_delete(
                actor=user,
                hotspot=hotspot,
                version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
            hotspot.refresh_from_db()
        else:
            messages.success(request, _("Đã xóa điểm phức tạp «%(name)s».") % {"name": hotspot.name})
            return redirect("hotspots:list")
    context = _detail_context(request, hotspot, delete_form=form)
    return render(request, "hotspots/hotspot_detail.html", context, status=400)


@require_GET
def hotspot_map(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    form = HotspotFilterForm(request.GET or None, user=_user(request))
    form.filters()  # validates, so errors show on the filter form
    return render(
        request,
        "hotspots/hotspot_map.html",
        {"form": form, "legend": _status_legend(), "query": request.GET.urlencode()},
    )


@require_GET
def hotspot_map_data(request: HttpRequest) -> JsonResponse:
    """The map's data (same filters as the list), scoped to the user's jurisdiction."""
    _require_view(request)
    user = _user(request)
    form = HotspotFilterForm(request.GET or None, user=user)
    filters = form.filters()
    if form.is_bound and not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    return JsonResponse(selectors.hotspot_map_data(user, **filters))
