"""The triage workflow of a tip: the allowed moves, and the deadline of each stage.

received → verifying → classified → handled → closed, one step at a time. The time allowed for the first three
stages is configured per province (StageDeadline; a row without province is the default). Handled and closed
tips have no further deadline.
"""

from __future__ import annotations

import datetime

from django.db.models import Q

from pcmd.geography.models import AdminUnit
from pcmd.tips.models import StageDeadline, TipStatus

S = TipStatus

TRANSITIONS: dict[str, frozenset[str]] = {
    S.RECEIVED: frozenset({S.VERIFYING}),
    S.VERIFYING: frozenset({S.CLASSIFIED}),
    S.CLASSIFIED: frozenset({S.HANDLED}),
    S.HANDLED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}

# Statuses from which a verified tip may be turned into an inspection or a hotspot.
LINKABLE_STATUSES = frozenset({S.CLASSIFIED, S.HANDLED})
# Statuses in which the citizen may still write.
REPLY_STATUSES = frozenset({S.RECEIVED, S.VERIFYING, S.CLASSIFIED, S.HANDLED})


def allowed_targets(status: str) -> list[str]:
    """The statuses the tip may move to, in workflow order."""
    targets = TRANSITIONS.get(status, frozenset())
    return [value for value in S.values if value in targets]


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def stage_days(province: AdminUnit, stage: str) -> int | None:
    """Days allowed for the stage in the province: its own setting, else the default, else none."""
    rows = {
        row.province_id: row.days
        for row in StageDeadline.objects.filter(Q(province=province) | Q(province__isnull=True), stage=stage)
    }
    if province.pk in rows:
        return rows[province.pk]
    return rows.get(None)


def stage_due(province: AdminUnit, stage: str, started_at: datetime.datetime) -> datetime.datetime | None:
    days = stage_days(province, stage)
    return started_at + datetime.timedelta(days=days) if days is not None else None
