import pytest

from pcmd.tips import policies


@pytest.mark.parametrize(
    ("persona", "handles", "sees_informant"),
    [
        ("commune_officer", True, False),
        ("province_officer", True, False),
        ("police_officer", True, True),
        ("system_admin", True, True),
        ("other_commune_officer", False, False),
        ("other_province_officer", False, False),
        ("case_worker", False, False),
        ("inspector", False, False),
        ("leader", False, False),
        ("no_membership_user", False, False),
    ],
)
def test_who_handles_a_communes_tip_and_who_sees_its_informant(
    persona, handles, sees_informant, request, commune_tip
):
    user = request.getfixturevalue(persona)
    assert policies.can_handle_tip(user, commune_tip) is handles
    assert policies.can_view_informant(user, commune_tip) is sees_informant


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("province_officer", True),
        ("system_admin", True),
        ("commune_officer", False),
        ("police_officer", False),
        ("other_province_officer", False),
    ],
)
def test_who_configures_the_province(persona, allowed, request, son_la):
    assert policies.can_configure_tips(request.getfixturevalue(persona), son_la) is allowed


def test_a_commune_is_never_configured_as_a_province(province_officer, commune):
    assert not policies.can_configure_tips(province_officer, commune)


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("leader", True), ("commune_officer", True), ("no_membership_user", False)],
)
def test_who_sees_the_on_time_rate(persona, allowed, request):
    assert policies.can_view_tip_indicators(request.getfixturevalue(persona)) is allowed
