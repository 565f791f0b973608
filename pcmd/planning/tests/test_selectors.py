"""Reads of plans and tasks: scoping (default deny, 404 outside), overdue tasks, the cascade."""

import datetime

import pytest
from django.http import Http404

from pcmd.planning import selectors, services
from pcmd.planning.models import Plan, Task
from pcmd.planning.tests.conftest import make_draft

D = datetime.date
pytestmark = pytest.mark.django_db


def test_the_province_and_its_communes_see_the_provincial_plan(draft_plan, province_officer, commune_officer):
    assert list(selectors.plans_visible_to(province_officer)) == [draft_plan]
    assert list(selectors.plans_visible_to(commune_officer)) == [draft_plan]


def test_another_province_sees_nothing_and_gets_404(draft_plan, other_province_officer):
    assert not selectors.plans_visible_to(other_province_officer).exists()
    with pytest.raises(Http404):
        selectors.plan_get(other_province_officer, draft_plan.pk)


def test_a_commune_plan_is_not_seen_by_a_sibling_commune(
    issued_plan, commune, commune_committee, other_commune_officer, province_officer
):
    from pcmd.accounts.capabilities import Role
    from pcmd.accounts.tests.factories import MembershipFactory, UserFactory

    officer = UserFactory.create()
    MembershipFactory.create(user=officer, unit=commune, agency=commune_committee, role=Role.COMMUNE_OFFICER)
    commune_plan = make_draft(officer, commune, commune_committee, implements=issued_plan)
    assert commune_plan not in selectors.plans_visible_to(other_commune_officer)
    assert commune_plan in selectors.plans_visible_to(province_officer)
    with pytest.raises(Http404):
        selectors.plan_get(other_commune_officer, commune_plan.pk)


def test_the_national_administrator_sees_every_plan(draft_plan, system_admin):
    assert list(selectors.plans_visible_to(system_admin)) == [draft_plan]
    assert selectors.plan_get(system_admin, draft_plan.pk) == draft_plan


def test_case_workers_read_plans_but_users_without_membership_do_not(
    draft_plan, case_worker, no_membership_user
):
    assert list(selectors.plans_visible_to(case_worker)) == [draft_plan]
    assert not selectors.plans_visible_to(no_membership_user).exists()


def test_plans_filter_by_text_without_diacritics_year_and_status(draft_plan, issued_plan, province_officer):
    assert draft_plan.pk == issued_plan.pk
    assert list(selectors.plans_visible_to(province_officer, q="Son La")) == [issued_plan]
    assert list(selectors.plans_visible_to(province_officer, q="ke hoach thuc hien")) == [issued_plan]
    assert list(selectors.plans_visible_to(province_officer, q="35/kh")) == [issued_plan]
    # words in any order, across the title and the unit's name, punctuation ignored
    assert list(selectors.plans_visible_to(province_officer, q="son la ke hoach, 2026")) == [issued_plan]
    assert not selectors.plans_visible_to(province_officer, q="tuyen truyen").exists()
    assert list(selectors.plans_visible_to(province_officer, year=2026, status=Plan.Status.ISSUED)) == [
        issued_plan
    ]
    assert not selectors.plans_visible_to(province_officer, year=2025).exists()


def test_overdue_tasks_are_past_due_and_still_open(issued_plan, province_officer):
    # the communication task is due 31/03/2026; the hotspot task is continuous
    overdue = selectors.tasks_visible_to(province_officer, overdue=True, on=D(2026, 4, 1))
    assert [t.text for t in overdue] == ["Tuyên truyền phòng, chống mại dâm tại các cơ sở kinh doanh dịch vụ"]
    assert not selectors.tasks_visible_to(province_officer, overdue=True, on=D(2026, 3, 31)).exists()
    task = overdue.get()
    assert task.is_overdue_on(D(2026, 4, 1))
    Task.objects.filter(pk=task.pk).update(status=Task.Status.DONE)
    assert not selectors.tasks_visible_to(province_officer, overdue=True, on=D(2026, 4, 1)).exists()


def test_tasks_of_drafts_are_not_in_task_lists(plan_with_content, province_officer):
    assert not selectors.tasks_visible_to(province_officer).exists()


def test_my_tasks_are_those_my_agency_leads_or_coordinates(
    issued_plan, culture_reporter, police_reporter, commune_officer
):
    assert selectors.my_tasks(culture_reporter).count() == 1
    assert selectors.my_tasks(police_reporter).count() == 2
    assert not selectors.my_tasks(commune_officer).exists()


def test_a_task_outside_the_jurisdiction_is_404(issued_plan, other_province_officer):
    with pytest.raises(Http404):
        selectors.task_get(other_province_officer, issued_plan.tasks.first().pk)


def test_the_cascade_counts_communes_with_an_issued_implementing_plan(
    issued_plan, commune, other_commune, commune_committee
):
    from pcmd.accounts.capabilities import Role
    from pcmd.accounts.tests.factories import MembershipFactory, UserFactory

    # given one commune with an issued implementing plan, the other without
    officer = UserFactory.create()
    MembershipFactory.create(user=officer, unit=commune, agency=commune_committee, role=Role.COMMUNE_OFFICER)
    child = make_draft(officer, commune, commune_committee, implements=issued_plan, issued_place="Tô Hiệu")
    services.plan_section_save(actor=officer, plan=child, heading="Nhiệm vụ", body="Triển khai")
    cascade = selectors.plan_cascade(issued_plan)
    assert cascade.units_with_plan == 0
    services.plan_issue(actor=officer, plan=child, version=child.version, number="7", issued_on=D(2026, 3, 1))
    # when
    cascade = selectors.plan_cascade(issued_plan)
    # then
    assert {row.unit.code: row.has_plan for row in cascade.units} == {
        commune.code: True,
        other_commune.code: False,
    }
    assert (cascade.units_with_plan, cascade.units_with_plan_percent) == (1, 50.0)
    assert {row.agency.name for row in cascade.agencies if row.agency} == {
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
        "Công an tỉnh Sơn La",
    }


def test_plan_counts(issued_plan):
    counts = selectors.plan_counts(issued_plan)
    assert (counts["targets"], counts["measurable_targets"], counts["tasks"], counts["deadlines"]) == (
        1,
        1,
        2,
        4,
    )


def test_the_calendar_lists_deadlines_in_date_order(issued_plan):
    dates = [d.due_on for d in selectors.reporting_calendar(issued_plan)]
    assert dates == sorted(dates)
    assert dates[0] == D(2026, 5, 15) and dates[-1] == D(2026, 11, 10)
