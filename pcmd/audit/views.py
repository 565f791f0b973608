"""The change-log and access-log screens: VIEW_AUDIT only (403 otherwise), entries scoped by selectors."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pcmd.audit import selectors
from pcmd.audit.change_display import RelatedNames, action_label, field_changes
from pcmd.audit.forms import AccessFilterForm, ChangeFilterForm
from pcmd.audit.policies import can_view_audit_log

PAGE_SIZE = 25


def _require_audit(request: HttpRequest) -> None:
    if not can_view_audit_log(request.user):  # type: ignore[arg-type]
        raise PermissionDenied


def change_list(request: HttpRequest) -> HttpResponse:
    _require_audit(request)
    form = ChangeFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound and form.is_valid() else selectors.LogFilters()
    entries = selectors.change_entries_visible_to(request.user, filters)  # type: ignore[arg-type]
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    related = RelatedNames()
    rows = [
        {
            "entry": entry,
            "action": action_label(entry),
            "object_type": selectors.content_type_label(entry.content_type),
            "changes": field_changes(entry, related),
        }
        for entry in page
    ]
    return render(request, "audit/change_list.html", {"form": form, "page": page, "rows": rows})


def access_list(request: HttpRequest) -> HttpResponse:
    _require_audit(request)
    form = AccessFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound and form.is_valid() else selectors.LogFilters()
    logs = selectors.access_logs_visible_to(request.user, filters)  # type: ignore[arg-type]
    page = Paginator(logs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/access_list.html", {"form": form, "page": page})
