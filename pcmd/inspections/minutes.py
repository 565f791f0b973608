"""The biên bản kiểm tra (inspection minutes) as a Word document in the layout of Nghị định 30/2020/NĐ-CP:
A4, margins 20/20/30/15 mm, Times New Roman; the header table with the issuing body (the team, under its lead
agency) and its number on the left, the national motto and the place and date on the right; "BIÊN BẢN" and the
summary; time and place, members present, the establishment's representative, content checked, findings,
violations; the signature block for the establishment's representative and the team leader. Page numbers are
centred in the top margin from page 2 on.
"""

from __future__ import annotations

import datetime
import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from pcmd.agencies.models import TeamMember
from pcmd.geography.models import AdminUnit
from pcmd.inspections.models import Inspection

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
CONTENT_WIDTH_MM = 210 - 30 - 15
HEADER_COLUMNS_MM = (70, CONTENT_WIDTH_MM - 70)
SIGNATURE_COLUMNS_MM = (CONTENT_WIDTH_MM / 2, CONTENT_WIDTH_MM / 2)
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _set_fonts(element: object, name: str = FONT) -> None:
    """All four font slots: Word picks eastAsia/cs for some Vietnamese characters otherwise."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


def _paragraph(
    container: object,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: Pt = BODY_SIZE,
    align: WD_PARAGRAPH_ALIGNMENT | None = None,
    space_after: Pt | None = None,
    first_line_indent: Mm | None = None,
) -> Paragraph:
    paragraph: Paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = space_after if space_after is not None else Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    if first_line_indent is not None:
        paragraph.paragraph_format.first_line_indent = first_line_indent
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size = size
        run.font.name = FONT
        _set_fonts(run._r)
    return paragraph


def _fixed_columns(table: Table, widths_mm: tuple[float, ...]) -> None:
    """Cell widths and the table grid both: LibreOffice sizes columns from the grid (else the motto wraps)."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=False):
        column.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)


def _clear_first_paragraph(cell: object) -> None:
    """A new cell holds one empty paragraph: remove it so the cell starts with our first line."""
    paragraphs = cell.paragraphs  # type: ignore[attr-defined]
    if paragraphs and not paragraphs[0].text:
        paragraphs[0]._element.getparent().remove(paragraphs[0]._element)


def _page_number_header(document: object) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)


def _place(inspection: Inspection) -> str:
    """The province's name as written before the date ("Sơn La")."""
    unit: AdminUnit = inspection.team.unit
    province = unit if unit.level == AdminUnit.Level.PROVINCE or unit.parent is None else unit.parent
    name = province.name
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _date_line(place: str, day: datetime.date) -> str:
    return _("%(place)s, ngày %(d)s tháng %(m)s năm %(y)s") % {
        "place": place,
        "d": day.day,
        "m": day.month,
        "y": day.year,
    }


def _leader(present: list[TeamMember]) -> TeamMember | None:
    leaders = [m for m in present if m.team_role == TeamMember.TeamRole.LEADER]
    deputies = [m for m in present if m.team_role == TeamMember.TeamRole.DEPUTY]
    return next(iter(leaders or deputies or present), None)


def _header(document: object, inspection: Inspection) -> None:
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _fixed_columns(table, HEADER_COLUMNS_MM)
    left, right = table.rows[0].cells
    for cell in (left, right):
        _clear_first_paragraph(cell)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(left, inspection.team.lead_agency.name.upper(), size=Pt(12), align=center)
    _paragraph(left, inspection.team.name.upper(), bold=True, size=Pt(12), align=center, space_after=Pt(6))
    number = inspection.minutes_number or "……/BB"
    _paragraph(left, _("Số: %(number)s") % {"number": number}, size=Pt(13), align=center)
    _paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=Pt(12), align=center)
    _paragraph(
        right,
        "Độc lập - Tự do - Hạnh phúc",
        bold=True,
        underline=True,
        size=Pt(13),
        align=center,
        space_after=Pt(6),
    )
    _paragraph(right, _date_line(_place(inspection), inspection.day), italic=True, size=Pt(13), align=center)


def _signatures(document: object, inspection: Inspection, leader: TeamMember | None) -> None:
    table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _fixed_columns(table, SIGNATURE_COLUMNS_MM)
    center = WD_ALIGN_PARAGRAPH.CENTER
    blocks = (
        (_("ĐẠI DIỆN CƠ SỞ"), inspection.representative_name),
        (_("TRƯỞNG ĐOÀN KIỂM TRA"), leader.full_name if leader else ""),
    )
    for cell, (title, name) in zip(table.rows[0].cells, blocks, strict=True):
        _clear_first_paragraph(cell)
        _paragraph(cell, title, bold=True, align=center)
        _paragraph(cell, _("(Ký, ghi rõ họ tên)"), italic=True, align=center)
        for _blank in range(4):
            _paragraph(cell, "")
        _paragraph(cell, name, bold=True, align=center)


def minutes_document(inspection: Inspection) -> bytes:
    """The .docx bytes of the inspection's minutes (pass an inspection from selectors.inspection_get).

    Always in Vietnamese, whatever the reader's interface language: it is the official record that is signed.
    """
    with translation.override("vi"):
        return _minutes_document(inspection)


def _minutes_document(inspection: Inspection) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = FONT  # type: ignore[attr-defined]
    normal.font.size = BODY_SIZE  # type: ignore[attr-defined]
    _set_fonts(normal.element)
    _page_number_header(document)

    establishment = inspection.establishment
    present = list(inspection.members_present.all())
    leader = _leader(present)
    start = timezone.localtime(inspection.started_at)
    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    indent = Mm(10)

    _header(document, inspection)
    _paragraph(document, "")
    _paragraph(document, _("BIÊN BẢN"), bold=True, align=center)
    _paragraph(
        document,
        _("Kiểm tra cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn mại dâm"),
        bold=True,
        align=center,
        space_after=Pt(12),
    )
    commune = establishment.unit
    where = ", ".join(
        part
        for part in (establishment.address, commune.name, commune.parent.name if commune.parent else "")
        if part
    )
    _paragraph(
        document,
        _("Hồi %(h)s giờ %(m)s phút, ngày %(d)s tháng %(mo)s năm %(y)s, tại %(name)s, địa chỉ: %(where)s.")
        % {
            "h": f"{start.hour:02d}",
            "m": f"{start.minute:02d}",
            "d": start.day,
            "mo": start.month,
            "y": start.year,
            "name": establishment.name,
            "where": where,
        },
        align=justify,
        first_line_indent=indent,
    )
    _paragraph(
        document,
        _("Hình thức kiểm tra: %(mode)s.") % {"mode": inspection.get_mode_display()},
        align=justify,
        first_line_indent=indent,
    )

    _paragraph(document, _("I. THÀNH PHẦN ĐOÀN KIỂM TRA"), bold=True, space_after=Pt(3))
    for index, member in enumerate(present, start=1):
        position = f", {member.position}" if member.position else ""
        _paragraph(
            document,
            f"{index}. {member.full_name} – {member.get_team_role_display()}{position}, "
            f"{member.agency.name}.",
            align=justify,
            first_line_indent=indent,
        )

    _paragraph(document, _("II. ĐẠI DIỆN CƠ SỞ ĐƯỢC KIỂM TRA"), bold=True, space_after=Pt(3))
    representative = inspection.representative_name or "……"
    role = f" – {inspection.representative_role}" if inspection.representative_role else ""
    _paragraph(
        document,
        _("Ông (bà): %(name)s%(role)s; cơ sở: %(establishment)s (%(type)s).")
        % {
            "name": representative,
            "role": role,
            "establishment": establishment.name,
            "type": establishment.type.name,
        },
        align=justify,
        first_line_indent=indent,
    )

    _paragraph(document, _("III. NỘI DUNG KIỂM TRA"), bold=True, space_after=Pt(3))
    results = list(inspection.checklist_results.all())
    for index, result in enumerate(results, start=1):
        note = f" ({result.note})" if result.note else ""
        _paragraph(
            document,
            f"{index}. {result.item.name}: {result.get_outcome_display()}{note}.",
            align=justify,
            first_line_indent=indent,
        )
    if not results:
        _paragraph(document, _("Không ghi nhận nội dung kiểm tra theo danh mục."), first_line_indent=indent)

    _paragraph(document, _("IV. KẾT QUẢ KIỂM TRA"), bold=True, space_after=Pt(3))
    for line in (inspection.findings or _("Không có ghi nhận thêm.")).splitlines():
        if line.strip():
            _paragraph(document, line.strip(), align=justify, first_line_indent=indent)

    _paragraph(document, _("V. HÀNH VI VI PHẠM"), bold=True, space_after=Pt(3))
    violations = list(inspection.violations.all())
    for index, violation in enumerate(violations, start=1):
        _paragraph(
            document,
            _("%(index)s. %(act)s (số người vi phạm: %(persons)s); căn cứ: %(reference)s.")
            % {
                "index": index,
                "act": violation.act,
                "persons": violation.persons_involved,
                "reference": violation.provision.reference,
            },
            align=justify,
            first_line_indent=indent,
        )
    if not violations:
        _paragraph(document, _("Không phát hiện hành vi vi phạm."), first_line_indent=indent)

    end = timezone.localtime(inspection.ended_at) if inspection.ended_at else None
    ending = (
        _("Biên bản kết thúc hồi %(h)s giờ %(m)s phút cùng ngày, ")
        % {"h": f"{end.hour:02d}", "m": f"{end.minute:02d}"}
        if end
        else _("Biên bản kết thúc cùng ngày, ")
    )
    _paragraph(
        document,
        ending
        + _(
            "được lập thành 02 bản có nội dung và giá trị như nhau, đã đọc lại cho những người có tên trên "
            "cùng nghe, công nhận là đúng và cùng ký tên dưới đây."
        ),
        align=justify,
        first_line_indent=indent,
        space_after=Pt(12),
    )
    _signatures(document, inspection, leader)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def minutes_filename(inspection: Inspection) -> str:
    return f"bien-ban-kiem-tra-{inspection.pk}-{inspection.day:%Y%m%d}.docx"
