"""Reads of inspections, plans, violations, decisions and follow-ups. Everything is scoped to the user's
jurisdiction through the inspected establishment's commune (default deny); outside it a record does not exist
(404). Case workers and users without ESTABLISHMENT_VIEW see nothing."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership, jurisdiction_of, scope_queryset
from pcmd.agencies.models import InspectionTeam, TeamMember
from pcmd.agencies.selectors import teams_visible_to
from pcmd.core.services import today
from pcmd.establishments.models import Establishment
from pcmd.establishments.selectors import establishments_visible_to
from pcmd.geography.models import AdminUnit
from pcmd.inspections.models import (
    ChecklistItem,
    ChecklistResult,
    FollowUp,
    Inspection,
    InspectionPhoto,
    InspectionPlan,
    SanctionDecision,
    SanctionLine,
    Violation,
)
from pcmd.inspections.policies import can_record_inspections, can_view_inspections
from pcmd.legal.models import LegalProvisionQuerySet
from pcmd.legal.selectors import provisions_valid_on

_ESTABLISHMENT_PATH = "establishment__unit__scope_path"


def _within(unit: AdminUnit, field: str) -> Q:
    return Q(**{field: unit.scope_path}) | Q(**{f"{field}__startswith": f"{unit.scope_path}."})


def _year_range(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


# --- inspections --------------------------------------------------------------------------------------------


def inspections_visible_to(
    user: User,
    *,
    team: InspectionTeam | None = None,
    establishment: Establishment | None = None,
    unit: AdminUnit | None = None,
    year: int | None = None,
) -> QuerySet[Inspection]:
    """Inspections of establishments in the user's jurisdiction, newest first."""
    if not can_view_inspections(user):
        return Inspection.objects.none()
    inspections = scope_queryset(
        Inspection.objects.select_related("team", "establishment__unit", "establishment__type"),
        user,
        _ESTABLISHMENT_PATH,
    )
    if team is not None:
        inspections = inspections.filter(team=team)
    if establishment is not None:
        inspections = inspections.filter(establishment=establishment)
    if unit is not None:
        inspections = inspections.filter(_within(unit, _ESTABLISHMENT_PATH))
    if year is not None:
        start, end = _year_range(year)
        inspections = inspections.filter(started_at__date__gte=start, started_at__date__lte=end)
    return inspections.order_by("-started_at", "-id")


def inspection_get(user: User, inspection_id: int) -> Inspection:
    """The inspection with everything its page and its minutes show, or Http404 outside the jurisdiction."""
    inspection = (
        inspections_visible_to(user)
        .filter(pk=inspection_id)
        .select_related(
            "team__lead_agency", "team__unit", "plan", "recorded_by", "establishment__unit__parent"
        )
        .prefetch_related(
            Prefetch("members_present", queryset=TeamMember.objects.select_related("agency")),
            Prefetch("checklist_results", queryset=ChecklistResult.objects.select_related("item")),
            Prefetch(
                "violations",
                queryset=Violation.objects.select_related("provision__document", "sanction_line__decision"),
            ),
            Prefetch("sanction_decisions", queryset=SanctionDecision.objects.select_related("agency")),
            Prefetch("follow_ups", queryset=FollowUp.objects.select_related("violation", "decision")),
            "photos",
        )
        .first()
    )
    if inspection is None:
        raise Http404
    return inspection


def teams_for_recording(user: User) -> QuerySet[InspectionTeam]:
    """The teams the user records inspections for: their membership's team; every active team in reach for a
    national administrator; none without INSPECTION_RECORD."""
    if not can_record_inspections(user):
        return InspectionTeam.objects.none()
    teams = teams_visible_to(user, active_on=today())
    if jurisdiction_of(user).everything:
        return teams
    membership = active_membership(user)
    team_id = membership.team_id if membership is not None else None
    return teams.filter(pk=team_id) if team_id else teams.none()


def establishments_in_team_area(user: User, team: InspectionTeam) -> QuerySet[Establishment]:
    """Establishments the user sees in the team's area that are not closed (what the team may inspect)."""
    return establishments_visible_to(user, unit=team.unit).exclude(status=Establishment.Status.CLOSED)


def current_members(team: InspectionTeam, day: datetime.date | None = None) -> list[TeamMember]:
    day = day or today()
    members = team.members.select_related("agency").order_by("team_role", "full_name")
    return [m for m in members if not m.has_left_by(day) and (m.joined_on is None or m.joined_on <= day)]


def checklist_items(*, active_only: bool = True) -> QuerySet[ChecklistItem]:
    items = ChecklistItem.objects.all()
    return items.filter(is_active=True) if active_only else items


def checklist_item_get(item_id: int) -> ChecklistItem:
    item = ChecklistItem.objects.filter(pk=item_id).first()
    if item is None:
        raise Http404
    return item


def provisions_for_inspection(inspection: Inspection) -> LegalProvisionQuerySet:
    """The legal bases a violation found at this inspection may cite: those valid on its day."""
    return provisions_valid_on(inspection.day)


def photo_get(user: User, photo_id: int) -> InspectionPhoto:
    photo = (
        InspectionPhoto.objects.filter(inspection__in=inspections_visible_to(user), pk=photo_id)
        .select_related("inspection__team", "inspection__establishment__unit")
        .first()
    )
    if photo is None:
        raise Http404
    return photo


# --- plans --------------------------------------------------------------------------------------------------


def plans_visible_to(
    user: User, *, team: InspectionTeam | None = None, year: int | None = None
) -> QuerySet[InspectionPlan]:
    """Plans of teams whose area is in the user's jurisdiction."""
    if not can_view_inspections(user):
        return InspectionPlan.objects.none()
    plans = scope_queryset(
        InspectionPlan.objects.select_related("team__unit", "team__lead_agency"),
        user,
        "team__unit__scope_path",
    )
    if team is not None:
        plans = plans.filter(team=team)
    if year is not None:
        plans = plans.filter(year=year)
    return plans.order_by("-year", "team__name_sort", "id")


def plan_get(user: User, plan_id: int) -> InspectionPlan:
    plan = plans_visible_to(user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


# --- violations, decisions, follow-ups ----------------------------------------------------------------------


def violations_visible_to(
    user: User, *, status: str = "", inspection: Inspection | None = None, unit: AdminUnit | None = None
) -> QuerySet[Violation]:
    if not can_view_inspections(user):
        return Violation.objects.none()
    violations = scope_queryset(
        Violation.objects.select_related(
            "inspection__establishment__unit", "inspection__team", "provision__document"
        ),
        user,
        f"inspection__{_ESTABLISHMENT_PATH}",
    )
    if status:
        violations = violations.filter(status=status)
    if inspection is not None:
        violations = violations.filter(inspection=inspection)
    if unit is not None:
        violations = violations.filter(_within(unit, f"inspection__{_ESTABLISHMENT_PATH}"))
    return violations.order_by("-inspection__started_at", "id")


def violation_get(user: User, violation_id: int) -> Violation:
    violation = violations_visible_to(user).filter(pk=violation_id).first()
    if violation is None:
        raise Http404
    return violation


def decisions_visible_to(
    user: User, *, unpaid: bool = False, inspection: Inspection | None = None, unit: AdminUnit | None = None
) -> QuerySet[SanctionDecision]:
    """Sanction decisions in the jurisdiction; `unpaid` keeps those with a fine not yet paid."""
    if not can_view_inspections(user):
        return SanctionDecision.objects.none()
    decisions = scope_queryset(
        SanctionDecision.objects.select_related("inspection__establishment__unit", "agency"),
        user,
        f"inspection__{_ESTABLISHMENT_PATH}",
    )
    if unpaid:
        decisions = decisions.filter(payment_status=SanctionDecision.PaymentStatus.UNPAID, fine_total__gt=0)
    if inspection is not None:
        decisions = decisions.filter(inspection=inspection)
    if unit is not None:
        decisions = decisions.filter(_within(unit, f"inspection__{_ESTABLISHMENT_PATH}"))
    return decisions.order_by("-decided_on", "-id")


def decision_get(user: User, decision_id: int) -> SanctionDecision:
    decision = (
        decisions_visible_to(user)
        .filter(pk=decision_id)
        .prefetch_related(
            Prefetch("lines", queryset=SanctionLine.objects.select_related("violation__provision__document")),
            Prefetch("follow_ups", queryset=FollowUp.objects.order_by("due_on", "id")),
        )
        .first()
    )
    if decision is None:
        raise Http404
    return decision


def follow_ups_visible_to(
    user: User,
    *,
    overdue: bool = False,
    pending: bool = False,
    inspection: Inspection | None = None,
    unit: AdminUnit | None = None,
) -> QuerySet[FollowUp]:
    """Follow-ups in the jurisdiction, soonest due first; `overdue`: not done and due before today."""
    if not can_view_inspections(user):
        return FollowUp.objects.none()
    follow_ups = scope_queryset(
        FollowUp.objects.select_related("inspection__establishment__unit", "violation", "decision"),
        user,
        f"inspection__{_ESTABLISHMENT_PATH}",
    )
    if overdue:
        follow_ups = follow_ups.filter(done_on__isnull=True, due_on__lt=today())
    elif pending:
        follow_ups = follow_ups.filter(done_on__isnull=True)
    if inspection is not None:
        follow_ups = follow_ups.filter(inspection=inspection)
    if unit is not None:
        follow_ups = follow_ups.filter(_within(unit, f"inspection__{_ESTABLISHMENT_PATH}"))
    return follow_ups.order_by("due_on", "id")


def follow_up_get(user: User, follow_up_id: int) -> FollowUp:
    follow_up = follow_ups_visible_to(user).filter(pk=follow_up_id).first()
    if follow_up is None:
        raise Http404
    return follow_up
