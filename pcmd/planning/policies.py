"""Who may read and change plans, targets, tasks and reporting rules. Pure predicates.

- A plan is read by users whose jurisdiction covers its issuing unit, and by users of the units below it (a
  commune reads the provincial plan that applies to it).
- Only the coordinators of the issuing unit itself edit its plans (a province never writes a commune's).
- Progress on a task is recorded by the agencies it is assigned to, and by the issuing unit's coordinators.
"""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership, has_capability, jurisdiction_of
from pcmd.geography.models import AdminUnit
from pcmd.planning.models import Plan, Task


def upward_paths(user: User) -> list[str]:
    """Scope paths of the units above the user's unit: the plans of those units apply to the user."""
    membership = active_membership(user)
    if membership is None or membership.unit is None:
        return []
    parts = membership.unit.scope_path.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def can_view_plans(user: User) -> bool:
    return has_capability(user, Capability.PLAN_VIEW)


def can_view_plan(user: User, plan: Plan) -> bool:
    if not can_view_plans(user):
        return False
    unit = plan.issuing_unit
    return jurisdiction_of(user).covers(unit) or unit.scope_path in upward_paths(user)


def can_create_plans(user: User) -> bool:
    """Holds the capability: decides whether the "new plan" button is offered."""
    return has_capability(user, Capability.PLAN_EDIT)


def can_write_plans_of(user: User, unit: AdminUnit) -> bool:
    """Draft, issue and amend plans of this unit: the capability, acting for this very unit.

    A legacy issuing unit (a district before 07/2025) is written for by the current unit it became part of.
    """
    if not can_create_plans(user):
        return False
    membership = active_membership(user)
    if membership is None:
        return False
    if membership.unit is None:
        return True
    if unit.is_legacy:
        return unit.scope_path == membership.unit.scope_path
    return membership.unit_id == unit.pk


def can_edit_plan(user: User, plan: Plan) -> bool:
    return can_write_plans_of(user, plan.issuing_unit)


def is_assigned_to(user: User, task: Task) -> bool:
    """The user's agency leads or coordinates the task."""
    membership = active_membership(user)
    if membership is None or membership.agency_id is None:
        return False
    if task.lead_agency_id == membership.agency_id:
        return True
    return task.coordinating_agencies.filter(pk=membership.agency_id).exists()


def can_update_task(user: User, task: Task) -> bool:
    """Record progress: the agencies assigned to the task, or the coordinators of the issuing unit."""
    if not has_capability(user, Capability.TASK_UPDATE) or not can_view_plan(user, task.plan):
        return False
    return is_assigned_to(user, task) or can_edit_plan(user, task.plan)
