"""Writes of the audit app: the access log of sensitive reads. Later apps (tips, support, criminal cases) call
access_log_record every time a sensitive record is shown, exported or printed."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership
from pcmd.audit.models import AccessLog

REASON_REQUIRED = _("Cần ghi lý do khi xem danh tính.")
NOT_AUTHENTICATED = _("Chỉ ghi nhật ký truy cập cho người dùng đã đăng nhập.")

ObjectRef = models.Model | tuple[str, object]


def _describe(target: ObjectRef) -> tuple[str, str]:
    """("app_label.model", "pk") for a model instance or an explicit (type, id) pair."""
    if isinstance(target, models.Model):
        return target._meta.label_lower, str(target.pk)
    object_type, object_id = target
    return str(object_type).lower(), str(object_id)


@transaction.atomic
def access_log_record(
    *, actor: User, obj_or_type_and_id: ObjectRef, purpose: str = AccessLog.Purpose.VIEW, reason: str = ""
) -> AccessLog:
    """Record that `actor` read a sensitive record, under which membership (role and unit), why, and how.

    `obj_or_type_and_id` is the instance read, or ("app_label.model", id) when there is no instance (export).
    Identity views need a reason. Nothing is checked beyond that: the caller has already decided the read is
    allowed; this only records it.
    """
    if actor is None or not actor.is_authenticated:
        raise ValidationError(NOT_AUTHENTICATED, code="anonymous")
    object_type, object_id = _describe(obj_or_type_and_id)
    reason = " ".join((reason or "").split())
    if purpose == AccessLog.Purpose.VIEW_IDENTITY and not reason:
        raise ValidationError({"reason": [ValidationError(REASON_REQUIRED, code="reason_required")]})
    membership = active_membership(actor)
    entry = AccessLog(
        actor=actor,
        object_type=object_type,
        object_id=object_id,
        purpose=purpose,
        reason=reason,
        acting_as=str(membership)[:255] if membership else "",
    )
    entry.full_clean()
    entry.save()
    return entry
