"""The benchmark harness: a throwaway database, timing, and the printed table.

The database is created beside the configured one and destroyed afterwards (Django's test-database machinery):
a temporary SQLite file by default, or `test_<name>_bench_<pid>` on PostgreSQL when DATABASE_URL points there.
The configured database (e.g. var/pcmd.sqlite3) is never touched.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Figure:
    group: str
    label: str
    runs: int
    median_ms: float
    min_ms: float
    max_ms: float
    note: str = ""


@dataclass
class Bench:
    """Collects figures for one benchmark module."""

    group: str
    figures: list[Figure] = field(default_factory=list)

    def measure(
        self, label: str, action: Callable[[], Any], *, runs: int = 1, warmup: int = 0, note: str = ""
    ) -> Any:
        """Time `action` `runs` times (after `warmup` untimed calls); returns the last result."""
        result = None
        for _ in range(warmup):
            result = action()
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            result = action()
            timings.append((time.perf_counter() - started) * 1000)
        self.figures.append(
            Figure(self.group, label, runs, statistics.median(timings), min(timings), max(timings), note)
        )
        return result


@contextmanager
def throwaway_database() -> Iterator[str]:
    """Create and migrate a test database of the configured engine (a temporary file for SQLite)."""
    from django.conf import settings
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases

    default = settings.DATABASES["default"]
    tmpdir = None
    if default["ENGINE"] == "django.db.backends.sqlite3":
        # A file, not the in-memory default: timings should include real disk writes.
        tmpdir = tempfile.TemporaryDirectory(prefix="pcmd-bench-")
        default.setdefault("TEST", {})["NAME"] = str(Path(tmpdir.name) / "bench.sqlite3")
    else:
        default.setdefault("TEST", {})["NAME"] = f"test_{default['NAME']}_bench_{os.getpid()}"
    # Only the default database exists in this project.
    old_config = setup_databases(verbosity=0, interactive=False, aliases={"default": {}})
    try:
        connection = connections["default"]
        yield f"{connection.vendor} {connection.settings_dict['NAME']}"
    finally:
        teardown_databases(old_config, verbosity=0)
        if tmpdir is not None:
            tmpdir.cleanup()


def database_url() -> str:
    """A DATABASE_URL for the (throwaway) default database, so a child process can use it."""
    from django.db import connections

    s = connections["default"].settings_dict
    if s["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{s['NAME']}"
    return (
        f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"
    )


def print_table(figures: list[Figure], database: str) -> None:
    print(f"\nPCMD benchmarks — database: {database}\n")
    headers = ("benchmark", "measure", "runs", "median ms", "min ms", "max ms", "note")
    rows = [
        (f.group, f.label, str(f.runs), f"{f.median_ms:,.1f}", f"{f.min_ms:,.1f}", f"{f.max_ms:,.1f}", f.note)
        for f in figures
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    numeric = {2, 3, 4, 5}

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
