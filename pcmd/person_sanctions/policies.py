"""Who may see and change the statistics of administrative sanctions of persons. Pure predicates.

- The tallies themselves (per unit, entered and corrected): PERSON_SANCTION_MANAGE (police officers and
  administrators) within the jurisdiction.
- The aggregates (totals per period and act over the user's jurisdiction): everyone with VIEW_DASHBOARD in
  the jurisdiction — the figures go into the province's reports and dashboards — with counts of 1 to 4
  suppressed as "<5" for those without PERSON_SANCTION_MANAGE.

Which tallies a user sees is decided by pcmd.person_sanctions.selectors (jurisdiction; 404 outside it).
"""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import has_capability, unit_is_visible
from pcmd.geography.models import AdminUnit
from pcmd.person_sanctions.models import PersonSanctionTally


def can_manage_person_sanctions(user: User) -> bool:
    """Holds the capability somewhere: sees the tallies, is offered "add"."""
    return has_capability(user, Capability.PERSON_SANCTION_MANAGE)


def can_manage_person_sanctions_in(user: User, unit: AdminUnit) -> bool:
    return can_manage_person_sanctions(user) and unit_is_visible(user, unit)


def can_manage_tally(user: User, tally: PersonSanctionTally) -> bool:
    return can_manage_person_sanctions_in(user, tally.unit)


def can_view_person_sanction_statistics(user: User) -> bool:
    return can_manage_person_sanctions(user) or has_capability(user, Capability.VIEW_DASHBOARD)


def sees_small_sanction_counts(user: User) -> bool:
    """Aggregates unsuppressed: only for those who may see the tallies behind them."""
    return can_manage_person_sanctions(user)
