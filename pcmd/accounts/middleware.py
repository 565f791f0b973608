"""Request-level access rules: login required by default, active membership, 2FA for privileged roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from pcmd.accounts import scoping
from pcmd.accounts.policies import must_use_two_factor

ACTIVE_MEMBERSHIP_SESSION_KEY = "pcmd_active_membership_id"
SESSION_EXPIRED = _("Phiên làm việc đã hết hạn do lâu không thao tác. Vui lòng đăng nhập lại.")

# Paths reachable without login or with a half-finished login (2FA step). The API authenticates itself (DRF,
# see pcmd.accounts.api_auth, which also applies the 2FA rule to session-authenticated API calls).
_OPEN_PREFIXES = ("/api/", "/static/", "/healthz")
# Also open without login: choosing the language (the login page has the switch).
_PUBLIC_PREFIXES = (*_OPEN_PREFIXES, "/i18n/")


def session_has_expired(request: HttpRequest) -> bool:
    """The browser sent a session cookie, but the server no longer has that session: it timed out (idle
    timeout, SESSION_COOKIE_AGE renewed on every request) or was ended on the server."""
    if not request.COOKIES.get(settings.SESSION_COOKIE_NAME):  # absent, or emptied by a logout
        return False
    request.session.get(SESSION_KEY)  # loads the session; a missing one clears session_key
    return request.session.session_key is None


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Vietnamese unless the user chose another language with the language switch (its cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many office computers run an
    English browser: the system's language must not depend on that.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        translation.activate(chosen if chosen in supported else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()


class PcmdLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Django's login-required default, leaving /api/ to DRF (token or session, JSON 401/403 bodies).

    When the session has expired, the login page says so; htmx requests get a full-page redirect.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):  # type: ignore[no-untyped-def]
        if request.path.startswith(_PUBLIC_PREFIXES):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)

    def handle_no_permission(self, request: HttpRequest, view_func: Any) -> HttpResponse:  # type: ignore[override]
        if session_has_expired(request):
            messages.warning(request, SESSION_EXPIRED)
        response = super().handle_no_permission(request, view_func)
        if getattr(request, "htmx", False):
            # An htmx swap would put the login page inside the current page: reload the whole page instead.
            htmx_response = HttpResponse(status=204)
            htmx_response["HX-Redirect"] = response["Location"]
            return htmx_response
        return response


class ActiveMembershipMiddleware:
    """Resolves the membership the user acts under: the one chosen in this session, else their first one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = request.user
        if user.is_authenticated:
            chosen_id = request.session.get(ACTIVE_MEMBERSHIP_SESSION_KEY)
            memberships = scoping.active_memberships(user)
            membership = memberships.filter(pk=chosen_id).first() if chosen_id else None
            scoping.set_active_membership(user, membership or memberships.first())
        return self.get_response(request)


def two_factor_pending(user: Any) -> bool:
    """PCMD_REQUIRE_2FA is on, the user must use 2FA, and this session has not verified a code yet."""
    return bool(
        settings.PCMD_REQUIRE_2FA
        and user.is_authenticated
        and must_use_two_factor(user)
        and not (hasattr(user, "is_verified") and user.is_verified())
    )


class TwoFactorRequiredMiddleware:
    """When PCMD_REQUIRE_2FA is on, privileged users must verify a TOTP device before anything else."""

    _ALLOWED = ("/tai-khoan/xac-thuc-2-buoc/", "/tai-khoan/dang-xuat/", "/i18n/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(_OPEN_PREFIXES + self._ALLOWED) and two_factor_pending(request.user):
            target = reverse("accounts:two-factor")
            if request.method == "GET":
                target = f"{target}?{urlencode({'next': request.get_full_path()})}"
            return redirect(target)
        return self.get_response(request)
