"""The service-layer kit every app's services.py uses: atomic writes attributed to the actor, field errors
collected and raised together, Django validation merged with the domain checks, optimistic concurrency."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.core.audit_context import attributed_to

STALE_EDIT = _(
    "Bản ghi đã được người khác sửa sau khi bạn mở (phiên bản hiện tại: %(current)s). "
    "Hãy tải lại trang để xem thông tin mới nhất rồi sửa lại."
)

P = ParamSpec("P")
R = TypeVar("R")
Errors = dict[str, list[ValidationError]]


def service(func: Callable[P, R]) -> Callable[P, R]:
    """Atomic, and attributed to the keyword argument `actor` in the change log."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        actor = kwargs["actor"]
        with attributed_to(actor), transaction.atomic():
            return func(*args, **kwargs)

    return wrapper


def today() -> datetime.date:
    return timezone.localdate()


def normalise_spaces(text: str) -> str:
    return " ".join((text or "").split())


def format_day(day: datetime.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def add_error(errors: Errors, field: str, message: Any, code: str, **params: Any) -> None:
    errors.setdefault(field, []).append(ValidationError(message, code=code, params=params or None))


def raise_if(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


def validate_instance(instance: models.Model, errors: Errors) -> None:
    """Field validation (Django's, translated) merged with the domain checks, all reported at once; a field
    the domain checks already flagged keeps only their message.

    Constraints are checked after the domain checks, which repeat them with field-level messages; what is
    left for them is a concurrent insert slipping between our check and the save.
    """
    try:
        instance.full_clean(validate_constraints=False)
    except ValidationError as exc:
        # Where the domain checks already explain a field, Django's generic message ("This field cannot be
        # blank") would only repeat it less clearly.
        for field, messages in exc.error_dict.items():
            if field not in errors:
                errors[field] = list(messages)
    raise_if(errors)
    instance.validate_constraints()


def check_stale(instance: models.Model, version: int | str | None) -> None:
    """Optimistic concurrency: the caller must have seen the latest `version` of the row (locked here)."""
    current: int = (
        type(instance)
        ._default_manager.select_for_update()
        .values_list("version", flat=True)
        .get(pk=instance.pk)
    )
    if version is None or str(version).strip() == "" or int(version) != current:
        raise ValidationError(
            {"version": [ValidationError(STALE_EDIT, code="stale", params={"current": current})]}
        )
