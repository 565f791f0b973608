from __future__ import annotations

import datetime

from pcmd.criminal_cases import services
from pcmd.criminal_cases.models import Article, CaseStageEvent, CriminalCase


def case_via_services(actor, unit, agency, **overrides) -> CriminalCase:
    """A case created by `actor` through the service (Điều 327, uncovered on 10/01/2026 unless overridden)."""
    values = {
        "number": "01/2026/VA",
        "article": Article.ART_327,
        "uncovered_on": datetime.date(2026, 1, 10),
        "summary": "Chủ nhà nghỉ Hoa Ban chứa mại dâm tại phòng 203.",
        "victims_count": 2,
        "minor_victims_count": 1,
        **overrides,
    }
    return services.criminal_case_create(actor=actor, unit=unit, agency=agency, **values)


def record_stage(actor, case: CriminalCase, stage: str, day: datetime.date, **extra) -> CaseStageEvent:
    """Record a stage through the service with the case's current version."""
    return services.case_stage_record(
        actor=actor, case=case, stage=stage, occurred_on=day, version=case.version, **extra
    )
