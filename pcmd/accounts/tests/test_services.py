from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from pcmd.accounts import services
from pcmd.accounts.capabilities import Role
from pcmd.accounts.models import Membership, User
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.tests.factories import AgencyFactory, InspectionTeamFactory

NEW_PASSWORD = "Mat-khau-ban-dau-2026"


def _create(actor, **overrides):  # type: ignore[no-untyped-def]
    values = {"username": "moi.tohieu", "password": NEW_PASSWORD, "full_name": "Hoàng Thị Mới"}
    return services.user_create(actor=actor, **{**values, **overrides})


def test_administrator_creates_an_account_with_its_first_membership(system_admin, commune):
    # when
    user = _create(system_admin, email="moi@example.vn", role=Role.COMMUNE_OFFICER, unit=commune)
    # then
    user.refresh_from_db()
    assert user.is_active and user.check_password(NEW_PASSWORD)
    assert user.full_name == "Hoàng Thị Mới"
    membership = user.memberships.get()
    assert (membership.role, membership.unit) == (Role.COMMUNE_OFFICER, commune)


def test_account_creation_is_recorded_in_the_audit_log_with_the_actor(system_admin, commune):
    # when
    user = _create(system_admin, role=Role.COMMUNE_OFFICER, unit=commune)
    # then
    entry = LogEntry.objects.get_for_object(user).get()
    assert entry.actor == system_admin
    assert entry.action == LogEntry.Action.CREATE
    assert "password" not in (entry.changes or {})
    membership_entry = LogEntry.objects.get_for_object(user.memberships.get()).get()
    assert membership_entry.actor == system_admin


def test_a_coordinator_cannot_create_accounts(province_officer):
    with pytest.raises(PermissionDenied):
        _create(province_officer)
    assert not User.objects.filter(username="moi.tohieu").exists()


def test_a_weak_password_is_refused_and_nothing_is_created(system_admin):
    with pytest.raises(ValidationError) as error:
        _create(system_admin, password="12345")
    assert "password" in error.value.message_dict
    assert not User.objects.filter(username="moi.tohieu").exists()


def test_a_taken_username_is_refused(system_admin, commune_officer):
    with pytest.raises(ValidationError) as error:
        _create(system_admin, username="canbo.tohieu")
    assert "username" in error.value.message_dict


def test_a_failing_membership_rolls_back_the_new_account(system_admin, commune, other_province):
    # given an agency of another unit
    foreign_agency = AgencyFactory(unit=other_province)
    # when
    with pytest.raises(ValidationError):
        _create(system_admin, role=Role.COMMUNE_OFFICER, unit=commune, agency=foreign_agency)
    # then
    assert not User.objects.filter(username="moi.tohieu").exists()


def test_membership_add_gives_a_second_role(system_admin, commune_officer, son_la, provincial_team):
    # when
    membership = services.membership_add(
        actor=system_admin,
        user=commune_officer,
        role=Role.INSPECTOR,
        unit=son_la,
        agency=provincial_team.lead_agency,
        team=provincial_team,
    )
    # then
    assert membership.team == provincial_team
    assert commune_officer.memberships.count() == 2


def test_membership_add_refuses_a_team_of_another_unit(
    system_admin, commune_officer, commune, other_province
):
    team = InspectionTeamFactory(unit=other_province)
    with pytest.raises(ValidationError) as error:
        services.membership_add(
            actor=system_admin, user=commune_officer, role=Role.INSPECTOR, unit=commune, team=team
        )
    assert "team" in error.value.message_dict


def test_membership_add_refuses_a_unit_less_membership_except_for_administrators(
    system_admin, commune_officer
):
    with pytest.raises(PermissionDenied):
        services.membership_add(actor=system_admin, user=commune_officer, role=Role.LEADER, unit=None)
    services.membership_add(actor=system_admin, user=commune_officer, role=Role.SYSTEM_ADMIN, unit=None)
    assert commune_officer.memberships.filter(role=Role.SYSTEM_ADMIN, unit=None).exists()


def test_membership_add_refuses_a_duplicate(system_admin, commune_officer, commune):
    with pytest.raises(ValidationError) as error:
        services.membership_add(
            actor=system_admin, user=commune_officer, role=Role.COMMUNE_OFFICER, unit=commune
        )
    assert "role" in error.value.message_dict
    assert commune_officer.memberships.count() == 1


def test_membership_add_refuses_a_legacy_unit(system_admin, commune_officer, son_la):
    from pcmd.geography.models import AdminUnit
    from pcmd.geography.tests.factories import make_legacy

    legacy = make_legacy("116", "Thành phố Sơn La", AdminUnit.Level.DISTRICT, None, son_la.path)
    with pytest.raises(ValidationError) as error:
        services.membership_add(actor=system_admin, user=commune_officer, role=Role.LEADER, unit=legacy)
    assert "unit" in error.value.message_dict


def test_an_administrator_of_a_province_cannot_grant_in_another_province(
    son_la, other_province, commune_officer
):
    # given
    provincial_admin = UserFactory.create()
    MembershipFactory.create(user=provincial_admin, unit=son_la, role=Role.SYSTEM_ADMIN)
    # when / then
    with pytest.raises(PermissionDenied):
        services.membership_add(
            actor=provincial_admin, user=commune_officer, role=Role.LEADER, unit=other_province
        )
    assert commune_officer.memberships.count() == 1


def test_administrator_deactivates_an_account_and_its_memberships_are_kept(system_admin, commune_officer):
    # when
    services.user_deactivate(actor=system_admin, user=commune_officer)
    # then
    commune_officer.refresh_from_db()
    assert not commune_officer.is_active
    assert Membership.objects.filter(user=commune_officer).count() == 1
    entry = LogEntry.objects.get_for_object(commune_officer).latest("timestamp")
    assert entry.actor == system_admin
    assert entry.changes_dict["is_active"] == ["True", "False"]


def test_administrator_cannot_deactivate_themselves(system_admin):
    with pytest.raises(PermissionDenied):
        services.user_deactivate(actor=system_admin, user=system_admin)
    system_admin.refresh_from_db()
    assert system_admin.is_active


def test_a_coordinator_cannot_deactivate_an_account(province_officer, commune_officer):
    with pytest.raises(PermissionDenied):
        services.user_deactivate(actor=province_officer, user=commune_officer)
    commune_officer.refresh_from_db()
    assert commune_officer.is_active


def test_api_token_issue_returns_the_same_token_each_time(commune_officer):
    first = services.api_token_issue(actor=commune_officer)
    second = services.api_token_issue(actor=commune_officer)
    assert first.key == second.key
    assert Token.objects.filter(user=commune_officer).count() == 1


def test_starting_a_totp_setup_replaces_an_unfinished_one(system_admin):
    first = services.totp_device_start(actor=system_admin)
    second = services.totp_device_start(actor=system_admin)
    assert list(TOTPDevice.objects.filter(user=system_admin)) == [second]
    assert first.pk != second.pk


def test_totp_keys_never_reach_the_audit_log(system_admin):
    device = services.totp_device_start(actor=system_admin)
    for entry in LogEntry.objects.get_for_object(device):
        assert "key" not in (entry.changes_dict or {})
