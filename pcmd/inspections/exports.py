"""Excel export of inspection coverage (openpyxl): one sheet, Vietnamese headers, provinces then communes."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pcmd.inspections.coverage import CoverageReport, CoverageRow

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def coverage_headers() -> list[str]:
    return [
        _("Cấp"),
        _("Mã"),
        _("Địa bàn"),
        _("Số cơ sở"),
        _("Đã kiểm tra trong năm"),
        _("Tỷ lệ trong năm (%)"),
        _("Đã từng được kiểm tra"),
        _("Tỷ lệ đã từng (%)"),
        _("Chưa từng được kiểm tra"),
    ]


def _row(level: str, row: CoverageRow) -> list[object]:
    return [
        level,
        row.unit.code,
        row.unit.name,
        row.total,
        row.inspected_this_year,
        row.percent_this_year,
        row.inspected_ever,
        row.percent_ever,
        row.never_inspected,
    ]


def coverage_workbook(report: CoverageReport) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Tỷ lệ kiểm tra %(year)s") % {"year": report.year}
    sheet.append([_("Tỷ lệ cơ sở kinh doanh dịch vụ được kiểm tra năm %(year)s") % {"year": report.year}])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(coverage_headers())
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for province in report.provinces:
        sheet.append(_row(_("Tỉnh"), province))
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for commune in report.communes_of(province.unit):
            sheet.append(_row(_("Xã"), commune))
    for index, width in enumerate((8, 8, 34, 10, 14, 12, 14, 12, 14), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
