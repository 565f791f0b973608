"""Who may see and change criminal cases. Pure predicates over the user's active membership.

- The records (list, detail, timeline, API) and every change: CRIMINAL_CASE_MANAGE (police officers and
  administrators) within the jurisdiction. Nobody else sees a case: commune officers, case workers,
  inspectors and coordinators get nothing of the records.
- The offenders' identities: the same capability, and every view is logged with a reason (the service).
- The aggregated statistics (cases and offenders per unit, period and stage; no case, no person): the
  holders of CRIMINAL_CASE_MANAGE as they are, and the report compilers of the province (REPORT_APPROVE:
  the provincial coordinator puts these figures into the province's report) with small counts suppressed.
  Commune officers and case workers hold neither and see no figure either.

Which cases a user sees is decided by pcmd.criminal_cases.selectors (jurisdiction; 404 outside it).
"""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import has_capability, unit_is_visible
from pcmd.criminal_cases.models import CriminalCase
from pcmd.geography.models import AdminUnit


def can_manage_criminal_cases(user: User) -> bool:
    """Holds the capability somewhere: sees the case pages, is offered "add"."""
    return has_capability(user, Capability.CRIMINAL_CASE_MANAGE)


def can_manage_criminal_cases_in(user: User, unit: AdminUnit) -> bool:
    return can_manage_criminal_cases(user) and unit_is_visible(user, unit)


def can_manage_criminal_case(user: User, case: CriminalCase) -> bool:
    return can_manage_criminal_cases_in(user, case.unit)


def can_view_case_offenders(user: User, case: CriminalCase) -> bool:
    """The identities of the case's offenders (each view is logged with a reason)."""
    return can_manage_criminal_case(user, case)


def can_view_criminal_case_statistics(user: User) -> bool:
    return can_manage_criminal_cases(user) or has_capability(user, Capability.REPORT_APPROVE)


def sees_small_case_counts(user: User) -> bool:
    """Statistics unsuppressed: only for those who may see the records behind them."""
    return can_manage_criminal_cases(user)
