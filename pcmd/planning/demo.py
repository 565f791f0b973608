"""Planning's part of the demo data: the five seed plans (Sơn La 2026 among them, on the demo agencies)."""

from __future__ import annotations

from typing import Protocol

from pcmd.accounts.models import User
from pcmd.geography.models import AdminUnit
from pcmd.planning.seed_loader import seed_plans_load
from pcmd.planning.seed_plans import ALL_SEED_PLANS


class Counter(Protocol):
    """What this module needs of pcmd.demo.services.DemoReport (planning does not import the demo app)."""

    def count(self, what: str) -> None: ...


def load_demo(*, actor: User, report: Counter) -> None:
    """Load the seed plans that are missing; counts "plans", "agencies" and "focal_assignments" created.

    A plan whose unit is not loaded (a demo built on a few test units) is left out, not an error: `make run`
    loads every unit first, so there all five are loaded.
    """
    loaded_paths = set(
        AdminUnit.objects.filter(path__in=[s.unit_path for s in ALL_SEED_PLANS]).values_list(
            "path", flat=True
        )
    )
    result = seed_plans_load(
        actor=actor, plans=tuple(s for s in ALL_SEED_PLANS if s.unit_path in loaded_paths)
    )
    for _plan in result.plans_created:
        report.count("plans")
    for _agency in result.agencies_created:
        report.count("agencies")
    for _assignment in range(result.focal_assignments):
        report.count("focal_assignments")
