"""Who may see and change agencies and inspection teams. Pure predicates over the user's active membership."""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import has_capability, unit_is_visible
from pcmd.agencies.models import Agency, InspectionTeam
from pcmd.geography.models import AdminUnit


def can_view_agencies(user: User) -> bool:
    """Seeing agencies and teams at all (which ones: pcmd.agencies.selectors, by jurisdiction)."""
    return has_capability(user, Capability.VIEW_UNITS)


def can_manage_agencies(user: User) -> bool:
    """Holds the capability somewhere: decides whether "add" buttons and forms are offered."""
    return has_capability(user, Capability.MANAGE_AGENCIES)


def can_manage_agencies_in(user: User, unit: AdminUnit) -> bool:
    """Create or change agencies and teams of this unit: the capability, and the unit in the jurisdiction."""
    return can_manage_agencies(user) and unit_is_visible(user, unit)


def can_manage_agency(user: User, agency: Agency) -> bool:
    return can_manage_agencies_in(user, agency.unit)


def can_manage_team(user: User, team: InspectionTeam) -> bool:
    return can_manage_agencies_in(user, team.unit)
