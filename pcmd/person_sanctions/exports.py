"""The sanction statistics as an Excel workbook (openpyxl). No personal data: counts, amounts and legal
references only (the free-text note is left out, in case someone typed a name into it)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pcmd.person_sanctions.models import PersonSanctionTally
from pcmd.person_sanctions.selectors import SanctionSummary

DATE_FORMAT = "DD/MM/YYYY"
MONEY_FORMAT = "#,##0"


def _headers(sheet: Worksheet, headers: list[tuple[str, int]]) -> None:
    sheet.append([title for title, _width in headers])
    for index, (_title, width) in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "A2"


def sanctions_workbook(summary: SanctionSummary, tallies: Iterable[PersonSanctionTally] | None) -> bytes:
    """The totals per period and act as the reader sees them (suppressed or not) and, for those who may see
    them, the tallies per unit."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Tổng hợp")
    _headers(
        sheet,
        [
            (_("Từ ngày"), 12),
            (_("Đến ngày"), 12),
            (_("Hành vi"), 34),
            (_("Số lượt người bị xử phạt"), 14),
            (_("Số quyết định"), 12),
            (_("Tổng tiền phạt (đồng)"), 18),
        ],
    )
    for row_number, row in enumerate(summary.rows, start=2):
        sheet.append(
            [
                row.period_start,
                row.period_end,
                row.act_display,
                row.persons,
                row.decisions,
                row.total_fines if row.total_fines is not None else "",
            ]
        )
        for column in (1, 2):
            sheet.cell(row=row_number, column=column).number_format = DATE_FORMAT
        sheet.cell(row=row_number, column=6).number_format = MONEY_FORMAT
    if summary.suppressed:
        sheet.append([])
        sheet.append(
            [_("Số liệu từ 1 đến 4 được ghi là «<5» và không ghi tiền phạt, để bảo vệ dữ liệu cá nhân.")]
        )

    if tallies is not None:
        detail = workbook.create_sheet(_("Chi tiết theo đơn vị"))
        _headers(
            detail,
            [
                (_("STT"), 6),
                (_("Đơn vị"), 24),
                (_("Mã đơn vị"), 10),
                (_("Từ ngày"), 12),
                (_("Đến ngày"), 12),
                (_("Hành vi"), 34),
                (_("Căn cứ xử phạt"), 48),
                (_("Số lượt người bị xử phạt"), 14),
                (_("Số quyết định"), 12),
                (_("Tổng tiền phạt (đồng)"), 18),
            ],
        )
        for number, tally in enumerate(tallies, start=1):
            detail.append(
                [
                    number,
                    tally.unit.name,
                    tally.unit.code,
                    tally.period_start,
                    tally.period_end,
                    str(tally.get_act_display()),
                    str(tally.provision.reference),
                    tally.persons_count,
                    tally.decisions_count,
                    tally.total_fines,
                ]
            )
            for column in (4, 5):
                detail.cell(row=number + 1, column=column).number_format = DATE_FORMAT
            detail.cell(row=number + 1, column=10).number_format = MONEY_FORMAT
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
