import pytest

from pcmd.agencies import policies


def test_province_officer_manages_agencies_of_the_province_and_its_communes(
    province_officer, son_la, commune, health_department, provincial_team
):
    assert policies.can_manage_agencies_in(province_officer, son_la)
    assert policies.can_manage_agencies_in(province_officer, commune)
    assert policies.can_manage_agency(province_officer, health_department)
    assert policies.can_manage_team(province_officer, provincial_team)


def test_province_officer_of_another_province_manages_nothing_in_son_la(
    other_province_officer, son_la, commune, health_department, provincial_team
):
    assert policies.can_manage_agencies(other_province_officer)  # holds the capability...
    assert not policies.can_manage_agencies_in(other_province_officer, son_la)  # ...but not here
    assert not policies.can_manage_agencies_in(other_province_officer, commune)
    assert not policies.can_manage_agency(other_province_officer, health_department)
    assert not policies.can_manage_team(other_province_officer, provincial_team)


@pytest.mark.parametrize("persona", ["commune_officer", "inspector", "case_worker"])
def test_other_roles_see_agencies_but_do_not_manage_them(persona, request, commune):
    user = request.getfixturevalue(persona)
    assert policies.can_view_agencies(user)
    assert not policies.can_manage_agencies(user)
    assert not policies.can_manage_agencies_in(user, commune)


def test_user_without_membership_neither_sees_nor_manages(no_membership_user, son_la):
    assert not policies.can_view_agencies(no_membership_user)
    assert not policies.can_manage_agencies_in(no_membership_user, son_la)


def test_system_admin_manages_everywhere(system_admin, son_la, other_province):
    assert policies.can_manage_agencies_in(system_admin, son_la)
    assert policies.can_manage_agencies_in(system_admin, other_province)
