"""The stage timeline as data: which step may follow which, and which agencies take it.

    uncovered ──▶ prosecuted (khởi tố) ──▶ indicted (truy tố) ──▶ tried (xét xử, maybe lưu động) ──▶ judged

One step at a time, never back. The uncovering is written when the case is created. A step's date is not in
the future and not before the previous step's. Khởi tố is decided by the investigating police, the procuracy
or the trial panel; the indictment (cáo trạng) by the procuracy; the trial and the judgment by the court.
Anything else is refused by pcmd.criminal_cases.services.case_stage_record.
"""

from __future__ import annotations

from pcmd.agencies.models import AgencyKind
from pcmd.criminal_cases.models import Stage

ORDER: tuple[str, ...] = tuple(Stage.values)

NEXT: dict[str, str] = {ORDER[i]: ORDER[i + 1] for i in range(len(ORDER) - 1)}

# Agencies that may handle a case at all.
HANDLING_AGENCY_KINDS: frozenset[str] = frozenset({AgencyKind.POLICE, AgencyKind.PROCURACY, AgencyKind.COURT})

STEP_AGENCY_KINDS: dict[str, frozenset[str]] = {
    Stage.UNCOVERED: frozenset({AgencyKind.POLICE, AgencyKind.PROCURACY}),
    Stage.PROSECUTED: HANDLING_AGENCY_KINDS,
    Stage.INDICTED: frozenset({AgencyKind.PROCURACY}),
    Stage.TRIED: frozenset({AgencyKind.COURT}),
    Stage.JUDGED: frozenset({AgencyKind.COURT}),
}

# Stages a user records after creation (the uncovering is the creation itself).
RECORDABLE: tuple[str, ...] = ORDER[1:]


def next_stage(stage: str) -> str | None:
    return NEXT.get(stage)


def reached(stage: str, at_least: str) -> bool:
    """The case at `stage` has gone through `at_least` (stages are cumulative)."""
    return ORDER.index(stage) >= ORDER.index(at_least)
