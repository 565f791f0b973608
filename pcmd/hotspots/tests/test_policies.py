import pytest

from pcmd.hotspots import policies

VIEWERS = ["province_officer", "commune_officer", "police_officer", "inspector", "system_admin"]
NON_VIEWERS = ["case_worker", "leader", "no_membership_user"]
MANAGERS = ["province_officer", "commune_officer", "police_officer", "system_admin"]


@pytest.mark.parametrize("persona", VIEWERS)
def test_enforcement_roles_and_inspectors_see_hotspots(request, persona):
    assert policies.can_view_hotspots(request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", NON_VIEWERS)
def test_case_workers_leaders_and_unassigned_users_see_no_hotspot(request, persona):
    assert not policies.can_view_hotspots(request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", MANAGERS)
def test_police_commune_officers_and_the_coordinator_manage_hotspots(request, persona):
    assert policies.can_manage_hotspots(request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", ["inspector", "case_worker", "leader", "no_membership_user"])
def test_inspectors_and_others_do_not_manage_hotspots(request, persona):
    assert not policies.can_manage_hotspots(request.getfixturevalue(persona))


def test_a_commune_officer_manages_hotspots_of_their_commune_only(commune_officer, commune, other_commune):
    assert policies.can_manage_hotspots_in(commune_officer, commune)
    assert not policies.can_manage_hotspots_in(commune_officer, other_commune)


def test_an_officer_of_another_province_manages_no_son_la_hotspot(other_province_officer, commune, son_la):
    assert not policies.can_manage_hotspots_in(other_province_officer, commune)
    assert not policies.can_manage_hotspots_in(other_province_officer, son_la)


def test_provincial_police_manage_hotspots_of_every_commune_of_the_province(
    police_officer, commune, other_commune
):
    assert policies.can_manage_hotspots_in(police_officer, commune)
    assert policies.can_manage_hotspots_in(police_officer, other_commune)


def test_leaders_see_the_indicators_but_users_without_membership_do_not(leader, no_membership_user):
    assert policies.can_view_hotspot_indicators(leader)
    assert not policies.can_view_hotspot_indicators(no_membership_user)
