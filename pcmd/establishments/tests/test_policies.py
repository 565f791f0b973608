import pytest

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.establishments import policies
from pcmd.establishments.models import StatusChangeSource


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("commune_officer", True),
        ("other_commune_officer", True),
        ("province_officer", True),
        ("inspector", True),
        ("other_province_officer", True),
        ("system_admin", True),
        ("case_worker", False),
        ("no_membership_user", False),
    ],
)
def test_who_may_look_at_establishments_at_all(persona, expected, request):
    assert policies.can_view_establishments(request.getfixturevalue(persona)) is expected


def test_the_commune_officer_manages_the_establishments_of_their_commune(commune_officer, hoa_hong):
    assert policies.can_manage_establishment(commune_officer, hoa_hong)


@pytest.mark.parametrize(
    "persona",
    [
        "other_commune_officer",
        "other_province_officer",
        "province_officer",
        "inspector",
        "case_worker",
        "no_membership_user",
    ],
)
def test_outsiders_and_viewers_do_not_manage_the_commune_establishments(persona, request, hoa_hong):
    assert not policies.can_manage_establishment(request.getfixturevalue(persona), hoa_hong)


def test_system_admin_manages_everywhere(system_admin, hoa_hong):
    assert policies.can_manage_establishment(system_admin, hoa_hong)


def test_police_change_the_status_only_when_it_follows_a_sanction(police_officer, hoa_hong):
    assert policies.can_change_establishment_status(police_officer, hoa_hong, StatusChangeSource.SANCTION)
    assert not policies.can_change_establishment_status(police_officer, hoa_hong, StatusChangeSource.MANUAL)


def test_sanction_status_change_needs_the_area(other_province, hoa_hong):
    # given: police of another province (they may record sanctions, but not here)
    police = UserFactory.create(username="congan.laichau")
    MembershipFactory(user=police, unit=other_province, role=Role.POLICE_OFFICER)
    # then
    assert not policies.can_change_establishment_status(police, hoa_hong, StatusChangeSource.SANCTION)
