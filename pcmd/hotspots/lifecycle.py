"""The hotspot lifecycle as data: which event may be recorded in which status, and where it leads.

    identified ──action_started──▶ under_action ──eliminated──▶ eliminated ──monitoring_started──▶ monitored
                                        ▲                            │                              │ ▲
                                        └────────reactivated─────────┴──────────────────────────────┘ └ check

A reactivation (tái hoạt động) is its own event kind: the hotspot is active again, goes back to "under action"
and its reactivation count grows. A check (kiểm tra theo dõi) is a dated monitoring visit and changes nothing.
The identification event is written when the hotspot is created, never recorded afterwards. Anything not in
the table is refused by pcmd.hotspots.services.hotspot_event_record.
"""

from __future__ import annotations

from dataclasses import dataclass

from pcmd.hotspots.models import Hotspot, HotspotEvent

S = Hotspot.Status
E = HotspotEvent.Kind


@dataclass(frozen=True)
class Transition:
    """An event kind allowed in `from_statuses`; `to_status` None keeps the status (a check)."""

    from_statuses: frozenset[str]
    to_status: str | None


TRANSITIONS: dict[str, Transition] = {
    E.ACTION_STARTED: Transition(frozenset({S.IDENTIFIED}), S.UNDER_ACTION),
    E.ELIMINATED: Transition(frozenset({S.UNDER_ACTION}), S.ELIMINATED),
    E.MONITORING_STARTED: Transition(frozenset({S.ELIMINATED}), S.MONITORED),
    E.CHECK: Transition(frozenset({S.MONITORED}), None),
    E.REACTIVATED: Transition(frozenset({S.ELIMINATED, S.MONITORED}), S.UNDER_ACTION),
}

# Event kinds a user may record (the identification is written on creation).
RECORDABLE_KINDS: tuple[str, ...] = tuple(TRANSITIONS)


def allowed_event_kinds(status: str) -> list[str]:
    """The event kinds that may be recorded on a hotspot in this status, in lifecycle order."""
    return [kind for kind, transition in TRANSITIONS.items() if status in transition.from_statuses]


def status_after(status: str, kind: str) -> str | None:
    """The status after recording `kind` in `status`, or None when the table does not allow it."""
    transition = TRANSITIONS.get(kind)
    if transition is None or status not in transition.from_statuses:
        return None
    return transition.to_status or status
