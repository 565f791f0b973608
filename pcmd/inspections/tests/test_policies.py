import pytest

from pcmd.inspections import policies


@pytest.mark.parametrize(
    "persona", ["province_officer", "commune_officer", "inspector", "police_officer", "system_admin"]
)
def test_enforcement_roles_see_inspections(request, persona):
    assert policies.can_view_inspections(request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", ["case_worker", "no_membership_user"])
def test_case_workers_and_users_without_membership_see_none(request, persona):
    assert not policies.can_view_inspections(request.getfixturevalue(persona))


def test_an_inspector_records_for_their_team_in_its_area(inspector, provincial_team, commune_team, hoa_hong):
    assert policies.can_record_inspection(inspector, provincial_team, hoa_hong)
    assert not policies.can_record_inspection(inspector, commune_team, hoa_hong)


def test_an_inspector_of_the_commune_team_records_in_their_commune_only(
    commune_inspector, commune_team, provincial_team, hoa_hong, suoi_bu
):
    assert policies.can_record_inspection(commune_inspector, commune_team, hoa_hong)
    assert not policies.can_record_inspection(commune_inspector, commune_team, suoi_bu)
    assert not policies.can_record_inspection(commune_inspector, provincial_team, hoa_hong)


def test_the_team_area_bounds_even_an_administrator(system_admin, commune_team, suoi_bu, hoa_hong):
    assert policies.can_record_inspection(system_admin, commune_team, hoa_hong)
    assert not policies.can_record_inspection(system_admin, commune_team, suoi_bu)


@pytest.mark.parametrize("persona", ["province_officer", "commune_officer", "police_officer", "case_worker"])
def test_non_inspectors_record_no_inspection(request, persona, provincial_team, hoa_hong):
    assert not policies.can_record_inspection(request.getfixturevalue(persona), provincial_team, hoa_hong)


def test_sanctions_are_recorded_by_sanction_recorders_of_the_area(
    police_officer, other_province_police, inspector, province_officer, inspection
):
    assert policies.can_record_sanction(police_officer, inspection)
    assert not policies.can_record_sanction(other_province_police, inspection)
    assert not policies.can_record_sanction(inspector, inspection)
    assert not policies.can_record_sanction(province_officer, inspection)


def test_follow_ups_by_the_team_or_the_sanctioning_authority(
    inspector, police_officer, commune_officer, commune_inspector, inspection
):
    assert policies.can_manage_follow_ups(inspector, inspection)
    assert policies.can_manage_follow_ups(police_officer, inspection)
    assert not policies.can_manage_follow_ups(commune_officer, inspection)
    assert not policies.can_manage_follow_ups(commune_inspector, inspection)


def test_plans_by_the_teams_inspectors_or_its_managers(
    inspector, province_officer, commune_inspector, other_province_officer, provincial_team
):
    assert policies.can_manage_plan(inspector, provincial_team)
    assert policies.can_manage_plan(province_officer, provincial_team)
    assert not policies.can_manage_plan(commune_inspector, provincial_team)
    assert not policies.can_manage_plan(other_province_officer, provincial_team)


def test_only_administrators_edit_the_checklist(system_admin, province_officer, inspector):
    assert policies.can_manage_checklist(system_admin)
    assert not policies.can_manage_checklist(province_officer)
    assert not policies.can_manage_checklist(inspector)
