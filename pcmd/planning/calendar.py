"""The reporting calendar: a plan's reporting rules turned into concrete deadlines per reporter and period.

A rule says "who reports, for which period kind, by which day and month"; for every year of the plan period it
yields one deadline per reporter (a semiannual rule: the first half of the year; an annual rule: the year; a
quarterly rule: each quarter, the due day/month naming the first quarter's deadline). Ad hoc reports have no
calendar. Periods are clipped to the plan period, and deadlines before the plan starts are dropped (a plan
issued in September owes no report for the first half of its year).
"""

from __future__ import annotations

import calendar as std_calendar
import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from pcmd.agencies.models import Agency
from pcmd.agencies.selectors import focal_agency_of
from pcmd.geography.models import AdminUnit
from pcmd.planning.models import Plan, ReportingDeadline, ReportingRule

ROMAN_QUARTERS = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Period:
    label: str
    start: datetime.date
    end: datetime.date
    due_on: datetime.date


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when it does not exist (31/06, 29/02 of a common year)."""
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _clamped(year: int, month: int, day: int) -> datetime.date:
    """Day clipped to the month's length: a quarterly deadline "31" falls on 30/06 in June."""
    return datetime.date(year, month, min(day, std_calendar.monthrange(year, month)[1]))


def _years(plan: Plan) -> range:
    return range(plan.period_start.year, plan.period_end.year + 1)


def rule_periods(rule: ReportingRule, plan: Plan | None = None) -> list[Period]:
    """The reporting periods of a rule over its plan's period, with their due dates."""
    plan = plan or rule.plan
    if rule.period_kind == ReportingRule.PeriodKind.AD_HOC or not rule.due_day or not rule.due_month:
        return []
    periods: list[Period] = []
    # Labels are stored with the deadlines: always Vietnamese, whatever the interface language of the request.
    with translation.override("vi"):
        for year in _years(plan):
            periods.extend(_periods_of_year(rule, year))
    kept = []
    for period in periods:
        start, end = max(period.start, plan.period_start), min(period.end, plan.period_end)
        if start > end or period.due_on < plan.period_start:
            continue
        kept.append(Period(period.label, start, end, period.due_on))
    return kept


def _periods_of_year(rule: ReportingRule, year: int) -> Iterator[Period]:
    day, month = int(rule.due_day or 0), int(rule.due_month or 0)
    if rule.period_kind == ReportingRule.PeriodKind.SEMIANNUAL:
        due = safe_date(year, month, day)
        if due:
            yield Period(
                _("6 tháng đầu năm %(year)s") % {"year": year},
                datetime.date(year, 1, 1),
                datetime.date(year, 6, 30),
                due,
            )
    elif rule.period_kind == ReportingRule.PeriodKind.ANNUAL:
        due = safe_date(year, month, day)
        if due:
            yield Period(
                _("Năm %(year)s") % {"year": year},
                datetime.date(year, 1, 1),
                datetime.date(year, 12, 31),
                due,
            )
    elif rule.period_kind == ReportingRule.PeriodKind.QUARTERLY:
        for quarter in range(4):
            first_month = 3 * quarter + 1
            last_month = first_month + 2
            due_month = month + 3 * quarter
            due_year = year + (due_month - 1) // 12
            yield Period(
                _("Quý %(quarter)s/%(year)s") % {"quarter": ROMAN_QUARTERS[quarter], "year": year},
                datetime.date(year, first_month, 1),
                datetime.date(year, last_month, std_calendar.monthrange(year, last_month)[1]),
                _clamped(due_year, (due_month - 1) % 12 + 1, day),
            )


def lower_units_of(plan: Plan) -> list[AdminUnit]:
    """The units directly below the issuing unit that existed during the plan period (a district's communes
    before 07/2025, a province's communes and wards after)."""
    return list(
        AdminUnit.objects.filter(parent=plan.issuing_unit)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=plan.period_end))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=plan.period_start))
        .order_by("name_sort", "code")
    )


def assigned_agencies_of(plan: Plan) -> list[Agency]:
    """Every agency leading or coordinating a task of the plan, in the order of their first task."""
    seen: dict[int, Agency] = {}
    for task in plan.tasks.select_related("lead_agency").prefetch_related("coordinating_agencies"):
        for agency in [task.lead_agency, *task.coordinating_agencies.all()]:
            seen.setdefault(agency.pk, agency)
    return list(seen.values())


def _reporters(
    rule: ReportingRule, plan: Plan, due_on: datetime.date
) -> list[tuple[Agency | None, AdminUnit | None]]:
    kind = rule.reporters
    if kind == ReportingRule.Reporters.LOWER_UNITS:
        return [(None, unit) for unit in lower_units_of(plan)]
    if kind == ReportingRule.Reporters.NAMED_AGENCIES:
        return [(agency, None) for agency in rule.named_reporters.order_by("name_sort")]
    if kind == ReportingRule.Reporters.FOCAL_AGENCY:
        # The focal agency of its time (Sở LĐ-TB&XH before 03/2025, Sở Y tế after); without one on record the
        # issuing body itself owes the report.
        return [(focal_agency_of(plan.issuing_unit, on=due_on) or plan.issuing_agency, None)]
    # The agencies with tasks report to the recipient, which does not report to itself; nor does the issuing
    # body, which leads the tasks handed to every lower unit and receives the compiled report.
    excluded = {rule.recipient_agency_id, plan.issuing_agency_id}
    return [(agency, None) for agency in assigned_agencies_of(plan) if agency.pk not in excluded]


def deadlines_of(rule: ReportingRule, plan: Plan | None = None) -> list[ReportingDeadline]:
    """The rule's deadlines, unsaved."""
    plan = plan or rule.plan
    deadlines = []
    for period in rule_periods(rule, plan):
        for agency, unit in _reporters(rule, plan, period.due_on):
            deadlines.append(
                ReportingDeadline(
                    rule=rule,
                    reporter_agency=agency,
                    reporter_unit=unit,
                    period_label=period.label,
                    period_start=period.start,
                    period_end=period.end,
                    due_on=period.due_on,
                )
            )
    return deadlines


def reporting_deadlines_regenerate(plan: Plan) -> int:
    """Bring the plan's calendar in line with its rules; returns the number of deadlines.

    Rows that still apply are updated in place (reports already attached to them stay attached), new ones are
    added and those no rule gives any more are removed. Called when a plan is issued and when an amendment is
    completed — by services and loaders that already hold the transaction.
    """
    wanted: dict[tuple[int, int | None, int | None, datetime.date], ReportingDeadline] = {}
    for rule in plan.reporting_rules.all():
        for deadline in deadlines_of(rule, plan):
            key = (rule.pk, deadline.reporter_agency_id, deadline.reporter_unit_id, deadline.period_start)
            wanted[key] = deadline
    existing = ReportingDeadline.objects.filter(rule__plan=plan)
    stale_ids = []
    for row in existing:
        key = (row.rule_id, row.reporter_agency_id, row.reporter_unit_id, row.period_start)
        fresh = wanted.pop(key, None)
        if fresh is None:
            stale_ids.append(row.pk)
        elif (row.period_label, row.period_end, row.due_on) != (
            fresh.period_label,
            fresh.period_end,
            fresh.due_on,
        ):
            row.period_label, row.period_end, row.due_on = fresh.period_label, fresh.period_end, fresh.due_on
            row.save(update_fields=["period_label", "period_end", "due_on", "updated_at"])
    ReportingDeadline.objects.filter(pk__in=stale_ids).delete()
    ReportingDeadline.objects.bulk_create(wanted.values())
    return ReportingDeadline.objects.filter(rule__plan=plan).count()
