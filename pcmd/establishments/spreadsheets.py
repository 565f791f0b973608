"""The establishment sheet (.xlsx): its columns, the downloadable template, the export, and reading cells.

One sheet layout serves all three, so an exported file can be corrected and imported back. Headers are
Vietnamese; the import also accepts them in the interface language.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pcmd.core.vietnamese import search_key
from pcmd.establishments.models import Establishment, EstablishmentType, Licence
from pcmd.geography.models import AdminUnit

SHEET_TITLE = gettext_noop("Cơ sở")
GUIDE_TITLE = gettext_noop("Hướng dẫn")
LISTS_TITLE = gettext_noop("Danh mục")
DATE_FORMAT = "DD/MM/YYYY"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Licences offered first in the export when an establishment has several (one licence per row).
_LICENCE_PRIORITY = [
    Licence.Kind.SECURITY_ORDER,
    Licence.Kind.KARAOKE,
    Licence.Kind.DANCE_HALL,
    Licence.Kind.BUSINESS_REGISTRATION,
    Licence.Kind.OTHER,
]


@dataclass(frozen=True)
class Column:
    key: str
    # The Vietnamese header (a msgid: the interface language's translation is accepted too).
    header: str
    required: bool = False
    width: int = 18
    kind: str = "text"  # text, date, integer, decimal


COLUMNS: tuple[Column, ...] = (
    Column("registry_code", gettext_noop("Mã cơ sở"), width=16),
    Column("name", gettext_noop("Tên cơ sở"), required=True, width=32),
    Column("type", gettext_noop("Loại hình"), required=True, width=24),
    Column("commune_code", gettext_noop("Mã xã, phường"), width=14),
    Column("commune_name", gettext_noop("Tên xã, phường"), width=22),
    Column("address", gettext_noop("Địa chỉ"), required=True, width=36),
    Column("owner_name", gettext_noop("Chủ cơ sở"), width=22),
    Column("owner_phone", gettext_noop("Điện thoại chủ cơ sở"), width=18),
    Column("worker_count", gettext_noop("Số người lao động"), width=12, kind="integer"),
    Column("opened_on", gettext_noop("Ngày bắt đầu hoạt động"), width=14, kind="date"),
    Column("status", gettext_noop("Tình trạng"), width=20),
    Column("latitude", gettext_noop("Vĩ độ"), width=12, kind="decimal"),
    Column("longitude", gettext_noop("Kinh độ"), width=12, kind="decimal"),
    Column("licence_kind", gettext_noop("Loại giấy phép"), width=36),
    Column("licence_number", gettext_noop("Số giấy phép"), width=18),
    Column("licence_issuer", gettext_noop("Cơ quan cấp giấy phép"), width=26),
    Column("licence_issued_on", gettext_noop("Ngày cấp giấy phép"), width=14, kind="date"),
    Column("licence_expires_on", gettext_noop("Ngày hết hạn giấy phép"), width=14, kind="date"),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED_MARK = " (*)"


def header_text(column: Column) -> str:
    return _(column.header) + (REQUIRED_MARK if column.required else "")


def header_matches(cell: Any, column: Column) -> bool:
    """The header cell names the column, in Vietnamese or the interface language, with or without (*)."""
    text = search_key(str(cell or "").replace("(*)", "").replace("*", ""))
    return text in {search_key(column.header), search_key(_(column.header))}


# --- writing ------------------------------------------------------------------------------------------------

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_REQUIRED_FILL = PatternFill("solid", fgColor="9C0006")


def _write_header(sheet: Worksheet) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=header_text(column))
        cell.font = _HEADER_FONT
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 32


def _write_lists(
    workbook: Workbook, types: Iterable[EstablishmentType], communes: Iterable[AdminUnit]
) -> dict[str, str]:
    """A sheet with the accepted values, and the ranges that the data validations point at."""
    sheet = workbook.create_sheet(_(LISTS_TITLE))
    lists = {
        "type": [t.name for t in types],
        "status": [str(label) for label in Establishment.Status.labels],
        "licence_kind": [str(label) for label in Licence.Kind.labels],
        "commune_code": [unit.code for unit in communes],
    }
    names = {unit.code: unit.name for unit in communes}
    headers = {
        "type": _("Loại hình"),
        "status": _("Tình trạng"),
        "licence_kind": _("Loại giấy phép"),
        "commune_code": _("Mã xã, phường"),
    }
    ranges = {}
    for index, (key, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=headers[key]).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            sheet.cell(row=row, column=index, value=value)
        sheet.column_dimensions[letter].width = 40
        if values:
            quoted = _(LISTS_TITLE).replace("'", "''")
            ranges[key] = f"'{quoted}'!${letter}$2:${letter}${len(values) + 1}"
    name_column = len(lists) + 1
    sheet.cell(row=1, column=name_column, value=_("Tên xã, phường")).font = Font(bold=True)
    for row, code in enumerate(lists["commune_code"], start=2):
        sheet.cell(row=row, column=name_column, value=names[code])
    sheet.column_dimensions[get_column_letter(name_column)].width = 30
    return ranges


def _add_validations(sheet: Worksheet, ranges: dict[str, str]) -> None:
    """Drop-down lists on the data sheet (Excel still lets a user paste another value: the import checks)."""
    keys = [column.key for column in COLUMNS]
    for key, source in ranges.items():
        letter = get_column_letter(keys.index(key) + 1)
        validation = DataValidation(type="list", formula1=source, allow_blank=True)
        validation.error = _("Chọn một giá trị trong danh sách.")
        validation.showErrorMessage = False  # a warning only: the import gives the real error report
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}5000")


def _write_guide(workbook: Workbook) -> None:
    sheet = workbook.create_sheet(_(GUIDE_TITLE))
    lines = [
        _("Hướng dẫn nhập danh sách cơ sở kinh doanh dịch vụ"),
        "",
        _("1. Nhập mỗi cơ sở trên một dòng của trang «%(sheet)s», bắt đầu từ dòng 2; không sửa dòng tiêu đề.")
        % {"sheet": _(SHEET_TITLE)},
        _("2. Cột có dấu (*) là bắt buộc. Ghi mã xã, phường (5 chữ số) hoặc tên xã, phường."),
        _("3. Ngày ghi theo dạng dd/mm/yyyy, ví dụ 05/03/2024."),
        _(
            "4. Để trống «Mã cơ sở» khi thêm cơ sở mới. Để cập nhật cơ sở đã có, ghi mã cơ sở (ví dụ "
            "CS-03646-12) hoặc số giấy phép đã đăng ký; ô để trống giữ nguyên thông tin cũ."
        ),
        _("5. Loại hình, tình trạng, loại giấy phép: chọn theo trang «%(sheet)s».")
        % {"sheet": _(LISTS_TITLE)},
        _(
            "6. Cả tệp được kiểm tra trước khi ghi: chỉ cần một dòng sai thì không dòng nào được ghi, và "
            "hệ thống liệt kê mọi dòng sai kèm lý do. Nhập lại cùng một tệp không làm thay đổi dữ liệu."
        ),
        "",
        _("Ví dụ một dòng:"),
        " | ".join(
            [
                "",
                "Karaoke Hoa Hồng",
                "Karaoke",
                "03646",
                "Phường Tô Hiệu",
                "Số 12 đường Tô Hiệu, tổ 3",
                "Lò Văn Hồng",
                "0912 345 678",
                "6",
                "01/05/2019",
                str(Establishment.Status.OPERATING.label),
            ]
        ),
    ]
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=line)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 120


def _new_workbook(
    types: Iterable[EstablishmentType], communes: Iterable[AdminUnit]
) -> tuple[Workbook, Worksheet]:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _(SHEET_TITLE)
    _write_header(sheet)
    types, communes = list(types), list(communes)
    ranges = _write_lists(workbook, types, communes)
    _add_validations(sheet, ranges)
    _write_guide(workbook)
    return workbook, sheet


def _to_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_workbook(types: Iterable[EstablishmentType], communes: Iterable[AdminUnit]) -> bytes:
    """The empty template, with drop-down lists of the types and of the user's communes."""
    workbook, _sheet = _new_workbook(types, communes)
    return _to_bytes(workbook)


def primary_licence(establishment: Establishment) -> Licence | None:
    """The licence exported on the establishment's row: by kind priority, then the latest issued."""
    licences = list(establishment.licences.all())
    if not licences:
        return None
    return sorted(
        licences,
        key=lambda lic: (
            _LICENCE_PRIORITY.index(Licence.Kind(lic.kind)),
            -(lic.issued_on.toordinal() if lic.issued_on else 0),
            -lic.pk,
        ),
    )[0]


def export_row(establishment: Establishment) -> list[Any]:
    licence = primary_licence(establishment)
    values: dict[str, Any] = {
        "registry_code": establishment.registry_code,
        "name": establishment.name,
        "type": establishment.type.name,
        "commune_code": establishment.unit.code,
        "commune_name": establishment.unit.name,
        "address": establishment.address,
        "owner_name": establishment.owner_name,
        "owner_phone": establishment.owner_phone,
        "worker_count": establishment.worker_count,
        "opened_on": establishment.opened_on,
        "status": str(establishment.get_status_display()),
        "latitude": establishment.latitude,
        "longitude": establishment.longitude,
        "licence_kind": str(licence.get_kind_display()) if licence else None,
        "licence_number": licence.number if licence else None,
        "licence_issuer": licence.issuer if licence else None,
        "licence_issued_on": licence.issued_on if licence else None,
        "licence_expires_on": licence.expires_on if licence else None,
    }
    return [values[column.key] if values[column.key] != "" else None for column in COLUMNS]


def export_workbook(
    establishments: Iterable[Establishment],
    types: Iterable[EstablishmentType],
    communes: Iterable[AdminUnit],
) -> bytes:
    """The establishments in the template's layout (importable back: re-importing it changes nothing)."""
    workbook, sheet = _new_workbook(types, communes)
    for row_index, establishment in enumerate(establishments, start=2):
        for column_index, value in enumerate(export_row(establishment), start=1):
            cell = sheet.cell(row=row_index, column=column_index, value=value)
            if COLUMNS[column_index - 1].kind == "date" and value is not None:
                cell.number_format = DATE_FORMAT
            elif COLUMNS[column_index - 1].key in {"owner_phone", "commune_code", "licence_number"}:
                cell.number_format = "@"  # keep leading zeros when the user edits the cell
    return _to_bytes(workbook)


# --- reading ------------------------------------------------------------------------------------------------


class SheetError(Exception):
    """The file as a whole cannot be read as the establishment sheet (message is Vietnamese)."""


@dataclass
class SheetRow:
    number: int  # the row number the user sees in Excel
    values: dict[str, Any]


def read_sheet(file: IO[bytes], *, max_rows: int) -> list[SheetRow]:
    """The non-empty data rows of the first sheet, keyed by column. Raises SheetError on a file that is
    not a readable .xlsx, on wrong headers, or on more than `max_rows` rows."""
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds (zip, XML, key errors) for a bad file
        raise SheetError(_("Không đọc được tệp: tệp phải là bảng tính Excel (.xlsx) theo mẫu.")) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        _check_header(header)
        result: list[SheetRow] = []
        for number, cells in enumerate(rows, start=2):
            values = {column.key: cells[i] if i < len(cells) else None for i, column in enumerate(COLUMNS)}
            if all(_is_blank(value) for value in values.values()):
                continue
            if len(result) >= max_rows:
                raise SheetError(
                    _("Tệp có quá nhiều dòng: mỗi lần nhập tối đa %(max)s cơ sở.") % {"max": max_rows}
                )
            result.append(SheetRow(number, values))
        return result
    finally:
        workbook.close()


def _check_header(header: tuple[Any, ...] | None) -> None:
    cells = list(header or ())
    wrong = [
        column
        for index, column in enumerate(COLUMNS)
        if index >= len(cells) or not header_matches(cells[index], column)
    ]
    if wrong:
        expected = ", ".join(f"«{header_text(column)}»" for column in COLUMNS)
        first = wrong[0]
        position = get_column_letter(COLUMNS.index(first) + 1)
        raise SheetError(
            _(
                "Dòng tiêu đề không đúng mẫu (cột %(column)s phải là «%(header)s»). Hãy tải tệp mẫu và giữ "
                "nguyên các cột: %(expected)s."
            )
            % {"column": position, "header": header_text(first), "expected": expected}
        )


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class CellError(ValueError):
    """A cell that cannot be read (message is Vietnamese)."""


def cell_text(value: Any) -> str:
    if _is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


_DAY_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
)


def cell_date(value: Any) -> datetime.date | None:
    if _is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    for pattern in _DAY_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
    raise CellError(_("Ngày «%(value)s» không hợp lệ (ghi theo dạng dd/mm/yyyy).") % {"value": text})


def cell_integer(value: Any) -> int | None:
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError(_("Cần một số nguyên."))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = cell_text(value).replace(".", "").replace(" ", "")
        if not text.isdigit():
            raise CellError(_("«%(value)s» không phải là số nguyên không âm.") % {"value": cell_text(value)})
        number = int(text)
    if number < 0:
        raise CellError(_("«%(value)s» không phải là số nguyên không âm.") % {"value": number})
    return number


def cell_decimal(value: Any) -> float | None:
    if _is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = cell_text(value).replace(",", ".")
    try:
        return float(text)
    except ValueError as exc:
        raise CellError(_("«%(value)s» không phải là một số.") % {"value": cell_text(value)}) from exc
