"""Reads of criminal cases. Everything that depends on the user is scoped to their jurisdiction (default
deny); outside it a case does not exist (404). The statistics are aggregates with small counts suppressed for
readers who may not see the records (pcmd.core.privacy)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership, jurisdiction_of, scope_queryset
from pcmd.agencies.models import Agency
from pcmd.agencies.selectors import units_visible_to
from pcmd.core.privacy import ShownCount, show_count
from pcmd.core.services import today
from pcmd.criminal_cases import stages
from pcmd.criminal_cases.models import CaseOffender, CaseStageEvent, CriminalCase, Stage
from pcmd.criminal_cases.policies import (
    can_manage_criminal_cases,
    can_view_criminal_case_statistics,
    sees_small_case_counts,
)
from pcmd.establishments.models import Establishment
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.models import Hotspot


def _within(unit: AdminUnit) -> Q:
    """Rows whose unit is `unit` or lies below it (either era)."""
    return Q(unit__scope_path=unit.scope_path) | Q(unit__scope_path__startswith=f"{unit.scope_path}.")


def criminal_cases_visible_to(
    user: User,
    *,
    unit: AdminUnit | None = None,
    article: str = "",
    stage: str = "",
    year: int | None = None,
    q: str = "",
) -> QuerySet[CriminalCase]:
    """Cases handled in the user's jurisdiction (nothing without CRIMINAL_CASE_MANAGE), newest first.

    `unit` keeps the cases of that unit and the units below it; `year` is the year of uncovering; `q` finds
    a case number.
    """
    if not can_manage_criminal_cases(user):
        return CriminalCase.objects.none()
    cases = scope_queryset(
        CriminalCase.objects.select_related("unit", "agency").annotate(offenders_total=Count("offenders")),
        user,
        "unit__scope_path",
    )
    if unit is not None:
        cases = cases.filter(_within(unit))
    if article:
        cases = cases.filter(article=article)
    if stage:
        cases = cases.filter(stage=stage)
    if year:
        cases = cases.filter(uncovered_on__year=year)
    for word in (q or "").split():
        cases = cases.filter(number__icontains=word)
    return cases.order_by("-uncovered_on", "-id")


def criminal_case_get(user: User, case_id: int) -> CriminalCase:
    """The case if the user may see it, else Http404 (existence outside the jurisdiction never leaks)."""
    case = (
        criminal_cases_visible_to(user)
        .prefetch_related("hotspots__unit", "establishments__unit", "stage_events")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise Http404
    return case


def case_timeline(case: CriminalCase) -> list[CaseStageEvent]:
    """The case's stage events, oldest first."""
    return list(case.stage_events.select_related("agency", "recorded_by").order_by("occurred_on", "id"))


def case_offender_get(user: User, case: CriminalCase, offender_id: int) -> CaseOffender:
    """An offender of a case the user may manage, else Http404 (the name is not read here)."""
    offender = case.offenders.filter(pk=offender_id).first() if can_manage_criminal_cases(user) else None
    if offender is None:
        raise Http404
    return offender


def case_units_for(user: User) -> QuerySet[AdminUnit]:
    """Current provinces and communes a user may record cases for (and filter on)."""
    if not can_manage_criminal_cases(user):
        return AdminUnit.objects.none()
    return units_visible_to(user)


def handling_agencies_for(user: User, *, keep: Agency | None = None) -> QuerySet[Agency]:
    """Police, procuracies and courts of the user's jurisdiction and of the units above it (a commune's case
    goes to the provincial procuracy and court), open today; `keep` stays offered (the case's own)."""
    if not can_manage_criminal_cases(user):
        return Agency.objects.none()
    jurisdiction = jurisdiction_of(user)
    condition = jurisdiction.q("unit__scope_path")
    membership = active_membership(user)
    if membership is not None and membership.unit is not None:
        condition |= Q(unit__path__in=membership.unit.ancestor_paths)
    agencies = Agency.objects.filter(kind__in=stages.HANDLING_AGENCY_KINDS).filter(condition)
    agencies = agencies.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today()))
    if keep is not None:
        agencies = agencies | Agency.objects.filter(pk=keep.pk)
    return (
        agencies.select_related("unit")
        .order_by(F("unit__parent").asc(nulls_first=True), "unit__name_sort", "name_sort", "id")
        .distinct()
    )


def linkable_hotspots_for(user: User, unit: AdminUnit | None = None) -> QuerySet[Hotspot]:
    """Hotspots a case may be linked to: not deleted, in the jurisdiction (and in `unit` when given)."""
    if not can_manage_criminal_cases(user):
        return Hotspot.objects.none()
    hotspots = scope_queryset(Hotspot.objects.filter(is_deleted=False).select_related("unit"), user)
    if unit is not None:
        hotspots = hotspots.filter(_within(unit))
    return hotspots.order_by("unit__name_sort", "name_sort", "id")


def linkable_establishments_for(user: User, unit: AdminUnit | None = None) -> QuerySet[Establishment]:
    """Establishments a case may be linked to: not deleted, in the jurisdiction (and in `unit` when given)."""
    if not can_manage_criminal_cases(user):
        return Establishment.objects.none()
    establishments = scope_queryset(
        Establishment.objects.filter(is_deleted=False).select_related("unit"), user
    )
    if unit is not None:
        establishments = establishments.filter(_within(unit))
    return establishments.order_by("unit__name_sort", "name_sort", "id")


# --- statistics ---------------------------------------------------------------------------------------------


@dataclass
class StageFigures:
    """Cases that reached a stage in the period, and the offenders of those cases."""

    cases: ShownCount = 0
    offenders: ShownCount = 0


@dataclass
class CaseStatisticsRow:
    unit: AdminUnit | None  # None: the total of the rows
    stages: dict[str, StageFigures] = field(default_factory=dict)
    mobile_trials: ShownCount = 0
    minor_victims: ShownCount = 0

    def stage(self, stage: str) -> StageFigures:
        return self.stages.get(stage, StageFigures())

    @property
    def in_order(self) -> list[StageFigures]:
        """The figures of every stage, in procedural order (for tables)."""
        return [self.stage(stage) for stage in Stage.values]


@dataclass
class CaseStatistics:
    period_start: datetime.date
    period_end: datetime.date
    suppressed: bool
    rows: list[CaseStatisticsRow] = field(default_factory=list)
    total: CaseStatisticsRow = field(default_factory=lambda: CaseStatisticsRow(unit=None))


@dataclass
class _Tally:
    cases: set[int] = field(default_factory=set)
    offenders: int = 0


def criminal_case_statistics(
    user: User,
    *,
    period_start: datetime.date,
    period_end: datetime.date,
    unit: AdminUnit | None = None,
) -> CaseStatistics:
    """Cases and offenders handled per handling unit in the period, by stage reached: a case counts under a
    stage when that stage's date lies in the period (uncovered, prosecuted, indicted, tried, judged), with its
    offenders; plus mobile trials held and minor victims of the cases uncovered in the period.

    Counts of 1 to 4 are shown as "<5" unless the user may see the records (CRIMINAL_CASE_MANAGE); users who
    may see neither get no rows.
    """
    suppress = not sees_small_case_counts(user)
    statistics = CaseStatistics(period_start=period_start, period_end=period_end, suppressed=suppress)
    if not can_view_criminal_case_statistics(user):
        return statistics
    cases = scope_queryset(CriminalCase.objects.all(), user, "unit__scope_path")
    if unit is not None:
        cases = cases.filter(_within(unit))
    events = list(
        CaseStageEvent.objects.filter(
            case__in=cases, occurred_on__gte=period_start, occurred_on__lte=period_end
        )
        .values_list("case_id", "case__unit_id", "stage", "mobile_trial")
        .order_by()
    )
    case_ids = {case_id for case_id, *_rest in events}
    per_case = dict(
        CriminalCase.objects.filter(pk__in=case_ids)
        .annotate(n=Count("offenders"))
        .values_list("pk", "n")
        .order_by()
    )
    minors = dict(
        CriminalCase.objects.filter(pk__in=case_ids).values_list("pk", "minor_victims_count").order_by()
    )
    tallies: dict[int, dict[str, _Tally]] = defaultdict(lambda: defaultdict(_Tally))
    mobile: dict[int, int] = defaultdict(int)
    minor_victims: dict[int, int] = defaultdict(int)
    for case_id, unit_id, stage, mobile_trial in events:
        tally = tallies[unit_id][stage]
        tally.cases.add(case_id)
        tally.offenders += per_case.get(case_id, 0)
        if mobile_trial:
            mobile[unit_id] += 1
        if stage == Stage.UNCOVERED:
            minor_victims[unit_id] += minors.get(case_id, 0)

    units = AdminUnit.objects.filter(pk__in=tallies).order_by(F("parent").asc(nulls_first=True), "name_sort")
    totals: dict[str, _Tally] = defaultdict(_Tally)
    for row_unit in units:
        row = CaseStatisticsRow(unit=row_unit)
        for stage in Stage.values:
            tally = tallies[row_unit.pk].get(stage, _Tally())
            row.stages[stage] = StageFigures(
                cases=show_count(len(tally.cases), suppress=suppress),
                offenders=show_count(tally.offenders, suppress=suppress),
            )
            totals[stage].cases |= tally.cases
            totals[stage].offenders += tally.offenders
        row.mobile_trials = show_count(mobile[row_unit.pk], suppress=suppress)
        row.minor_victims = show_count(minor_victims[row_unit.pk], suppress=suppress)
        statistics.rows.append(row)
    statistics.total = CaseStatisticsRow(
        unit=None,
        stages={
            stage: StageFigures(
                cases=show_count(len(totals[stage].cases), suppress=suppress),
                offenders=show_count(totals[stage].offenders, suppress=suppress),
            )
            for stage in Stage.values
        },
        mobile_trials=show_count(sum(mobile.values()), suppress=suppress),
        minor_victims=show_count(sum(minor_victims.values()), suppress=suppress),
    )
    return statistics
