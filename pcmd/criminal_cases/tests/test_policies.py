import pytest

from pcmd.criminal_cases import policies


def test_the_police_of_the_province_manage_its_cases(police_officer, case):
    assert policies.can_manage_criminal_case(police_officer, case)
    assert policies.can_view_case_offenders(police_officer, case)


def test_the_police_of_the_commune_manage_the_cases_of_the_commune(commune_police_officer, case):
    assert policies.can_manage_criminal_case(commune_police_officer, case)


@pytest.mark.parametrize(
    "persona",
    [
        "other_province_police_officer",
        "other_commune_police_officer",
        "commune_officer",
        "case_worker",
        "province_officer",
        "inspector",
        "no_membership_user",
    ],
)
def test_outsiders_neither_manage_a_case_nor_see_its_offenders(request, persona, case):
    user = request.getfixturevalue(persona)
    assert not policies.can_manage_criminal_case(user, case)
    assert not policies.can_view_case_offenders(user, case)


def test_statistics_are_for_the_police_and_the_provincial_coordinator(
    police_officer, province_officer, commune_officer, case_worker, leader
):
    assert policies.can_view_criminal_case_statistics(police_officer)
    assert policies.sees_small_case_counts(police_officer)
    assert policies.can_view_criminal_case_statistics(province_officer)
    assert not policies.sees_small_case_counts(province_officer)
    for user in (commune_officer, case_worker, leader):
        assert not policies.can_view_criminal_case_statistics(user)
