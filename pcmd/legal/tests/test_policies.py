import pytest

from pcmd.legal.policies import can_manage_legal_references, can_view_legal_references


@pytest.mark.parametrize(
    "persona", ["system_admin", "province_officer", "commune_officer", "inspector", "police_officer"]
)
def test_enforcement_roles_read_the_legal_references(request, persona):
    assert can_view_legal_references(request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", ["case_worker", "no_membership_user"])
def test_case_workers_and_users_without_membership_do_not(request, persona):
    assert not can_view_legal_references(request.getfixturevalue(persona))


def test_only_holders_of_reference_data_management_maintain_them(
    system_admin, province_officer, inspector, police_officer
):
    assert can_manage_legal_references(system_admin)
    assert not any(
        can_manage_legal_references(user) for user in (province_officer, inspector, police_officer)
    )
