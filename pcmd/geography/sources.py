"""Reads the administrative-unit datasets shipped with two packages into plain records (no database).

- `vietnam_provinces` is the source of truth for the current units (34 provinces, 3,321 communes): codes and
  names.
- `vietnamadminunits` supplies the legacy units (63 provinces, 696 districts, 10,035 communes, with
  centroids), the current communes' centroids, and the old → new mapping (converter_2025.json).

The two packages disagree on some current codes and names, so a `vietnamadminunits` current commune is bridged
to a `vietnam_provinces` one by province code + name, never by code; every disagreement becomes a
`Discrepancy`.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from vietnam_provinces import Province, VietNamDivisionType, Ward

from pcmd.core.vietnamese import search_key, sort_key
from pcmd.geography.models import LEGACY_LAST_DAY, REORGANISATION_DATE, AdminUnit

CURRENT = AdminUnit.Era.CURRENT.value
LEGACY = AdminUnit.Era.LEGACY.value
PROVINCE = AdminUnit.Level.PROVINCE.value
DISTRICT = AdminUnit.Level.DISTRICT.value
COMMUNE = AdminUnit.Level.COMMUNE.value

# Located without importing the package: its import builds an address parser (~0.3 s) we do not use.
_SPEC = importlib.util.find_spec("vietnamadminunits")
assert _SPEC is not None and _SPEC.submodule_search_locations, "vietnamadminunits is not installed"
_DATA_DIR = Path(next(iter(_SPEC.submodule_search_locations))) / "data"
DATASET_DB = _DATA_DIR / "dataset.db"
CONVERTER_JSON = _DATA_DIR / "converter_2025.json"

_DIVISION_TYPES = {
    VietNamDivisionType.TINH: "Tỉnh",
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: "Thành phố",
    VietNamDivisionType.XA: "Xã",
    VietNamDivisionType.PHUONG: "Phường",
    VietNamDivisionType.DAC_KHU: "Đặc khu",
}


@dataclass(frozen=True)
class UnitRecord:
    """One unit as it should be stored; `parent_code` is the parent's code in the same era."""

    era: str
    level: str
    code: str
    name: str
    division_type: str
    parent_code: str | None
    path: str
    scope_path: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    latitude: float | None
    longitude: float | None
    name_search: str
    name_sort: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.era, self.level, self.code)

    @property
    def parent_key(self) -> tuple[str, str, str] | None:
        if self.parent_code is None:
            return None
        parent_level = PROVINCE if self.level == DISTRICT or self.era == CURRENT else DISTRICT
        return (self.era, parent_level, self.parent_code)


@dataclass(frozen=True)
class SuccessionRecord:
    """A legacy unit (key) became all or part of a current unit (key)."""

    legacy_key: tuple[str, str, str]
    successor_key: tuple[str, str, str]
    is_default: bool


@dataclass(frozen=True)
class Discrepancy:
    """Where vietnamadminunits disagrees with vietnam_provinces about a current commune."""

    class Kind:
        CODE = "code"  # same commune (province + name), different code
        NAME = "name"  # bridged, but the names are spelt differently
        UNBRIDGED = "unbridged"  # no counterpart found: no centroid of its own, no mapping through it

    kind: str
    province_code: str
    code: str  # vietnam_provinces code (empty when only vietnamadminunits knows the commune)
    other_code: str  # vietnamadminunits code (empty when only vietnam_provinces knows it)
    name: str
    other_name: str


@dataclass
class AdminUnitSource:
    """Everything the loader writes, in insertion order (parents before children)."""

    units: list[UnitRecord]
    successions: list[SuccessionRecord]
    discrepancies: list[Discrepancy] = field(default_factory=list)

    def count(self, era: str, level: str) -> int:
        return sum(1 for unit in self.units if unit.era == era and unit.level == level)

    def restricted_to(self, province_codes: Iterable[str]) -> AdminUnitSource:
        """The current provinces given, the legacy units that lie in them, and the successions between them.

        Used by tests and benchmarks that need real data without the whole country.
        """
        paths = set(province_codes)
        units = [unit for unit in self.units if unit.scope_path.split(".")[0] in paths]
        keys = {unit.key for unit in units}
        successions = [s for s in self.successions if s.legacy_key in keys and s.successor_key in keys]
        discrepancies = [d for d in self.discrepancies if d.province_code in paths]
        return AdminUnitSource(units=units, successions=successions, discrepancies=discrepancies)


def _name_key(name: str) -> str:
    """Name with diacritics, lower case, letters and digits only: "Xã Văn Lang" ≠ "Xã Văn Lăng"."""
    return "".join(ch for ch in unicodedata.normalize("NFC", name.lower()) if ch.isalnum())


def _bare_key(name: str) -> str:
    """Name without diacritics, letters and digits only: bridges "Hoà" and "Hòa" spellings."""
    return "".join(ch for ch in search_key(name) if ch.isalnum())


def _styled(name: str, division_type: str) -> str:
    """ "Thành Phố Bắc Kạn" → "Thành phố Bắc Kạn": the type spelt as the dataset's type column spells it."""
    if division_type and name.lower().startswith(f"{division_type.lower()} "):
        return division_type + name[len(division_type) :]
    return name


@cache
def _keys(name: str) -> tuple[str, str]:
    # Many names recur (legacy and current units, "Xã Tân Thành"...): compute each name's keys once.
    return search_key(name), sort_key(name)


def _clean(name: str) -> str:
    """Single spaces: vietnam_provinces spells a few names with a double space ("Xã  Bắc Đông Quan")."""
    return " ".join(name.split())


def _unit(
    *,
    era: str,
    level: str,
    code: str,
    name: str,
    division_type: str,
    parent_code: str | None,
    path: str,
    scope_path: str,
    latitude: float | None,
    longitude: float | None,
) -> UnitRecord:
    current = era == CURRENT
    name = _clean(name)
    name_search, name_sort = _keys(name)
    return UnitRecord(
        era=era,
        level=level,
        code=code,
        name=name,
        division_type=division_type,
        parent_code=parent_code,
        path=path,
        scope_path=scope_path,
        valid_from=REORGANISATION_DATE if current else None,
        valid_to=None if current else LEGACY_LAST_DAY,
        latitude=latitude,
        longitude=longitude,
        name_search=name_search,
        name_sort=name_sort,
    )


def _rows(connection: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    connection.row_factory = sqlite3.Row
    return connection.execute(sql).fetchall()


def _current_units(
    vau_current: list[sqlite3.Row],
) -> tuple[list[UnitRecord], dict[tuple[str, str], str], list[Discrepancy]]:
    """Current provinces and communes from vietnam_provinces, centroids bridged from vietnamadminunits.

    Returns the units, a map (vietnamadminunits province key, ward key) → current commune code, and the
    discrepancies between the two packages.
    """
    province_centroids: dict[str, tuple[float, float]] = {}
    for row in vau_current:
        province_centroids.setdefault(row["provinceCode"], (row["provinceLat"], row["provinceLon"]))

    units: list[UnitRecord] = []
    for province in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        code = f"{int(province.code):02d}"
        division_type = _DIVISION_TYPES[province.division_type]
        name = (
            province.name if province.name.startswith(division_type) else f"{division_type} {province.name}"
        )
        lat, lon = province_centroids.get(code, (None, None))
        units.append(
            _unit(
                era=CURRENT,
                level=PROVINCE,
                code=code,
                name=name,
                division_type=division_type,
                parent_code=None,
                path=code,
                scope_path=code,
                latitude=lat,
                longitude=lon,
            )
        )

    wards = sorted(Ward.iter_all(), key=lambda w: int(w.code))
    # Bridge by (province, name with diacritics) first, then by (province, bare name) where unambiguous.
    by_name: dict[tuple[str, str], sqlite3.Row] = {}
    by_bare: dict[tuple[str, str], list[sqlite3.Row]] = defaultdict(list)
    for row in vau_current:
        by_name[(row["provinceCode"], _name_key(row["ward"]))] = row
        by_bare[(row["provinceCode"], _bare_key(row["ward"]))].append(row)

    bridged: dict[str, sqlite3.Row] = {}  # current commune code → vietnamadminunits row
    used: set[str] = set()
    pending = []
    for ward in wards:
        province_code = f"{int(ward.province_code):02d}"
        match = by_name.get((province_code, _name_key(ward.name)))
        if match is not None and match["wardCode"] not in used:
            bridged[f"{int(ward.code):05d}"] = match
            used.add(match["wardCode"])
        else:
            pending.append(ward)
    for ward in pending:
        province_code = f"{int(ward.province_code):02d}"
        candidates = [
            r for r in by_bare.get((province_code, _bare_key(ward.name)), []) if r["wardCode"] not in used
        ]
        if len(candidates) == 1:
            bridged[f"{int(ward.code):05d}"] = candidates[0]
            used.add(candidates[0]["wardCode"])

    discrepancies: list[Discrepancy] = []
    for ward in wards:
        code = f"{int(ward.code):05d}"
        province_code = f"{int(ward.province_code):02d}"
        name = _clean(ward.name)
        other = bridged.get(code)
        division_type = _DIVISION_TYPES[ward.division_type]
        if other is None:
            discrepancies.append(Discrepancy(Discrepancy.Kind.UNBRIDGED, province_code, code, "", name, ""))
            # No centroid of its own: a map shows it at its province's centroid.
            lat, lon = province_centroids.get(province_code, (None, None))
        else:
            lat, lon = other["wardLat"], other["wardLon"]
            if other["wardCode"] != code:
                discrepancies.append(
                    Discrepancy(
                        Discrepancy.Kind.CODE, province_code, code, other["wardCode"], name, other["ward"]
                    )
                )
            if other["ward"] != name:
                discrepancies.append(
                    Discrepancy(
                        Discrepancy.Kind.NAME, province_code, code, other["wardCode"], name, other["ward"]
                    )
                )
        units.append(
            _unit(
                era=CURRENT,
                level=COMMUNE,
                code=code,
                name=name,
                division_type=division_type,
                parent_code=province_code,
                path=f"{province_code}.{code}",
                scope_path=f"{province_code}.{code}",
                latitude=lat,
                longitude=lon,
            )
        )
    for row in vau_current:
        if row["wardCode"] not in used:
            discrepancies.append(
                Discrepancy(
                    Discrepancy.Kind.UNBRIDGED, row["provinceCode"], "", row["wardCode"], "", row["ward"]
                )
            )

    by_vau_key = {(row["provinceKey"], row["wardKey"]): code for code, row in bridged.items()}
    return units, by_vau_key, discrepancies


def _legacy_units_and_successions(
    legacy_rows: list[sqlite3.Row],
    vau_current: list[sqlite3.Row],
    converter: dict,
    new_ward_code: dict[tuple[str, str], str],
) -> tuple[list[UnitRecord], list[SuccessionRecord]]:
    """Legacy provinces, districts and communes, each placed in today's hierarchy, and their successions."""
    province_code_of_key = {row["provinceKey"]: row["provinceCode"] for row in vau_current}
    new_province_of_old: dict[str, str] = {}  # legacy province key → current province code
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        for old_key in old_keys:
            new_province_of_old[old_key] = province_code_of_key[new_key]

    # Legacy "province_district_ward" key (ward empty for an island district) → [(current code, is default)].
    successors_of: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for new_province_key, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_key, old_keys in wards.items():
            code = new_ward_code.get((new_province_key, new_key))
            if code is not None:
                for old_key in old_keys:
                    successors_of[old_key].append((code, True))
    for new_province_key, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, options in olds.items():
            for option in options:
                code = new_ward_code.get((new_province_key, option["newWardKey"]))
                if code is not None:
                    successors_of[old_key].append((code, bool(option["isDefaultNewWard"])))

    units: list[UnitRecord] = []
    successions: list[SuccessionRecord] = []
    provinces: dict[str, UnitRecord] = {}
    districts: dict[str, UnitRecord] = {}
    district_successors: dict[str, dict[str, None]] = defaultdict(dict)  # ordered set per district
    communes: list[UnitRecord] = []

    for row in legacy_rows:
        p_code, d_code = row["provinceCode"], row["districtCode"]
        current_province = new_province_of_old[row["provinceKey"]]
        if p_code not in provinces:
            division_type = "Thành phố" if row["province"].startswith("Thành phố") else "Tỉnh"
            provinces[p_code] = _unit(
                era=LEGACY,
                level=PROVINCE,
                code=p_code,
                name=row["province"],
                division_type=division_type,
                parent_code=None,
                path=f"L{p_code}",
                scope_path=current_province,
                latitude=row["provinceLat"],
                longitude=row["provinceLon"],
            )
        if d_code not in districts:
            districts[d_code] = _unit(
                era=LEGACY,
                level=DISTRICT,
                code=d_code,
                name=_styled(row["district"], row["districtType"]),
                division_type=row["districtType"],
                parent_code=p_code,
                path=f"L{p_code}.{d_code}",
                scope_path=current_province,
                latitude=row["districtLat"],
                longitude=row["districtLon"],
            )
        ward_key = row["wardKey"] or ""
        targets = successors_of.get(f"{row['provinceKey']}_{row['districtKey']}_{ward_key}", [])
        for code, _default in targets:
            district_successors[d_code][code] = None
        if not row["wardCode"]:
            continue  # an island district without communes: it became one special zone (đặc khu)
        default = next((code for code, is_default in targets if is_default), None)
        w_code = row["wardCode"]
        communes.append(
            _unit(
                era=LEGACY,
                level=COMMUNE,
                code=w_code,
                name=_styled(row["ward"], row["wardType"]),
                division_type=row["wardType"],
                parent_code=d_code,
                path=f"L{p_code}.{d_code}.{w_code}",
                scope_path=f"{current_province}.{default}" if default else current_province,
                latitude=row["wardLat"],
                longitude=row["wardLon"],
            )
        )
        for code, is_default in dict.fromkeys(targets):
            successions.append(
                SuccessionRecord((LEGACY, COMMUNE, w_code), (CURRENT, COMMUNE, code), is_default)
            )

    for p_code, province in provinces.items():
        successions.append(
            SuccessionRecord((LEGACY, PROVINCE, p_code), (CURRENT, PROVINCE, province.scope_path), True)
        )
    for d_code, codes in district_successors.items():
        single = len(codes) == 1
        for code in codes:
            successions.append(SuccessionRecord((LEGACY, DISTRICT, d_code), (CURRENT, COMMUNE, code), single))

    units.extend(sorted(provinces.values(), key=lambda u: u.code))
    units.extend(sorted(districts.values(), key=lambda u: u.path))
    units.extend(sorted(communes, key=lambda u: u.path))
    return units, successions


@cache
def _read_packages() -> AdminUnitSource:
    with sqlite3.connect(f"file:{DATASET_DB}?mode=ro", uri=True) as connection:
        vau_current = _rows(
            connection,
            "SELECT provinceCode, province, provinceKey, provinceLat, provinceLon, ward, wardCode, wardKey, "
            "wardLat, wardLon FROM admin_units ORDER BY wardCode",
        )
        legacy_rows = _rows(
            connection,
            "SELECT province, provinceCode, provinceKey, provinceLat, provinceLon, district, districtType, "
            "districtCode, districtKey, districtLat, districtLon, ward, wardType, wardCode, wardKey, "
            "wardLat, wardLon FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode",
        )
    connection.close()
    converter = json.loads(CONVERTER_JSON.read_text(encoding="utf-8"))
    current_units, new_ward_code, discrepancies = _current_units(vau_current)
    legacy_units, successions = _legacy_units_and_successions(
        legacy_rows, vau_current, converter, new_ward_code
    )
    return AdminUnitSource(
        units=current_units + legacy_units, successions=successions, discrepancies=discrepancies
    )


def admin_unit_source() -> AdminUnitSource:
    """All units of both eras with their successions, read once per process (the packages do not change)."""
    source = _read_packages()
    # A shallow copy: callers may filter or replace the lists without touching the cached one.
    return replace(
        source,
        units=list(source.units),
        successions=list(source.successions),
        discrepancies=list(source.discrepancies),
    )
