"""Who may read the change log and the access log."""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import has_capability


def can_view_audit_log(user: User) -> bool:
    """Holders of VIEW_AUDIT (coordinators, administrators); what they see is limited by selectors."""
    return has_capability(user, Capability.VIEW_AUDIT)
