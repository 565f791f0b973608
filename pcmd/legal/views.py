"""Pages of the legal-reference table: everyone working on enforcement reads it; holders of
MANAGE_REFERENCE_DATA create, edit and close documents and provisions (each change in the change log)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pcmd.accounts.models import User
from pcmd.legal import selectors, services
from pcmd.legal.forms import LegalDocumentForm, LegalProvisionForm, ProvisionCloseForm, ProvisionFilterForm
from pcmd.legal.policies import can_manage_legal_references, can_view_legal_references

PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _require_view(request: HttpRequest) -> None:
    if not can_view_legal_references(_user(request)):
        raise PermissionDenied


def _require_manage(request: HttpRequest) -> None:
    if not can_manage_legal_references(_user(request)):
        raise PermissionDenied


def reference_index(request: HttpRequest) -> HttpResponse:
    """Documents, then the provisions with filters (act, document, individual/organisation, day)."""
    _require_view(request)
    user = _user(request)
    documents = selectors.legal_documents_for(user)
    form = ProvisionFilterForm(request.GET or None, documents=documents)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "q": data["q"],
            "document": data["document"],
            "applies_to": data["applies_to"],
            "valid_on": data["valid_on"],
        }
    provisions = selectors.legal_provisions_for(user, **filters)
    return render(
        request,
        "legal/reference_index.html",
        {
            "documents": documents,
            "form": form,
            "page": Paginator(provisions, PAGE_SIZE).get_page(request.GET.get("page")),
            "can_manage": can_manage_legal_references(user),
        },
    )


def document_detail(request: HttpRequest, document_id: int) -> HttpResponse:
    _require_view(request)
    user = _user(request)
    document = selectors.legal_document_get(user, document_id)
    return render(
        request,
        "legal/document_detail.html",
        {
            "document": document,
            "provisions": selectors.legal_provisions_for(user, document=document),
            "history": selectors.change_history(user, document),
            "can_manage": can_manage_legal_references(user),
        },
    )


def provision_detail(request: HttpRequest, provision_id: int) -> HttpResponse:
    _require_view(request)
    user = _user(request)
    provision = selectors.legal_provision_get(user, provision_id)
    return _provision_page(request, provision, ProvisionCloseForm(initial={"version": provision.version}))


def _provision_page(
    request: HttpRequest, provision: Any, close_form: ProvisionCloseForm, status: int = 200
) -> HttpResponse:
    user = _user(request)
    return render(
        request,
        "legal/provision_detail.html",
        {
            "provision": provision,
            "history": selectors.change_history(user, provision),
            "in_use": services.provision_is_used(provision),
            "can_manage": can_manage_legal_references(user),
            "close_form": close_form,
        },
        status=status,
    )


def _form_page(
    request: HttpRequest,
    form: Any,
    *,
    save: Callable[[dict[str, Any]], Model],
    success: str,
    context: dict[str, Any],
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(dict(form.cleaned_data))
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, success)
            return redirect(saved.get_absolute_url())  # type: ignore[attr-defined]
    return render(request, "legal/form_page.html", {"form": form, **context})


@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    form = LegalDocumentForm(request.POST or None, documents=selectors.legal_documents_for(user))
    return _form_page(
        request,
        form,
        save=lambda data: services.legal_document_create(actor=user, **data),
        success=_("Đã thêm văn bản."),
        context={"page_title": _("Thêm văn bản pháp luật")},
    )


@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, document_id: int) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    document = selectors.legal_document_get(user, document_id)
    form = LegalDocumentForm(
        request.POST or None,
        initial=LegalDocumentForm.initial_for(document),
        documents=selectors.legal_documents_for(user),
        document=document,
    )
    return _form_page(
        request,
        form,
        save=lambda data: services.legal_document_update(
            actor=user, document=document, version=data.pop("version"), changes=data
        ),
        success=_("Đã lưu thay đổi."),
        context={
            "page_title": _("Sửa văn bản"),
            "object": document,
            "cancel_url": document.get_absolute_url(),
        },
    )


@require_http_methods(["GET", "POST"])
def provision_create(request: HttpRequest) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    documents = selectors.legal_documents_for(user)
    initial = {}
    if (wanted := request.GET.get("document", "")).isdigit():
        initial["document"] = int(wanted)
    form = LegalProvisionForm(request.POST or None, initial=initial, documents=documents, creating=True)
    return _form_page(
        request,
        form,
        save=lambda data: services.legal_provision_create(actor=user, **data),
        success=_("Đã thêm căn cứ xử phạt."),
        context={"page_title": _("Thêm căn cứ xử phạt")},
    )


@require_http_methods(["GET", "POST"])
def provision_edit(request: HttpRequest, provision_id: int) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    provision = selectors.legal_provision_get(user, provision_id)
    form = LegalProvisionForm(
        request.POST or None, initial=LegalProvisionForm.initial_for(provision), creating=False
    )
    return _form_page(
        request,
        form,
        save=lambda data: services.legal_provision_update(
            actor=user, provision=provision, version=data.pop("version"), changes=data
        ),
        success=_("Đã lưu thay đổi."),
        context={
            "page_title": _("Sửa căn cứ xử phạt"),
            "object": provision,
            "cancel_url": provision.get_absolute_url(),
        },
    )


@require_POST
def provision_close(request: HttpRequest, provision_id: int) -> HttpResponse:
    _require_manage(request)
    user = _user(request)
    provision = selectors.legal_provision_get(user, provision_id)
    form = ProvisionCloseForm(request.POST)
    if form.is_valid():
        try:
            services.legal_provision_close(
                actor=user,
                provision=provision,
                on=form.cleaned_data["valid_to"],
                version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
            provision.refresh_from_db()
        else:
            messages.success(request, _("Đã kết thúc thời gian áp dụng của căn cứ."))
            return redirect(provision.get_absolute_url())
    return _provision_page(request, provision, form, status=400)
