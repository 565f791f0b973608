import datetime

import pytest
from django.http import Http404

from pcmd.person_sanctions import selectors
from pcmd.person_sanctions.tests.factories import tally_via_services

D = datetime.date


@pytest.fixture
def tallies(police_officer, commune, other_commune, buying_sex):
    """Buying sex, first half of 2026: 6 persons in Tô Hiệu, 3 in Mường Bú; selling sex: 2 in Tô Hiệu."""
    return [
        tally_via_services(police_officer, commune, buying_sex),
        tally_via_services(
            police_officer,
            other_commune,
            buying_sex,
            persons_count=3,
            decisions_count=3,
            total_fines=3_000_000,
        ),
        tally_via_services(
            police_officer,
            commune,
            buying_sex,
            act="selling_sex",
            persons_count=2,
            decisions_count=2,
            total_fines=2_000_000,
        ),
    ]


def test_holders_see_the_tallies_of_their_jurisdiction(
    police_officer, commune_police_officer, commune, tallies
):
    assert set(selectors.tallies_visible_to(police_officer)) == set(tallies)
    assert {t.unit for t in selectors.tallies_visible_to(commune_police_officer)} == {commune}


@pytest.mark.parametrize(
    "persona", ["other_province_police_officer", "province_officer", "commune_officer", "leader"]
)
def test_others_see_no_tally(request, persona, tallies):
    assert not selectors.tallies_visible_to(request.getfixturevalue(persona)).exists()


def test_a_tally_outside_the_jurisdiction_does_not_exist(
    other_province_police_officer, commune_police_officer, tallies
):
    with pytest.raises(Http404):
        selectors.tally_get(other_province_police_officer, tallies[0].pk)
    with pytest.raises(Http404):
        selectors.tally_get(commune_police_officer, tallies[1].pk)


def test_tallies_filter_by_unit_year_period_and_act(police_officer, other_commune, tallies):
    visible = selectors.tallies_visible_to
    assert list(visible(police_officer, unit=other_commune)) == [tallies[1]]
    assert list(visible(police_officer, act="selling_sex")) == [tallies[2]]
    assert not visible(police_officer, year=2025).exists()
    assert visible(police_officer, period_from=D(2026, 6, 1), period_to=D(2026, 12, 31)).count() == 3
    assert not visible(police_officer, period_from=D(2026, 7, 1)).exists()


def test_holders_see_exact_totals(police_officer, tallies):
    summary = selectors.person_sanction_summary(police_officer)
    assert not summary.suppressed
    rows = {row.act: row for row in summary.rows}
    assert (rows["buying_sex"].persons, rows["buying_sex"].decisions, rows["buying_sex"].total_fines) == (
        9,
        8,
        10_500_000,
    )
    assert (rows["selling_sex"].persons, rows["selling_sex"].total_fines) == (2, 2_000_000)


def test_others_in_the_jurisdiction_see_totals_with_small_counts_suppressed(province_officer, tallies):
    summary = selectors.person_sanction_summary(province_officer)
    assert summary.suppressed
    rows = {row.act: row for row in summary.rows}
    assert (rows["buying_sex"].persons, rows["buying_sex"].decisions) == (9, 8)
    assert rows["buying_sex"].total_fines == 10_500_000
    assert (rows["selling_sex"].persons, rows["selling_sex"].decisions) == ("<5", "<5")
    assert rows["selling_sex"].total_fines is None


def test_a_commune_officer_sees_the_suppressed_totals_of_the_commune_only(commune_officer, tallies):
    rows = {row.act: row for row in selectors.person_sanction_summary(commune_officer).rows}
    assert rows["buying_sex"].persons == 6  # Tô Hiệu only, not Mường Bú's 3
    assert rows["selling_sex"].persons == "<5"


def test_another_province_sees_no_totals(other_province_police_officer, tallies):
    assert selectors.person_sanction_summary(other_province_police_officer).rows == []


def test_users_without_a_dashboard_see_no_totals(no_membership_user, tallies):
    assert selectors.person_sanction_summary(no_membership_user).rows == []


def test_only_provisions_for_individuals_are_offered(
    police_officer, buying_sex, old_buying_sex, organisation_provision
):
    offered = set(selectors.provisions_for_individuals(police_officer))
    assert {buying_sex, old_buying_sex} <= offered and organisation_provision not in offered
