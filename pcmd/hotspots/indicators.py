"""Hotspot indicators per unit and period, for dashboards and reports (targets: eliminate 100%, no new
hotspots, none reactivated). Selectors: they take the user, count only hotspots in their jurisdiction and
refuse a unit outside it (404).

Definitions, for a period [start, end] (both days included) and a unit (a commune, or a province with all its
communes); deleted hotspots never count:

- **active at start / at end**: identified or under action at the end of the day before `start` / of `end`
  (the status on a day is the one left by the latest event dated on or before it);
- **new**: identified during the period;
- **reactivated**: reactivation events during the period (a hotspot reactivated twice counts twice);
- **eliminated**: hotspots with an elimination event during the period (each hotspot once);
- **to eliminate**: hotspots active at some time in the period — active at start, new, or reactivated;
- **% eliminated**: of those, the share no longer active at the end: 100 × (to eliminate − active at end)
  / to eliminate, one decimal; None when there was nothing to eliminate.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from pcmd.accounts.models import User
from pcmd.accounts.scoping import scope_queryset, unit_is_visible
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.models import Hotspot, HotspotEvent
from pcmd.hotspots.policies import can_view_hotspot_indicators

_ACTIVE = frozenset(Hotspot.ACTIVE_STATUSES)
_ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class HotspotIndicators:
    unit: AdminUnit
    start: datetime.date
    end: datetime.date
    active_at_start: int = 0
    new: int = 0
    reactivated: int = 0
    eliminated: int = 0
    active_at_end: int = 0
    to_eliminate: int = 0

    @property
    def percent_eliminated(self) -> Decimal | None:
        if not self.to_eliminate:
            return None
        share = Decimal(100 * (self.to_eliminate - self.active_at_end)) / Decimal(self.to_eliminate)
        return share.quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class _Facts:
    """What one hotspot contributes to the period's indicators."""

    scope_path: str
    active_at_start: bool
    new: bool
    reactivations: int
    eliminated: bool
    active_at_end: bool

    @property
    def to_eliminate(self) -> bool:
        return self.active_at_start or self.new or self.reactivations > 0


def _status_on(day: datetime.date) -> Subquery:
    events = HotspotEvent.objects.filter(hotspot=OuterRef("pk"), occurred_on__lte=day)
    return Subquery(events.order_by("-occurred_on", "-id").values("to_status")[:1])


def _events_in(kind: str, start: datetime.date, end: datetime.date) -> Coalesce:
    events = (
        HotspotEvent.objects.filter(hotspot=OuterRef("pk"), kind=kind, occurred_on__range=(start, end))
        .order_by()
        .values("hotspot")
        .annotate(n=Count("id"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(events, output_field=IntegerField()), Value(0))


def _within(path: str, unit: AdminUnit) -> bool:
    return path == unit.scope_path or path.startswith(f"{unit.scope_path}.")


def _facts(user: User, units: list[AdminUnit], start: datetime.date, end: datetime.date) -> list[_Facts]:
    day_before = start - datetime.timedelta(days=1)
    hotspots = scope_queryset(
        Hotspot.objects.not_deleted().filter(identified_on__lte=end), user, "unit__scope_path"
    )
    rows = hotspots.annotate(
        status_before=_status_on(day_before),
        status_at_end=_status_on(end),
        reactivations=_events_in(HotspotEvent.Kind.REACTIVATED, start, end),
        eliminations=_events_in(HotspotEvent.Kind.ELIMINATED, start, end),
    ).values_list(
        "unit__scope_path", "identified_on", "status_before", "status_at_end", "reactivations", "eliminations"
    )
    facts = [
        _Facts(
            scope_path=path,
            active_at_start=before in _ACTIVE,
            new=start <= identified_on <= end,
            reactivations=reactivations,
            eliminated=eliminations > 0,
            active_at_end=at_end in _ACTIVE,
        )
        for path, identified_on, before, at_end, reactivations, eliminations in rows
    ]
    return [fact for fact in facts if any(_within(fact.scope_path, unit) for unit in units)]


def hotspot_indicators_by_unit(
    user: User, *, units: Iterable[AdminUnit], start: datetime.date, end: datetime.date
) -> list[HotspotIndicators]:
    """The indicators of each unit for the period, in the order given (e.g. the communes of a province).

    PermissionDenied without the right to see hotspot indicators; Http404 when a unit is outside the
    user's jurisdiction; ValueError when the period ends before it starts.
    """
    if end < start:
        raise ValueError("The period ends before it starts.")
    if not can_view_hotspot_indicators(user):
        raise PermissionDenied
    units = list(units)
    if not all(unit_is_visible(user, unit) for unit in units):
        raise Http404
    facts = _facts(user, units, start, end)
    result = []
    for unit in units:
        mine = [fact for fact in facts if _within(fact.scope_path, unit)]
        result.append(
            HotspotIndicators(
                unit=unit,
                start=start,
                end=end,
                active_at_start=sum(f.active_at_start for f in mine),
                new=sum(f.new for f in mine),
                reactivated=sum(f.reactivations for f in mine),
                eliminated=sum(f.eliminated for f in mine),
                active_at_end=sum(f.active_at_end for f in mine),
                to_eliminate=sum(f.to_eliminate for f in mine),
            )
        )
    return result


def hotspot_indicators(
    user: User, *, unit: AdminUnit, start: datetime.date, end: datetime.date
) -> HotspotIndicators:
    """The indicators of one unit (and everything below it) for the period; see hotspot_indicators_by_unit."""
    return hotspot_indicators_by_unit(user, units=[unit], start=start, end=end)[0]
