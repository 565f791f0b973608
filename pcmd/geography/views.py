"""Web pages: the searchable unit list and a unit's page (children, predecessors or successors, centroid)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from pcmd.geography.forms import UnitFilterForm
from pcmd.geography.models import AdminUnit
from pcmd.geography.policies import can_view_units
from pcmd.geography.selectors import (
    UnitFilter,
    current_unit_for,
    unit_ancestors,
    unit_children,
    unit_get,
    unit_list,
    unit_predecessors,
    unit_successors,
)

PAGE_SIZE = 50
RESULTS_TARGET = "ket-qua"  # the id of the results block that live search replaces


def _require_view_units(request: HttpRequest) -> None:
    if not can_view_units(request.user):
        raise PermissionDenied


@require_GET
def unit_list_view(request: HttpRequest) -> HttpResponse:
    """Search and filter the units; a GET form that htmx refreshes as the user types."""
    _require_view_units(request)
    form = UnitFilterForm(request.GET)
    if form.is_valid():
        filters = form.filters()
        units = unit_list(user=request.user, filters=filters)
    else:
        filters = UnitFilter(
            era=AdminUnit.Era.LEGACY if request.GET.get("legacy") == "true" else AdminUnit.Era.CURRENT
        )
        units = AdminUnit.objects.none()
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    provinces = list(
        unit_list(user=request.user, filters=UnitFilter(era=filters.era, level=AdminUnit.Level.PROVINCE))
    )
    context: dict[str, Any] = {
        "form": form,
        "filters": filters,
        "is_legacy": filters.era == AdminUnit.Era.LEGACY,
        "page": page,
        "provinces": provinces,
        "parent_outside_provinces": filters.parent
        if filters.parent and filters.parent not in provinces
        else None,
        "levels": AdminUnit.Level.choices,
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and htmx.target == RESULTS_TARGET and not htmx.history_restore_request  # type: ignore[union-attr]
    response = render(
        request, "geography/_unit_results.html" if partial else "geography/unit_list.html", context
    )
    # The same URL answers a whole page or the results block: caches must tell them apart.
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


def _unit_page(request: HttpRequest, era: str, code: str) -> HttpResponse:
    _require_view_units(request)
    unit = unit_get(user=request.user, era=era, code=code)
    context: dict[str, Any] = {
        "unit": unit,
        "ancestors": unit_ancestors(user=request.user, unit=unit),
        "children": list(unit_children(user=request.user, unit=unit)),
    }
    if unit.is_legacy:
        context["successors"] = list(unit_successors(user=request.user, unit=unit))
        context["scope_unit"] = current_unit_for(unit)
    else:
        context["predecessors"] = list(unit_predecessors(user=request.user, unit=unit))
    return render(request, "geography/unit_detail.html", context)


@require_GET
def unit_detail_view(request: HttpRequest, code: str) -> HttpResponse:
    """A current unit (from 01/07/2025) by its code."""
    return _unit_page(request, AdminUnit.Era.CURRENT, code)


@require_GET
def legacy_unit_detail_view(request: HttpRequest, code: str) -> HttpResponse:
    """A unit that existed until 30/06/2025, by its code."""
    return _unit_page(request, AdminUnit.Era.LEGACY, code)
