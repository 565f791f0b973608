"""Hotspot fixtures: police agencies and a police officer of Sơn La, a leader, and a fixed "today" so dated
rules do not depend on the calendar."""

from __future__ import annotations

import datetime

import pytest

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import Agency, AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.geography.tests.factories import make_commune
from pcmd.hotspots.models import Hotspot
from pcmd.hotspots.tests.factories import hotspot_via_services

D = datetime.date
TODAY = D(2026, 6, 30)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr("pcmd.hotspots.services.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def province_police(son_la) -> Agency:
    return AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")


@pytest.fixture
def commune_police(commune) -> Agency:
    return AgencyFactory.create(unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu")


@pytest.fixture
def other_commune_police(other_commune) -> Agency:
    return AgencyFactory.create(unit=other_commune, kind=AgencyKind.POLICE, name="Công an xã Mường Bú")


@pytest.fixture
def other_province_commune(other_province):
    return make_commune(other_province, "03199", "Phường Tân Phong")


@pytest.fixture
def other_province_police(other_province) -> Agency:
    return AgencyFactory.create(unit=other_province, kind=AgencyKind.POLICE, name="Công an tỉnh Lai Châu")


@pytest.fixture
def police_officer(son_la, province_police):
    user = UserFactory.create(username="congan.sonla", full_name="Lường Văn Công An")
    MembershipFactory.create(user=user, unit=son_la, agency=province_police, role=Role.POLICE_OFFICER)
    return user


@pytest.fixture
def leader(son_la):
    user = UserFactory.create(username="lanhdao.sonla", full_name="Đinh Văn Lãnh Đạo")
    MembershipFactory.create(user=user, unit=son_la, role=Role.LEADER)
    return user


@pytest.fixture
def hotspot(commune_officer, commune, commune_police) -> Hotspot:
    """A hotspot of the commune, identified on 10/01/2026 by the commune police."""
    return hotspot_via_services(commune_officer, commune, commune_police)
