"""The five seed plans (the real plan documents of ../shared/seeds), as structured facts in our own words.

Load them with `manage.py load_seed_plans` (pcmd.planning.seed_loader); the demo data loads them too.
"""

from __future__ import annotations

from pcmd.planning.seed_plans import (
    cao_lanh_2021_2025,
    gia_lai_2021_2025,
    na_ri_2025,
    quang_tri_2022,
    son_la_2026,
)
from pcmd.planning.seed_plans.schema import SeedPlan

ALL_SEED_PLANS: tuple[SeedPlan, ...] = (
    gia_lai_2021_2025.PLAN,
    quang_tri_2022.PLAN,
    cao_lanh_2021_2025.PLAN,
    na_ri_2025.PLAN,
    son_la_2026.PLAN,
)

__all__ = ["ALL_SEED_PLANS", "SeedPlan"]
