"""Reads of the change log (django-auditlog's LogEntry) and the access log, scoped to the reader.

Jurisdiction rule (kept deliberately simple and safe): a reader sees the entries whose *actor* holds a
membership (active or not) in a unit within the reader's jurisdiction; a national administrator sees every
entry, including those without an actor (commands, migrations). Entries of people outside the province are
never shown, even when they touched a record of the province.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import capfirst

from pcmd.accounts.models import Membership, User
from pcmd.accounts.scoping import jurisdiction_of, scope_queryset
from pcmd.audit.models import AccessLog
from pcmd.audit.policies import can_view_audit_log
from pcmd.core.vietnamese import search_key, sort_key


@dataclass(frozen=True)
class LogFilters:
    actor: str = ""
    object_type: str = ""  # "app_label.model"
    object_id: str = ""
    action: int | None = None  # LogEntry.Action value (change log only)
    purpose: str = ""  # AccessLog.Purpose value (access log only)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def _visible_actor_ids(user: User) -> QuerySet | None:
    """Ids of users with a membership within the reader's jurisdiction; None means "everyone" (national)."""
    if jurisdiction_of(user).everything:
        return None
    return scope_queryset(Membership.objects.all(), user, "unit__scope_path").values("user_id")


def actors_matching(user: User, text: str) -> list[int]:
    """Users the reader may see whose username equals the text or whose full name contains it, ignoring
    diacritics and case ("lo thi huong" finds "Lò Thị Hương")."""
    text = text.strip()
    key = search_key(text)
    users = User.objects.all()
    visible = _visible_actor_ids(user)
    if visible is not None:
        users = users.filter(pk__in=visible)
    return [
        pk
        for pk, username, full_name in users.values_list("pk", "username", "full_name")
        if username.lower() == text.lower() or (key and key in search_key(full_name))
    ]


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _apply_common(queryset: QuerySet, user: User, filters: LogFilters, time_field: str) -> QuerySet:
    if filters.actor:
        queryset = queryset.filter(actor_id__in=actors_matching(user, filters.actor))
    if filters.date_from:
        queryset = queryset.filter(**{f"{time_field}__gte": _day_start(filters.date_from)})
    if filters.date_to:
        queryset = queryset.filter(
            **{f"{time_field}__lt": _day_start(filters.date_to + datetime.timedelta(days=1))}
        )
    return queryset


def change_entries_visible_to(user: User, filters: LogFilters | None = None) -> QuerySet[LogEntry]:
    """Change-log entries the reader may see, newest first; none without VIEW_AUDIT."""
    filters = filters or LogFilters()
    if not can_view_audit_log(user):
        return LogEntry.objects.none()
    entries = LogEntry.objects.select_related("actor", "content_type")
    visible = _visible_actor_ids(user)
    if visible is not None:
        entries = entries.filter(actor_id__in=visible)
    entries = _apply_common(entries, user, filters, "timestamp")
    if filters.object_type:
        app_label, _dot, model = filters.object_type.partition(".")
        entries = entries.filter(content_type__app_label=app_label, content_type__model=model)
    if filters.object_id:
        entries = entries.filter(object_pk=filters.object_id.strip())
    if filters.action is not None:
        entries = entries.filter(action=filters.action)
    return entries.order_by("-timestamp", "-id")


def access_logs_visible_to(user: User, filters: LogFilters | None = None) -> QuerySet[AccessLog]:
    """Access-log entries the reader may see (same actor rule as the change log), newest first."""
    filters = filters or LogFilters()
    if not can_view_audit_log(user):
        return AccessLog.objects.none()
    logs = AccessLog.objects.select_related("actor")
    visible = _visible_actor_ids(user)
    if visible is not None:
        logs = logs.filter(actor_id__in=visible)
    logs = _apply_common(logs, user, filters, "at")
    if filters.object_type:
        logs = logs.filter(object_type=filters.object_type.strip().lower())
    if filters.object_id:
        logs = logs.filter(object_id=filters.object_id.strip())
    if filters.purpose:
        logs = logs.filter(purpose=filters.purpose)
    return logs.order_by("-at", "-id")


def tracked_object_types() -> list[tuple[str, str]]:
    """("app_label.model", Vietnamese name) of every model the change log records, in Vietnamese order."""
    types = []
    for model in auditlog.get_models():
        if model._meta.auto_created:  # many-to-many link tables: shown through their owners
            continue
        types.append((model._meta.label_lower, capfirst(str(model._meta.verbose_name))))
    return sorted(types, key=lambda item: sort_key(item[1]))


def content_type_label(content_type: ContentType) -> str:
    model = content_type.model_class()
    return (
        capfirst(str(model._meta.verbose_name)) if model else f"{content_type.app_label}.{content_type.model}"
    )
