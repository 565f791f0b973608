"""Pages of the accounts app: the start page and user management (system administrators)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pcmd.accounts import selectors, services
from pcmd.accounts.forms import MembershipForm, UserCreateForm, UserSearchForm
from pcmd.accounts.policies import can_deactivate_user, can_manage_users

USERS_PER_PAGE = 50
# Service error keys that are not form fields of the same name.
_FIELD_FOR_ERROR = {"password": "password1"}


def home(request: HttpRequest) -> HttpResponse:
    """The user's start page: who they act as and what their jurisdiction holds."""
    user: Any = request.user
    return render(request, "accounts/home.html", {"summary": selectors.workspace_summary(user)})


def _put_errors_on_form(form: Form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, messages_ in error.message_dict.items():
        field = _FIELD_FOR_ERROR.get(key, key)
        form.add_error(field if field in form.fields else None, messages_)


@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    actor: Any = request.user
    search = UserSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    users = selectors.user_list(actor=actor, query=query)
    page = Paginator(users, USERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"search": search, "page": page, "query": query})


def user_create(request: HttpRequest) -> HttpResponse:
    actor: Any = request.user
    if not can_manage_users(actor):
        raise PermissionDenied
    form = UserCreateForm(request.POST or None, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(actor=actor, **form.user_values(), **form.membership_values())
        except ValidationError as error:
            _put_errors_on_form(form, error)
        else:
            messages.success(request, _("Đã tạo tài khoản %(username)s.") % {"username": user.username})
            return redirect("accounts:user-detail", user_id=user.pk)
    return render(request, "accounts/user_form.html", {"form": form})


def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    """One account, its memberships, and the form to add a membership (POST)."""
    actor: Any = request.user
    user = selectors.user_get(actor=actor, user_id=user_id)
    form = MembershipForm(request.POST or None, actor=actor, prefix="phan-cong")
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_add(actor=actor, user=user, **form.membership_values())
        except ValidationError as error:
            _put_errors_on_form(form, error)
        else:
            messages.success(request, _("Đã thêm phân công."))
            return redirect("accounts:user-detail", user_id=user.pk)
    context = {
        "account": user,
        "memberships": selectors.user_memberships(actor=actor, user=user),
        "form": form,
        "can_deactivate": can_deactivate_user(actor, user),
    }
    return render(request, "accounts/user_detail.html", context)


@require_POST
def user_deactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    actor: Any = request.user
    user = selectors.user_get(actor=actor, user_id=user_id)
    services.user_deactivate(actor=actor, user=user)
    messages.success(request, _("Đã vô hiệu hóa tài khoản %(username)s.") % {"username": user.username})
    return redirect("accounts:user-detail", user_id=user.pk)


@require_GET
def unit_options(request: HttpRequest) -> HttpResponse:
    """<option>s for the unit field's suggestion list (htmx), within the actor's area."""
    actor: Any = request.user
    if not can_manage_users(actor):
        raise PermissionDenied
    query = request.GET.get("q") or request.GET.get("unit") or request.GET.get("phan-cong-unit") or ""
    units = selectors.unit_options(actor=actor, query=query[:100])
    return render(request, "accounts/_unit_options.html", {"units": units})


@require_GET
def membership_choices(request: HttpRequest) -> HttpResponse:
    """The agency and team fields for the unit typed so far (htmx swaps them in when the unit changes)."""
    actor: Any = request.user
    if not can_manage_users(actor):
        raise PermissionDenied
    prefix = request.GET.get("prefix") or None
    if prefix not in (None, "phan-cong"):
        prefix = None
    form = MembershipForm(request.GET, actor=actor, prefix=prefix)
    return render(request, "accounts/_membership_choices.html", {"form": form})
