"""Who reads and who writes plans and tasks."""

import pytest

from pcmd.planning import policies

pytestmark = pytest.mark.django_db


def test_the_issuing_units_coordinator_edits_its_plan(province_officer, draft_plan):
    assert policies.can_view_plan(province_officer, draft_plan)
    assert policies.can_edit_plan(province_officer, draft_plan)


def test_a_commune_reads_the_provincial_plan_but_does_not_edit_it(commune_officer, draft_plan):
    assert policies.can_view_plan(commune_officer, draft_plan)
    assert not policies.can_edit_plan(commune_officer, draft_plan)


def test_another_province_neither_reads_nor_edits(other_province_officer, draft_plan):
    assert not policies.can_view_plan(other_province_officer, draft_plan)
    assert not policies.can_edit_plan(other_province_officer, draft_plan)


def test_a_leader_reads_but_does_not_edit(son_la, draft_plan):
    from pcmd.accounts.capabilities import Role
    from pcmd.accounts.tests.factories import MembershipFactory, UserFactory

    leader = UserFactory.create()
    MembershipFactory.create(user=leader, unit=son_la, role=Role.LEADER)
    assert policies.can_view_plan(leader, draft_plan)
    assert not policies.can_edit_plan(leader, draft_plan)


def test_nobody_without_a_membership_reads_a_plan(no_membership_user, draft_plan):
    assert not policies.can_view_plan(no_membership_user, draft_plan)


def test_the_national_administrator_edits_any_plan(system_admin, draft_plan):
    assert policies.can_edit_plan(system_admin, draft_plan)


def test_assigned_agencies_update_their_tasks_only(issued_plan, culture_reporter, police_reporter):
    culture_task = issued_plan.tasks.get(lead_agency__name__startswith="Sở Văn hóa")
    police_task = issued_plan.tasks.get(lead_agency__name__startswith="Công an")
    assert policies.can_update_task(culture_reporter, culture_task)
    assert not policies.can_update_task(culture_reporter, police_task)
    # the police coordinate the culture task and lead their own
    assert policies.can_update_task(police_reporter, culture_task)
    assert policies.can_update_task(police_reporter, police_task)


def test_the_coordinator_updates_every_task_and_outsiders_none(
    issued_plan, province_officer, other_province_officer
):
    task = issued_plan.tasks.first()
    assert policies.can_update_task(province_officer, task)
    assert not policies.can_update_task(other_province_officer, task)


def test_a_legacy_plan_is_written_for_by_the_current_unit_it_became(son_la):
    from pcmd.accounts.capabilities import Role
    from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
    from pcmd.geography.models import AdminUnit
    from pcmd.geography.tests.factories import AdminUnitFactory

    legacy = AdminUnitFactory.create(era=AdminUnit.Era.LEGACY, code="L14x", path="L14", scope_path="14")
    coordinator = UserFactory.create()
    MembershipFactory.create(user=coordinator, unit=son_la, role=Role.PROVINCIAL_COORDINATOR)
    assert policies.can_write_plans_of(coordinator, legacy)
