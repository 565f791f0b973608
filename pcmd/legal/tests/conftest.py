import pytest
from rest_framework.test import APIClient

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory


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


@pytest.fixture
def police_officer(son_la):
    user = UserFactory(username="congan.sonla", full_name="Lường Văn Công An")
    MembershipFactory(user=user, unit=son_la, role=Role.POLICE_OFFICER)
    return user
