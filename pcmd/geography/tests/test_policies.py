from pcmd.geography.policies import can_view_units


def test_officers_of_every_role_may_view_units(
    commune_officer, province_officer, inspector, case_worker, system_admin
):
    for user in (commune_officer, province_officer, inspector, case_worker, system_admin):
        assert can_view_units(user)


def test_an_officer_of_another_province_may_view_units_too(other_province_officer):
    # the unit list is national reference data, not scoped to a jurisdiction
    assert can_view_units(other_province_officer)


def test_a_user_without_membership_may_not_view_units(no_membership_user):
    assert not can_view_units(no_membership_user)


def test_an_anonymous_user_may_not_view_units(db):
    from django.contrib.auth.models import AnonymousUser

    assert not can_view_units(AnonymousUser())
    assert not can_view_units(None)
