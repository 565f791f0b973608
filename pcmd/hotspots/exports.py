"""The hotspot list as an Excel workbook (openpyxl), with Vietnamese headers and dd/mm/yyyy dates."""

from __future__ import annotations

import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from pcmd.hotspots.models import Hotspot

DATE_FORMAT = "DD/MM/YYYY"


def hotspots_workbook(hotspots: Iterable[Hotspot]) -> bytes:
    """One row per hotspot, in the order given (the list's filters and order)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Điểm phức tạp")
    headers = [
        (_("STT"), 6),
        (_("Tên, mô tả địa điểm"), 40),
        (_("Loại điểm"), 26),
        (_("Xã, phường"), 22),
        (_("Mã xã"), 8),
        (_("Địa chỉ"), 36),
        (_("Cơ sở kinh doanh dịch vụ"), 30),
        (_("Trạng thái"), 24),
        (_("Ngày phát hiện"), 14),
        (_("Cơ quan phát hiện"), 30),
        (_("Số lần tái hoạt động"), 12),
        (_("Ngày sự kiện gần nhất"), 14),
        (_("Vĩ độ"), 10),
        (_("Kinh độ"), 10),
    ]
    sheet.append([str(title) for title, _width in headers])
    for index, (_title, width) in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "A2"
    for number, hotspot in enumerate(hotspots, start=1):
        sheet.append(
            [
                number,
                hotspot.name,
                str(hotspot.get_kind_display()),
                hotspot.unit.name,
                hotspot.unit.code,
                hotspot.address,
                hotspot.establishment.name if hotspot.establishment else "",
                str(hotspot.get_status_display()),
                hotspot.identified_on,
                hotspot.identified_by.name,
                hotspot.reactivation_count,
                hotspot.last_event_on,
                hotspot.latitude,
                hotspot.longitude,
            ]
        )
        for column in (9, 12):
            sheet.cell(row=number + 1, column=column).number_format = DATE_FORMAT
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
