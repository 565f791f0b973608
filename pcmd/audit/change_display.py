"""Turn a change-log entry into rows a Vietnamese reader understands: field label, value before, value after.

django-auditlog stores every value as text ("None", "2025-02-28", a foreign key's id, a choice's code); here
they become "—", "28/02/2025", the related object's name, the choice's label. Secrets are never shown.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Derived or bookkeeping fields: they change with every save and say nothing to a reader.
HIDDEN_FIELDS = frozenset({"updated_at", "created_at", "name_search", "name_sort"})
# Never displayed, even as hashes: passwords, TOTP secrets, tokens.
MASKED_FIELDS = frozenset({"password", "key", "token", "secret"})
EMPTY = "—"

ACTION_LABELS = {
    LogEntry.Action.CREATE: gettext_lazy("Tạo mới"),
    LogEntry.Action.UPDATE: gettext_lazy("Sửa"),
    LogEntry.Action.DELETE: gettext_lazy("Xóa"),
    LogEntry.Action.ACCESS: gettext_lazy("Truy cập"),
}


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


class RelatedNames:
    """Names of related objects by (model, pk), fetched once per page of entries."""

    def __init__(self) -> None:
        self._names: dict[tuple[type[models.Model], str], str] = {}

    def name(self, model: type[models.Model], pk: str) -> str:
        key = (model, pk)
        if key not in self._names:
            obj = model._default_manager.filter(pk=pk).first()
            self._names[key] = str(obj) if obj is not None else _("(đã xóa, mã %(pk)s)") % {"pk": pk}
        return self._names[key]


def _format_value(field: models.Field | None, raw: Any, related: RelatedNames) -> str:
    if raw is None or raw == "None" or raw == "":
        return EMPTY
    if field is None:
        return str(raw)
    if field.choices:
        return str(dict(field.flatchoices).get(raw, raw))
    if isinstance(field, models.BooleanField):
        return _("Có") if str(raw) == "True" else _("Không")
    if isinstance(field, models.ForeignKey):
        return related.name(field.related_model, str(raw))  # type: ignore[arg-type]
    if isinstance(field, models.DateTimeField):
        try:
            value = datetime.datetime.fromisoformat(str(raw))
        except ValueError:
            return str(raw)
        if timezone.is_naive(value):  # auditlog stores UTC without an offset
            value = value.replace(tzinfo=datetime.UTC)
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(field, models.DateField):
        try:
            return datetime.date.fromisoformat(str(raw)).strftime("%d/%m/%Y")
        except ValueError:
            return str(raw)
    return str(raw)


def field_changes(entry: LogEntry, related: RelatedNames | None = None) -> list[FieldChange]:
    """The entry's changes, one row per shown field, in the model's field order."""
    related = related or RelatedNames()
    model = entry.content_type.model_class()
    changes: dict[str, Any] = entry.changes_dict or {}
    rows: list[tuple[int, FieldChange]] = []
    for name, values in changes.items():
        if name in HIDDEN_FIELDS:
            continue
        field: models.Field | None = None
        order = 10_000
        if model is not None:
            try:
                candidate = model._meta.get_field(name)
            except FieldDoesNotExist:
                candidate = None
            # Only concrete fields have a label and a value type; a reverse relation is shown by its name.
            if isinstance(candidate, models.Field):
                field = candidate
                order = model._meta.fields.index(field) if field in model._meta.fields else order
        label = capfirst(str(field.verbose_name)) if field is not None else name
        before, after = [*values, None, None][:2]
        if name in MASKED_FIELDS:
            hidden = _("(không hiển thị)")
            rows.append(
                (
                    order,
                    FieldChange(
                        label,
                        EMPTY if before in (None, "None", "") else hidden,
                        EMPTY if after in (None, "None", "") else hidden,
                    ),
                )
            )
            continue
        rows.append(
            (
                order,
                FieldChange(
                    label, _format_value(field, before, related), _format_value(field, after, related)
                ),
            )
        )
    return [row for _order, row in sorted(rows, key=lambda item: item[0])]


def action_label(entry: LogEntry) -> str:
    return str(ACTION_LABELS.get(entry.action, entry.action))
