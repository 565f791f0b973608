import pytest

from pcmd.person_sanctions import policies
from pcmd.person_sanctions.tests.factories import tally_via_services


@pytest.fixture
def tally(police_officer, commune, buying_sex):
    return tally_via_services(police_officer, commune, buying_sex)


def test_the_police_of_the_jurisdiction_manage_tallies(police_officer, commune_police_officer, tally):
    assert policies.can_manage_tally(police_officer, tally)
    assert policies.can_manage_tally(commune_police_officer, tally)
    assert policies.sees_small_sanction_counts(police_officer)


@pytest.mark.parametrize(
    "persona",
    ["other_province_police_officer", "province_officer", "commune_officer", "case_worker", "leader"],
)
def test_others_do_not_manage_tallies(request, persona, tally):
    assert not policies.can_manage_tally(request.getfixturevalue(persona), tally)


@pytest.mark.parametrize("persona", ["province_officer", "commune_officer", "case_worker", "leader"])
def test_only_holders_of_the_capability_see_small_counts(request, persona):
    assert not policies.sees_small_sanction_counts(request.getfixturevalue(persona))


@pytest.mark.parametrize("persona", ["province_officer", "commune_officer", "leader"])
def test_readers_of_dashboards_see_the_aggregates(request, persona):
    assert policies.can_view_person_sanction_statistics(request.getfixturevalue(persona))


def test_a_user_without_membership_sees_no_aggregate(no_membership_user):
    assert not policies.can_view_person_sanction_statistics(no_membership_user)
