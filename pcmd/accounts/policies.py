"""Account-level predicates. Pure functions of the user (and object); no I/O beyond reading memberships."""

from __future__ import annotations

from pcmd.accounts.capabilities import SENSITIVE_CAPABILITIES, Capability, capabilities_of_role
from pcmd.accounts.models import Membership, User
from pcmd.accounts.scoping import has_capability


def must_use_two_factor(user: User) -> bool:
    """Administrators and anyone holding a sensitive capability in any of their memberships."""
    if user.is_superuser:
        return True
    roles = Membership.objects.filter(user=user, is_active=True).values_list("role", flat=True)
    return any(capabilities_of_role(role) & SENSITIVE_CAPABILITIES for role in roles)


def can_view_audit(user: User) -> bool:
    return has_capability(user, Capability.VIEW_AUDIT)


def can_switch_to(user: User, membership: Membership) -> bool:
    return membership.user_id == user.id and membership.is_active
