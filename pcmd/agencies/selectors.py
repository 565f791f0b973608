"""Reads of agencies and teams. Everything that depends on the user is scoped to their jurisdiction
(default deny); outside it an object does not exist (404)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import cast

from django.db.models import F, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership, scope_queryset
from pcmd.agencies.models import Agency, FocalAgencyAssignment, InspectionTeam, TeamMember
from pcmd.agencies.policies import can_view_agencies
from pcmd.agencies.querysets import AgencyQuerySet, InspectionTeamQuerySet
from pcmd.core.vietnamese import sort_key
from pcmd.geography.models import AdminUnit

# Province agencies first, then communes, each group in Vietnamese order of unit and agency names.
_AGENCY_ORDER = (F("unit__parent").asc(nulls_first=True), "unit__name_sort", "name_sort", "id")
_TEAM_ORDER = (F("unit__parent").asc(nulls_first=True), "unit__name_sort", "name_sort", "id")


def _today() -> datetime.date:
    return timezone.localdate()


def agencies_visible_to(
    user: User,
    *,
    q: str = "",
    kind: str = "",
    unit: AdminUnit | None = None,
    active_on: datetime.date | None = None,
) -> AgencyQuerySet:
    """Agencies of units in the user's jurisdiction, optionally filtered; nothing for a user without one.

    `unit` keeps the agencies of that unit only; `active_on` drops agencies closed (or not yet open) that day.
    """
    if not can_view_agencies(user):
        return Agency.objects.none()
    agencies = cast(
        AgencyQuerySet, scope_queryset(Agency.objects.select_related("unit"), user, "unit__scope_path")
    )
    agencies = agencies.matching(q)
    if kind:
        agencies = agencies.filter(kind=kind)
    if unit is not None:
        agencies = agencies.filter(unit=unit)
    if active_on is not None:
        agencies = agencies.active_on(active_on)
    return agencies.order_by(*_AGENCY_ORDER)


def agency_get(user: User, agency_id: int) -> Agency:
    """The agency if the user may see it, else Http404 (existence outside the jurisdiction never leaks)."""
    agency = agencies_visible_to(user).filter(pk=agency_id).first()
    if agency is None:
        raise Http404
    return agency


def units_visible_to(user: User) -> QuerySet[AdminUnit]:
    """Current provinces and communes in the user's jurisdiction, Vietnamese order (for forms and filters)."""
    units = AdminUnit.objects.current().filter(level__in=[AdminUnit.Level.PROVINCE, AdminUnit.Level.COMMUNE])
    return scope_queryset(units, user, "scope_path").order_by(F("parent").asc(nulls_first=True), "name_sort")


def unit_get_by_code(user: User, code: str) -> AdminUnit | None:
    """The current unit with this official code if it is in the user's jurisdiction, else None."""
    code = (code or "").strip()
    if not code:
        return None
    return units_visible_to(user).filter(code=code).first()


def _candidate_paths(unit: AdminUnit) -> list[str]:
    """The unit's own path and its ancestors' (deepest first); for a legacy unit then the current unit it lies
    in and that unit's ancestors, so a pre-2025 commune still finds its province's focal agency."""

    def chain(path: str) -> list[str]:
        parts = path.split(".")
        return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]

    paths = chain(unit.path)
    if unit.scope_path != unit.path:
        paths += [p for p in chain(unit.scope_path) if p not in paths]
    return paths


def focal_assignment_of(unit: AdminUnit, on: datetime.date | None = None) -> FocalAgencyAssignment | None:
    """The focal-agency assignment in force for the unit on the date (default today).

    A unit without its own assignment falls back to the nearest unit above it that has one: a commune's
    reports go to its province's focal agency (Sở Y tế from 01/03/2025) unless the commune names its own.
    """
    day = on or _today()
    paths = _candidate_paths(unit)
    covering = [
        assignment
        for assignment in FocalAgencyAssignment.objects.select_related("agency", "unit").filter(
            unit__path__in=paths
        )
        if assignment.covers(day)
    ]
    by_path = {assignment.unit.path: assignment for assignment in covering}
    return next((by_path[path] for path in paths if path in by_path), None)


def focal_agency_of(unit: AdminUnit, on: datetime.date | None = None) -> Agency | None:
    """The unit's focal agency (cơ quan thường trực) on the date; see focal_assignment_of for the fallback."""
    assignment = focal_assignment_of(unit, on)
    return assignment.agency if assignment else None


def focal_assignment_for_user(user: User, on: datetime.date | None = None) -> FocalAgencyAssignment | None:
    """The focal agency of the unit of the user's active membership (None for national or no membership)."""
    membership = active_membership(user)
    if membership is None or membership.unit is None:
        return None
    return focal_assignment_of(membership.unit, on)


def focal_history_of(unit: AdminUnit) -> list[FocalAgencyAssignment]:
    """Every focal-agency assignment of exactly this unit, oldest first (open start first)."""
    return list(
        FocalAgencyAssignment.objects.filter(unit=unit)
        .select_related("agency")
        .order_by(F("valid_from").asc(nulls_first=True), "id")
    )


def teams_visible_to(
    user: User, *, q: str = "", unit: AdminUnit | None = None, active_on: datetime.date | None = None
) -> InspectionTeamQuerySet:
    """Inspection teams of units in the user's jurisdiction, with their lead agency and members."""
    if not can_view_agencies(user):
        return InspectionTeam.objects.none()
    teams = cast(
        InspectionTeamQuerySet,
        scope_queryset(
            InspectionTeam.objects.select_related("unit", "lead_agency"), user, "unit__scope_path"
        ),
    )
    teams = teams.matching(q)
    if unit is not None:
        teams = teams.filter(unit=unit)
    if active_on is not None:
        teams = teams.active_on(active_on)
    members = TeamMember.objects.select_related("agency", "user")
    return teams.prefetch_related(Prefetch("members", queryset=members)).order_by(*_TEAM_ORDER)


def team_get(user: User, team_id: int) -> InspectionTeam:
    team = teams_visible_to(user).filter(pk=team_id).first()
    if team is None:
        raise Http404
    return team


@dataclass
class AgencyMembers:
    agency: Agency
    members: list[TeamMember] = field(default_factory=list)


_ROLE_RANK: dict[str, int] = {
    TeamMember.TeamRole.LEADER: 0,
    TeamMember.TeamRole.DEPUTY: 1,
    TeamMember.TeamRole.MEMBER: 2,
}


def _person_sort_key(member: TeamMember) -> tuple[int, str, str]:
    # Vietnamese names sort by the given name (the last word), then the full name.
    given = member.full_name.split()[-1] if member.full_name.split() else ""
    return (_ROLE_RANK.get(member.team_role, 9), sort_key(given), sort_key(member.full_name))


def team_members_by_agency(team: InspectionTeam, *, on: datetime.date | None = None) -> list[AgencyMembers]:
    """The team's members on the date (default today), grouped by the agency that sends them.

    Groups are in Vietnamese order of agency names, the lead agency first; members by role, then name.
    """
    day = on or _today()
    groups: dict[int, AgencyMembers] = {}
    for member in team.members.all():
        if not member.has_left_by(day):
            groups.setdefault(member.agency_id, AgencyMembers(agency=member.agency)).members.append(member)
    for group in groups.values():
        group.members.sort(key=_person_sort_key)
    return sorted(
        groups.values(),
        key=lambda group: (group.agency.pk != team.lead_agency_id, sort_key(group.agency.name)),
    )


def former_members_of(team: InspectionTeam, *, on: datetime.date | None = None) -> list[TeamMember]:
    day = on or _today()
    return sorted((m for m in team.members.all() if m.has_left_by(day)), key=_person_sort_key)
