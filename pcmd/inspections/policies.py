"""Who may see and record inspections, violations, sanctions and follow-ups. Pure predicates over the user's
active membership; which records a user sees at all is pcmd.inspections.selectors (jurisdiction, 404 outside).

- Seeing: ESTABLISHMENT_VIEW holders (coordinators, commune officers, inspectors, police) in their area;
  case workers see nothing of enforcement.
- Recording an inspection and its violations: INSPECTION_RECORD holders acting for *their* team (the team of
  their active membership), on an establishment in the team's area and in their jurisdiction. A national
  administrator acts for any team.
- Planning a team's year: the team's own inspectors, or whoever manages the team (MANAGE_AGENCIES in
  its area).
- Sanction decisions: SANCTION_RECORD holders in the establishment's area (the competent authority).
- Follow-ups: the inspecting team or the sanctioning authority.
"""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership, has_capability, jurisdiction_of, unit_is_visible
from pcmd.agencies.models import InspectionTeam
from pcmd.agencies.policies import can_manage_team
from pcmd.establishments.models import Establishment
from pcmd.inspections.models import Inspection


def can_view_inspections(user: User) -> bool:
    return has_capability(user, Capability.ESTABLISHMENT_VIEW)


def can_record_inspections(user: User) -> bool:
    """Holds the capability: decides whether "record an inspection" is offered at all."""
    return has_capability(user, Capability.INSPECTION_RECORD)


def acts_for_team(user: User, team: InspectionTeam) -> bool:
    """The user's active membership is in this team (or the user is a national administrator)."""
    if jurisdiction_of(user).everything:
        return True
    membership = active_membership(user)
    return membership is not None and membership.team_id == team.pk


def team_covers(team: InspectionTeam, establishment: Establishment) -> bool:
    """The establishment lies in the team's area (a provincial team covers the province's communes)."""
    return team.unit.contains(establishment.unit)


def can_record_for_team(user: User, team: InspectionTeam, establishment: Establishment) -> bool:
    """The capability, acting for the team, and the establishment in the user's jurisdiction. Whether the
    establishment lies in the team's area is a data rule the service reports on the field."""
    return (
        can_record_inspections(user)
        and acts_for_team(user, team)
        and unit_is_visible(user, establishment.unit)
    )


def can_record_inspection(user: User, team: InspectionTeam, establishment: Establishment) -> bool:
    return can_record_for_team(user, team, establishment) and team_covers(team, establishment)


def can_edit_inspection(user: User, inspection: Inspection) -> bool:
    """Change the record, its checklist, photos and violations: the same rule as recording it."""
    return can_record_inspection(user, inspection.team, inspection.establishment)


def can_manage_plan(user: User, team: InspectionTeam) -> bool:
    return (
        can_record_inspections(user) and acts_for_team(user, team) and unit_is_visible(user, team.unit)
    ) or can_manage_team(user, team)


def can_add_to_plan(user: User, team: InspectionTeam, establishment: Establishment) -> bool:
    return can_manage_plan(user, team) and unit_is_visible(user, establishment.unit)


def can_record_sanctions(user: User) -> bool:
    return has_capability(user, Capability.SANCTION_RECORD)


def can_record_sanction(user: User, inspection: Inspection) -> bool:
    return can_record_sanctions(user) and unit_is_visible(user, inspection.establishment.unit)


def can_close_violation(user: User, inspection: Inspection) -> bool:
    return can_edit_inspection(user, inspection) or can_record_sanction(user, inspection)


def can_manage_follow_ups(user: User, inspection: Inspection) -> bool:
    return can_edit_inspection(user, inspection) or can_record_sanction(user, inspection)


def can_manage_checklist(user: User) -> bool:
    """The checklist is national reference data."""
    return has_capability(user, Capability.MANAGE_REFERENCE_DATA)
