"""Request-level access rules: login required by default, active membership, 2FA for privileged roles."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from pcmd.accounts import scoping
from pcmd.accounts.policies import must_use_two_factor

ACTIVE_MEMBERSHIP_SESSION_KEY = "pcmd_active_membership_id"

# Paths reachable without login or with a half-finished login (2FA step). The API authenticates itself (DRF).
_OPEN_PREFIXES = ("/api/", "/static/", "/healthz")


class PcmdLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's login-required default, leaving /api/ to DRF (token or session, JSON 401/403 bodies)."""

    def process_view(self, request, view_func, view_args, view_kwargs):  # type: ignore[no-untyped-def]
        if request.path.startswith(_OPEN_PREFIXES):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class ActiveMembershipMiddleware:
    """Resolves the membership the user acts under: the one chosen in this session, else their first one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            chosen_id = request.session.get(ACTIVE_MEMBERSHIP_SESSION_KEY)
            memberships = scoping.active_memberships(user)  # type: ignore[arg-type]
            membership = memberships.filter(pk=chosen_id).first() if chosen_id else None
            scoping.set_active_membership(user, membership or memberships.first())  # type: ignore[arg-type]
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """When PCMD_REQUIRE_2FA is on, privileged users must verify a TOTP device before anything else."""

    _ALLOWED = ("/tai-khoan/xac-thuc-2-buoc/", "/tai-khoan/dang-xuat/", "/i18n/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.PCMD_REQUIRE_2FA
            and user.is_authenticated
            and not request.path.startswith(_OPEN_PREFIXES + self._ALLOWED)
            and must_use_two_factor(user)  # type: ignore[arg-type]
            and not user.is_verified()  # type: ignore[union-attr]
        ):
            return redirect("accounts:two-factor")
        return self.get_response(request)
