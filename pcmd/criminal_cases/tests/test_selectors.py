import datetime

import pytest
from django.http import Http404

from pcmd.criminal_cases import selectors, services
from pcmd.criminal_cases.models import Article, CaseOffender, Stage
from pcmd.criminal_cases.tests.factories import case_via_services, record_stage
from pcmd.geography.tests.factories import make_commune

D = datetime.date
START, END = D(2026, 1, 1), D(2026, 12, 31)


@pytest.fixture
def other_commune_case(police_officer, other_commune, province_police):
    return case_via_services(police_officer, other_commune, province_police, number="02/2026/VA")


@pytest.fixture
def other_province_case(other_province_police_officer, other_province, other_province_police):
    return case_via_services(
        other_province_police_officer, other_province, other_province_police, number="09/LC"
    )


# --- the records --------------------------------------------------------------------------------------------


def test_the_provincial_police_see_every_case_of_the_province(
    police_officer, case, other_commune_case, other_province_case
):
    assert set(selectors.criminal_cases_visible_to(police_officer)) == {case, other_commune_case}


def test_a_commune_police_officer_sees_only_the_cases_of_the_commune(
    commune_police_officer, case, other_commune_case
):
    assert list(selectors.criminal_cases_visible_to(commune_police_officer)) == [case]


@pytest.mark.parametrize(
    "persona", ["commune_officer", "case_worker", "province_officer", "inspector", "no_membership_user"]
)
def test_users_without_the_capability_see_no_case(request, persona, case):
    assert not selectors.criminal_cases_visible_to(request.getfixturevalue(persona)).exists()


def test_an_administrator_sees_every_case(system_admin, case, other_province_case):
    assert set(selectors.criminal_cases_visible_to(system_admin)) == {case, other_province_case}


def test_a_case_outside_the_jurisdiction_does_not_exist(
    other_province_police_officer, other_commune_police_officer, case
):
    for outsider in (other_province_police_officer, other_commune_police_officer):
        with pytest.raises(Http404):
            selectors.criminal_case_get(outsider, case.pk)


def test_the_list_counts_the_offenders_without_reading_them(police_officer, case):
    services.case_offender_add(
        actor=police_officer, case=case, role="broker", full_name="Lò Văn A", sex="male"
    )
    listed = selectors.criminal_cases_visible_to(police_officer).get()
    assert listed.__dict__["offenders_total"] == 1  # an annotation: no offender row is read


def test_the_list_filters_by_article_stage_year_unit_and_number(
    police_officer, case, other_commune_case, commune, province_police
):
    old = case_via_services(
        police_officer,
        commune,
        province_police,
        number="07/2025",
        article=Article.ART_328,
        uncovered_on=D(2025, 5, 2),
    )
    record_stage(police_officer, other_commune_case, Stage.PROSECUTED, D(2026, 2, 1))
    visible = selectors.criminal_cases_visible_to
    assert list(visible(police_officer, article=Article.ART_328)) == [old]
    assert list(visible(police_officer, stage=Stage.PROSECUTED)) == [other_commune_case]
    assert set(visible(police_officer, year=2026)) == {case, other_commune_case}
    assert set(visible(police_officer, unit=commune)) == {case, old}
    assert list(visible(police_officer, q="2025")) == [old]


def test_handling_agencies_include_those_of_the_province_above_a_commune(
    commune_police_officer, commune_police, procuracy, court, other_commune_police, other_province_police
):
    agencies = set(selectors.handling_agencies_for(commune_police_officer))
    assert agencies == {commune_police, procuracy, court}


def test_hotspots_offered_for_linking_are_those_of_the_unit(
    police_officer, commune, other_commune, commune_police
):
    from pcmd.hotspots.tests.factories import HotspotFactory

    here = HotspotFactory.create(unit=commune, identified_by=commune_police)
    HotspotFactory.create(unit=other_commune, identified_by=commune_police)
    HotspotFactory.create(unit=commune, identified_by=commune_police, is_deleted=True, deletion_reason="Nhầm")
    assert list(selectors.linkable_hotspots_for(police_officer, commune)) == [here]


# --- statistics ---------------------------------------------------------------------------------------------


def five_cases(actor, unit, agency):
    cases = []
    for n in range(5):
        case = case_via_services(actor, unit, agency, number=f"{10 + n}/2026", uncovered_on=D(2026, 2, 1 + n))
        services.case_offender_add(
            actor=actor, case=case, role="broker", full_name=f"Người {n}", sex="female"
        )
        cases.append(case)
    return cases


def test_statistics_count_cases_and_offenders_by_stage_reached_in_the_period(
    police_officer, commune, other_commune, province_police, court
):
    # given: five cases in the commune (two prosecuted, one of them tried in a mobile trial) and one elsewhere
    cases = five_cases(police_officer, commune, province_police)
    record_stage(police_officer, cases[0], Stage.PROSECUTED, D(2026, 3, 1))
    record_stage(police_officer, cases[1], Stage.PROSECUTED, D(2026, 3, 1))
    record_stage(police_officer, cases[1], Stage.INDICTED, D(2026, 4, 1))
    record_stage(police_officer, cases[1], Stage.TRIED, D(2026, 5, 1), agency=court, mobile_trial=True)
    case_via_services(
        police_officer, other_commune, province_police, number="99/2025", uncovered_on=D(2025, 12, 1)
    )
    # when
    statistics = selectors.criminal_case_statistics(police_officer, period_start=START, period_end=END)
    # then
    assert not statistics.suppressed
    [row] = statistics.rows
    assert row.unit == commune
    assert (row.stage(Stage.UNCOVERED).cases, row.stage(Stage.UNCOVERED).offenders) == (5, 5)
    assert (row.stage(Stage.PROSECUTED).cases, row.stage(Stage.PROSECUTED).offenders) == (2, 2)
    assert row.stage(Stage.TRIED).cases == 1 and row.stage(Stage.JUDGED).cases == 0
    assert row.mobile_trials == 1
    assert row.minor_victims == 5  # one minor victim in each case uncovered in the period
    assert statistics.total.stage(Stage.UNCOVERED).cases == 5


def test_statistics_hide_small_counts_from_the_provincial_coordinator(
    province_officer, police_officer, commune, province_police
):
    cases = five_cases(police_officer, commune, province_police)
    record_stage(police_officer, cases[0], Stage.PROSECUTED, D(2026, 3, 1))
    # when
    statistics = selectors.criminal_case_statistics(province_officer, period_start=START, period_end=END)
    # then
    assert statistics.suppressed
    [row] = statistics.rows
    assert row.stage(Stage.UNCOVERED).cases == 5  # five is not small
    assert row.stage(Stage.PROSECUTED).cases == "<5"
    assert row.stage(Stage.PROSECUTED).offenders == "<5"
    assert row.stage(Stage.TRIED).cases == 0  # zero names nobody
    assert statistics.total.stage(Stage.PROSECUTED).cases == "<5"


@pytest.mark.parametrize("persona", ["commune_officer", "case_worker", "leader", "inspector"])
def test_commune_officers_and_case_workers_get_no_statistics(request, persona, case):
    statistics = selectors.criminal_case_statistics(
        request.getfixturevalue(persona), period_start=START, period_end=END
    )
    assert statistics.rows == []
    assert statistics.total.stage(Stage.UNCOVERED).cases == 0


def test_statistics_of_another_province_are_not_counted(other_province_police_officer, case):
    statistics = selectors.criminal_case_statistics(
        other_province_police_officer, period_start=START, period_end=END
    )
    assert statistics.rows == []


def test_statistics_of_one_commune(police_officer, case, other_commune, province_police, commune):
    case_via_services(police_officer, other_commune, province_police, number="02/2026")
    statistics = selectors.criminal_case_statistics(
        police_officer, unit=other_commune, period_start=START, period_end=END
    )
    assert [row.unit for row in statistics.rows] == [other_commune]


def test_statistics_rows_list_the_province_before_its_communes(
    police_officer, son_la, commune, province_police
):
    a_me = make_commune(son_la, "04200", "Xã A Mé")
    case_via_services(police_officer, a_me, province_police, number="X-1")
    case_via_services(police_officer, son_la, province_police, number="P-1")
    case_via_services(police_officer, commune, province_police, number="C-1")
    statistics = selectors.criminal_case_statistics(police_officer, period_start=START, period_end=END)
    assert [row.unit for row in statistics.rows] == [son_la, commune, a_me]


def test_an_offender_of_another_case_cannot_be_fetched_through_a_case(
    police_officer, case, other_commune_case
):
    offender = services.case_offender_add(
        actor=police_officer, case=other_commune_case, role="broker", full_name="Lò Văn B", sex="male"
    )
    with pytest.raises(Http404):
        selectors.case_offender_get(police_officer, case, offender.pk)
    assert selectors.case_offender_get(police_officer, other_commune_case, offender.pk) == offender
    assert CaseOffender.objects.count() == 1
