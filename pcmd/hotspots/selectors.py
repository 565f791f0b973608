"""Reads of hotspots. Everything that depends on the user is scoped to their jurisdiction (default deny);
outside it a hotspot does not exist (404). Deleted hotspots are never shown. The indicator selectors are in
pcmd.hotspots.indicators."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from pcmd.accounts.models import User
from pcmd.accounts.scoping import jurisdiction_of, scope_queryset
from pcmd.agencies.models import Agency
from pcmd.agencies.selectors import units_visible_to
from pcmd.establishments.models import Establishment
from pcmd.establishments.selectors import establishments_visible_to
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.models import Hotspot, HotspotEvent
from pcmd.hotspots.policies import can_view_hotspots
from pcmd.hotspots.querysets import HotspotQuerySet

# Communes drawn on the map as reference markers, at most this many (a national view draws only the
# communes that have hotspots).
MAP_COMMUNE_LIMIT = 500

# Marker colours by status (Tabler's red, orange, green, blue); the map legend uses the same.
STATUS_COLOURS: dict[str, str] = {
    Hotspot.Status.IDENTIFIED: "#d63939",
    Hotspot.Status.UNDER_ACTION: "#f76707",
    Hotspot.Status.ELIMINATED: "#2fb344",
    Hotspot.Status.MONITORED: "#4299e1",
}


def _within(unit: AdminUnit) -> Q:
    """Hotspots of this unit and every unit below it (a province's communes)."""
    return Q(unit__scope_path=unit.scope_path) | Q(unit__scope_path__startswith=f"{unit.scope_path}.")


def hotspots_visible_to(
    user: User,
    *,
    q: str = "",
    unit: AdminUnit | None = None,
    status: str = "",
    kind: str = "",
) -> HotspotQuerySet:
    """Hotspots of communes in the user's jurisdiction (not deleted), filtered, communes then names in
    Vietnamese order; nothing for a user who may not see hotspots.

    `unit` keeps the hotspots of that unit and below (a province or a commune).
    """
    if not can_view_hotspots(user):
        return Hotspot.objects.none()
    hotspots = cast(
        HotspotQuerySet,
        scope_queryset(
            Hotspot.objects.not_deleted().select_related("unit", "identified_by", "establishment"),
            user,
            "unit__scope_path",
        ),
    )
    hotspots = hotspots.matching(q)
    if unit is not None:
        hotspots = hotspots.filter(_within(unit))
    if status:
        hotspots = hotspots.filter(status=status)
    if kind:
        hotspots = hotspots.filter(kind=kind)
    return hotspots.order_by("unit__name_sort", "name_sort", "id")


def hotspot_get(user: User, hotspot_id: int) -> Hotspot:
    """The hotspot if the user may see it, else Http404 (existence outside the jurisdiction never leaks)."""
    hotspot = hotspots_visible_to(user).filter(pk=hotspot_id).first()
    if hotspot is None:
        raise Http404
    return hotspot


def hotspot_events(hotspot: Hotspot) -> QuerySet[HotspotEvent]:
    """The hotspot's timeline, oldest first (the hotspot was obtained through a selector)."""
    return hotspot.events.select_related("recorded_by").order_by("occurred_on", "id")


def communes_for_hotspots(user: User) -> QuerySet[AdminUnit]:
    """Current communes in the user's jurisdiction, in Vietnamese order (where hotspots may be recorded)."""
    return units_visible_to(user).filter(level=AdminUnit.Level.COMMUNE)


def identifying_agencies_for(user: User, *, keep: Agency | None = None) -> QuerySet[Agency]:
    """Agencies that may be named as having identified a hotspot: those of the units in the user's
    jurisdiction and of the units above it (a commune officer names the provincial police), active today;
    plus `keep`, the agency a hotspot being edited already names (it may have closed since)."""
    jurisdiction = jurisdiction_of(user)
    if jurisdiction.is_empty:
        return Agency.objects.none()
    ancestors = {
        ".".join(path.split(".")[:depth])
        for path in jurisdiction.paths
        for depth in range(1, path.count(".") + 1)
    }
    offered = (jurisdiction.q("unit__scope_path") | Q(unit__path__in=ancestors)) & Q(
        unit__era=AdminUnit.Era.CURRENT, pk__in=Agency.objects.active_on(timezone.localdate()).values("pk")
    )
    if keep is not None:
        offered |= Q(pk=keep.pk)
    return Agency.objects.filter(offered).select_related("unit").order_by("unit__path", "name_sort", "id")


def establishments_for_hotspots(user: User) -> QuerySet[Establishment]:
    """Establishments that may be linked to a hotspot: those the user sees in the registry (not deleted, in
    the jurisdiction), communes then names in Vietnamese order."""
    if not can_view_hotspots(user):
        return Establishment.objects.none()
    return establishments_visible_to(user).order_by("unit__name_sort", "name_sort", "id")


def hotspot_map_data(user: User, **filters: Any) -> dict[str, Any]:
    """What the map draws, as plain JSON-ready data: the visible hotspots (same filters as the list) and the
    communes as reference markers at their centroids.

    A hotspot without coordinates is placed at its commune's centroid, marked `approximate`; one whose commune
    has no centroid either is left out of `hotspots` and counted in `without_position`.
    """
    hotspots = list(hotspots_visible_to(user, **filters))
    rows: list[dict[str, Any]] = []
    without_position = 0
    for hotspot in hotspots:
        approximate = not hotspot.has_coordinates
        latitude = hotspot.unit.latitude if approximate else hotspot.latitude
        longitude = hotspot.unit.longitude if approximate else hotspot.longitude
        if latitude is None or longitude is None:
            without_position += 1
            continue
        rows.append(
            {
                "id": hotspot.pk,
                "name": hotspot.name,
                "kind": hotspot.kind,
                "kind_display": str(hotspot.get_kind_display()),
                "status": hotspot.status,
                "status_display": str(hotspot.get_status_display()),
                "colour": STATUS_COLOURS[hotspot.status],
                "commune": hotspot.unit.name,
                "address": hotspot.address,
                "reactivation_count": hotspot.reactivation_count,
                "latitude": latitude,
                "longitude": longitude,
                "approximate": approximate,
                "url": hotspot.get_absolute_url(),
            }
        )
    communes = communes_for_hotspots(user)
    unit = filters.get("unit")
    if unit is not None:
        communes = communes.filter(
            Q(scope_path=unit.scope_path) | Q(scope_path__startswith=f"{unit.scope_path}.")
        )
    if communes.count() > MAP_COMMUNE_LIMIT:
        communes = communes.filter(pk__in={hotspot.unit_id for hotspot in hotspots})
    return {
        "hotspots": rows,
        "without_position": without_position,
        "communes": [
            {"code": c.code, "name": c.name, "latitude": c.latitude, "longitude": c.longitude}
            for c in communes.exclude(latitude__isnull=True).exclude(longitude__isnull=True)
        ],
    }
