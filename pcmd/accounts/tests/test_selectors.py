from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from pcmd.accounts import selectors
from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.tests.factories import AgencyFactory, InspectionTeamFactory


@pytest.fixture
def provincial_admin(son_la):
    user = UserFactory.create(username="quantri.sonla")
    MembershipFactory.create(user=user, unit=son_la, role=Role.SYSTEM_ADMIN)
    return user


def test_workspace_summary_counts_what_the_membership_covers(
    province_officer, son_la, commune, other_commune
):
    summary = selectors.workspace_summary(province_officer)
    assert (summary.province_count, summary.commune_count) == (1, 2)
    assert summary.membership.unit == son_la  # type: ignore[union-attr]


def test_workspace_summary_of_a_commune_officer_is_their_commune(commune_officer, other_commune):
    summary = selectors.workspace_summary(commune_officer)
    assert (summary.province_count, summary.commune_count) == (0, 1)


def test_workspace_summary_of_someone_without_membership_is_empty(no_membership_user, son_la, commune):
    summary = selectors.workspace_summary(no_membership_user)
    assert summary.membership is None
    assert (summary.province_count, summary.commune_count) == (0, 0)


def test_national_administrator_lists_every_account(system_admin, commune_officer, other_province_officer):
    usernames = set(selectors.user_list(actor=system_admin).values_list("username", flat=True))
    assert {"quantri", "canbo.tohieu", "dieuphoi.laichau"} <= usernames


def test_user_list_searches_username_and_full_name(system_admin, commune_officer, other_commune_officer):
    assert [u.username for u in selectors.user_list(actor=system_admin, query="tohieu")] == ["canbo.tohieu"]
    assert [u.username for u in selectors.user_list(actor=system_admin, query="Quàng")] == ["canbo.muongbu"]


def test_provincial_administrator_does_not_see_accounts_of_another_province(
    provincial_admin, commune_officer, other_province_officer
):
    usernames = set(selectors.user_list(actor=provincial_admin).values_list("username", flat=True))
    assert "canbo.tohieu" in usernames
    assert "dieuphoi.laichau" not in usernames


def test_an_account_outside_the_administrators_area_is_404(provincial_admin, other_province_officer):
    with pytest.raises(Http404):
        selectors.user_get(actor=provincial_admin, user_id=other_province_officer.pk)


def test_an_unknown_account_is_404(system_admin):
    with pytest.raises(Http404):
        selectors.user_get(actor=system_admin, user_id=987654)


def test_a_coordinator_may_not_list_accounts(province_officer):
    with pytest.raises(PermissionDenied):
        selectors.user_list(actor=province_officer)


def test_unit_options_match_code_prefix_and_name_without_diacritics(
    system_admin, son_la, commune, other_commune
):
    assert selectors.unit_options(actor=system_admin, query="041") == [commune, other_commune]
    assert selectors.unit_options(actor=system_admin, query="to hieu") == [commune]
    assert selectors.unit_options(actor=system_admin, query="SƠN LA") == [son_la]


def test_unit_options_stay_within_the_administrators_area(provincial_admin, other_province, commune):
    assert selectors.unit_options(actor=provincial_admin, query="lai chau") == []
    assert selectors.unit_options(actor=provincial_admin, query="12") == []


def test_unit_lookup_takes_a_code_or_an_unambiguous_name(system_admin, son_la, commune):
    assert selectors.unit_lookup(actor=system_admin, text="04105") == commune
    assert selectors.unit_lookup(actor=system_admin, text="04105 — Phường Tô Hiệu") == commune
    assert selectors.unit_lookup(actor=system_admin, text="phuong to hieu") == commune
    assert selectors.unit_lookup(actor=system_admin, text="99999") is None


def test_unit_lookup_does_not_resolve_a_unit_outside_the_area(provincial_admin, other_province):
    assert selectors.unit_lookup(actor=provincial_admin, text="12") is None


def test_agencies_and_teams_of_a_unit(son_la, other_province, provincial_team, health_department):
    AgencyFactory(unit=other_province)
    InspectionTeamFactory(unit=other_province)
    assert list(selectors.agencies_of_unit(son_la)) == [health_department]
    assert list(selectors.teams_of_unit(son_la)) == [provincial_team]
    assert not selectors.agencies_of_unit(None).exists()
