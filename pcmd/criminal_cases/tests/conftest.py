"""Criminal-case fixtures: the police, procuracy and court of Sơn La, police officers of the province and of a
commune, a police officer of another province, and a fixed "today" so dated rules do not depend on the
calendar."""

from __future__ import annotations

import datetime

import pytest
from rest_framework.test import APIClient

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import Agency, AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.criminal_cases.models import CriminalCase
from pcmd.criminal_cases.tests.factories import case_via_services

D = datetime.date
TODAY = D(2026, 6, 30)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    for module in ("services", "selectors", "forms", "views"):
        monkeypatch.setattr(f"pcmd.criminal_cases.{module}.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def province_police(son_la) -> Agency:
    return AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")


@pytest.fixture
def procuracy(son_la) -> Agency:
    return AgencyFactory.create(
        unit=son_la, kind=AgencyKind.PROCURACY, name="Viện Kiểm sát nhân dân tỉnh Sơn La"
    )


@pytest.fixture
def court(son_la) -> Agency:
    return AgencyFactory.create(unit=son_la, kind=AgencyKind.COURT, name="Tòa án nhân dân tỉnh Sơn La")


@pytest.fixture
def commune_police(commune) -> Agency:
    return AgencyFactory.create(unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu")


@pytest.fixture
def other_commune_police(other_commune) -> Agency:
    return AgencyFactory.create(unit=other_commune, kind=AgencyKind.POLICE, name="Công an xã Mường Bú")


@pytest.fixture
def other_province_police(other_province) -> Agency:
    return AgencyFactory.create(unit=other_province, kind=AgencyKind.POLICE, name="Công an tỉnh Lai Châu")


@pytest.fixture
def police_officer(son_la, province_police):
    user = UserFactory.create(username="congan.sonla", full_name="Lường Văn Công An")
    MembershipFactory.create(user=user, unit=son_la, agency=province_police, role=Role.POLICE_OFFICER)
    return user


@pytest.fixture
def commune_police_officer(commune, commune_police):
    user = UserFactory.create(username="congan.tohieu", full_name="Cầm Văn Phường")
    MembershipFactory.create(user=user, unit=commune, agency=commune_police, role=Role.POLICE_OFFICER)
    return user


@pytest.fixture
def other_commune_police_officer(other_commune, other_commune_police):
    user = UserFactory.create(username="congan.muongbu", full_name="Quàng Văn Xã Khác")
    MembershipFactory.create(
        user=user, unit=other_commune, agency=other_commune_police, role=Role.POLICE_OFFICER
    )
    return user


@pytest.fixture
def other_province_police_officer(other_province, other_province_police):
    user = UserFactory.create(username="congan.laichau", full_name="Tòng Văn Tỉnh Khác")
    MembershipFactory.create(
        user=user, unit=other_province, agency=other_province_police, role=Role.POLICE_OFFICER
    )
    return user


@pytest.fixture
def leader(son_la):
    user = UserFactory.create(username="lanhdao.sonla", full_name="Đinh Văn Lãnh Đạo")
    MembershipFactory.create(user=user, unit=son_la, role=Role.LEADER)
    return user


@pytest.fixture
def case(police_officer, commune, province_police) -> CriminalCase:
    """A case of the commune under Điều 327, uncovered on 10/01/2026 by the provincial police."""
    return case_via_services(police_officer, commune, province_police)


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
