"""Administrative units: loading all 14,149 units and 14,339 successions, and the queries every page makes."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from bench.runner import Bench, database_url

TITLE = "Đơn vị hành chính (geography)"
ROOT = Path(__file__).resolve().parent.parent
QUERY_RUNS = 30


def _viewer():  # type: ignore[no-untyped-def]
    """A leader of Sơn La: holds Capability.VIEW_UNITS like every officer."""
    from pcmd.accounts.capabilities import Role
    from pcmd.accounts.models import Membership, User
    from pcmd.geography.models import AdminUnit

    user = User.objects.create_user(username="bench.viewer", password=None)
    Membership.objects.create(user=user, unit=AdminUnit.objects.current().get(code="14"), role=Role.LEADER)
    return user


def run(bench: Bench) -> None:
    from django.test import Client

    from pcmd.geography import sources
    from pcmd.geography.models import AdminUnit, UnitSuccession
    from pcmd.geography.selectors import UnitFilter, resolve_current_units, unit_list
    from pcmd.geography.services import admin_units_load

    sources._read_packages.cache_clear()
    sources._keys.cache_clear()
    source = bench.measure("read both packages (cold, in process)", sources.admin_unit_source)
    report = bench.measure("load all units, empty database", lambda: admin_units_load(source=source))
    assert report.changed
    bench.figures[-1] = replace(
        bench.figures[-1],
        note=f"{AdminUnit.objects.count():,} units, {UnitSuccession.objects.count():,} successions",
    )
    report = bench.measure("load again (nothing to change)", lambda: admin_units_load(source=source), runs=5)
    assert not report.changed

    env = {**os.environ, "DATABASE_URL": database_url()}

    def command() -> None:
        subprocess.run(
            [sys.executable, "manage.py", "load_admin_units"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )

    bench.measure(
        "manage.py load_admin_units, new process, no change",
        command,
        runs=3,
        note="what `make run` pays at every start",
    )

    user = _viewer()
    client = Client()
    client.force_login(user)

    def get(url: str) -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    bench.measure(
        "API /units/?level=commune, page 1",
        lambda: get("/api/v1/units/?level=commune"),
        runs=QUERY_RUNS,
        warmup=2,
    )
    bench.measure(
        "API /units/?legacy=true&level=commune, page 100",
        lambda: get("/api/v1/units/?legacy=true&level=commune&page=100"),
        runs=QUERY_RUNS,
        warmup=2,
    )
    bench.measure("page /don-vi/, page 1", lambda: get("/don-vi/"), runs=QUERY_RUNS, warmup=2)
    bench.measure(
        "page /don-vi/?q=na+ri (htmx results)",
        lambda: client.get("/don-vi/?q=na+ri", headers={"HX-Request": "true", "HX-Target": "ket-qua"}),
        runs=QUERY_RUNS,
        warmup=2,
    )
    bench.measure(
        "search 'na ri', both eras (selector)",
        lambda: [
            list(unit_list(user=user, filters=UnitFilter(era=era, q="na ri")))
            for era in (AdminUnit.Era.CURRENT, AdminUnit.Era.LEGACY)
        ],
        runs=QUERY_RUNS,
        warmup=2,
    )
    bench.measure(
        "API /units/066/successors/ (Huyện Na Rì)",
        lambda: get("/api/v1/units/066/successors/"),
        runs=QUERY_RUNS,
        warmup=2,
    )

    legacy_communes = list(
        AdminUnit.objects.legacy().filter(level=AdminUnit.Level.COMMUNE).values_list("id", flat=True)
    )
    sample = random.Random(2025).sample(legacy_communes, 200)
    units = {u.pk: u for u in AdminUnit.objects.filter(pk__in=sample)}
    bench.measure(
        "successors of 200 random legacy communes",
        lambda: [list(resolve_current_units(units[pk])) for pk in sample],
        runs=5,
        warmup=1,
    )
    bench.measure(
        "within_scope('79'): units of TP HCM, both eras (count)",
        lambda: AdminUnit.objects.within_scope("79").count(),
        runs=QUERY_RUNS,
        warmup=2,
    )
    bench.measure(
        "within_scope('79'): fetch all rows",
        lambda: len(list(AdminUnit.objects.within_scope("79"))),
        runs=10,
        warmup=1,
    )
