"""Person-sanction fixtures: police officers of Sơn La and of another province, provisions of the legal table
(one for individuals valid in 2025, its successor from 2026, one for organisations), and a fixed "today"."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.legal.models import LegalProvision
from pcmd.legal.tests.factories import LegalDocumentFactory, LegalProvisionFactory

D = datetime.date
TODAY = D(2026, 6, 30)
INDIVIDUAL = LegalProvision.AppliesTo.INDIVIDUAL


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    for module in ("services", "forms"):
        monkeypatch.setattr(f"pcmd.person_sanctions.{module}.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def police_officer(son_la):
    agency = AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")
    user = UserFactory.create(username="congan.sonla", full_name="Lường Văn Công An")
    MembershipFactory.create(user=user, unit=son_la, agency=agency, role=Role.POLICE_OFFICER)
    return user


@pytest.fixture
def commune_police_officer(commune):
    user = UserFactory.create(username="congan.tohieu", full_name="Cầm Văn Phường")
    MembershipFactory.create(user=user, unit=commune, role=Role.POLICE_OFFICER)
    return user


@pytest.fixture
def other_province_police_officer(other_province):
    user = UserFactory.create(username="congan.laichau", full_name="Tòng Văn Tỉnh Khác")
    MembershipFactory.create(user=user, unit=other_province, role=Role.POLICE_OFFICER)
    return user


@pytest.fixture
def leader(son_la):
    user = UserFactory.create(username="lanhdao.sonla", full_name="Đinh Văn Lãnh Đạo")
    MembershipFactory.create(user=user, unit=son_la, role=Role.LEADER)
    return user


@pytest.fixture
def old_buying_sex() -> LegalProvision:
    """Buying sex, 500.000–1.000.000 đồng, applied in 2025 only."""
    document = LegalDocumentFactory.create(number="901/2021/NĐ-CP", effective_from=D(2022, 1, 1))
    return LegalProvisionFactory.create(
        document=document,
        article="24",
        act="Mua dâm",
        applies_to=INDIVIDUAL,
        fine_min=500_000,
        fine_max=1_000_000,
        valid_from=D(2022, 1, 1),
        valid_to=D(2025, 12, 31),
    )


@pytest.fixture
def buying_sex() -> LegalProvision:
    """Buying sex, 1.000.000–2.000.000 đồng, applied from 2026."""
    document = LegalDocumentFactory.create(number="902/2026/NĐ-CP", effective_from=D(2026, 1, 1))
    return LegalProvisionFactory.create(
        document=document,
        article="32",
        act="Mua dâm",
        applies_to=INDIVIDUAL,
        fine_min=1_000_000,
        fine_max=2_000_000,
        valid_from=D(2026, 1, 1),
    )


@pytest.fixture
def organisation_provision() -> LegalProvision:
    return LegalProvisionFactory.create(
        act="Lợi dụng kinh doanh dịch vụ để hoạt động mại dâm", valid_from=D(2026, 1, 1)
    )


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def api():
    def _as(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return _as
