"""Writes on agencies, focal-agency assignments and inspection teams. Views, the API and the demo loader all
call these functions: each is atomic, checks the policy, validates with Vietnamese messages and is recorded by
django-auditlog under the acting user."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency, FocalAgencyAssignment, InspectionTeam, TeamMember
from pcmd.agencies.policies import can_manage_agencies_in, can_manage_agency, can_manage_team
from pcmd.core.services import (
    Errors,
    add_error,
    check_stale,
    format_day,
    normalise_spaces,
    raise_if,
    service,
    today,
    validate_instance,
)
from pcmd.core.vietnamese import search_key, sort_key
from pcmd.geography.models import LEGACY_LAST_DAY, AdminUnit

PERIOD_REVERSED = _("Ngày kết thúc không được trước ngày bắt đầu.")
AGENCY_NAME_TAKEN = _("Đơn vị hành chính này đã có cơ quan tên «%(name)s».")
LEGACY_AGENCY_MUST_CLOSE = _(
    "Cơ quan của đơn vị hành chính cũ (trước sắp xếp) phải kết thúc hoạt động chậm nhất ngày 30/06/2025."
)
AGENCY_ALREADY_CLOSED = _("Cơ quan đã kết thúc hoạt động từ ngày %(day)s.")
AGENCY_STILL_FOCAL = _(
    "Cơ quan đang được giao làm cơ quan thường trực sau ngày %(day)s. "
    "Hãy giao cơ quan thường trực khác trước khi kết thúc hoạt động của cơ quan này."
)
AGENCY_CLOSED_ON_DAY = _("Cơ quan «%(agency)s» không hoạt động vào ngày %(day)s.")
FOCAL_AGENCY_OTHER_UNIT = _("Cơ quan thường trực phải là cơ quan của chính đơn vị hành chính này.")
FOCAL_AGENCY_NOT_ACTIVE = _("Cơ quan không hoạt động trong suốt thời gian được giao làm cơ quan thường trực.")
FOCAL_OVERLAP = _("Thời gian này trùng với thời gian %(agency)s là cơ quan thường trực (%(period)s).")
LEAD_AGENCY_OUT_OF_AREA = _("Cơ quan chủ trì phải thuộc địa bàn của đội hoặc đơn vị hành chính cấp trên.")
MEMBER_AGENCY_OUT_OF_AREA = _(
    "Cơ quan cử thành viên phải thuộc địa bàn của đội hoặc đơn vị hành chính cấp trên."
)
TEAM_NAME_TAKEN = _("Địa bàn này đã có đội kiểm tra tên «%(name)s».")
TEAM_DISSOLVED = _("Đội kiểm tra đã giải thể, không thể thêm thành viên.")
MEMBER_ALREADY_IN_TEAM = _("«%(name)s» của %(agency)s đã là thành viên của đội.")
MEMBER_ALREADY_LEFT = _("Thành viên đã rời đội từ ngày %(day)s.")
MEMBER_LEFT_BEFORE_JOINING = _("Ngày rời đội không được trước ngày tham gia (%(day)s).")
INACTIVE_USER = _("Tài khoản này đã bị vô hiệu hóa.")

AGENCY_EDITABLE_FIELDS = frozenset({"kind", "name", "short_name", "valid_from", "valid_to"})
TEAM_EDITABLE_FIELDS = frozenset({"name", "lead_agency", "established_by", "established_on", "dissolved_on"})


def _period_text(start: datetime.date | None, end: datetime.date | None) -> str:
    return f"{format_day(start) or '…'} – {format_day(end) or str(_('nay'))}"


def _periods_overlap(
    a_from: datetime.date | None,
    a_to: datetime.date | None,
    b_from: datetime.date | None,
    b_to: datetime.date | None,
) -> bool:
    return (a_from is None or b_to is None or a_from <= b_to) and (
        b_from is None or a_to is None or b_from <= a_to
    )


def _is_in_or_above(agency: Agency, unit: AdminUnit) -> bool:
    """The agency belongs to the unit or to a unit above it (same era: paths are prefixes)."""
    return unit.path == agency.unit.path or unit.path.startswith(f"{agency.unit.path}.")


# --- agencies -----------------------------------------------------------------------------------------------


def _validate_agency(agency: Agency) -> None:
    errors: Errors = {}
    agency.name = normalise_spaces(agency.name)
    agency.short_name = normalise_spaces(agency.short_name)
    agency.name_search = search_key(agency.name)
    agency.name_sort = sort_key(agency.name)
    if agency.valid_from and agency.valid_to and agency.valid_to < agency.valid_from:
        add_error(errors, "valid_to", PERIOD_REVERSED, "period_reversed")
    if agency.unit_id and agency.name:
        same_key = Agency.objects.filter(unit_id=agency.unit_id, name_search=agency.name_search).exclude(
            pk=agency.pk
        )
        if any(other.name.casefold() == agency.name.casefold() for other in same_key):
            add_error(errors, "name", AGENCY_NAME_TAKEN, "duplicate", name=agency.name)
        if agency.unit.is_legacy and (agency.valid_to is None or agency.valid_to > LEGACY_LAST_DAY):
            add_error(errors, "valid_to", LEGACY_AGENCY_MUST_CLOSE, "legacy_open")
    if agency.pk:
        _check_focal_within_activity(agency, errors)
    validate_instance(agency, errors)


def _check_focal_within_activity(agency: Agency, errors: Errors) -> None:
    """An agency cannot stop (or start later) while it is assigned as a focal agency outside its activity."""
    for assignment in agency.focal_assignments.all():
        ends_after = agency.valid_to is not None and (
            assignment.valid_to is None or assignment.valid_to > agency.valid_to
        )
        starts_before = agency.valid_from is not None and (
            assignment.valid_from is None or assignment.valid_from < agency.valid_from
        )
        if ends_after:
            add_error(errors, "valid_to", AGENCY_STILL_FOCAL, "still_focal", day=format_day(agency.valid_to))
            return
        if starts_before:
            add_error(errors, "valid_from", FOCAL_AGENCY_NOT_ACTIVE, "focal_outside_activity")
            return


@service
def agency_create(
    *,
    actor: User,
    unit: AdminUnit,
    kind: str,
    name: str,
    short_name: str = "",
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
) -> Agency:
    """A new agency of the unit. Refused outside the actor's jurisdiction or without MANAGE_AGENCIES."""
    if not can_manage_agencies_in(actor, unit):
        raise PermissionDenied
    agency = Agency(
        unit=unit, kind=kind, name=name, short_name=short_name, valid_from=valid_from, valid_to=valid_to
    )
    _validate_agency(agency)
    agency.save()
    return agency


@service
def agency_update(*, actor: User, agency: Agency, version: int | None, changes: Mapping[str, Any]) -> Agency:
    """Change the agency's editable fields (kind, name, short name, activity dates).

    `version` is the version the editor saw: a stale edit is refused (ValidationError on "version").
    The unit never changes: an agency that moves is closed and a new one opened.
    """
    if not can_manage_agency(actor, agency):
        raise PermissionDenied
    unknown = set(changes) - AGENCY_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(agency, version)
    for field_name, value in changes.items():
        setattr(agency, field_name, value if value is not None or field_name.startswith("valid_") else "")
    _validate_agency(agency)
    agency.version += 1
    agency.save()
    return agency


@service
def agency_close(*, actor: User, agency: Agency, on: datetime.date, version: int | None = None) -> Agency:
    """The agency stops operating at the end of `on` (merged, renamed, abolished). The row is kept.

    Refused while the agency is a focal agency after that day: assign the successor first.
    """
    if not can_manage_agency(actor, agency):
        raise PermissionDenied
    if version is not None:
        check_stale(agency, version)
    if agency.valid_to is not None:
        raise ValidationError(
            {
                "valid_to": [
                    ValidationError(
                        AGENCY_ALREADY_CLOSED, code="closed", params={"day": format_day(agency.valid_to)}
                    )
                ]
            }
        )
    agency.valid_to = on
    _validate_agency(agency)
    agency.version += 1
    agency.save()
    return agency


# --- focal agency -------------------------------------------------------------------------------------------


@service
def focal_agency_assign(
    *,
    actor: User,
    unit: AdminUnit,
    agency: Agency,
    valid_from: datetime.date | None,
    valid_to: datetime.date | None = None,
    legal_basis: str = "",
    close_open_assignment: bool = True,
) -> FocalAgencyAssignment:
    """Make `agency` the unit's focal agency for the period.

    Periods of one unit never overlap. One exception makes the usual hand-over a single step: when
    `close_open_assignment` is on and the only overlap is an open-ended assignment that began earlier, that
    assignment is ended the day before `valid_from` (Sở LĐ-TB&XH until 28/02/2025 when Sở Y tế is assigned
    from 01/03/2025). Any other overlap is refused.
    """
    if not can_manage_agencies_in(actor, unit):
        raise PermissionDenied
    errors: Errors = {}
    if valid_from and valid_to and valid_to < valid_from:
        add_error(errors, "valid_to", PERIOD_REVERSED, "period_reversed")
    if agency.unit_id != unit.pk:
        add_error(errors, "agency", FOCAL_AGENCY_OTHER_UNIT, "other_unit")
    elif (agency.valid_from and (valid_from is None or valid_from < agency.valid_from)) or (
        agency.valid_to and (valid_to is None or valid_to > agency.valid_to)
    ):
        add_error(errors, "agency", FOCAL_AGENCY_NOT_ACTIVE, "agency_not_active")
    raise_if(errors)

    overlapping = [
        other
        for other in FocalAgencyAssignment.objects.select_for_update()
        .select_related("agency")
        .filter(unit=unit)
        if _periods_overlap(other.valid_from, other.valid_to, valid_from, valid_to)
    ]
    to_close = [
        other
        for other in overlapping
        if close_open_assignment
        and other.valid_to is None
        and valid_from is not None
        and (other.valid_from is None or other.valid_from < valid_from)
    ]
    refused = [other for other in overlapping if other not in to_close]
    if refused:
        other = refused[0]
        add_error(
            errors,
            "valid_from",
            FOCAL_OVERLAP,
            "overlap",
            agency=other.agency.name,
            period=_period_text(other.valid_from, other.valid_to),
        )
        raise_if(errors)
    for other in to_close:
        assert valid_from is not None  # to_close is empty without a start date
        other.valid_to = valid_from - datetime.timedelta(days=1)
        validate_instance(other, {})
        other.save()

    assignment = FocalAgencyAssignment(
        unit=unit,
        agency=agency,
        valid_from=valid_from,
        valid_to=valid_to,
        legal_basis=normalise_spaces(legal_basis),
    )
    validate_instance(assignment, {})
    assignment.save()
    return assignment


# --- inspection teams ---------------------------------------------------------------------------------------


def _validate_team(team: InspectionTeam, *, lead_changed: bool) -> None:
    errors: Errors = {}
    team.name = normalise_spaces(team.name)
    team.established_by = normalise_spaces(team.established_by)
    team.name_search = search_key(team.name)
    team.name_sort = sort_key(team.name)
    if team.established_on and team.dissolved_on and team.dissolved_on < team.established_on:
        add_error(errors, "dissolved_on", PERIOD_REVERSED, "period_reversed")
    if team.unit_id and team.lead_agency_id:
        lead = team.lead_agency
        if not _is_in_or_above(lead, team.unit):
            add_error(errors, "lead_agency", LEAD_AGENCY_OUT_OF_AREA, "out_of_area")
        elif lead_changed and not lead.is_active_on(team.established_on or today()):
            day = team.established_on or today()
            add_error(
                errors,
                "lead_agency",
                AGENCY_CLOSED_ON_DAY,
                "agency_closed",
                agency=lead.name,
                day=format_day(day),
            )
    if team.unit_id and team.name:
        same_key = InspectionTeam.objects.filter(unit_id=team.unit_id, name_search=team.name_search).exclude(
            pk=team.pk
        )
        if any(other.name.casefold() == team.name.casefold() for other in same_key):
            add_error(errors, "name", TEAM_NAME_TAKEN, "duplicate", name=team.name)
    validate_instance(team, errors)


@service
def team_create(
    *,
    actor: User,
    unit: AdminUnit,
    name: str,
    lead_agency: Agency,
    established_by: str = "",
    established_on: datetime.date | None = None,
) -> InspectionTeam:
    """A new Đội kiểm tra liên ngành 178 for the unit, chaired by an agency of the unit or a unit above."""
    if not can_manage_agencies_in(actor, unit):
        raise PermissionDenied
    team = InspectionTeam(
        unit=unit,
        name=name,
        lead_agency=lead_agency,
        established_by=established_by,
        established_on=established_on,
    )
    _validate_team(team, lead_changed=True)
    team.save()
    return team


@service
def team_update(
    *, actor: User, team: InspectionTeam, version: int | None, changes: Mapping[str, Any]
) -> InspectionTeam:
    """Change the team's name, lead agency, founding decision and dates; a stale edit is refused."""
    if not can_manage_team(actor, team):
        raise PermissionDenied
    unknown = set(changes) - TEAM_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(team, version)
    lead_changed = (
        "lead_agency" in changes and getattr(changes["lead_agency"], "pk", None) != team.lead_agency_id
    )
    for field_name, value in changes.items():
        setattr(team, field_name, "" if value is None and field_name in {"name", "established_by"} else value)
    _validate_team(team, lead_changed=lead_changed)
    team.version += 1
    team.save()
    return team


@service
def team_member_add(
    *,
    actor: User,
    team: InspectionTeam,
    agency: Agency,
    full_name: str,
    position: str = "",
    team_role: str = TeamMember.TeamRole.MEMBER,
    user: User | None = None,
    joined_on: datetime.date | None = None,
) -> TeamMember:
    """Add a member sent by an agency of the team's unit or a unit above it."""
    if not can_manage_team(actor, team):
        raise PermissionDenied
    errors: Errors = {}
    day = joined_on or today()
    if team.dissolved_on is not None and team.dissolved_on <= day:
        add_error(errors, NON_FIELD_ERRORS, TEAM_DISSOLVED, "team_dissolved")
    member = TeamMember(
        team=team,
        agency=agency,
        full_name=normalise_spaces(full_name),
        position=normalise_spaces(position),
        team_role=team_role,
        user=user,
        joined_on=joined_on,
    )
    if not _is_in_or_above(agency, team.unit):
        add_error(errors, "agency", MEMBER_AGENCY_OUT_OF_AREA, "out_of_area")
    elif not agency.is_active_on(day):
        add_error(
            errors, "agency", AGENCY_CLOSED_ON_DAY, "agency_closed", agency=agency.name, day=format_day(day)
        )
    if user is not None and not user.is_active:
        add_error(errors, "user", INACTIVE_USER, "inactive_user")
    if member.full_name:
        current = team.members.filter(agency=agency).filter(
            models.Q(left_on__isnull=True) | models.Q(left_on__gt=day)
        )
        if any(other.full_name.casefold() == member.full_name.casefold() for other in current):
            add_error(
                errors,
                "full_name",
                MEMBER_ALREADY_IN_TEAM,
                "duplicate",
                name=member.full_name,
                agency=agency.name,
            )
    validate_instance(member, errors)
    member.save()
    return member


@service
def team_member_remove(
    *, actor: User, member: TeamMember, left_on: datetime.date | None = None
) -> TeamMember:
    """The member leaves the team on `left_on` (default today); the row stays for the inspections' history."""
    if not can_manage_team(actor, member.team):
        raise PermissionDenied
    day = left_on or today()
    errors: Errors = {}
    if member.left_on is not None:
        add_error(errors, "left_on", MEMBER_ALREADY_LEFT, "already_left", day=format_day(member.left_on))
    elif member.joined_on and day < member.joined_on:
        add_error(
            errors,
            "left_on",
            MEMBER_LEFT_BEFORE_JOINING,
            "left_before_joining",
            day=format_day(member.joined_on),
        )
    raise_if(errors)
    member.left_on = day
    validate_instance(member, {})
    member.save()
    return member
