"""Plan content in words for the pages: measurable targets in short, areas in order, an amendment's
snapshot with labels instead of codes."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from pcmd.planning.models import Plan, PlanArea, ReportingRule, Target, Task

COMPARATOR_SIGNS = {"gte": "≥", "lte": "≤", "eq": "=", "increase": "+", "decrease": "−"}


def _number(value: Any) -> str:
    """20.00 → "20", 3.50 → "3,5" (Vietnamese decimal comma)."""
    number = Decimal(str(value))
    number = number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()
    return number_format(number)


def measure_text(comparator: str, value: Any, value_max: Any, measure_unit: str) -> str:
    """A measurable target in short: "≥ 20%", "+ 3 – 5%/năm", "≥ 50"; empty for a qualitative one."""
    if not comparator or value is None:
        return ""
    amount = _number(value) + (f" – {_number(value_max)}" if value_max not in (None, "") else "")
    suffixes: dict[str, str] = {
        Target.MeasureUnit.PERCENT: "%",
        Target.MeasureUnit.PERCENT_PER_YEAR: _("%/năm"),
        Target.MeasureUnit.COUNT_PER_MONTH: " " + _("lần/tháng"),
    }
    suffix = suffixes.get(measure_unit, "")
    return f"{COMPARATOR_SIGNS.get(comparator, comparator)} {amount}{suffix}"


def _label(choices: Any, value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def _day(value: str | None) -> str:
    return datetime.date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


def targets_by_area(targets: Any) -> list[tuple[str, list[Target]]]:
    """Targets grouped under their area, areas in the order of the plans' headings."""
    rank = {value: i for i, value in enumerate(PlanArea.values)}
    groups: dict[str, list[Target]] = {}
    for target in sorted(targets, key=lambda t: (rank.get(t.area, len(rank)), t.order)):
        target.measure_text = measure_text(  # type: ignore[attr-defined]
            target.comparator, target.value, target.value_max, target.measure_unit
        )
        groups.setdefault(target.area, []).append(target)
    return [(_label(PlanArea, area), items) for area, items in groups.items()]


def snapshot_view(snapshot: dict[str, Any]) -> dict[str, Any]:
    """An amendment's snapshot (plain JSON) in words: labels instead of codes, dates as dd/mm/yyyy."""
    fields = []
    for name, text in (snapshot.get("fields") or {}).items():
        if not text:
            continue
        try:
            label = str(getattr(Plan._meta.get_field(name), "verbose_name", name))
        except FieldDoesNotExist:  # a field renamed since the snapshot was taken
            label = name
        fields.append((label[:1].upper() + label[1:], text))
    period = snapshot.get("period") or [None, None]
    return {
        "reference": snapshot.get("reference", ""),
        "title": snapshot.get("title", ""),
        "period": f"{_day(period[0])} – {_day(period[1])}",
        "fields": fields,
        "legal_bases": snapshot.get("legal_bases") or [],
        "sections": snapshot.get("sections") or [],
        "targets": [
            {
                "area": _label(PlanArea, t.get("area")),
                "statement": t.get("statement", ""),
                "measure": measure_text(
                    t.get("comparator", ""), t.get("value"), t.get("value_max"), t.get("measure_unit", "")
                ),
                "due": _day(t.get("due_date")) or (str(t["due_year"]) if t.get("due_year") else ""),
                "applies_to": _label(Target.AppliesTo, t.get("applies_to")),
            }
            for t in snapshot.get("targets") or []
        ],
        "tasks": [
            {
                "area": _label(PlanArea, t.get("area")),
                "text": t.get("text", ""),
                "lead_agency": t.get("lead_agency", ""),
                "coordinating": ", ".join(
                    [
                        *(t.get("coordinating_agencies") or []),
                        *([t["coordinating_note"]] if t.get("coordinating_note") else []),
                    ]
                ),
                "due": _day(t.get("due_date")) or _label(Task.Recurrence, t.get("recurrence") or ""),
                "status": _label(Task.Status, t.get("status")),
            }
            for t in snapshot.get("tasks") or []
        ],
        "rules": [
            {
                "reporters": ", ".join(r.get("named_reporters") or [])
                or _label(ReportingRule.Reporters, r.get("reporters")),
                "recipient": r.get("recipient") or "",
                "period_kind": _label(ReportingRule.PeriodKind, r.get("period_kind")),
                "due": f"{r['due_day']:02d}/{r['due_month']:02d}"
                if r.get("due_day") and r.get("due_month")
                else "",
                "statement": r.get("statement") or "",
            }
            for r in snapshot.get("reporting_rules") or []
        ],
        "recipients": snapshot.get("recipients") or [],
    }
