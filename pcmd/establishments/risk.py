"""The risk level of an establishment, derived from signals that higher apps supply.

The establishments app sits below inspections, hotspots and tips and must not import them. Instead each of
them registers a *signal provider* in its AppConfig.ready()::

    from pcmd.establishments.risk import RiskSignal, register_risk_signal

    def open_violations(establishment):
        count = Violation.objects.filter(inspection__establishment=establishment, is_open=True).count()
        if count:
            yield RiskSignal(RiskLevel.HIGH, f"{count} vi phạm chưa khắc phục", source="inspections")

    register_risk_signal(open_violations)

and calls `establishment_risk_refresh(establishment)` after a write that may change its signals (a violation
recorded or remedied, a hotspot linked or eliminated).

The rule (computed level; the effective level is the override when one is set):

1. Every signal proposes a level, medium or high, with a Vietnamese reason shown to the user.
2. No signal: **low**.
3. Otherwise the highest proposed level; and two or more **medium** signals from different sources add up to
   **high** (e.g. an expired licence and a tip under verification).
4. The registry's own signal: an operating establishment whose latest security-order certificate, karaoke or
   dance-hall licence has expired proposes **medium**.

An officer may override the computed level with a reason
(pcmd.establishments.services.establishment_risk_override); the computed level and its reasons stay
visible next to the override.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from pcmd.core.services import format_day
from pcmd.establishments.models import Establishment, Licence, RiskLevel

_RANK = {RiskLevel.LOW: 0, RiskLevel.MEDIUM: 1, RiskLevel.HIGH: 2}
# Licences whose expiry makes the establishment riskier (operating without a valid one).
_WATCHED_LICENCES = (Licence.Kind.SECURITY_ORDER, Licence.Kind.KARAOKE, Licence.Kind.DANCE_HALL)
OWN_SOURCE = "establishments"


@dataclass(frozen=True)
class RiskSignal:
    """One reason to consider an establishment risky."""

    level: RiskLevel
    reason: str
    # The app that raised it ("inspections", "hotspots", "tips", "establishments").
    source: str


RiskSignalProvider = Callable[[Establishment], Iterable[RiskSignal]]

# Filled at start-up by AppConfig.ready() of the providing apps; identical in every process, so it is not
# the kind of module state that breaks with several web processes.
_PROVIDERS: list[RiskSignalProvider] = []


def register_risk_signal(provider: RiskSignalProvider) -> RiskSignalProvider:
    """Add a signal provider (once, even if ready() runs again). Usable as a decorator."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def unregister_risk_signal(provider: RiskSignalProvider) -> None:
    """Remove a provider (tests that register a temporary one)."""
    if provider in _PROVIDERS:
        _PROVIDERS.remove(provider)


def registered_risk_signals() -> tuple[RiskSignalProvider, ...]:
    return tuple(_PROVIDERS)


def expired_licence_signals(establishment: Establishment, on: datetime.date) -> list[RiskSignal]:
    """The registry's own signal: the latest watched licence of a kind has expired."""
    if establishment.status != Establishment.Status.OPERATING or establishment.pk is None:
        return []
    latest: dict[str, Licence] = {}
    for licence in establishment.licences.filter(kind__in=_WATCHED_LICENCES).order_by("issued_on", "id"):
        latest[licence.kind] = licence
    return [
        RiskSignal(
            RiskLevel.MEDIUM,
            _("%(licence)s số %(number)s đã hết hạn ngày %(day)s.")
            % {
                "licence": licence.get_kind_display(),
                "number": licence.number,
                "day": format_day(licence.expires_on),
            },
            OWN_SOURCE,
        )
        for licence in latest.values()
        if licence.expires_on is not None and licence.expires_on < on
    ]


def collect_signals(establishment: Establishment, on: datetime.date | None = None) -> list[RiskSignal]:
    day = on or timezone.localdate()
    signals = expired_licence_signals(establishment, day)
    for provider in _PROVIDERS:
        signals.extend(provider(establishment))
    return signals


def level_from_signals(signals: Iterable[RiskSignal]) -> RiskLevel:
    """Rules 2 and 3 of the module docstring."""
    signals = list(signals)
    if not signals:
        return RiskLevel.LOW
    highest = max((RiskLevel(s.level) for s in signals), key=lambda level: _RANK[level])
    medium_sources = {s.source for s in signals if s.level == RiskLevel.MEDIUM}
    if highest == RiskLevel.MEDIUM and len(medium_sources) >= 2:
        return RiskLevel.HIGH
    return highest


def establishment_risk_refresh(establishment: Establishment) -> Establishment:
    """Recompute the derived risk level of the establishment and save it (effective level too, unless
    overridden). Called by the establishments services and by higher apps after writes that change signals;
    it changes derived fields only, so it does not bump the edit version."""
    signals = collect_signals(establishment)
    establishment.risk_computed = level_from_signals(signals)
    establishment.risk_reasons = [
        {"level": str(s.level), "reason": str(s.reason), "source": s.source} for s in signals
    ]
    establishment.risk_level = establishment.risk_override or establishment.risk_computed
    establishment.risk_refreshed_at = timezone.now()
    if establishment.pk is not None:
        establishment.save(
            update_fields=["risk_computed", "risk_reasons", "risk_level", "risk_refreshed_at", "updated_at"]
        )
    return establishment
