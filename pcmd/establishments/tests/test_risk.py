import datetime

import pytest

from pcmd.establishments import services
from pcmd.establishments.models import Establishment, Licence, RiskLevel
from pcmd.establishments.risk import (
    RiskSignal,
    establishment_risk_refresh,
    level_from_signals,
    register_risk_signal,
    registered_risk_signals,
    unregister_risk_signal,
)

D = datetime.date


@pytest.fixture
def flagged():
    """A provider standing in for a higher app (inspections, hotspots, tips) flagging establishments."""
    levels: dict[int, list[RiskSignal]] = {}

    def provider(establishment: Establishment):
        return levels.get(establishment.pk, [])

    register_risk_signal(provider)
    yield levels
    unregister_risk_signal(provider)


def test_no_signal_is_low():
    assert level_from_signals([]) == RiskLevel.LOW


def test_the_highest_signal_wins():
    signals = [
        RiskSignal(RiskLevel.MEDIUM, "a", "tips"),
        RiskSignal(RiskLevel.HIGH, "b", "inspections"),
    ]
    assert level_from_signals(signals) == RiskLevel.HIGH


def test_two_medium_signals_from_different_sources_add_up_to_high():
    signals = [RiskSignal(RiskLevel.MEDIUM, "a", "tips"), RiskSignal(RiskLevel.MEDIUM, "b", "establishments")]
    assert level_from_signals(signals) == RiskLevel.HIGH


def test_two_medium_signals_from_one_source_stay_medium():
    signals = [RiskSignal(RiskLevel.MEDIUM, "a", "tips"), RiskSignal(RiskLevel.MEDIUM, "b", "tips")]
    assert level_from_signals(signals) == RiskLevel.MEDIUM


def test_registering_a_provider_twice_keeps_one(flagged):
    before = len(registered_risk_signals())
    provider = registered_risk_signals()[-1]
    register_risk_signal(provider)
    assert len(registered_risk_signals()) == before


def test_an_expired_watched_licence_makes_an_operating_establishment_medium(commune_officer, hoa_hong):
    # when
    services.licence_add(
        actor=commune_officer,
        establishment=hoa_hong,
        kind=Licence.Kind.KARAOKE,
        number="12/GP-SVHTTDL",
        issued_on=D(2019, 3, 2),
        expires_on=D(2024, 3, 1),
    )
    # then
    hoa_hong.refresh_from_db()
    assert hoa_hong.risk_level == RiskLevel.MEDIUM
    assert "đã hết hạn ngày 01/03/2024" in hoa_hong.risk_reasons[0]["reason"]


def test_a_renewed_licence_clears_the_expiry_signal(commune_officer, hoa_hong):
    services.licence_add(
        actor=commune_officer,
        establishment=hoa_hong,
        kind=Licence.Kind.KARAOKE,
        number="12/GP-SVHTTDL",
        issued_on=D(2019, 3, 2),
        expires_on=D(2024, 3, 1),
    )
    services.licence_add(
        actor=commune_officer,
        establishment=hoa_hong,
        kind=Licence.Kind.KARAOKE,
        number="40/GP-SVHTTDL",
        issued_on=D(2024, 3, 2),
        expires_on=D(2029, 3, 1),
    )
    hoa_hong.refresh_from_db()
    assert hoa_hong.risk_level == RiskLevel.LOW


def test_a_closed_establishment_is_not_flagged_for_an_expired_licence(commune_officer, hoa_hong):
    services.licence_add(
        actor=commune_officer,
        establishment=hoa_hong,
        kind=Licence.Kind.KARAOKE,
        number="12/GP-SVHTTDL",
        issued_on=D(2019, 3, 2),
        expires_on=D(2024, 3, 1),
    )
    services.establishment_status_change(
        actor=commune_officer,
        establishment=hoa_hong,
        to_status=Establishment.Status.CLOSED,
        reason="Đóng cửa",
    )
    hoa_hong.refresh_from_db()
    assert hoa_hong.risk_level == RiskLevel.LOW


def test_a_higher_app_signal_raises_the_level_on_refresh(flagged, hoa_hong):
    # given
    flagged[hoa_hong.pk] = [RiskSignal(RiskLevel.HIGH, "2 vi phạm chưa khắc phục", "inspections")]
    # when
    establishment_risk_refresh(hoa_hong)
    # then
    hoa_hong.refresh_from_db()
    assert (hoa_hong.risk_level, hoa_hong.risk_computed) == (RiskLevel.HIGH, RiskLevel.HIGH)
    assert hoa_hong.risk_reasons == [
        {"level": "high", "reason": "2 vi phạm chưa khắc phục", "source": "inspections"}
    ]
    assert hoa_hong.version == 1  # derived data: an editor's form is not made stale


def test_an_override_survives_a_refresh(flagged, commune_officer, hoa_hong):
    services.establishment_risk_override(
        actor=commune_officer, establishment=hoa_hong, level=RiskLevel.LOW, reason="Vi phạm đã khắc phục xong"
    )
    flagged[hoa_hong.pk] = [RiskSignal(RiskLevel.HIGH, "vi phạm", "inspections")]
    establishment_risk_refresh(hoa_hong)
    hoa_hong.refresh_from_db()
    assert (hoa_hong.risk_level, hoa_hong.risk_computed) == (RiskLevel.LOW, RiskLevel.HIGH)
