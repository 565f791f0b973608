"""The plan as a Word document in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins 20/20/30/15
mm, Times New Roman; header with the issuing body and the national name, number, place and date; "KẾ HOẠCH"
and its summary; legal bases, preamble and numbered parts; "Nơi nhận" and the signature block; page numbers
centred in the top margin from page 2.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from pcmd.planning.documents.wording import (
    as_item,
    grouped_by_area,
    legal_basis_text,
    plan_number_line,
    plan_place_and_date_line,
    recipient_lines,
    reporting_rule_sentence,
    signature_lines,
    task_assignment_line,
    text_lines,
)
from pcmd.planning.models import Plan, Target, Task
from pcmd.planning.selectors import targets_of, tasks_of

FONT_NAME = "Times New Roman"
ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
LOWER_LETTERS = "abcdeghiklmnopqrstuvxy"  # Vietnamese enumeration skips f, j, w, z

# Page (A4) and the text width left by the margins: 210 - 30 - 15 mm.
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7
MARGIN_TOP_CM, MARGIN_BOTTOM_CM, MARGIN_LEFT_CM, MARGIN_RIGHT_CM = 2.0, 2.0, 3.0, 1.5
TEXT_WIDTH_CM = PAGE_WIDTH_CM - MARGIN_LEFT_CM - MARGIN_RIGHT_CM
# Header and signature tables: the wide right column keeps the national name on one line.
LEFT_COLUMN_CM, RIGHT_COLUMN_CM = 6.0, TEXT_WIDTH_CM - 6.0
FIRST_LINE_INDENT_CM = 1.27
# A section heading written with its own number ("1. Công tác tuyên truyền") keeps it.
ALREADY_NUMBERED = re.compile(r"^\s*(?:\d+|[IVXLC]+|[a-zđ])\s*[.)]\s")
# Writes the content of one numbered part into the document.
PartWriter = Callable[[Any], object]


def _set_run_fonts(r_pr: Any) -> None:
    """Times New Roman in all four slots: without eastAsia/cs Word picks another font for Vietnamese."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for theme_attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme_attribute), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT_NAME)


def _add_run(
    paragraph: Paragraph,
    text: str,
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> None:
    run = paragraph.add_run(text)
    run.font.name = FONT_NAME
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    _set_run_fonts(run._r.get_or_add_rPr())


def _paragraph(
    container: Any,
    text: str = "",
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    indent: bool = False,
    space_before: float = 0,
) -> Paragraph:
    paragraph: Paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Cm(FIRST_LINE_INDENT_CM)
    if text:
        _add_run(paragraph, text, size=size, bold=bold, italic=italic, underline=underline)
    return paragraph


def _body(document: Any, text: str, *, bold: bool = False, italic: bool = False) -> Paragraph:
    """A paragraph of the body: 14 pt, justified, first line indented, 6 pt before (Decree 30)."""
    paragraph = _paragraph(
        document,
        text,
        bold=bold,
        italic=italic,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent=True,
        space_before=6,
    )
    paragraph.paragraph_format.line_spacing = 1.15
    return paragraph


def _short_rule(container: Any, *, text_width_cm: float, available_cm: float) -> None:
    """The short solid line under the issuing body and under the summary: a bottom border on an empty,
    tiny paragraph whose indents leave about 40% of the text width, centred."""
    width = min(available_cm, max(1.5, 0.4 * min(text_width_cm, available_cm)))
    side = (available_cm - width) / 2
    paragraph = _paragraph(container)
    paragraph.paragraph_format.left_indent = Cm(side)
    paragraph.paragraph_format.right_indent = Cm(side)
    p_pr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    border.append(bottom)
    p_pr.insert_element_before(
        border,
        *("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr"),
    )
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")  # 2 pt: the empty line is hardly taller than the rule
    mark.append(size)
    p_pr.insert_element_before(mark, "w:sectPr", "w:pPrChange")


def _estimated_width_cm(text: str, size: float, *, capitals: bool) -> float:
    """Rough printed width of a line of Times New Roman (only used to size the short rules)."""
    em_share = 0.62 if capitals else 0.45
    return len(text) * size * em_share * 2.54 / 72


def _borderless_table(document: Any, rows: int, widths_cm: tuple[float, ...]) -> Table:
    """A table without borders and with fixed column widths, set on the cells and on the grid (LibreOffice
    sizes columns from the grid; without it the national motto wraps)."""
    table: Table = document.add_table(rows=rows, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        grid_col.set(qn("w:w"), str(round(width * 567)))  # twentieths of a point per cm
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    return table


def _cell(table: Table, row: int, column: int) -> _Cell:
    """A table cell emptied of the paragraph python-docx puts in it, ready for our own paragraphs."""
    cell = table.cell(row, column)
    for paragraph in list(cell.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    return cell


def _page_number_field(paragraph: Paragraph) -> None:
    """A PAGE field: Word and LibreOffice print the page's number in its place."""

    def field_run(kind: str | None = None, instruction: str | None = None, text: str | None = None) -> None:
        _add_run(paragraph, text or "")
        run = paragraph.runs[-1]._r
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        if instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = instruction
            run.append(instr)

    field_run(kind="begin")
    field_run(instruction=" PAGE ")
    field_run(kind="separate")
    field_run(text="2")
    field_run(kind="end")


def _set_up_document(document: Any, plan: Plan) -> None:
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    default_r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_run_fonts(default_r_pr)
    language = default_r_pr.find(qn("w:lang"))
    if language is not None:
        language.set(qn("w:val"), "vi-VN")
    normal = styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(14)
    _set_run_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Cm(PAGE_WIDTH_CM)
    section.page_height = Cm(PAGE_HEIGHT_CM)
    section.top_margin = Cm(MARGIN_TOP_CM)
    section.bottom_margin = Cm(MARGIN_BOTTOM_CM)
    section.left_margin = Cm(MARGIN_LEFT_CM)
    section.right_margin = Cm(MARGIN_RIGHT_CM)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)
    # Page numbers centred in the top margin from page 2 on: page 1 gets its own, empty header.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    number = header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(number)

    properties = document.core_properties
    properties.title = plan.title
    properties.author = plan.issuing_agency.name
    properties.language = "vi-VN"
    properties.last_modified_by = plan.issuing_agency.name


def _header_block(document: Any, plan: Plan) -> None:
    table = _borderless_table(document, 2, (LEFT_COLUMN_CM, RIGHT_COLUMN_CM))
    left = _cell(table, 0, 0)
    if plan.parent_body_name:
        _paragraph(left, plan.parent_body_name.upper(), size=13)
    body_name = plan.issuing_agency.name.upper()
    _paragraph(left, body_name, size=13, bold=True)
    _short_rule(
        left,
        text_width_cm=_estimated_width_cm(body_name, 13, capitals=True),
        available_cm=LEFT_COLUMN_CM - 0.4,
    )
    right = _cell(table, 0, 1)
    _paragraph(right, _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), size=13, bold=True)
    _paragraph(right, _("Độc lập - Tự do - Hạnh phúc"), size=14, bold=True, underline=True)
    # Second row: number and date on the same line, as on every official document.
    _paragraph(_cell(table, 1, 0), plan_number_line(plan), size=13, space_before=6)
    _paragraph(_cell(table, 1, 1), plan_place_and_date_line(plan), size=14, italic=True, space_before=6)


def _title_block(document: Any, plan: Plan) -> None:
    _paragraph(document, _("KẾ HOẠCH"), bold=True, space_before=18)
    for line in text_lines(plan.title):
        _paragraph(document, line, bold=True)
    longest = max((len(line) for line in text_lines(plan.title)), default=0)
    _short_rule(
        document,
        text_width_cm=_estimated_width_cm("x" * longest, 14, capitals=False),
        available_cm=TEXT_WIDTH_CM,
    )


def _purpose_part(plan: Plan) -> tuple[str, list[tuple[str, str]]] | None:
    """Part I: "MỤC ĐÍCH, YÊU CẦU" with both sub-items numbered, or the one that was written on its own."""
    has_purpose, has_requirements = bool(text_lines(plan.purpose)), bool(text_lines(plan.requirements))
    if has_purpose and has_requirements:
        return _("MỤC ĐÍCH, YÊU CẦU"), [
            ("1. " + _("Mục đích"), plan.purpose),
            ("2. " + _("Yêu cầu"), plan.requirements),
        ]
    if has_purpose:
        return _("MỤC ĐÍCH"), [("", plan.purpose)]
    if has_requirements:
        return _("YÊU CẦU"), [("", plan.requirements)]
    return None


def _write_purpose(document: Any, blocks: list[tuple[str, str]]) -> None:
    for heading, text in blocks:
        if heading:
            _body(document, heading, bold=True)
        for line in text_lines(text):
            _body(document, line)


def _write_targets(document: Any, targets: list[Target]) -> None:
    for number, (label, group) in enumerate(grouped_by_area(targets), start=1):
        _body(document, f"{number}. {label}", bold=True)
        for target in group:
            for index, line in enumerate(text_lines(target.statement)):
                _body(document, as_item(line) if index == 0 else line)


def _write_tasks(document: Any, plan: Plan, tasks: list[Task]) -> None:
    sections = list(plan.sections.order_by("order"))
    number = 0
    for section in sections:
        number += 1
        heading = section.heading.strip()
        _body(document, heading if ALREADY_NUMBERED.match(heading) else f"{number}. {heading}", bold=True)
        for line in text_lines(section.body):
            _body(document, line)
    groups = grouped_by_area(tasks)
    if not groups:
        return
    if sections:
        # After the free-text sections the assignments form one more numbered item, areas lettered under it.
        number += 1
        _body(document, f"{number}. " + _("Phân công thực hiện nhiệm vụ"), bold=True)
        marks = [f"{LOWER_LETTERS[i % len(LOWER_LETTERS)]})" for i in range(len(groups))]
    else:
        marks = [f"{i}." for i in range(1, len(groups) + 1)]
    for mark, (label, group) in zip(marks, groups, strict=True):
        _body(document, f"{mark} {label}", bold=True, italic=bool(sections))
        for task in group:
            for index, line in enumerate(text_lines(task.text)):
                _body(document, as_item(line) if index == 0 else line)
            _body(document, task_assignment_line(task), italic=True)


def _reporting_texts(plan: Plan) -> list[str]:
    """One paragraph per rule; a sentence shared by several rules (one statement covering the 6-month and
    the yearly report) is printed once."""
    texts: list[str] = []
    rules = plan.reporting_rules.select_related("recipient_agency").order_by("order")
    for rule in rules:
        for line in text_lines(reporting_rule_sentence(rule, plan)):
            if line not in texts:
                texts.append(line)
    return texts


def _parts(plan: Plan) -> Iterator[tuple[str, PartWriter]]:
    """The numbered parts that have content, each with a writer; empty parts are left out."""
    purpose = _purpose_part(plan)
    if purpose:
        heading, blocks = purpose
        yield heading, lambda document: _write_purpose(document, blocks)
    targets = list(targets_of(plan))
    if targets:
        yield _("CHỈ TIÊU"), lambda document: _write_targets(document, targets)
    tasks = list(tasks_of(plan))
    if tasks or plan.sections.exists():
        yield _("NHIỆM VỤ, GIẢI PHÁP"), lambda document: _write_tasks(document, plan, tasks)
    if text_lines(plan.budget_clause):
        yield (
            _("KINH PHÍ THỰC HIỆN"),
            lambda document: [_body(document, line) for line in text_lines(plan.budget_clause)],
        )
    reporting = _reporting_texts(plan)
    if reporting:
        yield (
            _("TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ BÁO CÁO"),
            lambda document: [_body(document, line) for line in reporting],
        )


def _signature_block(document: Any, plan: Plan) -> None:
    _paragraph(document)
    table = _borderless_table(document, 1, (LEFT_COLUMN_CM, RIGHT_COLUMN_CM))
    # Recipients and signature stay on one page: the row may not break across a page boundary.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left = _cell(table, 0, 0)
    lines = recipient_lines(plan)
    if lines:
        _paragraph(left, _("Nơi nhận:"), size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        for line in lines:
            _paragraph(left, line, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    else:
        _paragraph(left)
    right = _cell(table, 0, 1)
    for line in signature_lines(plan):
        _paragraph(right, line, bold=True)
    for _blank in range(4):  # room for the signature and the seal
        _paragraph(right)
    _paragraph(right, plan.signer_name, bold=True)


def plan_docx(plan: Plan) -> bytes:
    """The plan as a Word document in the Decree 30/2020 layout."""
    with translation.override("vi"):
        document = Document()
        _set_up_document(document, plan)
        _header_block(document, plan)
        _title_block(document, plan)
        for basis in plan.legal_bases.order_by("order"):
            _body(document, legal_basis_text(basis.text), italic=True)
        for line in text_lines(plan.preamble):
            _body(document, line)
        for numeral, (heading, write) in zip(ROMAN_NUMERALS, _parts(plan), strict=False):
            _body(document, f"{numeral}. {heading}", bold=True)
            write(document)
        for line in text_lines(plan.closing_text):
            _body(document, line)
        _signature_block(document, plan)
        buffer = io.BytesIO()
        document.save(buffer)
    return buffer.getvalue()
