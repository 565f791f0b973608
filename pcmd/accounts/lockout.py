"""What a locked-out login attempt gets (django-axes AXES_LOCKOUT_CALLABLE): a friendly Vietnamese page in
the browser, the API's JSON error body under /api/."""

from __future__ import annotations

import math
from typing import Any

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

LOCKED_OUT_CODE = "locked_out"


def cooloff_minutes(request: HttpRequest) -> int | None:
    """How long the lockout lasts in whole minutes (rounded up); None when it lasts until an admin unlocks."""
    cool_off = get_cool_off(request)
    if not cool_off:
        return None
    return max(1, math.ceil(cool_off.total_seconds() / 60))


def locked_out_message(request: HttpRequest) -> str:
    minutes = cooloff_minutes(request)
    if minutes is None:
        return _(
            "Đăng nhập sai quá nhiều lần nên tài khoản đã bị khóa. Hãy liên hệ quản trị hệ thống để mở khóa."
        )
    return _(
        "Đăng nhập sai quá nhiều lần nên tài khoản tạm bị khóa trong %(minutes)s phút. Hãy thử lại sau."
    ) % {"minutes": minutes}


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    status: int = getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)
    if request.path.startswith("/api/"):
        body = {"detail": locked_out_message(request), "code": LOCKED_OUT_CODE, "errors": {}}
        return JsonResponse(body, status=status)
    context = {
        "cooloff_minutes": cooloff_minutes(request),
        "failure_limit": get_failure_limit(request, credentials),
    }
    return render(request, "accounts/locked_out.html", context, status=status)
