"""Helpers shared by the inspections pages."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from pcmd.accounts.models import User

PAGE_SIZE = 50


def user_of(request: HttpRequest) -> User:
    """The logged-in user (PcmdLoginRequiredMiddleware keeps anonymous visitors out)."""
    return cast(User, request.user)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def paginate(request: HttpRequest, items: Any) -> Page:
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


def errors_as_messages(request: HttpRequest, exc: ValidationError) -> None:
    """For the small inline forms of a detail page: the service's errors shown at the top of the page."""
    for message in exc.messages:
        messages.error(request, message)


def form_errors_as_messages(request: HttpRequest, form: Any) -> None:
    for field_errors in form.errors.values():
        for error in field_errors:
            messages.error(request, str(error))


def int_param(request: HttpRequest, name: str) -> int | None:
    value = request.POST.get(name) or request.GET.get(name) or ""
    return int(value) if value.isdigit() else None
