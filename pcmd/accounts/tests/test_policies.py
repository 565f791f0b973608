from __future__ import annotations

from pcmd.accounts import policies
from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory


def test_administrators_and_holders_of_sensitive_capabilities_must_use_two_factor(
    system_admin, case_worker, province_officer, commune_officer
):
    assert policies.must_use_two_factor(system_admin)
    assert policies.must_use_two_factor(case_worker)  # support cases are sensitive
    assert not policies.must_use_two_factor(province_officer)
    assert not policies.must_use_two_factor(commune_officer)


def test_a_sensitive_role_in_any_active_membership_requires_two_factor(commune_officer, son_la):
    # given a commune officer who is also a police officer (informant identities)
    police = MembershipFactory.create(user=commune_officer, unit=son_la, role=Role.POLICE_OFFICER)
    assert policies.must_use_two_factor(commune_officer)
    # when that membership ends
    police.is_active = False
    police.save()
    # then
    assert not policies.must_use_two_factor(commune_officer)


def test_a_superuser_without_memberships_must_use_two_factor(db):
    assert policies.must_use_two_factor(UserFactory.create(is_superuser=True))


def test_only_system_administrators_manage_users(
    system_admin, province_officer, commune_officer, case_worker
):
    assert policies.can_manage_users(system_admin)
    assert not policies.can_manage_users(province_officer)
    assert not policies.can_manage_users(commune_officer)
    assert not policies.can_manage_users(case_worker)


def test_a_user_switches_only_to_their_own_active_memberships(commune_officer, other_commune_officer):
    own = commune_officer.memberships.get()
    foreign = other_commune_officer.memberships.get()
    assert policies.can_switch_to(commune_officer, own)
    assert not policies.can_switch_to(commune_officer, foreign)
    own.is_active = False
    assert not policies.can_switch_to(commune_officer, own)


def test_a_national_administrator_manages_every_account(
    system_admin, other_province_officer, commune_officer
):
    assert policies.can_manage_user(system_admin, other_province_officer)
    assert policies.can_manage_user(system_admin, commune_officer)


def test_an_administrator_of_a_province_manages_only_accounts_of_that_province(
    son_la, commune_officer, other_province_officer, province_officer
):
    # given
    provincial_admin = UserFactory.create()
    MembershipFactory.create(user=provincial_admin, unit=son_la, role=Role.SYSTEM_ADMIN)
    # then
    assert policies.can_manage_user(provincial_admin, commune_officer)
    assert not policies.can_manage_user(provincial_admin, other_province_officer)
    assert policies.can_grant_membership(provincial_admin, province_officer, son_la, Role.LEADER)


def test_an_administrator_of_a_province_cannot_grant_outside_it_or_a_national_role(son_la, other_province):
    provincial_admin = UserFactory.create()
    MembershipFactory.create(user=provincial_admin, unit=son_la, role=Role.SYSTEM_ADMIN)
    newcomer = UserFactory.create()
    assert not policies.can_grant_membership(provincial_admin, newcomer, other_province, Role.LEADER)
    assert not policies.can_grant_membership(provincial_admin, newcomer, None, Role.SYSTEM_ADMIN)


def test_only_the_national_administrator_grants_a_national_membership_and_only_as_administrator(system_admin):
    newcomer = UserFactory.create()
    assert policies.can_grant_membership(system_admin, newcomer, None, Role.SYSTEM_ADMIN)
    assert not policies.can_grant_membership(system_admin, newcomer, None, Role.LEADER)


def test_an_administrator_cannot_deactivate_themselves(system_admin, commune_officer):
    assert policies.can_deactivate_user(system_admin, commune_officer)
    assert not policies.can_deactivate_user(system_admin, system_admin)


def test_coordinators_see_the_audit_log_and_case_workers_do_not(province_officer, case_worker):
    assert policies.can_view_audit(province_officer)
    assert not policies.can_view_audit(case_worker)
