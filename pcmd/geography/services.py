"""Writes to the geography tables. Units are national reference data loaded by the system, not by users.

`admin_units_load` brings the database in line with the packaged datasets (pcmd.geography.sources): it
inserts what is missing, updates what differs and leaves everything else untouched, so running it again
changes nothing and only reads. It runs at every start of the embedded server (`make run`), hence the care
for speed: one read of each table, bulk inserts and updates, one transaction.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from pcmd.geography.models import AdminUnit, UnitSuccession
from pcmd.geography.sources import AdminUnitSource, Discrepancy, UnitRecord, admin_unit_source

logger = logging.getLogger(__name__)

# The columns the loader owns, in the order compared against the source records.
_FIELDS = (
    "name",
    "division_type",
    "parent_id",
    "path",
    "scope_path",
    "valid_from",
    "valid_to",
    "latitude",
    "longitude",
    "name_search",
    "name_sort",
)

UnitKey = tuple[str, str, str]


@dataclass(frozen=True)
class LoadReport:
    """What the database holds after a load, and what the load changed."""

    counts: dict[tuple[str, str], int]  # (era, level) → number of units
    successions: int
    discrepancies: dict[str, int]  # Discrepancy.Kind → number
    units_created: int = 0
    units_updated: int = 0
    successions_created: int = 0
    successions_updated: int = 0
    successions_deleted: int = 0
    # Units in the database that the source does not list (kept: other records may refer to them).
    units_not_in_source: int = 0
    discrepancy_details: list[Discrepancy] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            (
                self.units_created,
                self.units_updated,
                self.successions_created,
                self.successions_updated,
                self.successions_deleted,
            )
        )

    def count(self, era: str, level: str) -> int:
        return self.counts.get((era, level), 0)


def _wanted_values(record: UnitRecord, parent_id: int | None) -> tuple[Any, ...]:
    return (
        record.name,
        record.division_type,
        parent_id,
        record.path,
        record.scope_path,
        record.valid_from,
        record.valid_to,
        record.latitude,
        record.longitude,
        record.name_search,
        record.name_sort,
    )


def _sync_units(source: AdminUnitSource) -> tuple[dict[UnitKey, int], int, int, int]:
    """Insert and update units; returns (key → id of every unit, created, updated, not in the source)."""
    existing: dict[UnitKey, tuple[int, tuple[Any, ...]]] = {}
    for row in AdminUnit.objects.order_by().values_list("id", "era", "level", "code", *_FIELDS):
        existing[(row[1], row[2], row[3])] = (row[0], tuple(row[4:]))
    ids = {key: pk for key, (pk, _values) in existing.items()}
    source_keys = {record.key for record in source.units}
    created = updated = 0
    now = timezone.now()

    # Units come parents first (provinces, districts, communes), so a batch's parents already have ids.
    batches: dict[tuple[str, str], list[UnitRecord]] = {}
    for record in source.units:
        batches.setdefault((record.era, record.level), []).append(record)
    for records in batches.values():
        new: list[AdminUnit] = []
        changed: list[AdminUnit] = []
        for record in records:
            parent_key = record.parent_key
            parent_id = ids[parent_key] if parent_key else None
            wanted = _wanted_values(record, parent_id)
            current = existing.get(record.key)
            if current is None:
                new.append(
                    AdminUnit(
                        era=record.era,
                        level=record.level,
                        code=record.code,
                        **dict(zip(_FIELDS, wanted, strict=True)),
                    )
                )
            elif current[1] != wanted:
                unit = AdminUnit(id=current[0], updated_at=now, **dict(zip(_FIELDS, wanted, strict=True)))
                changed.append(unit)
        if new:
            AdminUnit.objects.bulk_create(new, batch_size=2000)
            if any(unit.pk is None for unit in new):  # a backend that cannot return ids from a bulk insert
                paths = [unit.path for unit in new]
                by_path = dict(AdminUnit.objects.filter(path__in=paths).values_list("path", "id"))
                for unit in new:
                    unit.pk = by_path[unit.path]
            for unit in new:
                ids[(unit.era, unit.level, unit.code)] = unit.pk
            created += len(new)
        if changed:
            AdminUnit.objects.bulk_update(changed, [*_FIELDS, "updated_at"], batch_size=500)
            updated += len(changed)
    return ids, created, updated, len(existing.keys() - source_keys)


def _sync_successions(source: AdminUnitSource, ids: dict[UnitKey, int]) -> tuple[int, int, int]:
    """Make the successions of the source's legacy units exactly the source's.

    Returns (created, updated, deleted)."""
    wanted = {(ids[s.legacy_key], ids[s.successor_key]): s.is_default for s in source.successions}
    owned = {ids[record.key] for record in source.units if record.era == AdminUnit.Era.LEGACY}
    existing = {
        (legacy_id, successor_id): (pk, is_default)
        for pk, legacy_id, successor_id, is_default in UnitSuccession.objects.order_by().values_list(
            "id", "legacy_unit_id", "successor_id", "is_default"
        )
    }
    obsolete = [pk for pair, (pk, _default) in existing.items() if pair[0] in owned and pair not in wanted]
    new = [
        UnitSuccession(legacy_unit_id=legacy_id, successor_id=successor_id, is_default=is_default)
        for (legacy_id, successor_id), is_default in wanted.items()
        if (legacy_id, successor_id) not in existing
    ]
    changed = [
        UnitSuccession(
            id=existing[pair][0], legacy_unit_id=pair[0], successor_id=pair[1], is_default=is_default
        )
        for pair, is_default in wanted.items()
        if pair in existing and existing[pair][1] != is_default
    ]
    if obsolete:
        UnitSuccession.objects.filter(pk__in=obsolete).delete()
    if new:
        UnitSuccession.objects.bulk_create(new, batch_size=2000)
    if changed:
        UnitSuccession.objects.bulk_update(changed, ["is_default"], batch_size=500)
    return len(new), len(changed), len(obsolete)


def _refresh_statistics() -> None:
    """After a bulk load, PostgreSQL plans joins on these tables with seq scans until autovacuum analyses them
    (a successor lookup then takes 2 ms instead of 0.1 ms): refresh the planner statistics now."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {AdminUnit._meta.db_table}, {UnitSuccession._meta.db_table}")


def admin_units_load(*, source: AdminUnitSource | None = None) -> LoadReport:
    """Load every administrative unit of both eras and the old → new mapping; idempotent.

    `source` defaults to the whole packaged dataset; tests pass `admin_unit_source().restricted_to([...])`.
    Units are matched on (era, level, code). Units missing from the source are kept (records may refer
    to them); successions of the source's legacy units are replaced by the source's. No actor: this is
    system reference data, run by a management command, with no user-facing path that writes it.
    """
    source = source if source is not None else admin_unit_source()
    with transaction.atomic():
        ids, units_created, units_updated, not_in_source = _sync_units(source)
        successions_created, successions_updated, successions_deleted = _sync_successions(source, ids)
    if units_created or successions_created or successions_deleted:
        _refresh_statistics()
    counts = {
        (row["era"], row["level"]): row["n"]
        for row in AdminUnit.objects.order_by().values("era", "level").annotate(n=Count("id"))
    }
    report = LoadReport(
        counts=counts,
        successions=UnitSuccession.objects.count(),
        discrepancies=dict(Counter(d.kind for d in source.discrepancies)),
        units_created=units_created,
        units_updated=units_updated,
        successions_created=successions_created,
        successions_updated=successions_updated,
        successions_deleted=successions_deleted,
        units_not_in_source=not_in_source,
        discrepancy_details=list(source.discrepancies),
    )
    if report.changed:
        logger.info(
            "Administrative units loaded: %s units created, %s updated; %s successions created, %s updated, "
            "%s deleted.",
            units_created,
            units_updated,
            successions_created,
            successions_updated,
            successions_deleted,
        )
    return report
