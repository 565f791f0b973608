"""Tip fixtures: police of Sơn La (who may see informants), tips in the personas' units, encrypted files in a
temporary folder, and a clean cache (rate-limit counters) for every test."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.geography.tests.factories import make_commune
from pcmd.tips.tests.factories import named_informant, submit


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def province_police(son_la):
    return AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")


@pytest.fixture
def commune_police(commune):
    return AgencyFactory.create(unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu")


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
def other_province_commune(other_province):
    return make_commune(other_province, "03199", "Phường Tân Phong")


@pytest.fixture
def commune_tip(son_la, commune):
    """A tip about Phường Tô Hiệu, with the informant's name and phone."""
    return submit(son_la, commune, contact=named_informant()).tip


@pytest.fixture
def province_tip(son_la):
    """A tip about Sơn La with no commune: routed to the province."""
    return submit(son_la, content="Có nhóm môi giới hoạt động ở khu vực bến xe, không rõ xã.").tip


@pytest.fixture
def other_commune_tip(son_la, other_commune):
    return submit(son_la, other_commune, content="Nhà nghỉ ven suối có dấu hiệu chứa mại dâm.").tip


@pytest.fixture
def other_province_tip(other_province, other_province_commune):
    return submit(other_province, other_province_commune, content="Quán bar ở Tân Phong có môi giới.").tip


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
