"""The plan's working tables as an Excel workbook: tasks with their agencies and deadlines, targets, and the
reporting calendar — one sheet each, dates as real dates shown dd/mm/yyyy."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from pcmd.core.services import format_day
from pcmd.planning.documents.wording import agency_name, coordinators_text
from pcmd.planning.models import Plan, Target
from pcmd.planning.selectors import reporting_calendar, targets_of, tasks_of

FONT_NAME = "Times New Roman"

DATE_FORMAT = "dd/mm/yyyy"
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
THIN = Side(style="thin", color="999999")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_ROW = 4  # rows 1-2: the plan; row 3 empty; row 4: column names


def _plan_heading(plan: Plan) -> str:
    if plan.number:
        issued = (" " + _("ngày %(day)s") % {"day": format_day(plan.issued_on)}) if plan.issued_on else ""
        return _("Kế hoạch số %(reference)s%(issued)s của %(body)s") % {
            "reference": plan.reference,
            "issued": issued,
            "body": plan.issuing_agency.name,
        }
    return _("Dự thảo kế hoạch (chưa có số) của %(body)s") % {"body": plan.issuing_agency.name}


def _sheet(workbook: Workbook, title: str, plan: Plan, columns: list[tuple[str, float]]) -> Any:
    sheet = workbook.create_sheet(title)
    last = get_column_letter(len(columns))
    for row, (text, size) in enumerate(((_plan_heading(plan), 13), (plan.title, 12)), start=1):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font = Font(name=FONT_NAME, bold=True, size=size)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.row_dimensions[row].height = 34
    for index, (name, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=name)
        cell.font = Font(name=FONT_NAME, bold=True, size=12)
        cell.fill = HEADER_FILL
        cell.border = GRID
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return sheet


def _append(sheet: Any, values: list[Any]) -> None:
    row = sheet.max_row + 1
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.font = Font(name=FONT_NAME, size=12)
        cell.border = GRID
        cell.alignment = WRAP
        if isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _target_value(target: Target) -> int | float | str | None:
    """A number; a range ("tăng 3 - 5% mỗi năm") as text, since one cell holds one number."""
    if target.value_max is not None and target.value_max != target.value:
        return f"{_number(target.value)} - {_number(target.value_max)}"
    return _number(target.value)


COMPARATOR_SIGNS: dict[str, str] = {
    Target.Comparator.AT_LEAST: "≥",
    Target.Comparator.AT_MOST: "≤",
    Target.Comparator.EQUAL: "=",
}


def _comparator(target: Target) -> str:
    if not target.comparator:
        return _("Định tính")
    return COMPARATOR_SIGNS.get(target.comparator) or target.get_comparator_display()


def plan_tasks_xlsx(plan: Plan) -> bytes:
    """The plan's task assignment table, targets and reporting calendar as an Excel workbook."""
    workbook = Workbook()
    workbook.remove(workbook.active)

    tasks = _sheet(
        workbook,
        _("Nhiệm vụ"),
        plan,
        [
            (_("STT"), 6),
            (_("Lĩnh vực"), 22),
            (_("Nội dung nhiệm vụ"), 60),
            (_("Cơ quan chủ trì"), 28),
            (_("Cơ quan phối hợp"), 36),
            (_("Thời hạn (dd/mm/yyyy)"), 14),
            (_("Định kỳ"), 14),
            (_("Trạng thái"), 16),
        ],
    )
    for index, task in enumerate(tasks_of(plan), start=1):
        _append(
            tasks,
            [
                index,
                task.get_area_display(),
                task.text,
                task.lead_agency.name,
                coordinators_text(task),
                task.due_date,
                task.get_recurrence_display() if task.recurrence else "",
                task.get_status_display(),
            ],
        )

    targets = _sheet(
        workbook,
        _("Chỉ tiêu"),
        plan,
        [
            (_("STT"), 6),
            (_("Lĩnh vực"), 22),
            (_("Chỉ tiêu"), 60),
            (_("Chỉ số"), 30),
            (_("So sánh"), 10),
            (_("Giá trị"), 10),
            (_("Đơn vị"), 12),
            (_("Hạn"), 13),
            (_("Áp dụng cho"), 22),
        ],
    )
    for index, target in enumerate(targets_of(plan), start=1):
        _append(
            targets,
            [
                index,
                target.get_area_display(),
                target.statement,
                target.get_indicator_key_display() if target.indicator_key else "",
                _comparator(target),
                _target_value(target),
                target.get_measure_unit_display() if target.measure_unit else "",
                target.due_date or target.due_year,
                target.get_applies_to_display(),
            ],
        )

    calendar = _sheet(
        workbook,
        _("Lịch báo cáo"),
        plan,
        [
            (_("Đơn vị/cơ quan báo cáo"), 36),
            (_("Kỳ"), 22),
            (_("Từ"), 13),
            (_("Đến"), 13),
            (_("Hạn nộp"), 13),
            (_("Gửi về"), 36),
        ],
    )
    for deadline in reporting_calendar(plan):
        reporter = deadline.reporter_agency or deadline.reporter_unit
        rule = deadline.rule
        recipients = [name for name in (agency_name(rule.recipient_agency), rule.recipient_note) if name]
        _append(
            calendar,
            [
                reporter.name if reporter else "",
                deadline.period_label,
                deadline.period_start,
                deadline.period_end,
                deadline.due_on,
                ", ".join(recipients),
            ],
        )

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
