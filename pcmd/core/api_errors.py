"""One error body for the whole API, with Vietnamese messages.

Every error answers {"detail": "<sentence>", "code": "<machine code>", "errors": {field: [messages]}}.
Django's ValidationError and PermissionDenied raised by services are mapped like DRF's own.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

INVALID_INPUT = "Dữ liệu gửi lên không hợp lệ. Xem lỗi của từng trường."


def _django_validation_to_drf(error: DjangoValidationError) -> exceptions.ValidationError:
    """Field errors keep their field; Django's "__all__" becomes DRF's "non_field_errors"; a stale edit keeps
    its machine code "stale" so clients can offer to reload."""
    if not hasattr(error, "error_dict"):
        return exceptions.ValidationError({"non_field_errors": error.messages}, code="invalid")
    errors = {
        ("non_field_errors" if field == NON_FIELD_ERRORS else field): messages
        for field, messages in error.message_dict.items()
    }
    stale = any(e.code == "stale" for e in error.error_dict.get("version", []))
    return exceptions.ValidationError(errors, code="stale" if stale else "invalid")


def _is_stale(exc: exceptions.ValidationError) -> bool:
    codes = exc.get_codes()
    return isinstance(codes, dict) and "stale" in (codes.get("version") or [])


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = _django_validation_to_drf(exc)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Không tìm thấy."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))

    response = drf_exception_handler(exc, context)
    if response is None:
        return None

    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        errors = detail if isinstance(detail, dict) else {"non_field_errors": detail}
        code = "stale" if _is_stale(exc) else "invalid"
        response.data = {"detail": _(INVALID_INPUT), "code": code, "errors": errors}
        response.status_code = status.HTTP_400_BAD_REQUEST
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        response.data = {
            "detail": str(exc.detail) if not isinstance(exc.detail, dict | list) else exc.detail,
            "code": codes if isinstance(codes, str) else "error",
            "errors": {},
        }
    return response
