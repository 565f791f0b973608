"""Who may see and handle tips. Pure predicates over the user's active membership; which tips a user sees at
all is pcmd.tips.selectors (the routed unit in the jurisdiction; 404 outside it).

- Handle (queue, record from other channels, move through the workflow, transfer, write to the citizen):
  TIP_HANDLE — commune officers, police, the provincial coordinator, administrators — for tips routed to a
  unit in their jurisdiction. Case workers, inspectors, leaders and agency reporters see no tip.
- The informant's identity and contact: INFORMANT_VIEW (police, administrators) on a tip they may handle,
  each time with a reason (access log).
- Configure routing rules and stage deadlines of a province: TIP_HANDLE and the right to manage the
  province's agencies (provincial coordinator) or reference data (administrator), province in jurisdiction.
- The on-time rate (a figure for dashboards and reports, no tip shown): TIP_HANDLE or VIEW_DASHBOARD.
"""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import has_capability, unit_is_visible
from pcmd.geography.models import AdminUnit
from pcmd.tips.models import Tip


def can_handle_tips(user: User) -> bool:
    return has_capability(user, Capability.TIP_HANDLE)


def can_handle_tips_in(user: User, unit: AdminUnit) -> bool:
    return can_handle_tips(user) and unit_is_visible(user, unit)


def can_handle_tip(user: User, tip: Tip) -> bool:
    return can_handle_tips_in(user, tip.routed_unit)


def can_view_informant(user: User, tip: Tip) -> bool:
    return can_handle_tip(user, tip) and has_capability(user, Capability.INFORMANT_VIEW)


def can_configure_tips(user: User, province: AdminUnit) -> bool:
    return (
        can_handle_tips(user)
        and (
            has_capability(user, Capability.MANAGE_AGENCIES)
            or has_capability(user, Capability.MANAGE_REFERENCE_DATA)
        )
        and province.level == AdminUnit.Level.PROVINCE
        and unit_is_visible(user, province)
    )


def can_view_tip_indicators(user: User) -> bool:
    return can_handle_tips(user) or has_capability(user, Capability.VIEW_DASHBOARD)
