"""Coverage (% of establishments inspected, per commune and province, with Excel export) and the
establishment lists: never inspected, inspected more than N times."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pcmd.agencies.selectors import units_visible_to
from pcmd.core.services import today
from pcmd.inspections import coverage, policies
from pcmd.inspections.exports import XLSX_CONTENT_TYPE, coverage_workbook
from pcmd.inspections.forms import TimesFilterForm, YearUnitFilterForm
from pcmd.inspections.views.common import paginate, require, user_of


def _year_and_unit(request: HttpRequest) -> tuple[YearUnitFilterForm, int, Any]:
    user = user_of(request)
    form = YearUnitFilterForm(request.GET or None, units=units_visible_to(user))
    year, unit = today().year, None
    if form.is_bound and form.is_valid():
        year = form.cleaned_data["year"] or year
        unit = form.cleaned_data["unit"]
    return form, year, unit


def coverage_report(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(policies.can_view_inspections(user))
    form, year, unit = _year_and_unit(request)
    report = coverage.coverage_by_commune(user, year, unit=unit)
    return render(
        request,
        "inspections/coverage.html",
        {"form": form, "report": report, "query": request.GET.urlencode()},
    )


def coverage_export(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(policies.can_view_inspections(user))
    _form, year, unit = _year_and_unit(request)
    report = coverage.coverage_by_commune(user, year, unit=unit)
    response = HttpResponse(coverage_workbook(report), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="ty-le-kiem-tra-{year}.xlsx"'
    return response


def never_inspected(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(policies.can_view_inspections(user))
    form, _year, unit = _year_and_unit(request)
    establishments = coverage.establishments_never_inspected(user, unit=unit)
    return render(
        request,
        "inspections/never_inspected.html",
        {"form": form, "page": paginate(request, establishments)},
    )


def inspected_often(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(policies.can_view_inspections(user))
    form = TimesFilterForm(request.GET or None, units=units_visible_to(user))
    times, year, unit = 1, None, None
    if form.is_bound and form.is_valid():
        times = form.cleaned_data["times"] if form.cleaned_data["times"] is not None else 1
        year, unit = form.cleaned_data["year"], form.cleaned_data["unit"]
    establishments = coverage.establishments_inspected_more_than(user, times, year=year, unit=unit)
    return render(
        request,
        "inspections/inspected_often.html",
        {"form": form, "page": paginate(request, establishments), "times": times},
    )
