"""Reads of the statistics of administrative sanctions of persons. The tallies are scoped to the user's
jurisdiction (default deny; 404 outside it) and shown only to PERSON_SANCTION_MANAGE holders; the aggregates
are for every reader in the jurisdiction, with small counts suppressed for those without the capability."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Sum
from django.http import Http404

from pcmd.accounts.models import User
from pcmd.accounts.scoping import scope_queryset
from pcmd.agencies.selectors import units_visible_to
from pcmd.core.privacy import ShownCount, show_count
from pcmd.geography.models import AdminUnit
from pcmd.legal.models import LegalProvision
from pcmd.legal.selectors import legal_provisions_for
from pcmd.person_sanctions.models import PersonSanctionTally, SanctionedAct
from pcmd.person_sanctions.policies import (
    can_manage_person_sanctions,
    can_view_person_sanction_statistics,
    sees_small_sanction_counts,
)


def _within(unit: AdminUnit) -> Q:
    return Q(unit__scope_path=unit.scope_path) | Q(unit__scope_path__startswith=f"{unit.scope_path}.")


def _filtered(
    tallies: QuerySet[PersonSanctionTally],
    *,
    unit: AdminUnit | None,
    year: int | None,
    period_from: datetime.date | None,
    period_to: datetime.date | None,
    act: str,
) -> QuerySet[PersonSanctionTally]:
    """`unit`: that unit and below; `year`, `period_from`/`period_to`: periods overlapping them; `act`."""
    if unit is not None:
        tallies = tallies.filter(_within(unit))
    if year:
        tallies = tallies.filter(
            period_start__lte=datetime.date(year, 12, 31), period_end__gte=datetime.date(year, 1, 1)
        )
    if period_from is not None:
        tallies = tallies.filter(period_end__gte=period_from)
    if period_to is not None:
        tallies = tallies.filter(period_start__lte=period_to)
    if act:
        tallies = tallies.filter(act=act)
    return tallies


def tallies_visible_to(
    user: User,
    *,
    unit: AdminUnit | None = None,
    year: int | None = None,
    period_from: datetime.date | None = None,
    period_to: datetime.date | None = None,
    act: str = "",
) -> QuerySet[PersonSanctionTally]:
    """The tallies of the jurisdiction (nothing without PERSON_SANCTION_MANAGE), newest period first."""
    if not can_manage_person_sanctions(user):
        return PersonSanctionTally.objects.none()
    tallies = scope_queryset(
        PersonSanctionTally.objects.select_related("unit", "provision__document"), user, "unit__scope_path"
    )
    tallies = _filtered(tallies, unit=unit, year=year, period_from=period_from, period_to=period_to, act=act)
    return tallies.order_by("-period_start", "-period_end", "unit__path", "act", "id")


def tally_get(user: User, tally_id: int) -> PersonSanctionTally:
    """The tally if the user may see it, else Http404 (existence outside the jurisdiction never leaks)."""
    tally = tallies_visible_to(user).filter(pk=tally_id).first()
    if tally is None:
        raise Http404
    return tally


def sanction_units_for(user: User) -> QuerySet[AdminUnit]:
    """Current provinces and communes of the jurisdiction (to record tallies for, and to filter on)."""
    if not can_view_person_sanction_statistics(user):
        return AdminUnit.objects.none()
    return units_visible_to(user)


def provisions_for_individuals(user: User, *, keep: LegalProvision | None = None) -> QuerySet[LegalProvision]:
    """Provisions applying to individuals (any period; the service checks the period), through the legal
    table's own selector; `keep` stays offered (the tally's own)."""
    provisions = legal_provisions_for(user, applies_to=LegalProvision.AppliesTo.INDIVIDUAL)
    if keep is not None:
        provisions = LegalProvision.objects.filter(Q(pk__in=provisions.values("pk")) | Q(pk=keep.pk))
    return provisions.select_related("document").order_by("-valid_from", "document__number", "article", "id")


# --- aggregates ---------------------------------------------------------------------------------------------


@dataclass
class SummaryRow:
    period_start: datetime.date
    period_end: datetime.date
    act: str
    persons: ShownCount
    decisions: ShownCount
    # None when hidden: a total of fines over fewer than 5 persons says too much about each of them.
    total_fines: int | None

    @property
    def act_display(self) -> str:
        return str(SanctionedAct(self.act).label)


@dataclass
class SanctionSummary:
    suppressed: bool
    rows: list[SummaryRow] = field(default_factory=list)


def person_sanction_summary(
    user: User,
    *,
    unit: AdminUnit | None = None,
    year: int | None = None,
    period_from: datetime.date | None = None,
    period_to: datetime.date | None = None,
    act: str = "",
) -> SanctionSummary:
    """Totals per period and act over the units of the user's jurisdiction (or below `unit`): persons
    sanctioned, decisions, fines. Counts of 1 to 4 show as "<5" (and their fines are hidden) unless the user
    holds PERSON_SANCTION_MANAGE; users who may see neither get no rows."""
    suppress = not sees_small_sanction_counts(user)
    summary = SanctionSummary(suppressed=suppress)
    if not can_view_person_sanction_statistics(user):
        return summary
    tallies = scope_queryset(PersonSanctionTally.objects.all(), user, "unit__scope_path")
    tallies = _filtered(tallies, unit=unit, year=year, period_from=period_from, period_to=period_to, act=act)
    grouped = (
        tallies.values("period_start", "period_end", "act")
        .annotate(persons=Sum("persons_count"), decisions=Sum("decisions_count"), fines=Sum("total_fines"))
        .order_by("-period_start", "-period_end", "act")
    )
    for group in grouped:
        persons = group["persons"] or 0
        hidden = suppress and show_count(persons, suppress=True) != persons
        summary.rows.append(
            SummaryRow(
                period_start=group["period_start"],
                period_end=group["period_end"],
                act=group["act"],
                persons=show_count(persons, suppress=suppress),
                decisions=show_count(group["decisions"], suppress=suppress),
                total_fines=None if hidden else int(group["fines"] or 0),
            )
        )
    return summary
