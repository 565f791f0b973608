import datetime

import pytest
from django.http import Http404

from pcmd.establishments.models import Establishment
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.inspections import coverage, selectors
from pcmd.inspections.models import InspectionMode, InspectionPlan, PlannedInspection
from pcmd.inspections.tests.factories import (
    FollowUpFactory,
    InspectionFactory,
    SanctionDecisionFactory,
    ViolationFactory,
    at,
)

D = datetime.date


@pytest.fixture
def son_la_registry(commune, other_commune, provincial_team):
    """Tô Hiệu: 4 establishments (one closed, one opened in 2099); Mường Bú: 2. Inspections: one in 2025 and
    two in 2026 (the same establishment twice), all by the provincial team."""
    a = EstablishmentFactory.create(unit=commune, name="A", opened_on=D(2018, 1, 1))
    b = EstablishmentFactory.create(unit=commune, name="B", opened_on=D(2018, 1, 1))
    EstablishmentFactory.create(unit=commune, name="Đã đóng", status=Establishment.Status.CLOSED)
    EstablishmentFactory.create(unit=commune, name="Mở sau", opened_on=D(2099, 6, 1))
    c = EstablishmentFactory.create(unit=other_commune, name="C", opened_on=D(2018, 1, 1))
    EstablishmentFactory.create(unit=other_commune, name="D", opened_on=None)
    InspectionFactory.create(team=provincial_team, establishment=a, started_at=at(D(2026, 2, 1)))
    InspectionFactory.create(team=provincial_team, establishment=a, started_at=at(D(2026, 6, 1)))
    InspectionFactory.create(team=provincial_team, establishment=b, started_at=at(D(2025, 5, 1)))
    InspectionFactory.create(
        team=provincial_team, establishment=c, started_at=at(D(2026, 9, 9)), mode=InspectionMode.ANNOUNCED
    )
    return {"a": a, "b": b, "c": c}


# --- coverage arithmetic ------------------------------------------------------------------------------------


def test_coverage_per_commune_and_province(province_officer, son_la_registry):
    report = coverage.coverage_by_commune(province_officer, 2026)
    rows = {row.unit.code: row for row in report.communes}
    # Tô Hiệu: A and B to cover (closed and not-yet-opened excluded); A inspected in 2026, B only in 2025
    to_hieu = rows["04105"]
    assert (to_hieu.total, to_hieu.inspected_this_year, to_hieu.inspected_ever) == (2, 1, 2)
    assert (to_hieu.percent_this_year, to_hieu.percent_ever, to_hieu.never_inspected) == (50.0, 100.0, 0)
    muong_bu = rows["04168"]
    assert (muong_bu.total, muong_bu.inspected_this_year, muong_bu.inspected_ever) == (2, 1, 1)
    [province] = report.provinces
    assert (province.total, province.inspected_this_year, province.inspected_ever) == (4, 2, 3)
    assert province.percent_this_year == 50.0 and province.percent_ever == 75.0


def test_coverage_of_an_earlier_year_ignores_later_inspections(province_officer, son_la_registry):
    [province] = coverage.coverage_by_commune(province_officer, 2025).provinces
    assert (province.total, province.inspected_this_year, province.inspected_ever) == (4, 1, 1)


def test_a_commune_officer_sees_only_their_communes_coverage(commune_officer, son_la_registry):
    report = coverage.coverage_by_commune(commune_officer, 2026)
    assert [row.unit.code for row in report.communes] == ["04105"]
    assert report.provinces[0].total == 2


def test_another_province_and_case_workers_see_no_coverage(
    other_province_officer, case_worker, son_la_registry
):
    assert coverage.coverage_by_commune(other_province_officer, 2026).communes == []
    assert coverage.coverage_by_commune(case_worker, 2026).provinces == []


def test_percent_of_nothing_is_none_not_a_division_by_zero(province_officer, commune):
    report = coverage.coverage_by_commune(province_officer, 2026)
    assert report.provinces == []
    row = coverage.CoverageRow(commune)
    assert row.percent_this_year is None and row.percent_ever is None


def test_plan_coverage_counts_planned_against_quota_and_done_by_mode(
    inspector, provincial_team, son_la_registry
):
    plan = InspectionPlan.objects.create(
        team=provincial_team, year=2026, announced_quota=20, unannounced_quota=40
    )
    PlannedInspection.objects.create(
        plan=plan, establishment=son_la_registry["b"], mode=InspectionMode.ANNOUNCED
    )
    PlannedInspection.objects.create(
        plan=plan, establishment=son_la_registry["c"], mode=InspectionMode.UNANNOUNCED
    )
    result = coverage.plan_coverage(inspector, plan)
    assert (result.area.total, result.area.inspected_this_year, result.area.inspected_ever) == (4, 2, 3)
    assert (result.planned_announced, result.planned_unannounced) == (1, 1)
    assert (result.done_announced, result.done_unannounced, result.done_total, result.quota_total) == (
        1,
        2,
        3,
        60,
    )
    statuses = {s.entry.establishment.name: s for s in result.entries}
    assert statuses["C"].inspected_by_team_this_year and statuses["C"].last_inspected_on == D(2026, 9, 9)
    assert not statuses["B"].inspected_by_team_this_year and statuses["B"].last_inspected_on == D(2025, 5, 1)


def test_never_inspected_and_inspected_more_than_n_times(province_officer, son_la_registry):
    never = {e.name for e in coverage.establishments_never_inspected(province_officer)}
    # "Mở sau" opens only in 2099; the closed one is not to cover
    assert never == {"D"}
    often = list(coverage.establishments_inspected_more_than(province_officer, 1))
    assert [(e.name, getattr(e, "inspection_count", None)) for e in often] == [("A", 2)]
    assert [e.name for e in coverage.establishments_inspected_more_than(province_officer, 0, year=2025)] == [
        "B"
    ]


# --- scoping ------------------------------------------------------------------------------------------------


def test_inspections_are_scoped_to_the_jurisdiction(
    province_officer, commune_officer, other_commune_officer, other_province_officer, son_la_registry
):
    assert selectors.inspections_visible_to(province_officer).count() == 4
    assert selectors.inspections_visible_to(commune_officer).count() == 3
    assert selectors.inspections_visible_to(other_commune_officer).count() == 1
    assert not selectors.inspections_visible_to(other_province_officer).exists()


def test_an_inspection_outside_the_jurisdiction_is_404(other_commune_officer, son_la_registry):
    inspection = son_la_registry["a"].inspections.first()
    with pytest.raises(Http404):
        selectors.inspection_get(other_commune_officer, inspection.pk)


def test_a_case_worker_sees_no_inspection_violation_decision_or_follow_up(case_worker, son_la_registry):
    violation = ViolationFactory.create(inspection=son_la_registry["a"].inspections.first())
    SanctionDecisionFactory.create(inspection=violation.inspection)
    FollowUpFactory.create(violation=violation)
    assert not selectors.inspections_visible_to(case_worker).exists()
    assert not selectors.violations_visible_to(case_worker).exists()
    assert not selectors.decisions_visible_to(case_worker).exists()
    assert not selectors.follow_ups_visible_to(case_worker).exists()


def test_overdue_follow_ups_are_those_not_done_and_due_before_today(province_officer, son_la_registry):
    violation = ViolationFactory.create(inspection=son_la_registry["a"].inspections.first())
    overdue = FollowUpFactory.create(violation=violation, due_on=D(2026, 4, 1))
    FollowUpFactory.create(
        violation=violation, due_on=D(2026, 4, 1), done_on=D(2026, 4, 1), outcome="remedied"
    )
    FollowUpFactory.create(violation=violation, due_on=D(2999, 1, 1))
    assert list(selectors.follow_ups_visible_to(province_officer, overdue=True)) == [overdue]
    assert selectors.follow_ups_visible_to(province_officer, pending=True).count() == 2


def test_unpaid_decisions_exclude_paid_ones_and_decisions_without_fines(province_officer, son_la_registry):
    inspection = son_la_registry["a"].inspections.first()
    unpaid = SanctionDecisionFactory.create(inspection=inspection)
    SanctionDecisionFactory.create(inspection=inspection, payment_status="paid", paid_on=D(2026, 3, 25))
    SanctionDecisionFactory.create(inspection=inspection, fine_total=0, payment_status="no_fine")
    assert list(selectors.decisions_visible_to(province_officer, unpaid=True)) == [unpaid]


def test_an_inspector_records_for_their_team_only_and_an_administrator_for_any(
    inspector, commune_inspector, system_admin, provincial_team, commune_team, province_officer
):
    assert list(selectors.teams_for_recording(inspector)) == [provincial_team]
    assert list(selectors.teams_for_recording(commune_inspector)) == [commune_team]
    assert set(selectors.teams_for_recording(system_admin)) == {provincial_team, commune_team}
    assert not selectors.teams_for_recording(province_officer).exists()


def test_a_commune_team_sees_only_establishments_of_its_commune(
    commune_inspector, commune_team, son_la_registry
):
    names = {e.name for e in selectors.establishments_in_team_area(commune_inspector, commune_team)}
    assert names == {"A", "B", "Mở sau"}
