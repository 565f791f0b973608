"""Reads of plans, targets, tasks and the reporting calendar. Everything depends on the user: plans of units
in their jurisdiction and of the units above them; anything else does not exist for them (404)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership, jurisdiction_of
from pcmd.agencies.models import Agency
from pcmd.core.services import today
from pcmd.core.vietnamese import search_key
from pcmd.geography.models import AdminUnit
from pcmd.planning.calendar import lower_units_of
from pcmd.planning.models import Plan, PlanAmendment, ReportingDeadline, Target, Task
from pcmd.planning.policies import can_view_plans, upward_paths

OPEN_TASK_STATUSES = (Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS)


def plans_visible_to(
    user: User,
    *,
    q: str = "",
    unit: AdminUnit | None = None,
    year: int | None = None,
    status: str = "",
    kind: str = "",
) -> QuerySet[Plan]:
    """Plans the user may read, newest period first; none without PLAN_VIEW or a jurisdiction."""
    if not can_view_plans(user):
        return Plan.objects.none()
    jurisdiction = jurisdiction_of(user)
    if jurisdiction.is_empty:
        return Plan.objects.none()
    plans = Plan.objects.all()
    if not jurisdiction.everything:
        # Plans of the units in the jurisdiction, and of the units above (those plans apply to the user too).
        upward = Q(issuing_unit__scope_path__in=upward_paths(user))
        plans = plans.filter(jurisdiction.q("issuing_unit__scope_path") | upward)
    plans = plans.select_related("issuing_unit", "issuing_agency", "implements")
    # Every word must appear in the reference and title or in the unit's name ("ke hoach son la 2026").
    for word in search_key(q).replace(",", " ").split():
        plans = plans.filter(Q(title_search__contains=word) | Q(issuing_unit__name_search__contains=word))
    if unit is not None:
        plans = plans.filter(issuing_unit=unit)
    if year:
        plans = plans.filter(period_start__year__lte=year, period_end__year__gte=year)
    if status:
        plans = plans.filter(status=status)
    if kind:
        plans = plans.filter(kind=kind)
    return plans.order_by("-period_start", "issuing_unit__name_sort", "id")


def plan_get(user: User, plan_id: int) -> Plan:
    """The plan if the user may read it, else Http404."""
    plan = plans_visible_to(user).filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def plan_open_amendment(plan: Plan) -> PlanAmendment | None:
    return plan.amendments.filter(completed_at__isnull=True).first()


def targets_of(plan: Plan) -> QuerySet[Target]:
    return plan.targets.select_related("inherited_from").order_by("order")


def tasks_of(plan: Plan) -> QuerySet[Task]:
    return (
        plan.tasks.select_related("lead_agency")
        .prefetch_related(Prefetch("coordinating_agencies", queryset=Agency.objects.order_by("name_sort")))
        .order_by("order")
    )


def tasks_visible_to(
    user: User,
    *,
    agency: Agency | None = None,
    overdue: bool | None = None,
    status: str = "",
    plan: Plan | None = None,
    on: datetime.date | None = None,
) -> QuerySet[Task]:
    """Tasks of issued plans the user may read; `agency` keeps the tasks it leads or coordinates; `overdue`
    keeps (True) or drops (False) tasks past their due date and still open."""
    day = on or today()
    plans = plans_visible_to(user).filter(status=Plan.Status.ISSUED)
    tasks = Task.objects.filter(plan__in=plans).select_related("plan", "plan__issuing_unit", "lead_agency")
    tasks = tasks.prefetch_related("coordinating_agencies")
    if plan is not None:
        tasks = tasks.filter(plan=plan)
    if agency is not None:
        tasks = tasks.filter(Q(lead_agency=agency) | Q(coordinating_agencies=agency)).distinct()
    overdue_q = Q(due_date__lt=day, status__in=OPEN_TASK_STATUSES)
    if overdue is True:
        tasks = tasks.filter(overdue_q)
    elif overdue is False:
        tasks = tasks.exclude(overdue_q)
    if status:
        tasks = tasks.filter(status=status)
    return tasks.order_by("due_date", "plan_id", "order")


def my_tasks(user: User, *, overdue: bool | None = None) -> QuerySet[Task]:
    """The tasks of the user's agency (lead or coordinating); none for a membership without an agency."""
    membership = active_membership(user)
    if membership is None or membership.agency is None:
        return Task.objects.none()
    return tasks_visible_to(user, agency=membership.agency, overdue=overdue)


def task_get(user: User, task_id: int) -> Task:
    task = (
        Task.objects.filter(plan__in=plans_visible_to(user), pk=task_id)
        .select_related("plan", "plan__issuing_unit", "lead_agency")
        .first()
    )
    if task is None:
        raise Http404
    return task


def reporting_calendar(plan: Plan) -> QuerySet[ReportingDeadline]:
    return (
        ReportingDeadline.objects.filter(rule__plan=plan)
        .select_related("rule", "rule__recipient_agency", "reporter_agency", "reporter_unit")
        .order_by("due_on", "rule__order", "reporter_unit__name_sort", "reporter_agency__name_sort", "id")
    )


@dataclass
class CascadeRow:
    """A lower unit or an agency, and the plans it issued implementing the plan."""

    unit: AdminUnit
    agency: Agency | None
    plans: list[Plan] = field(default_factory=list)

    @property
    def has_plan(self) -> bool:
        return any(p.status in (Plan.Status.ISSUED, Plan.Status.CLOSED) for p in self.plans)


@dataclass
class Cascade:
    plan: Plan
    units: list[CascadeRow]
    agencies: list[CascadeRow]

    @property
    def units_with_plan(self) -> int:
        return sum(1 for row in self.units if row.has_plan)

    @property
    def units_with_plan_percent(self) -> float | None:
        return round(100 * self.units_with_plan / len(self.units), 1) if self.units else None

    @property
    def agencies_with_plan(self) -> int:
        return sum(1 for row in self.agencies if row.has_plan)


def plan_cascade(plan: Plan) -> Cascade:
    """For a plan: which lower units and which agencies of its unit have issued plans implementing it.

    Agencies listed are those assigned tasks in the plan (they are expected to issue their own).
    A unit counts when its implementing plan is issued (or issued and since closed).
    """
    implementing = list(
        Plan.objects.filter(implements=plan).select_related("issuing_unit", "issuing_agency").order_by("id")
    )
    by_unit: dict[int, list[Plan]] = {}
    by_agency: dict[int, list[Plan]] = {}
    for child in implementing:
        by_unit.setdefault(child.issuing_unit_id, []).append(child)
        by_agency.setdefault(child.issuing_agency_id, []).append(child)
    units = [CascadeRow(unit, None, by_unit.get(unit.pk, [])) for unit in lower_units_of(plan)]
    agency_ids = set(Task.objects.filter(plan=plan).values_list("lead_agency_id", flat=True))
    agency_ids |= set(
        Task.coordinating_agencies.through.objects.filter(task__plan=plan).values_list("agency_id", flat=True)
    )
    agencies = Agency.objects.filter(pk__in=agency_ids, unit=plan.issuing_unit).order_by("name_sort")
    agency_rows = [CascadeRow(agency.unit, agency, by_agency.get(agency.pk, [])) for agency in agencies]
    return Cascade(plan=plan, units=units, agencies=agency_rows)


def plan_counts(plan: Plan) -> dict[str, int]:
    """Headline figures of a plan for its page: targets, tasks (open, overdue), deadlines."""
    day = today()
    tasks = Task.objects.filter(plan=plan).aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(status=Task.Status.DONE)),
        overdue=Count("id", filter=Q(due_date__lt=day, status__in=OPEN_TASK_STATUSES)),
    )
    return {
        "targets": plan.targets.count(),
        "measurable_targets": plan.targets.exclude(comparator="").count(),
        "tasks": tasks["total"],
        "tasks_done": tasks["done"],
        "tasks_overdue": tasks["overdue"] if plan.status == Plan.Status.ISSUED else 0,
        "deadlines": ReportingDeadline.objects.filter(rule__plan=plan).count(),
        "implementing_plans": plan.implementing_plans.count(),
    }


def plans_implementable_by(user: User, unit: AdminUnit) -> QuerySet[Plan]:
    """Issued plans a new plan of `unit` may implement: those of the unit itself or of the units above it."""
    paths = [unit.scope_path, *_ancestors(unit.scope_path)]
    return plans_visible_to(user).filter(status=Plan.Status.ISSUED, issuing_unit__scope_path__in=paths)


def _ancestors(scope_path: str) -> list[str]:
    parts = scope_path.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]
