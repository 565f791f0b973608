"""Reads of administrative units.

The unit list is national reference data: a user with Capability.VIEW_UNITS sees all of it, a user
without sees nothing (empty querysets, `Http404` for a single unit). `resolve_current_units` and
`current_unit_for` do not depend on the user: other apps call them to re-aggregate figures recorded
against legacy units.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.http import Http404

from pcmd.core.vietnamese import search_key
from pcmd.geography.models import AdminUnit, AdminUnitQuerySet, UnitSuccession
from pcmd.geography.policies import can_view_units

ORDER_BY_NAME = "name"
ORDER_BY_PATH = "path"


def _level_order(field: str) -> Case:
    """Provinces first, then districts, then communes (for lists that mix levels)."""
    return Case(
        When(**{field: AdminUnit.Level.PROVINCE}, then=Value(0)),
        When(**{field: AdminUnit.Level.DISTRICT}, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


@dataclass(frozen=True)
class UnitFilter:
    """The filters of the unit list (page and API). `parent` limits the list to the units below it."""

    era: str = AdminUnit.Era.CURRENT
    level: str = ""
    parent: AdminUnit | None = None
    q: str = ""
    valid_on: datetime.date | None = None
    ordering: str = ORDER_BY_NAME


def _visible(user: Any) -> AdminUnitQuerySet:
    return AdminUnit.objects.all() if can_view_units(user) else AdminUnit.objects.none()


def unit_list(*, user: Any, filters: UnitFilter) -> QuerySet[AdminUnit]:
    """Units of one era matching the filters: provinces, districts, communes, each in Vietnamese alphabetical
    order (or everything by path, i.e. by code within the hierarchy)."""
    units = _visible(user).filter(era=filters.era)
    if filters.level:
        units = units.filter(level=filters.level)
    if filters.parent is not None:
        units = units.filter(path__startswith=f"{filters.parent.path}.")
    if filters.valid_on is not None:
        units = units.valid_on(filters.valid_on)
    query = filters.q.strip()
    if query:
        # "na ri", "Na Rì" and "NA RI" all find "Huyện Na Rì"; a code finds its unit.
        condition = Q(name_search__contains=search_key(query))
        if query.isdigit():
            condition |= Q(code=query)
        units = units.filter(condition)
    units = units.select_related("parent")
    if filters.ordering == ORDER_BY_PATH:
        return units.order_by("path")
    if filters.level:
        # One level: the (era, level, name_sort) index yields the order without a sort.
        return units.order_by("name_sort", "path")
    return units.annotate(level_order=_level_order("level")).order_by("level_order", "name_sort", "path")


def unit_find(*, era: str, code: str) -> AdminUnit | None:
    """The unit of this era with this code (codes are 2, 3 or 5 digits by level, so (era, code) is unique)."""
    return AdminUnit.objects.filter(era=era, code=code).select_related("parent").order_by("level").first()


def unit_get(*, user: Any, era: str, code: str) -> AdminUnit:
    """One unit by era and code, or Http404 (also for a user who may not see units)."""
    unit = unit_find(era=era, code=code) if can_view_units(user) else None
    if unit is None:
        raise Http404
    return unit


def unit_ancestors(*, user: Any, unit: AdminUnit) -> list[AdminUnit]:
    """The units above this one, from the province down (for breadcrumbs)."""
    paths = unit.ancestor_paths
    if not paths:
        return []
    return list(_visible(user).filter(path__in=paths).order_by("path"))


def unit_children(*, user: Any, unit: AdminUnit) -> QuerySet[AdminUnit]:
    """The units directly below: a province's communes (legacy: its districts), a district's communes."""
    return _visible(user).filter(parent=unit).order_by("name_sort", "path")


def unit_and_below(*, user: Any, unit: AdminUnit) -> QuerySet[AdminUnit]:
    """This unit and every unit below it in its own era (a materialised-path prefix match)."""
    return _visible(user).within_path(unit.path)


def units_in_scope(*, user: Any, unit: AdminUnit) -> QuerySet[AdminUnit]:
    """Every unit of either era that lies in this current unit today (its legacy predecessors included)."""
    return _visible(user).within_scope(unit.scope_path)


def unit_successors(*, user: Any, unit: AdminUnit) -> QuerySet[AdminUnit]:
    """The current units a legacy unit became, default first, each annotated with `is_default`."""
    if not can_view_units(user):
        return AdminUnit.objects.none()
    return resolve_current_units(unit) if unit.is_legacy else AdminUnit.objects.none()


def unit_predecessors(*, user: Any, unit: AdminUnit) -> QuerySet[UnitSuccession]:
    """The legacy units (provinces, districts, communes) that became all or part of this current unit.

    Each succession carries `successor_count`: above 1, the legacy unit was split and this is one part of it.
    """
    if not can_view_units(user) or unit.is_legacy:
        return UnitSuccession.objects.none()
    return (
        UnitSuccession.objects.filter(successor=unit)
        .select_related("legacy_unit", "legacy_unit__parent", "legacy_unit__parent__parent")
        .annotate(
            level_order=_level_order("legacy_unit__level"),
            # More than one successor: the legacy unit became only partly this unit.
            successor_count=Subquery(
                UnitSuccession.objects.filter(legacy_unit=OuterRef("legacy_unit"))
                .order_by()
                .values("legacy_unit")
                .annotate(n=Count("id"))
                .values("n")
            ),
        )
        .order_by("level_order", "legacy_unit__name_sort", "legacy_unit__path")
    )


def resolve_current_units(unit: AdminUnit) -> QuerySet[AdminUnit]:
    """The current units that data recorded against `unit` re-aggregates to, default successor first.

    A current unit resolves to itself; a legacy province to the current province it merged into; a
    legacy district to the current communes its communes became; a legacy commune to the commune(s) it
    became (a split commune has several, one of them the default). Each unit carries `is_default`.
    """
    if not unit.is_legacy:
        return AdminUnit.objects.filter(pk=unit.pk).annotate(is_default=Value(True))
    return (
        AdminUnit.objects.filter(predecessions__legacy_unit=unit)
        .annotate(is_default=F("predecessions__is_default"))
        .select_related("parent")
        .order_by("-is_default", "name_sort", "path")
    )


def current_unit_for(unit: AdminUnit) -> AdminUnit:
    """The one current unit a legacy unit's data counts toward when no finer location is known.

    A legacy commune → its default successor commune; a legacy district or province → the current province it
    merged into; a current unit → itself. This is the unit whose path is the legacy unit's `scope_path`.
    """
    if not unit.is_legacy:
        return unit
    return AdminUnit.objects.current().get(path=unit.scope_path)
