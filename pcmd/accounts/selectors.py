from __future__ import annotations

from dataclasses import dataclass

from pcmd.accounts import scoping
from pcmd.accounts.models import Membership, User
from pcmd.geography.models import AdminUnit


@dataclass(frozen=True)
class WorkspaceSummary:
    membership: Membership | None
    commune_count: int
    province_count: int


def workspace_summary(user: User) -> WorkspaceSummary:
    units = scoping.scope_queryset(AdminUnit.objects.current(), user, "scope_path")
    return WorkspaceSummary(
        membership=scoping.active_membership(user),
        commune_count=units.filter(level=AdminUnit.Level.COMMUNE).count(),
        province_count=units.filter(level=AdminUnit.Level.PROVINCE).count(),
    )
