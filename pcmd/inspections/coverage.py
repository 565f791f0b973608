"""Coverage of establishments by inspections (the "% of establishments inspected" targets), per commune, per
province and per team plan, and the lists that follow from it (never inspected, inspected more than N times).

What counts: the establishments to cover in a year are those in the jurisdiction, not deleted, not closed, and
opened by the end of the year (or with no opening date). One of them is "inspected this year" with at least
one inspection dated in the year, by any team; "inspected ever" with one dated up to the end of the year.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from pcmd.accounts.models import User
from pcmd.core.services import today
from pcmd.establishments.models import Establishment
from pcmd.establishments.selectors import establishments_visible_to
from pcmd.geography.models import AdminUnit
from pcmd.inspections.models import Inspection, InspectionMode, InspectionPlan, PlannedInspection
from pcmd.inspections.policies import can_view_inspections


def _year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass
class CoverageRow:
    unit: AdminUnit
    total: int = 0
    inspected_this_year: int = 0
    inspected_ever: int = 0

    @property
    def never_inspected(self) -> int:
        return self.total - self.inspected_ever

    @property
    def percent_this_year(self) -> float | None:
        return _percent(self.inspected_this_year, self.total)

    @property
    def percent_ever(self) -> float | None:
        return _percent(self.inspected_ever, self.total)


@dataclass
class CoverageReport:
    year: int
    provinces: list[CoverageRow] = field(default_factory=list)
    communes: list[CoverageRow] = field(default_factory=list)

    def communes_of(self, province: AdminUnit) -> list[CoverageRow]:
        return [row for row in self.communes if row.unit.parent_id == province.pk]


def establishments_to_cover(
    user: User, year: int, *, unit: AdminUnit | None = None
) -> QuerySet[Establishment]:
    if not can_view_inspections(user):
        return Establishment.objects.none()
    return (
        establishments_visible_to(user, unit=unit)
        .exclude(status=Establishment.Status.CLOSED)
        .filter(Q(opened_on__isnull=True) | Q(opened_on__lte=_year_end(year)))
    )


def _inspected_in(year: int) -> QuerySet:
    return Inspection.objects.filter(
        started_at__date__gte=datetime.date(year, 1, 1), started_at__date__lte=_year_end(year)
    ).values("establishment_id")


def _inspected_by(year: int) -> QuerySet:
    return Inspection.objects.filter(started_at__date__lte=_year_end(year)).values("establishment_id")


def coverage_by_commune(user: User, year: int, *, unit: AdminUnit | None = None) -> CoverageReport:
    """Per commune with establishments, and per province (sum of its communes), in Vietnamese order."""
    counts = (
        establishments_to_cover(user, year, unit=unit)
        .order_by()
        .values("unit")
        .annotate(
            total=Count("id"),
            this_year=Count("id", filter=Q(pk__in=_inspected_in(year))),
            ever=Count("id", filter=Q(pk__in=_inspected_by(year))),
        )
    )
    units = AdminUnit.objects.in_bulk([row["unit"] for row in counts])
    parents = AdminUnit.objects.in_bulk({u.parent_id for u in units.values() if u.parent_id})
    report = CoverageReport(year=year)
    provinces: dict[int, CoverageRow] = {}
    for row in counts:
        commune = units[row["unit"]]
        commune_row = CoverageRow(commune, row["total"], row["this_year"], row["ever"])
        report.communes.append(commune_row)
        if commune.parent_id:
            province = provinces.setdefault(commune.parent_id, CoverageRow(parents[commune.parent_id]))
            province.total += commune_row.total
            province.inspected_this_year += commune_row.inspected_this_year
            province.inspected_ever += commune_row.inspected_ever
    report.communes.sort(key=lambda r: (r.unit.name_sort, r.unit.code))
    report.provinces = sorted(provinces.values(), key=lambda r: (r.unit.name_sort, r.unit.code))
    return report


@dataclass
class PlanEntryStatus:
    entry: PlannedInspection
    last_inspected_on: datetime.date | None
    inspected_by_team_this_year: bool


@dataclass
class PlanCoverage:
    plan: InspectionPlan
    area: CoverageRow
    planned_announced: int
    planned_unannounced: int
    done_announced: int
    done_unannounced: int
    entries: list[PlanEntryStatus]

    @property
    def done_total(self) -> int:
        return self.done_announced + self.done_unannounced

    @property
    def quota_total(self) -> int:
        return self.plan.announced_quota + self.plan.unannounced_quota


def plan_coverage(user: User, plan: InspectionPlan) -> PlanCoverage:
    """The team's area coverage in the plan's year, planned vs quota, and the team's inspections by mode."""
    year = plan.year
    area = establishments_to_cover(user, year, unit=plan.team.unit)
    totals = area.order_by().aggregate(
        total=Count("id"),
        this_year=Count("id", filter=Q(pk__in=_inspected_in(year))),
        ever=Count("id", filter=Q(pk__in=_inspected_by(year))),
    )
    team_inspections = Inspection.objects.filter(team=plan.team).filter(
        started_at__date__gte=datetime.date(year, 1, 1), started_at__date__lte=_year_end(year)
    )
    done = dict(team_inspections.order_by().values_list("mode").annotate(n=Count("id")))
    entries = list(plan.entries.select_related("establishment__unit", "establishment__type"))
    last = dict(
        Inspection.objects.filter(establishment__in=[e.establishment_id for e in entries])
        .order_by()
        .values_list("establishment_id")
        .annotate(last=Max("started_at"))
    )
    inspected_by_team = set(team_inspections.values_list("establishment_id", flat=True))
    statuses = [
        PlanEntryStatus(
            entry,
            timezone.localdate(last[entry.establishment_id]) if entry.establishment_id in last else None,
            entry.establishment_id in inspected_by_team,
        )
        for entry in entries
    ]
    return PlanCoverage(
        plan=plan,
        area=CoverageRow(plan.team.unit, totals["total"], totals["this_year"], totals["ever"]),
        planned_announced=sum(1 for e in entries if e.mode == InspectionMode.ANNOUNCED),
        planned_unannounced=sum(1 for e in entries if e.mode == InspectionMode.UNANNOUNCED),
        done_announced=done.get(InspectionMode.ANNOUNCED, 0),
        done_unannounced=done.get(InspectionMode.UNANNOUNCED, 0),
        entries=statuses,
    )


def establishments_never_inspected(user: User, *, unit: AdminUnit | None = None) -> QuerySet[Establishment]:
    """Establishments to cover this year that no team has ever inspected."""
    return establishments_to_cover(user, today().year, unit=unit).exclude(
        pk__in=Inspection.objects.values("establishment_id")
    )


def establishments_inspected_more_than(
    user: User, times: int, *, year: int | None = None, unit: AdminUnit | None = None
) -> QuerySet[Establishment]:
    """Establishments inspected more than `times` times (in the year, or ever), most inspected first; each
    carries `inspection_count` and `last_inspected_at`."""
    if not can_view_inspections(user):
        return Establishment.objects.none()
    condition = Q()
    if year is not None:
        condition = Q(
            inspections__started_at__date__gte=datetime.date(year, 1, 1),
            inspections__started_at__date__lte=_year_end(year),
        )
    return (
        establishments_visible_to(user, unit=unit)
        .annotate(
            inspection_count=Count("inspections", filter=condition),
            last_inspected_at=Max("inspections__started_at", filter=condition),
        )
        .filter(inspection_count__gt=times)
        .order_by("-inspection_count", "name_sort", "id")
    )
