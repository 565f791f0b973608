"""Reads on accounts that depend on the user; each applies pcmd.accounts.scoping or a policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from pcmd.accounts import scoping
from pcmd.accounts.models import Membership, User
from pcmd.accounts.policies import can_manage_user, can_manage_users
from pcmd.core.vietnamese import search_key
from pcmd.geography.models import AdminUnit

UNIT_OPTION_LIMIT = 20

# accounts sits below agencies in the layering: reach its models through Membership's foreign keys.
_Agency: Any = Membership._meta.get_field("agency").related_model
_InspectionTeam: Any = Membership._meta.get_field("team").related_model


@dataclass(frozen=True)
class WorkspaceSummary:
    membership: Membership | None
    commune_count: int
    province_count: int


def workspace_summary(user: User) -> WorkspaceSummary:
    units = scoping.scope_queryset(AdminUnit.objects.current(), user, "scope_path")
    return WorkspaceSummary(
        membership=scoping.active_membership(user),
        commune_count=units.filter(level=AdminUnit.Level.COMMUNE).count(),
        province_count=units.filter(level=AdminUnit.Level.PROVINCE).count(),
    )


def memberships_of(user: User) -> QuerySet[Membership]:
    """The user's own memberships in force (what /api/v1/me/ and the switch menu list)."""
    return scoping.active_memberships(user)


def _require_user_manager(actor: User) -> None:
    if not can_manage_users(actor):
        raise PermissionDenied


def user_list(*, actor: User, query: str = "") -> QuerySet[User]:
    """Accounts the actor manages: every account for a national administrator; otherwise the accounts none
    of whose memberships lies outside the actor's area. 403 for anyone without Capability.MANAGE_USERS."""
    _require_user_manager(actor)
    users = User.objects.all()
    jurisdiction = scoping.jurisdiction_of(actor)
    if not jurisdiction.everything:
        outside = Membership.objects.exclude(jurisdiction.q("unit__scope_path"))
        users = users.exclude(pk__in=outside.values("user_id"))
    query = query.strip()
    if query:
        users = users.filter(
            Q(username__icontains=query) | Q(full_name__icontains=query) | Q(email__icontains=query)
        )
    return users.order_by("username").prefetch_related("memberships__unit", "memberships__agency")


def user_get(*, actor: User, user_id: int) -> User:
    """One managed account; 404 when it does not exist or lies outside the actor's area."""
    _require_user_manager(actor)
    user = User.objects.filter(pk=user_id).first()
    if user is None or not can_manage_user(actor, user):
        raise Http404
    return user


def user_memberships(*, actor: User, user: User) -> QuerySet[Membership]:
    user_get(actor=actor, user_id=user.pk)
    return (
        Membership.objects.filter(user=user)
        .select_related("unit", "agency", "team")
        .order_by("-is_active", "id")
    )


def _units_for(actor: User) -> QuerySet[AdminUnit]:
    return scoping.scope_queryset(AdminUnit.objects.current(), actor, "scope_path")


def unit_options(*, actor: User, query: str) -> list[AdminUnit]:
    """Current units in the actor's area whose code starts with, or whose name contains, the query
    (diacritics and case ignored: "to hieu" finds "Phường Tô Hiệu"). Provinces first."""
    query = query.strip()
    if not query:
        return []
    units = _units_for(actor)
    if query.isdigit():
        units = units.filter(code__startswith=query)
    else:
        units = units.filter(name_search__contains=search_key(query))
    # "province" sorts after "commune": descending level puts provinces first, then Vietnamese name order.
    return list(units.select_related("parent").order_by("-level", "name_sort")[:UNIT_OPTION_LIMIT])


def unit_lookup(*, actor: User, text: str) -> AdminUnit | None:
    """The current unit in the actor's area named by `text`: its code (exact), or a name that matches
    exactly one unit. None when nothing, or more than one unit, matches."""
    text = text.strip()
    code = text.split(" ", 1)[0]
    units = _units_for(actor)
    if code.isdigit():
        return units.filter(code=code).first()
    matches = list(units.filter(name_search=search_key(text))[:2])
    return matches[0] if len(matches) == 1 else None


def agencies_of_unit(unit: AdminUnit | None) -> QuerySet[Any]:
    if unit is None:
        return _Agency.objects.none()
    return _Agency.objects.filter(unit=unit).order_by("name_sort")


def teams_of_unit(unit: AdminUnit | None) -> QuerySet[Any]:
    if unit is None:
        return _InspectionTeam.objects.none()
    return _InspectionTeam.objects.filter(unit=unit, dissolved_on__isnull=True).order_by("name")
