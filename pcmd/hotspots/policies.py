"""Who may see and change hotspots. Pure predicates over the user's active membership.

- Change (create, edit, record events, delete): HOTSPOT_MANAGE — police officers, commune officers, the
  provincial coordinator and administrators — within their jurisdiction.
- See the records (list, detail, map, API): HOTSPOT_MANAGE, or ESTABLISHMENT_VIEW — inspectors of the Đội 178
  plan their (unannounced) inspections around hotspots, and a hotspot is enforcement information of the same
  kind as the establishment registry they already see. Leaders, agency reporters and case workers hold
  neither and see no hotspot at all (support work sees nothing of enforcement records).
- See the aggregated indicators (counts per unit and period, the figures that go into official reports; no
  hotspot, name or place): the above, or VIEW_DASHBOARD, so the dashboards of leaders show them.

Which hotspots a user sees is decided by pcmd.hotspots.selectors (jurisdiction; 404 outside it).
"""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import has_capability, unit_is_visible
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.models import Hotspot


def can_view_hotspots(user: User) -> bool:
    return has_capability(user, Capability.HOTSPOT_MANAGE) or has_capability(
        user, Capability.ESTABLISHMENT_VIEW
    )


def can_manage_hotspots(user: User) -> bool:
    """Holds the capability somewhere: decides whether "add" is offered."""
    return has_capability(user, Capability.HOTSPOT_MANAGE)


def can_manage_hotspots_in(user: User, unit: AdminUnit) -> bool:
    """Record or change hotspots of this commune: the capability, and the commune in the jurisdiction."""
    return can_manage_hotspots(user) and unit_is_visible(user, unit)


def can_manage_hotspot(user: User, hotspot: Hotspot) -> bool:
    return can_manage_hotspots_in(user, hotspot.unit)


def can_view_hotspot_indicators(user: User) -> bool:
    """Aggregated counts for dashboards and reports (no hotspot is shown)."""
    return can_view_hotspots(user) or has_capability(user, Capability.VIEW_DASHBOARD)
