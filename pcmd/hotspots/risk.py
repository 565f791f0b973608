"""The hotspots' contribution to an establishment's risk level (pcmd.establishments.risk).

An establishment linked to a hotspot that is still active (identified or under action) is high-risk. A
hotspot eliminated or under monitoring no longer raises the level; a reactivation raises it again. The
services call `refresh_linked_establishments` after every write that can change this.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from pcmd.establishments.models import Establishment, RiskLevel
from pcmd.establishments.risk import RiskSignal, establishment_risk_refresh
from pcmd.hotspots.models import Hotspot

SOURCE = "hotspots"


def active_hotspot_signals(establishment: Establishment) -> Iterator[RiskSignal]:
    """One high signal per active, not deleted hotspot linked to the establishment."""
    if establishment.pk is None:
        return
    hotspots = Hotspot.objects.not_deleted().active().filter(establishment=establishment).order_by("id")
    for hotspot in hotspots:
        yield RiskSignal(
            RiskLevel.HIGH,
            _("Gắn với điểm phức tạp «%(name)s» đang hoạt động (%(status)s).")
            % {"name": hotspot.name, "status": hotspot.get_status_display()},
            SOURCE,
        )


def refresh_linked_establishments(establishments: Iterable[Establishment | None]) -> None:
    """Recompute the risk level of each establishment given (None and repeats are skipped)."""
    seen: set[int] = set()
    for establishment in establishments:
        if establishment is None or establishment.pk is None or establishment.pk in seen:
            continue
        seen.add(establishment.pk)
        establishment_risk_refresh(establishment)
