"""Who may see the administrative units.

Units are public reference data: every holder of Capability.VIEW_UNITS sees the whole national list (it is not
scoped to a jurisdiction). Geography sits below accounts in the layering, so the capability check imports
`pcmd.accounts.scoping` at call time only (the same exception as docs/decisions/0002 makes for agencies).
"""

from __future__ import annotations

from typing import Any


def can_view_units(user: Any) -> bool:
    """A logged-in user whose active membership grants Capability.VIEW_UNITS."""
    from pcmd.accounts.capabilities import Capability
    from pcmd.accounts.scoping import has_capability

    return bool(user is not None and user.is_authenticated and has_capability(user, Capability.VIEW_UNITS))
