"""DRF authentication for /api/v1/: token or session, each followed by the same account-level rules.

- a token of a disabled account is refused (401) with a Vietnamese message;
- a session of a user who must use 2FA (PCMD_REQUIRE_2FA) but has not verified a code is refused (403);
- `X-PCMD-Membership: <id>` selects another of the caller's memberships for this one call.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.request import Request

from pcmd.accounts import scoping
from pcmd.accounts.middleware import two_factor_pending

MEMBERSHIP_HEADER = "X-PCMD-Membership"
INVALID_TOKEN = _("Mã truy cập (token) không hợp lệ.")
DISABLED_ACCOUNT = _("Tài khoản đã bị khóa hoặc không còn hoạt động.")
MEMBERSHIP_HEADER_MALFORMED = _("Tiêu đề X-PCMD-Membership phải là mã số của một phân công.")
MEMBERSHIP_HEADER_NOT_YOURS = _(
    "Phân công trong tiêu đề X-PCMD-Membership không thuộc tài khoản của bạn hoặc đã hết hiệu lực."
)
TWO_FACTOR_PENDING = _(
    "Vai trò của bạn cần xác thực hai bước: hãy nhập mã xác thực trên giao diện web trước."
)


def apply_membership_header(request: Request, user: Any) -> None:
    """Act under the membership named in the header (only one of the caller's own active memberships)."""
    raw = request.headers.get(MEMBERSHIP_HEADER)
    if raw is None:
        return
    raw = raw.strip()
    if not raw.isdigit():
        raise exceptions.ValidationError({MEMBERSHIP_HEADER: [MEMBERSHIP_HEADER_MALFORMED]})
    membership = scoping.active_memberships(user).filter(pk=int(raw)).first()
    if membership is None:
        raise exceptions.PermissionDenied(MEMBERSHIP_HEADER_NOT_YOURS)
    scoping.set_active_membership(user, membership)


class ActiveTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`; Vietnamese messages for unknown tokens and disabled accounts."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        result = super().authenticate(request)
        if result is not None:
            apply_membership_header(request, result[0])
        return result

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        model: Any = self.get_model()
        token = model.objects.select_related("user").filter(key=key).first()
        if token is None:
            raise exceptions.AuthenticationFailed(INVALID_TOKEN)
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(DISABLED_ACCOUNT)
        return (token.user, token)


class PcmdSessionAuthentication(SessionAuthentication):
    """The browser's session (with CSRF), held to the same 2FA rule as the web pages."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        result = super().authenticate(request)
        if result is None:
            return None
        user = result[0]
        if two_factor_pending(user):
            raise exceptions.PermissionDenied(TWO_FACTOR_PENDING)
        apply_membership_header(request, user)
        return result
