"""Jurisdiction scoping — the one place that turns a user into what they may see. Default deny.

A user sees the units at and below the unit of their *active* membership (a national system administrator
sees everything). Scoped records carry a unit; their visibility is a prefix match on the unit's `scope_path`,
which also places legacy (pre-2025) units inside the current unit they became part of.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from pcmd.accounts.capabilities import Capability, capabilities_of_role
from pcmd.accounts.models import Membership, User
from pcmd.geography.models import AdminUnit

_ACTIVE_ATTR = "_pcmd_active_membership"


@dataclass(frozen=True)
class Jurisdiction:
    """What a user may see: everything, or the units under these current-era paths (possibly none)."""

    everything: bool = False
    paths: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.everything and not self.paths

    def covers(self, unit: AdminUnit | None) -> bool:
        if self.everything:
            return True
        if unit is None:
            return False
        return any(unit.scope_path == p or unit.scope_path.startswith(f"{p}.") for p in self.paths)

    def q(self, scope_path_field: str) -> Q:
        """A filter on a `scope_path` lookup (e.g. "unit__scope_path"); matches nothing when empty."""
        if self.everything:
            return Q()
        condition = Q(pk__in=[])
        for path in self.paths:
            condition |= Q(**{scope_path_field: path}) | Q(**{f"{scope_path_field}__startswith": f"{path}."})
        return condition


NOTHING = Jurisdiction()


def active_memberships(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user, is_active=True).select_related("unit", "agency", "team")


def set_active_membership(user: User, membership: Membership | None) -> None:
    """Called once per request by ActiveMembershipMiddleware (session choice or the user's default)."""
    setattr(user, _ACTIVE_ATTR, membership)


def active_membership(user: User | None) -> Membership | None:
    """The membership the user acts under now: the one chosen this session, else their first active one."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if hasattr(user, _ACTIVE_ATTR):
        return getattr(user, _ACTIVE_ATTR)
    membership = active_memberships(user).first()
    setattr(user, _ACTIVE_ATTR, membership)
    return membership


def capabilities_of(user: User | None) -> frozenset[Capability]:
    membership = active_membership(user)
    return capabilities_of_role(membership.role) if membership else frozenset()


def has_capability(user: User | None, capability: Capability) -> bool:
    return capability in capabilities_of(user)


def jurisdiction_of(user: User | None) -> Jurisdiction:
    membership = active_membership(user)
    if membership is None:
        return NOTHING
    if membership.unit is None:
        # Only system administrators may hold a unit-less (national) membership: a DB constraint ensures it.
        return Jurisdiction(everything=True)
    return Jurisdiction(paths=(membership.unit.scope_path,))


def scope_queryset(
    queryset: QuerySet, user: User | None, scope_path_field: str = "unit__scope_path"
) -> QuerySet:
    """Restrict any queryset to the user's jurisdiction through the given scope_path lookup."""
    jurisdiction = jurisdiction_of(user)
    if jurisdiction.is_empty:
        return queryset.none()
    return queryset.filter(jurisdiction.q(scope_path_field))


def unit_is_visible(user: User | None, unit: AdminUnit | None) -> bool:
    return jurisdiction_of(user).covers(unit)
