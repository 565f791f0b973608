import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from pcmd.hotspots import services
from pcmd.hotspots.indicators import hotspot_indicators, hotspot_indicators_by_unit
from pcmd.hotspots.models import HotspotEvent
from pcmd.hotspots.tests.factories import hotspot_via_services, record_event

D = datetime.date
E = HotspotEvent.Kind
START, END = D(2026, 1, 1), D(2026, 3, 31)


def history(actor, unit, agency, name, identified_on, *events):
    hotspot = hotspot_via_services(actor, unit, agency, name=name, identified_on=identified_on)
    for kind, day in events:
        record_event(actor, hotspot, kind, day)
    return hotspot


@pytest.fixture
def first_quarter(
    province_officer,
    system_admin,
    commune,
    other_commune,
    commune_police,
    other_commune_police,
    other_province_commune,
    other_province_police,
):
    """Hotspots whose histories cross the period 01/01/2026 – 31/03/2026 (see each line)."""
    officer = province_officer
    # Active at start, eliminated in the period.
    history(
        officer, commune, commune_police, "A", D(2025, 10, 1),
        (E.ACTION_STARTED, D(2025, 10, 15)), (E.ELIMINATED, D(2026, 2, 10)),
    )  # fmt: skip
    # New in the period, still under action at its end (eliminated only after it).
    history(
        officer, commune, commune_police, "B", D(2026, 1, 20),
        (E.ACTION_STARTED, D(2026, 2, 1)), (E.ELIMINATED, D(2026, 4, 10)),
    )  # fmt: skip
    # Monitored at start, reactivated in the period.
    history(
        officer, commune, commune_police, "C", D(2025, 8, 1),
        (E.ACTION_STARTED, D(2025, 8, 10)), (E.ELIMINATED, D(2025, 9, 1)),
        (E.MONITORING_STARTED, D(2025, 9, 5)), (E.REACTIVATED, D(2026, 3, 1)),
    )  # fmt: skip
    # Monitored throughout, with a check in the period: counts for nothing.
    history(
        officer, commune, commune_police, "D", D(2025, 5, 1),
        (E.ACTION_STARTED, D(2025, 5, 2)), (E.ELIMINATED, D(2025, 6, 1)),
        (E.MONITORING_STARTED, D(2025, 6, 10)), (E.CHECK, D(2026, 2, 1)),
    )  # fmt: skip
    # Active at start, eliminated, reactivated and eliminated again within the period.
    history(
        officer, commune, commune_police, "G", D(2025, 11, 1),
        (E.ACTION_STARTED, D(2025, 11, 5)), (E.ELIMINATED, D(2026, 1, 10)),
        (E.REACTIVATED, D(2026, 2, 15)), (E.ELIMINATED, D(2026, 3, 20)),
    )  # fmt: skip
    # Identified after the period: not counted.
    history(officer, commune, commune_police, "E", D(2026, 4, 5))
    # Identified in the period but deleted (recorded by mistake): not counted.
    deleted = history(officer, commune, commune_police, "F", D(2026, 2, 2))
    services.hotspot_delete(actor=officer, hotspot=deleted, version=deleted.version, reason="Nhập trùng")
    # The other commune: one new hotspot, still identified at the end.
    history(officer, other_commune, other_commune_police, "H", D(2026, 2, 1))
    # Another province: never counted for Sơn La.
    history(system_admin, other_province_commune, other_province_police, "X", D(2026, 2, 1))


def as_numbers(indicators):
    return {
        "active_at_start": indicators.active_at_start,
        "new": indicators.new,
        "reactivated": indicators.reactivated,
        "eliminated": indicators.eliminated,
        "active_at_end": indicators.active_at_end,
        "to_eliminate": indicators.to_eliminate,
    }


def test_commune_indicators_over_the_first_quarter(province_officer, commune, first_quarter):
    # when
    result = hotspot_indicators(province_officer, unit=commune, start=START, end=END)
    # then: A and G active at start; B new; C and G reactivated once each; A and G eliminated (G twice, once
    # counted); B and C active at the end; A, B, C, G had to be eliminated, 2 of 4 are no longer active.
    assert as_numbers(result) == {
        "active_at_start": 2,
        "new": 1,
        "reactivated": 2,
        "eliminated": 2,
        "active_at_end": 2,
        "to_eliminate": 4,
    }
    assert result.percent_eliminated == Decimal("50.0")


def test_province_indicators_add_up_its_communes(province_officer, son_la, first_quarter):
    result = hotspot_indicators(province_officer, unit=son_la, start=START, end=END)
    assert as_numbers(result) == {
        "active_at_start": 2,
        "new": 2,
        "reactivated": 2,
        "eliminated": 2,
        "active_at_end": 3,
        "to_eliminate": 5,
    }
    assert result.percent_eliminated == Decimal("40.0")


def test_indicators_by_unit_keep_the_order_given(province_officer, commune, other_commune, first_quarter):
    by_unit = hotspot_indicators_by_unit(
        province_officer, units=[other_commune, commune], start=START, end=END
    )
    assert [i.unit for i in by_unit] == [other_commune, commune]
    assert as_numbers(by_unit[0]) == {
        "active_at_start": 0,
        "new": 1,
        "reactivated": 0,
        "eliminated": 0,
        "active_at_end": 1,
        "to_eliminate": 1,
    }
    assert by_unit[0].percent_eliminated == Decimal("0.0")


def test_a_later_period_sees_the_later_events(province_officer, commune, first_quarter):
    # April 2026: B is eliminated, E is new; B, C and E were active at some time.
    result = hotspot_indicators(province_officer, unit=commune, start=D(2026, 4, 1), end=D(2026, 4, 30))
    assert as_numbers(result) == {
        "active_at_start": 2,
        "new": 1,
        "reactivated": 0,
        "eliminated": 1,
        "active_at_end": 2,
        "to_eliminate": 3,
    }
    assert result.percent_eliminated == Decimal("33.3")


def test_a_period_with_nothing_to_eliminate_has_no_percentage(province_officer, commune, first_quarter):
    result = hotspot_indicators(province_officer, unit=commune, start=D(2024, 1, 1), end=D(2024, 12, 31))
    assert result.to_eliminate == 0
    assert result.percent_eliminated is None


def test_a_commune_officer_gets_the_indicators_of_their_commune(commune_officer, commune, first_quarter):
    assert hotspot_indicators(commune_officer, unit=commune, start=START, end=END).new == 1


def test_a_national_administrator_counts_only_the_unit_asked(system_admin, son_la, first_quarter):
    assert hotspot_indicators(system_admin, unit=son_la, start=START, end=END).new == 2


def test_leaders_get_aggregates_without_seeing_hotspots(leader, son_la, first_quarter):
    assert hotspot_indicators(leader, unit=son_la, start=START, end=END).to_eliminate == 5


def test_a_unit_outside_the_jurisdiction_is_not_found(
    other_province_officer, commune_officer, son_la, other_commune, first_quarter
):
    with pytest.raises(Http404):
        hotspot_indicators(other_province_officer, unit=son_la, start=START, end=END)
    with pytest.raises(Http404):
        hotspot_indicators(commune_officer, unit=other_commune, start=START, end=END)
    with pytest.raises(Http404):
        hotspot_indicators(commune_officer, unit=son_la, start=START, end=END)


def test_a_user_without_membership_gets_no_indicators(no_membership_user, son_la):
    with pytest.raises(PermissionDenied):
        hotspot_indicators(no_membership_user, unit=son_la, start=START, end=END)


def test_a_reversed_period_is_a_programming_error(province_officer, son_la):
    with pytest.raises(ValueError, match="ends before it starts"):
        hotspot_indicators(province_officer, unit=son_la, start=END, end=START)
