"""Loading real units for the geography tests: the whole country, or only the provinces a test needs.

Each test that needs real units loads them itself, inside its own transaction: nothing leaks elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pcmd.geography.services import LoadReport, admin_units_load
from pcmd.geography.sources import admin_unit_source


@pytest.fixture
def load_units(db) -> Callable[..., LoadReport]:
    """load_units() loads every unit; load_units("19", "82") those current provinces and their past."""

    def load(*province_codes: str) -> LoadReport:
        source = admin_unit_source()
        if province_codes:
            source = source.restricted_to(province_codes)
        return admin_units_load(source=source)

    return load
