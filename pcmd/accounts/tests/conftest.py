"""Fixtures of the accounts tests beyond the root personas."""

from __future__ import annotations

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def two_hat_officer(son_la, commune, health_department):
    """A Sở Y tế coordinator who is also a commune officer of Phường Tô Hiệu: two memberships."""
    user = UserFactory(username="hai.phancong", full_name="Lường Văn Hai")
    MembershipFactory(user=user, unit=son_la, agency=health_department, role=Role.PROVINCIAL_COORDINATOR)
    MembershipFactory(user=user, unit=commune, role=Role.COMMUNE_OFFICER)
    return user


@pytest.fixture
def totp_device(system_admin):
    return TOTPDevice.objects.create(user=system_admin, name="PCMD", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """The code the authenticator app would show now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client
