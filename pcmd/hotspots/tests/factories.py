from __future__ import annotations

import datetime
from typing import cast

import factory

from pcmd.core.vietnamese import search_key, sort_key
from pcmd.hotspots import services
from pcmd.hotspots.models import Hotspot, HotspotEvent


class HotspotFactory(factory.django.DjangoModelFactory[Hotspot]):
    """A hotspot created directly, with its identification event (for reads; lifecycle tests use the
    services). Pass unit= (a commune) and identified_by= (an agency)."""

    class Meta:
        model = Hotspot
        skip_postgeneration_save = True

    kind = Hotspot.Kind.PUBLIC_PLACE
    name = factory.Sequence(lambda n: f"Khu vực thử nghiệm số {n}")
    address = factory.Sequence(lambda n: f"Tổ {n}")
    status = Hotspot.Status.IDENTIFIED
    identified_on = datetime.date(2026, 1, 5)
    last_event_on = factory.SelfAttribute("identified_on")
    name_search = factory.LazyAttribute(lambda o: search_key(f"{o.name} {o.address}"))
    name_sort = factory.LazyAttribute(lambda o: sort_key(o.name))

    @factory.post_generation
    def identification(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            hotspot = cast(Hotspot, obj)
            HotspotEvent.objects.create(
                hotspot=hotspot,
                kind=HotspotEvent.Kind.IDENTIFIED,
                occurred_on=hotspot.identified_on,
                from_status="",
                to_status=Hotspot.Status.IDENTIFIED,
            )


def hotspot_via_services(actor, unit, agency, **overrides) -> Hotspot:
    """A hotspot created by `actor` through the service (identified on 10/01/2026 unless overridden)."""
    values = {
        "kind": Hotspot.Kind.PUBLIC_PLACE,
        "name": "Khu vực bờ kè suối Nậm La",
        "address": "Tổ 3, phường Tô Hiệu",
        "identified_on": datetime.date(2026, 1, 10),
        **overrides,
    }
    return services.hotspot_create(actor=actor, unit=unit, identified_by=agency, **values)


def record_event(actor, hotspot: Hotspot, kind: str, day: datetime.date, note: str = "") -> HotspotEvent:
    """Record an event through the service with the hotspot's current version."""
    return services.hotspot_event_record(
        actor=actor, hotspot=hotspot, kind=kind, occurred_on=day, version=hotspot.version, note=note
    )
