"""Account-level predicates. Pure functions of the user (and object); no I/O beyond reading memberships."""

from __future__ import annotations

from pcmd.accounts.capabilities import SENSITIVE_CAPABILITIES, Capability, Role, capabilities_of_role
from pcmd.accounts.models import Membership, User
from pcmd.accounts.scoping import has_capability, jurisdiction_of, unit_is_visible
from pcmd.geography.models import AdminUnit


def must_use_two_factor(user: User) -> bool:
    """Administrators and anyone holding a sensitive capability in any of their active memberships."""
    if user.is_superuser:
        return True
    roles = Membership.objects.filter(user=user, is_active=True).values_list("role", flat=True)
    return any(capabilities_of_role(role) & SENSITIVE_CAPABILITIES for role in roles)


def can_view_audit(user: User) -> bool:
    return has_capability(user, Capability.VIEW_AUDIT)


def can_switch_to(user: User, membership: Membership) -> bool:
    """Only one's own memberships, and only those still in force."""
    return membership.user_id == user.id and membership.is_active and user.is_active


def can_manage_users(user: User) -> bool:
    """System administrators only (Capability.MANAGE_USERS); coordinators do not create accounts."""
    return has_capability(user, Capability.MANAGE_USERS)


def can_manage_user(actor: User, target: User) -> bool:
    """A user manager acts on accounts within their jurisdiction: a national administrator on every account,
    one bound to a unit on accounts whose memberships all lie in it (an account without memberships counts as
    new and is visible to every user manager)."""
    if not can_manage_users(actor):
        return False
    jurisdiction = jurisdiction_of(actor)
    if jurisdiction.everything:
        return True
    memberships = list(Membership.objects.filter(user=target).select_related("unit"))
    return all(m.unit is not None and jurisdiction.covers(m.unit) for m in memberships)


def can_grant_membership(actor: User, target: User, unit: AdminUnit | None, role: str) -> bool:
    """A national membership (no unit) needs a national actor; any other, a unit in the actor's area."""
    if not can_manage_user(actor, target):
        return False
    if unit is None:
        return role == Role.SYSTEM_ADMIN and jurisdiction_of(actor).everything
    return unit_is_visible(actor, unit)


def can_deactivate_user(actor: User, target: User) -> bool:
    """Never oneself (an administrator cannot lock themselves out by mistake)."""
    return actor.pk != target.pk and can_manage_user(actor, target)
