"""Demo statistics of administrative sanctions of persons for Sơn La: the year 2025 and the first half of
2026, for the province and its demo communes.

Only provisions that exist in the legal table and apply to individuals are used (pcmd.legal.selectors), and a
tally covers only the part of the period in which its provision applied: the seeded Nghị định 282/2025 applies
from 15/12/2025, so its 2025 tallies run from 15/12 to 31/12/2025. An act with no such provision (selling sex,
until an administrator enters its provision) gets no tally; with no provision for individuals at all the demo
creates nothing. Counts are small on purpose, so the suppression of counts under 5 shows. Idempotent: a tally
already there (same unit, period, act and provision) is left as it is.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from pcmd.accounts.models import User
from pcmd.core.services import today
from pcmd.core.vietnamese import search_key
from pcmd.geography.models import AdminUnit
from pcmd.legal.models import LegalProvision
from pcmd.legal.selectors import provisions_valid_on
from pcmd.person_sanctions import services
from pcmd.person_sanctions.models import PersonSanctionTally, SanctionedAct

if TYPE_CHECKING:
    from pcmd.demo.services import DemoReport

PROVINCE_CODE = "14"
COMMUNE_CODES = ("03646", "03667", "03847", "04045")
D = datetime.date
PERIODS: tuple[tuple[datetime.date, datetime.date], ...] = (
    (D(2025, 1, 1), D(2025, 12, 31)),
    (D(2026, 1, 1), D(2026, 6, 30)),
)
# Persons sanctioned per unit (province first, then the communes in COMMUNE_CODES order) and period.
PERSONS: dict[int, tuple[int, ...]] = {2025: (9, 6, 3, 2, 1), 2026: (7, 5, 2, 0, 3)}


def _act_of(provision: LegalProvision) -> str | None:
    key = search_key(provision.act)
    if "mua dam" in key:
        return SanctionedAct.BUYING_SEX
    if "ban dam" in key:
        return SanctionedAct.SELLING_SEX
    return None  # other acts of the table concern organisations or are not about prostitution


def _provisions_in(start: datetime.date, end: datetime.date) -> list[LegalProvision]:
    """Provisions for individuals applying on the period's first or last day or on the first day of one of its
    months (a decree takes effect at the latest there; the seeded 282/2025 on 15/12, found on 31/12)."""
    individual = LegalProvision.AppliesTo.INDIVIDUAL
    days = {start, end} | {D(y, m, 1) for y in range(start.year, end.year + 1) for m in range(1, 13)}
    found: dict[int, LegalProvision] = {}
    for day in sorted(d for d in days if start <= d <= end):
        found |= {p.pk: p for p in provisions_valid_on(day, individual)}
    return sorted(found.values(), key=lambda p: (p.valid_from, p.pk))


def _clip(
    start: datetime.date, end: datetime.date, provision: LegalProvision
) -> tuple[datetime.date, datetime.date]:
    return max(start, provision.valid_from), min(end, provision.valid_to or end)


def _fines(provision: LegalProvision, persons: int) -> int:
    if not provision.has_fine:
        return 0
    assert provision.fine_min is not None and provision.fine_max is not None
    # The lower half of the range, rounded to 100.000 đồng (most fines are at the minimum).
    per_person = (provision.fine_min * 3 + provision.fine_max) // 4 // 100_000 * 100_000
    return max(per_person, provision.fine_min) * persons


def load_demo(*, actor: User, report: DemoReport) -> None:
    """Create the demo tallies that are missing, through the services, acting as `actor`."""
    province = AdminUnit.objects.current().filter(level=AdminUnit.Level.PROVINCE, code=PROVINCE_CODE).first()
    if province is None:
        return
    communes = {
        u.code: u for u in AdminUnit.objects.current().filter(parent=province, code__in=COMMUNE_CODES)
    }
    units = [province, *(communes[code] for code in COMMUNE_CODES if code in communes)]
    for start, end in PERIODS:
        if start > today():
            continue
        provisions = [p for p in _provisions_in(start, end) if _act_of(p)]
        for provision_index, provision in enumerate(provisions):
            period_start, period_end = _clip(start, end, provision)
            short = (period_end - period_start).days < 60  # a few weeks under a new decree: a few sanctions
            for unit_index, unit in enumerate(units):
                persons = PERSONS[start.year][unit_index % len(PERSONS[start.year])]
                # The aggravated provisions of a decree are used far less than the basic one.
                persons = persons // (2 * provision_index) if provision_index else persons
                if short:
                    persons = min(persons, 2)
                if persons == 0:
                    continue
                act = _act_of(provision)
                assert act is not None
                exists = PersonSanctionTally.objects.filter(
                    unit=unit, period_start=period_start, period_end=period_end, act=act, provision=provision
                ).exists()
                if exists:
                    continue
                services.tally_create(
                    actor=actor,
                    unit=unit,
                    period_start=period_start,
                    period_end=period_end,
                    act=act,
                    provision=provision,
                    persons_count=persons,
                    decisions_count=max(1, persons - persons // 4),
                    total_fines=_fines(provision, persons),
                )
                report.count("person_sanction_tallies")
