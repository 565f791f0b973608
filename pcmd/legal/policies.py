"""Who may read and maintain the legal-reference table. Pure predicates over the user's active membership."""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import has_capability

# Legal references are public law: everyone who works on enforcement reads them.
_READERS = (
    Capability.ESTABLISHMENT_VIEW,
    Capability.INSPECTION_RECORD,
    Capability.SANCTION_RECORD,
    Capability.MANAGE_REFERENCE_DATA,
)


def can_view_legal_references(user: User) -> bool:
    return any(has_capability(user, capability) for capability in _READERS)


def can_manage_legal_references(user: User) -> bool:
    """Create, edit and close documents and provisions (fine amounts are an administrator's data)."""
    return has_capability(user, Capability.MANAGE_REFERENCE_DATA)
