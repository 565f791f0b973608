from __future__ import annotations

import datetime

from pcmd.person_sanctions import services
from pcmd.person_sanctions.models import PersonSanctionTally, SanctionedAct


def tally_via_services(actor, unit, provision, **overrides) -> PersonSanctionTally:
    """Buying sex in the first half of 2026 unless overridden: 6 persons, 5 decisions, 7.500.000 đồng."""
    values = {
        "period_start": datetime.date(2026, 1, 1),
        "period_end": datetime.date(2026, 6, 30),
        "act": SanctionedAct.BUYING_SEX,
        "persons_count": 6,
        "decisions_count": 5,
        "total_fines": 7_500_000,
        **overrides,
    }
    return services.tally_create(actor=actor, unit=unit, provision=provision, **values)
