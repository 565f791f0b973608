"""Person-sanction pages, thin: selector (404 outside the jurisdiction), form, service.

Holders of PERSON_SANCTION_MANAGE see and correct the tallies of each unit; every other reader in the
jurisdiction sees the totals per period and act with small counts suppressed.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pcmd.accounts.models import User
from pcmd.person_sanctions import policies, selectors, services
from pcmd.person_sanctions.exports import sanctions_workbook
from pcmd.person_sanctions.forms import TallyDeleteForm, TallyFilterForm, TallyForm
from pcmd.person_sanctions.models import PersonSanctionTally

PAGE_SIZE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _require_view(request: HttpRequest) -> None:
    if not policies.can_view_person_sanction_statistics(_user(request)):
        raise PermissionDenied


def _require_manage(request: HttpRequest) -> None:
    if not policies.can_manage_person_sanctions(_user(request)):
        raise PermissionDenied


@require_GET
def tally_list(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = _user(request)
    form = TallyFilterForm(request.GET or None, user=user)
    filters = form.filters()
    can_manage = policies.can_manage_person_sanctions(user)
    tallies = selectors.tallies_visible_to(user, **filters) if can_manage else None
    return render(
        request,
        "person_sanctions/tally_list.html",
        {
            "form": form,
            "summary": selectors.person_sanction_summary(user, **filters),
            "page": Paginator(tallies, PAGE_SIZE).get_page(request.GET.get("page"))
            if tallies is not None
            else None,
            "can_manage": can_manage,
        },
    )


@require_GET
def tally_export(request: HttpRequest) -> HttpResponse:
    """What the list shows, as a workbook: totals (suppressed for non-holders), for holders the tallies."""
    _require_view(request)
    user = _user(request)
    filters = TallyFilterForm(request.GET or None, user=user).filters()
    can_manage = policies.can_manage_person_sanctions(user)
    content = sanctions_workbook(
        selectors.person_sanction_summary(user, **filters),
        selectors.tallies_visible_to(user, **filters) if can_manage else None,
    )
    response = HttpResponse(content, content_type=XLSX)
    filename = f"xu-phat-ca-nhan-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _form_page(
    request: HttpRequest, form: TallyForm, *, save: Any, context: dict[str, Any], status: int | None = None
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save(dict(form.cleaned_data))
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu số liệu xử phạt."))
            return redirect("person_sanctions:list")
    if status is None:
        status = 400 if request.method == "POST" else 200
    return render(request, "person_sanctions/form_page.html", {"form": form, **context}, status=status)


@require_http_methods(["GET", "POST"])
def tally_create(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    return _form_page(
        request,
        TallyForm(request.POST or None, user=user),
        save=lambda data: services.tally_create(actor=user, **data),
        context={"page_title": _("Nhập số liệu xử phạt hành chính cá nhân")},
    )


def _edit_context(tally: PersonSanctionTally, delete_form: TallyDeleteForm | None = None) -> dict[str, Any]:
    return {
        "page_title": _("Sửa số liệu xử phạt"),
        "object": tally,
        "delete_form": delete_form or TallyDeleteForm(initial={"version": tally.version}),
    }


@require_http_methods(["GET", "POST"])
def tally_edit(request: HttpRequest, tally_id: int) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    tally = selectors.tally_get(user, tally_id)
    form = TallyForm(request.POST or None, initial=TallyForm.initial_for(tally), user=user, tally=tally)
    return _form_page(
        request,
        form,
        save=lambda data: services.tally_update(
            actor=user, tally=tally, version=data.pop("version"), changes=data
        ),
        context=_edit_context(tally),
    )


@require_POST
def tally_delete(request: HttpRequest, tally_id: int) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    tally = selectors.tally_get(user, tally_id)
    delete_form = TallyDeleteForm(request.POST)
    if delete_form.is_valid():
        try:
            services.tally_delete(actor=user, tally=tally, version=delete_form.cleaned_data["version"])
        except ValidationError as exc:
            delete_form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã xóa số liệu xử phạt."))
            return redirect("person_sanctions:list")
    form = TallyForm(initial=TallyForm.initial_for(tally), user=user, tally=tally)
    return render(
        request,
        "person_sanctions/form_page.html",
        {"form": form, **_edit_context(tally, delete_form)},
        status=400,
    )
