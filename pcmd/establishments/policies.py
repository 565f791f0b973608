"""Who may see and change establishments. Pure predicates over the user's active membership.

Establishments belong to a commune: its officers (ESTABLISHMENT_MANAGE) manage them; provincial staff,
inspectors and police (ESTABLISHMENT_VIEW) see their area; case workers see nothing of enforcement.
Which establishments a user sees is decided by pcmd.establishments.selectors (jurisdiction, 404 outside).
"""

from __future__ import annotations

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import has_capability, unit_is_visible
from pcmd.establishments.models import Establishment, ImportJob, StatusChangeSource
from pcmd.geography.models import AdminUnit


def can_view_establishments(user: User) -> bool:
    return has_capability(user, Capability.ESTABLISHMENT_VIEW)


def can_manage_establishments(user: User) -> bool:
    """Holds the capability somewhere: decides whether "add" and "import" are offered."""
    return has_capability(user, Capability.ESTABLISHMENT_MANAGE)


def can_manage_establishments_in(user: User, unit: AdminUnit) -> bool:
    """Register or change establishments of this commune: the capability, and the commune in the
    jurisdiction."""
    return can_manage_establishments(user) and unit_is_visible(user, unit)


def can_manage_establishment(user: User, establishment: Establishment) -> bool:
    return can_manage_establishments_in(user, establishment.unit)


def can_change_establishment_status(user: User, establishment: Establishment, source: str) -> bool:
    """The commune's managers; and, for a change that follows a sanction decision (licence suspended or
    withdrawn), whoever may record sanctions in the establishment's area."""
    if can_manage_establishment(user, establishment):
        return True
    return (
        source == StatusChangeSource.SANCTION
        and has_capability(user, Capability.SANCTION_RECORD)
        and unit_is_visible(user, establishment.unit)
    )


def can_manage_establishment_types(user: User) -> bool:
    """The list of types is reference data shared by every province: administrators maintain it."""
    return has_capability(user, Capability.MANAGE_REFERENCE_DATA)


def can_view_import_job(user: User, job: ImportJob) -> bool:
    """An import's progress and error report belong to the user who started it."""
    return can_manage_establishments(user) and job.created_by_id == user.pk
