"""Criminal-case pages, thin: selector (404 outside the jurisdiction), form, service.

The offenders' names are never on the detail page by default: a holder of CRIMINAL_CASE_MANAGE asks to see
them with a reason (POST), which is logged, and the page is rendered once with them (never cached).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pcmd.accounts.models import User
from pcmd.core.services import today
from pcmd.criminal_cases import policies, selectors, services, stages
from pcmd.criminal_cases.forms import (
    CaseFilterForm,
    CaseForm,
    OffenderForm,
    RevealForm,
    StageForm,
    StatisticsForm,
)
from pcmd.criminal_cases.models import CaseOffender, CriminalCase, Stage

PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    """The logged-in user (PcmdLoginRequiredMiddleware keeps anonymous visitors out of these pages)."""
    return cast(User, request.user)


def _require_manage(request: HttpRequest) -> None:
    if not policies.can_manage_criminal_cases(_user(request)):
        raise PermissionDenied


def _managed_case(request: HttpRequest, case_id: int) -> CriminalCase:
    """The case (404 outside the jurisdiction or without the capability)."""
    return selectors.criminal_case_get(_user(request), case_id)


@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    form = CaseFilterForm(request.GET or None, user=user)
    cases = selectors.criminal_cases_visible_to(user, **form.filters())
    return render(
        request,
        "criminal_cases/case_list.html",
        {
            "form": form,
            "page": Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page")),
            "can_view_statistics": policies.can_view_criminal_case_statistics(user),
        },
    )


def _detail_context(request: HttpRequest, case: CriminalCase, **extra: Any) -> dict[str, Any]:
    user = _user(request)
    return {
        "case": case,
        "timeline": selectors.case_timeline(case),
        "offenders_count": case.offenders.count(),
        "next_stage": stages.next_stage(case.stage),
        "stage_form": extra.get("stage_form") or StageForm(user=user, case=case),
        "reveal_form": extra.get("reveal_form") or RevealForm(),
        "offender_form": extra.get("offender_form") or OffenderForm(),
        "offenders": extra.get("offenders"),
        "stages": [(value, label, stages.reached(case.stage, value)) for value, label in Stage.choices],
    }


@require_GET
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _managed_case(request, case_id)
    return render(request, "criminal_cases/case_detail.html", _detail_context(request, case))


def _form_page(
    request: HttpRequest,
    form: CaseForm,
    *,
    save: Callable[[dict[str, Any]], CriminalCase],
    success: Callable[[CriminalCase], str],
    context: dict[str, Any],
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(dict(form.cleaned_data))
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, success(saved))
            return redirect(saved.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return render(request, "criminal_cases/form_page.html", {"form": form, **context}, status=status)


@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    return _form_page(
        request,
        CaseForm(request.POST or None, user=user),
        save=lambda data: services.criminal_case_create(actor=user, **data),
        success=lambda case: _("Đã thêm vụ án số %(number)s.") % {"number": case.number},
        context={"page_title": _("Thêm vụ án")},
    )


@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    user = _user(request)
    case = _managed_case(request, case_id)
    form = CaseForm(request.POST or None, initial=CaseForm.initial_for(case), user=user, case=case)
    return _form_page(
        request,
        form,
        save=lambda data: services.criminal_case_update(
            actor=user, case=case, version=data.pop("version"), changes=data
        ),
        success=lambda _case: _("Đã lưu thay đổi."),
        context={
            "page_title": _("Sửa thông tin vụ án"),
            "object": case,
            "cancel_url": case.get_absolute_url(),
        },
    )


@require_POST
def case_stage_record(request: HttpRequest, case_id: int) -> HttpResponse:
    user = _user(request)
    case = _managed_case(request, case_id)
    form = StageForm(request.POST, user=user, case=case)
    if form.is_valid():
        data = form.cleaned_data
        try:
            event = services.case_stage_record(
                actor=user,
                case=case,
                stage=data["stage"],
                occurred_on=data["occurred_on"],
                version=data["version"],
                decision_number=data["decision_number"],
                agency=data["agency"],
                mobile_trial=data.get("mobile_trial", False),
                note=data["note"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
            case.refresh_from_db()
        else:
            messages.success(
                request, _("Đã ghi nhận giai đoạn «%(stage)s».") % {"stage": event.get_stage_display()}
            )
            return redirect(case.get_absolute_url())
    context = _detail_context(request, case, stage_form=form)
    return render(request, "criminal_cases/case_detail.html", context, status=400)


@require_POST
def case_offenders_show(request: HttpRequest, case_id: int) -> HttpResponse:
    """The page with the offenders' names, after a reason is given (logged)."""
    user = _user(request)
    case = _managed_case(request, case_id)
    form = RevealForm(request.POST)
    offenders: list[CaseOffender] | None = None
    if form.is_valid():
        try:
            offenders = services.case_offenders_reveal(
                actor=user, case=case, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
    context = _detail_context(request, case, reveal_form=form, offenders=offenders)
    response = render(
        request, "criminal_cases/case_detail.html", context, status=200 if offenders is not None else 400
    )
    add_never_cache_headers(response)
    return response


@require_POST
def case_offender_add(request: HttpRequest, case_id: int) -> HttpResponse:
    user = _user(request)
    case = _managed_case(request, case_id)
    form = OffenderForm(request.POST)
    if form.is_valid():
        try:
            services.case_offender_add(actor=user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã thêm đối tượng vào vụ án."))
            return redirect(case.get_absolute_url())
    context = _detail_context(request, case, offender_form=form)
    response = render(request, "criminal_cases/case_detail.html", context, status=400)
    add_never_cache_headers(response)
    return response


@require_POST
def case_offender_remove(request: HttpRequest, case_id: int, offender_id: int) -> HttpResponse:
    user = _user(request)
    case = _managed_case(request, case_id)
    offender = selectors.case_offender_get(user, case, offender_id)
    services.case_offender_remove(actor=user, offender=offender)
    messages.success(request, _("Đã xóa đối tượng khỏi vụ án."))
    return redirect(case.get_absolute_url())


@require_GET
def case_statistics(request: HttpRequest) -> HttpResponse:
    """Cases and offenders per unit and stage for a period (small counts suppressed for non-holders)."""
    user = _user(request)
    if not policies.can_view_criminal_case_statistics(user):
        raise PermissionDenied
    year = today().year
    defaults = {
        "period_start": datetime.date(year, 1, 1).strftime("%d/%m/%Y"),
        "period_end": today().strftime("%d/%m/%Y"),
    }
    form = StatisticsForm(request.GET or defaults, user=user)
    statistics = None
    if form.is_valid():
        statistics = selectors.criminal_case_statistics(
            user,
            period_start=form.cleaned_data["period_start"],
            period_end=form.cleaned_data["period_end"],
            unit=form.cleaned_data["unit"],
        )
    return render(
        request,
        "criminal_cases/statistics.html",
        {
            "form": form,
            "statistics": statistics,
            "stage_choices": Stage.choices,
            "can_manage": policies.can_manage_criminal_cases(user),
        },
        status=200 if statistics is not None else 400,
    )
