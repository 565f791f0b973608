"""Checking an establishment sheet before anything is written: every cell read, every row resolved against
the registry (commune, type, matching establishment), every rule of the services checked, and the file
checked against itself (the same establishment twice). The result is a plan, or the list of bad rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pcmd.accounts.models import User
from pcmd.core.services import format_day, today
from pcmd.core.vietnamese import search_key
from pcmd.establishments import selectors
from pcmd.establishments.models import Establishment, EstablishmentType, Licence, StatusChangeSource
from pcmd.establishments.services.registry import phone_is_valid
from pcmd.establishments.spreadsheets import (
    COLUMN_BY_KEY,
    CellError,
    SheetRow,
    cell_date,
    cell_decimal,
    cell_integer,
    cell_text,
    header_text,
)
from pcmd.geography.models import AdminUnit

MAX_ROWS = 5000
PROGRESS_EVERY = 20
IMPORT_FILE_EMPTY = gettext_lazy("Tệp không có dòng dữ liệu nào.")
_TEXT_LIMITS = {
    "name": 255,
    "address": 255,
    "owner_name": 150,
    "owner_phone": 30,
    "licence_number": 80,
    "licence_issuer": 255,
}
ESTABLISHMENT_KEYS = (
    "unit",
    "type",
    "name",
    "address",
    "owner_name",
    "owner_phone",
    "worker_count",
    "opened_on",
    "latitude",
    "longitude",
)


@dataclass
class RowError:
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class PlannedRow:
    """One valid row: what it will do."""

    number: int
    values: dict[str, Any]  # resolved: unit, type, status, licence_kind...; None = cell left empty
    existing: Establishment | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    status_change: str = ""
    licence_action: str = ""  # "", "add", "update"
    licence: Licence | None = None
    licence_changes: dict[str, Any] = field(default_factory=dict)

    @property
    def outcome(self) -> str:
        if self.existing is None:
            return "created"
        if self.changes or self.status_change or self.licence_action:
            return "updated"
        return "unchanged"


@dataclass
class ImportPlan:
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


Progress = Callable[[int], None]


# --- reading and checking -----------------------------------------------------------------------------------


class _Lookups:
    """Everything rows are resolved against, read once per file."""

    def __init__(self, user: User) -> None:
        self.user = user
        visible = list(selectors.communes_visible_to(user))
        self.visible_ids = {unit.pk for unit in visible}
        self.communes_by_code = {
            unit.code: unit for unit in AdminUnit.objects.current().filter(level=AdminUnit.Level.COMMUNE)
        }
        self.visible_by_name: dict[str, list[AdminUnit]] = {}
        for unit in visible:
            for key in _commune_name_keys(unit):
                self.visible_by_name.setdefault(key, []).append(unit)
        self.types: dict[str, EstablishmentType] = {}
        for establishment_type in EstablishmentType.objects.all():
            self.types[search_key(establishment_type.name)] = establishment_type
            self.types[search_key(establishment_type.code)] = establishment_type
        self.statuses = _choice_lookup(Establishment.Status.choices)
        self.licence_kinds = _choice_lookup(Licence.Kind.choices)
        self.establishments = selectors.establishments_visible_to(user)


def _choice_lookup(choices: list[tuple[str, Any]]) -> dict[str, str]:
    lookup = {}
    for value, label in choices:
        lookup[search_key(value)] = value
        lookup[search_key(str(label))] = value
    return lookup


_DIVISION_WORDS = ("xa ", "phuong ", "dac khu ", "thi tran ")


def _commune_name_keys(unit: AdminUnit) -> set[str]:
    """ "Phường Tô Hiệu" is found as "phuong to hieu" and as "to hieu"."""
    key = search_key(unit.name)
    keys = {key}
    for word in _DIVISION_WORDS:
        if key.startswith(word):
            keys.add(key.removeprefix(word))
    return keys


class _RowChecker:
    def __init__(self, lookups: _Lookups, plan: ImportPlan) -> None:
        self.lookups = lookups
        self.plan = plan
        self.seen_codes: dict[str, int] = {}
        self.seen_licences: dict[str, int] = {}
        self.seen_names: dict[tuple[int, str, str], int] = {}
        self.seen_matches: dict[int, int] = {}

    def error(self, row: int, key: str, message: str) -> None:
        self.plan.errors.append(RowError(row, header_text(COLUMN_BY_KEY[key]) if key else "", message))

    def check(self, sheet_row: SheetRow) -> None:
        number, raw = sheet_row.number, sheet_row.values
        errors_before = len(self.plan.errors)
        values = self._parse(number, raw)
        if len(self.plan.errors) > errors_before:
            return
        existing = self._match(number, values)
        if len(self.plan.errors) > errors_before:
            return
        self._check_against_file(number, values, existing)
        self._check_rules(number, values, existing)
        if len(self.plan.errors) > errors_before:
            return
        self.plan.rows.append(_planned(number, values, existing))

    # parsing cells into values

    def _parse(self, number: int, raw: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, column in COLUMN_BY_KEY.items():
            try:
                if column.kind == "date":
                    values[key] = cell_date(raw[key])
                elif column.kind == "integer":
                    values[key] = cell_integer(raw[key])
                elif column.kind == "decimal":
                    values[key] = cell_decimal(raw[key])
                else:
                    values[key] = cell_text(raw[key]) or None
            except CellError as exc:
                self.error(number, key, str(exc))
                values[key] = None
        for key, limit in _TEXT_LIMITS.items():
            if values.get(key) and len(values[key]) > limit:
                self.error(number, key, _("Dài quá %(max)s ký tự.") % {"max": limit})
        for column in COLUMN_BY_KEY.values():
            if column.required and not values.get(column.key):
                self.error(number, column.key, _("Ô này là bắt buộc."))
        values["unit"] = self._commune(number, values)
        values["type"] = self._lookup(number, "type", values["type"], self.lookups.types)
        values["status"] = self._lookup(number, "status", values["status"], self.lookups.statuses)
        values["licence_kind"] = self._lookup(
            number, "licence_kind", values["licence_kind"], self.lookups.licence_kinds
        )
        return values

    def _lookup(self, number: int, key: str, text: str | None, table: dict[str, Any]) -> Any:
        if not text:
            return None
        found = table.get(search_key(text))
        if found is None:
            self.error(number, key, _("Không có giá trị «%(value)s» trong danh mục.") % {"value": text})
        return found

    def _commune(self, number: int, values: dict[str, Any]) -> AdminUnit | None:
        code, name = values["commune_code"], values["commune_name"]
        if not code and not name:
            self.error(number, "commune_code", _("Phải ghi mã hoặc tên xã, phường."))
            return None
        if code:
            code = code.zfill(5) if code.isdigit() else code
            unit = self.lookups.communes_by_code.get(code)
            if unit is None:
                self.error(number, "commune_code", _("Không có xã, phường mã «%(code)s».") % {"code": code})
                return None
            if unit.pk not in self.lookups.visible_ids:
                self.error(
                    number,
                    "commune_code",
                    _("%(name)s (%(code)s) không thuộc phạm vi của bạn.") % {"name": unit.name, "code": code},
                )
                return None
            if name and search_key(name) not in _commune_name_keys(unit):
                self.error(
                    number,
                    "commune_name",
                    _("Tên «%(name)s» không khớp với mã %(code)s (%(unit)s).")
                    % {"name": name, "code": code, "unit": unit.name},
                )
                return None
            return unit
        candidates = self.lookups.visible_by_name.get(search_key(name), [])
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            self.error(
                number, "commune_name", _("Có nhiều xã, phường tên «%(name)s»: hãy ghi mã.") % {"name": name}
            )
        else:
            self.error(
                number,
                "commune_name",
                _("Không có xã, phường tên «%(name)s» trong phạm vi của bạn.") % {"name": name},
            )
        return None

    # matching with registered establishments

    def _match(self, number: int, values: dict[str, Any]) -> Establishment | None:
        establishments = self.lookups.establishments
        code = values["registry_code"]
        if code:
            found = establishments.filter(registry_code__iexact=code).first()
            if found is None:
                self.error(
                    number,
                    "registry_code",
                    _("Không tìm thấy cơ sở mã «%(code)s» trong phạm vi của bạn.") % {"code": code},
                )
            return found
        licence_key = selectors.licence_number_key(values["licence_number"] or "")
        if licence_key:
            owners = list(
                establishments.filter(licences__number_key=licence_key).distinct().order_by("registry_code")
            )
            if len(owners) > 1:
                self.error(
                    number,
                    "licence_number",
                    _("Số giấy phép «%(number)s» đã ghi cho nhiều cơ sở (%(codes)s): hãy ghi mã cơ sở.")
                    % {
                        "number": values["licence_number"],
                        "codes": ", ".join(o.registry_code for o in owners),
                    },
                )
                return None
            if owners:
                return owners[0]
        unit = values["unit"]
        if unit is not None and values["name"] and values["address"]:
            return establishments.filter(
                unit=unit,
                name_search=selectors.name_key(values["name"]),
                address_key=selectors.address_key(values["address"]),
            ).first()
        return None

    def _check_against_file(
        self, number: int, values: dict[str, Any], existing: Establishment | None
    ) -> None:
        """The same establishment twice in one file is refused on its later rows."""

        duplicated = False

        def seen(table: dict[Any, int], key: Any, column: str, what: str) -> None:
            nonlocal duplicated
            if key in table:
                duplicated = True
                self.error(
                    number,
                    column,
                    _("Trùng với dòng %(row)s (%(what)s).") % {"row": table[key], "what": what},
                )
            else:
                table[key] = number

        if values["registry_code"]:
            seen(self.seen_codes, values["registry_code"].upper(), "registry_code", _("cùng mã cơ sở"))
        licence_key = selectors.licence_number_key(values["licence_number"] or "")
        if licence_key:
            seen(self.seen_licences, licence_key, "licence_number", _("cùng số giấy phép"))
        if values["unit"] is not None:
            key = (
                values["unit"].pk,
                selectors.name_key(values["name"]),
                selectors.address_key(values["address"]),
            )
            seen(self.seen_names, key, "name", _("cùng tên và địa chỉ trong xã, phường"))
        if existing is not None and not duplicated:
            what = _("cùng cơ sở %(code)s") % {"code": existing.registry_code}
            seen(self.seen_matches, existing.pk, "registry_code", what)

    def _check_rules(self, number: int, values: dict[str, Any], existing: Establishment | None) -> None:
        """The services' rules, checked here so that every bad row is reported before anything is written."""
        now = today()
        opened_on = values["opened_on"] or (existing.opened_on if existing else None)
        if values["opened_on"] and values["opened_on"] > now:
            self.error(number, "opened_on", _("Ngày bắt đầu hoạt động không được sau ngày hôm nay."))
        if values["owner_phone"] and not phone_is_valid(values["owner_phone"]):
            self.error(number, "owner_phone", _("Số điện thoại không hợp lệ."))
        latitude = (
            values["latitude"] if values["latitude"] is not None else getattr(existing, "latitude", None)
        )
        longitude = (
            values["longitude"] if values["longitude"] is not None else getattr(existing, "longitude", None)
        )
        if (latitude is None) != (longitude is None):
            self.error(number, "longitude", _("Ghi cả vĩ độ và kinh độ, hoặc để trống cả hai."))
        if latitude is not None and not -90 <= latitude <= 90:
            self.error(number, "latitude", _("Vĩ độ phải trong khoảng -90 đến 90."))
        if longitude is not None and not -180 <= longitude <= 180:
            self.error(number, "longitude", _("Kinh độ phải trong khoảng -180 đến 180."))
        establishment_type = values["type"]
        type_is_new = existing is None or existing.type_id != getattr(establishment_type, "pk", None)
        if establishment_type is not None and not establishment_type.is_active and type_is_new:
            self.error(
                number,
                "type",
                _("Loại hình «%(type)s» không còn được sử dụng.") % {"type": establishment_type.name},
            )
        moved = existing is not None and values["unit"] is not None and existing.unit_id != values["unit"].pk
        if moved and existing is not None and values["registry_code"] is None:
            # Matched by licence number only: a different commune is more likely a data error than a move.
            self.error(
                number,
                "commune_code",
                _("Số giấy phép này đã ghi cho cơ sở %(code)s ở %(unit)s.")
                % {"code": existing.registry_code, "unit": existing.unit.name},
            )
        licence_given = any(
            values[key] is not None
            for key in (
                "licence_kind",
                "licence_number",
                "licence_issuer",
                "licence_issued_on",
                "licence_expires_on",
            )
        )
        if licence_given:
            if not values["licence_number"]:
                self.error(
                    number, "licence_number", _("Ghi số giấy phép (hoặc để trống cả nhóm cột giấy phép).")
                )
            existing_licence = self._existing_licence(values, existing)
            if not values["licence_kind"] and existing_licence is None:
                self.error(number, "licence_kind", _("Chọn loại giấy phép."))
            issued = values["licence_issued_on"] or getattr(existing_licence, "issued_on", None)
            expires = values["licence_expires_on"] or getattr(existing_licence, "expires_on", None)
            if values["licence_issued_on"] and values["licence_issued_on"] > now:
                self.error(number, "licence_issued_on", _("Ngày cấp không được sau ngày hôm nay."))
            if issued and expires and expires < issued:
                self.error(number, "licence_expires_on", _("Ngày hết hạn không được trước ngày cấp."))
        status = values["status"]
        if existing is not None and status and status != existing.status:
            last = existing.status_changes.order_by("-effective_on").first()
            if last is not None and last.effective_on > now:
                self.error(number, "status", _("Tình trạng đã được thay đổi với ngày hiệu lực sau hôm nay."))
            if opened_on is not None and opened_on > now:
                self.error(number, "status", _("Cơ sở chưa bắt đầu hoạt động."))
        if existing is not None and values["opened_on"]:
            first_event = (
                existing.status_changes.exclude(source=StatusChangeSource.REGISTRATION)
                .order_by("effective_on")
                .first()
            )
            if first_event is not None and values["opened_on"] > first_event.effective_on:
                self.error(
                    number,
                    "opened_on",
                    _("Ngày bắt đầu hoạt động không được sau lần thay đổi tình trạng ngày %(day)s.")
                    % {"day": format_day(first_event.effective_on)},
                )

    @staticmethod
    def _existing_licence(values: dict[str, Any], existing: Establishment | None) -> Licence | None:
        key = selectors.licence_number_key(values["licence_number"] or "")
        if existing is None or not key:
            return None
        return existing.licences.filter(number_key=key).order_by("id").first()


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) < 1e-9
    return a == b


def _planned(number: int, values: dict[str, Any], existing: Establishment | None) -> PlannedRow:
    row = PlannedRow(number=number, values=values, existing=existing)
    if existing is None:
        return row
    for key in ESTABLISHMENT_KEYS:
        new = values[key]
        if new is None:
            continue  # an empty cell keeps the registered value
        if key in {"unit", "type"}:
            if new.pk != getattr(existing, f"{key}_id"):
                row.changes[key] = new
        elif key in {"name", "address", "owner_name", "owner_phone"}:
            if " ".join(str(new).split()) != getattr(existing, key):
                row.changes[key] = new
        elif not _same(new, getattr(existing, key)):
            row.changes[key] = new
    if values["status"] and values["status"] != existing.status:
        row.status_change = values["status"]
    key = selectors.licence_number_key(values["licence_number"] or "")
    if key:
        licence = _RowChecker._existing_licence(values, existing)
        if licence is None:
            row.licence_action = "add"
        else:
            wanted = {
                "kind": values["licence_kind"],
                "issuer": values["licence_issuer"],
                "issued_on": values["licence_issued_on"],
                "expires_on": values["licence_expires_on"],
            }
            row.licence_changes = {
                name: value
                for name, value in wanted.items()
                if value is not None and value != getattr(licence, name)
            }
            if row.licence_changes:
                row.licence_action, row.licence = "update", licence
    return row


def plan_import(user: User, rows: list[SheetRow], progress: Progress | None = None) -> ImportPlan:
    """Check every row (nothing is written) and work out what each valid row would do."""
    plan = ImportPlan()
    if not rows:
        plan.errors.append(RowError(None, "", str(IMPORT_FILE_EMPTY)))
        return plan
    checker = _RowChecker(_Lookups(user), plan)
    for index, row in enumerate(rows, start=1):
        checker.check(row)
        if progress and (index % PROGRESS_EVERY == 0 or index == len(rows)):
            progress(index)
    plan.errors.sort(key=lambda error: error.row or 0)
    return plan
