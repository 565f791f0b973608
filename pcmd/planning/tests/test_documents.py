"""The plan's documents, opened again with python-docx and openpyxl: what was entered is what they say, in the
layout of Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.planning.documents import plan_document_filename, plan_docx, plan_tasks_xlsx
from pcmd.planning.documents.wording import plan_place_and_date_line
from pcmd.planning.models import Plan, PlanArea, ReportingDeadline, ReportingRule, Target, Task
from pcmd.planning.tests.factories import (
    PlanFactory,
    PlanLegalBasisFactory,
    PlanRecipientFactory,
    PlanSectionFactory,
    ReportingRuleFactory,
    TargetFactory,
    TaskFactory,
)

LEGAL_BASES = [
    "Căn cứ Pháp lệnh Phòng, chống mại dâm ngày 17 tháng 3 năm 2003;",
    "Căn cứ Nghị định số 178/2004/NĐ-CP ngày 15 tháng 10 năm 2004 của Chính phủ",
]
TARGET_STATEMENTS = [
    (
        PlanArea.COMMUNICATION,
        "100% xã, phường xây dựng và triển khai nội dung tuyên truyền, phổ biến pháp luật",
    ),
    (PlanArea.INSPECTION, "Ít nhất 20% cơ sở kinh doanh dịch vụ dễ bị lợi dụng được kiểm tra trong năm"),
    (PlanArea.HOTSPOTS, "Không phát sinh mới các điểm phức tạp về tệ nạn mại dâm"),
]
RECIPIENTS = [
    "Bộ Y tế",
    "Thường trực: Tỉnh ủy, HĐND tỉnh",
    "Ủy ban nhân dân các xã, phường",
]
ARCHIVE = "Lưu: VT, KGVX. NTQ."


# --- helpers ---


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def paragraphs_of(document) -> Iterator[Paragraph]:
    """Every paragraph of the body, table cells included, in reading order."""
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            for paragraph_element in child.iter(qn("w:p")):
                yield Paragraph(paragraph_element, document)


def texts_of(document) -> list[str]:
    return [p.text for p in paragraphs_of(document) if p.text.strip()]


def paragraph_with(document, text: str) -> Paragraph:
    matches = [p for p in paragraphs_of(document) if p.text == text]
    assert matches, f"no paragraph {text!r} in {texts_of(document)}"
    return matches[0]


def run_fonts(run):
    """The run's own w:rFonts element (the four font slots)."""
    properties = run._r.rPr
    assert properties is not None
    return properties.find(qn("w:rFonts"))


def assert_run_style(paragraph: Paragraph, *, size: float, bold=False, italic=False, underline=False) -> None:
    runs = [run for run in paragraph.runs if run.text]
    assert runs
    for run in runs:
        assert run.font.name == "Times New Roman"
        fonts = run_fonts(run)
        assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
        assert fonts.get(qn("w:cs")) == "Times New Roman"
        assert run.font.size == Pt(size)
        assert bool(run.font.bold) is bold
        assert bool(run.font.italic) is italic
        assert bool(run.font.underline) is underline


def header_has_page_field(header) -> bool:
    instructions = [element.text or "" for element in header._element.iter(qn("w:instrText"))]
    return any(text.strip() == "PAGE" for text in instructions)


# --- fixtures ---


@pytest.fixture
def committee(son_la):
    return AgencyFactory.create(
        unit=son_la, kind=AgencyKind.PEOPLES_COMMITTEE, name="Ủy ban nhân dân tỉnh Sơn La"
    )


@pytest.fixture
def police(son_la):
    return AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")


@pytest.fixture
def culture(son_la):
    return AgencyFactory.create(
        unit=son_la, kind=AgencyKind.CULTURE_SPORTS_TOURISM, name="Sở Văn hóa, Thể thao và Du lịch"
    )


@pytest.fixture
def plan(son_la, committee, police, culture, health_department):
    """The Sơn La 2026 plan, numbered and dated, with every kind of content."""
    plan = PlanFactory.create(
        issuing_unit=son_la,
        issuing_agency=committee,
        number="166",
        issued_on=datetime.date(2026, 3, 5),
        title="Phòng, chống mại dâm trên địa bàn năm 2026",
        preamble="Ủy ban nhân dân tỉnh ban hành Kế hoạch phòng, chống mại dâm năm 2026 với các nội dung sau:",
        closing_text="Yêu cầu các sở, ban, ngành, Ủy ban nhân dân các xã, phường triển khai thực hiện./.",
    )
    for order, text in enumerate(LEGAL_BASES, start=1):
        PlanLegalBasisFactory.create(plan=plan, order=order, text=text)
    for order, (area, statement) in enumerate(TARGET_STATEMENTS, start=1):
        TargetFactory.create(
            plan=plan,
            order=order,
            area=area,
            statement=statement,
            comparator=Target.Comparator.QUALITATIVE
            if area == PlanArea.HOTSPOTS
            else Target.Comparator.AT_LEAST,
            value=None if area == PlanArea.HOTSPOTS else 20,
            measure_unit="" if area == PlanArea.HOTSPOTS else Target.MeasureUnit.PERCENT,
            indicator_key="" if area == PlanArea.HOTSPOTS else "establishments_inspected_year",
        )
    inspect = TaskFactory.create(
        plan=plan,
        order=1,
        area=PlanArea.INSPECTION,
        text="Kiểm tra các cơ sở kinh doanh dịch vụ dễ bị lợi dụng để hoạt động mại dâm",
        lead_agency=police,
        coordinating_note="Ủy ban nhân dân các xã, phường",
        due_date=datetime.date(2026, 11, 30),
    )
    inspect.coordinating_agencies.set([culture, health_department])
    TaskFactory.create(
        plan=plan,
        order=2,
        area=PlanArea.COMMUNICATION,
        text="Tuyên truyền trên Báo và Phát thanh, Truyền hình Sơn La",
        lead_agency=culture,
        due_date=None,
        recurrence=Task.Recurrence.MONTHLY,
    )
    plan.budget_clause = "Kinh phí thực hiện từ nguồn ngân sách nhà nước năm 2026."
    plan.save()
    shared = (
        "Các sở, ngành, Ủy ban nhân dân các xã, phường báo cáo 6 tháng (trước ngày 15/5/2026) và năm "
        "(trước ngày 10/11/2026) về Sở Y tế."
    )
    ReportingRuleFactory.create(plan=plan, order=1, statement=shared, recipient_agency=health_department)
    ReportingRuleFactory.create(
        plan=plan,
        order=2,
        statement=shared,
        period_kind=ReportingRule.PeriodKind.ANNUAL,
        due_day=10,
        due_month=11,
        recipient_agency=health_department,
    )
    # Entered out of order and with its own punctuation: the archive line still comes last, unchanged.
    PlanRecipientFactory.create(plan=plan, order=1, text=ARCHIVE, is_archive=True)
    for order, text in enumerate(RECIPIENTS, start=2):
        PlanRecipientFactory.create(plan=plan, order=order, text=text)
    return plan


@pytest.fixture
def document(plan):
    return open_docx(plan_docx(plan))


# --- header ---


def test_the_header_names_the_issuing_body_in_bold_capitals_of_13(document):
    assert_run_style(paragraph_with(document, "ỦY BAN NHÂN DÂN TỈNH SƠN LA"), size=13, bold=True)


def test_the_header_carries_the_national_name_and_the_underlined_motto(document):
    assert_run_style(paragraph_with(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), size=13, bold=True)
    motto = paragraph_with(document, "Độc lập - Tự do - Hạnh phúc")
    assert_run_style(motto, size=14, bold=True, underline=True)


def test_the_header_gives_the_number_and_the_place_and_date_in_italics(document):
    assert_run_style(paragraph_with(document, "Số: 166/KH-UBND"), size=13)
    assert_run_style(paragraph_with(document, "Sơn La, ngày 05 tháng 3 năm 2026"), size=14, italic=True)


def test_the_header_is_a_borderless_two_column_table_with_its_grid_widths_set(document):
    # given
    header = document.tables[0]
    # then
    assert len(header.columns) == 2
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    grid = [int(col.get(qn("w:w"))) for col in header._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [round(6.0 * 567), round(10.5 * 567)]
    left_cell = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    assert left_cell == ["ỦY BAN NHÂN DÂN TỈNH SƠN LA"]


def test_a_body_under_a_parent_shows_the_parent_above_it_not_bold(son_la):
    # given a plan of the provincial steering committee 138
    committee = AgencyFactory.create(
        unit=son_la, kind=AgencyKind.STEERING_COMMITTEE, name="Ban Chỉ đạo 138 tỉnh Quảng Trị"
    )
    plan = PlanFactory.create(
        issuing_unit=son_la,
        issuing_agency=committee,
        parent_body_name="UBND tỉnh Quảng Trị",
        symbol="KH-BCĐ138",
        issued_place="Quảng Trị",
    )
    # when
    document = open_docx(plan_docx(plan))
    # then
    left_cell = [p for p in document.tables[0].cell(0, 0).paragraphs if p.text]
    assert [p.text for p in left_cell] == ["UBND TỈNH QUẢNG TRỊ", "BAN CHỈ ĐẠO 138 TỈNH QUẢNG TRỊ"]
    assert_run_style(left_cell[0], size=13)
    assert_run_style(left_cell[1], size=13, bold=True)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 3, 5), "Sơn La, ngày 05 tháng 3 năm 2026"),
        (datetime.date(2026, 2, 9), "Sơn La, ngày 09 tháng 02 năm 2026"),
        (datetime.date(2026, 1, 20), "Sơn La, ngày 20 tháng 01 năm 2026"),
        (datetime.date(2025, 11, 15), "Sơn La, ngày 15 tháng 11 năm 2025"),
    ],
)
def test_the_date_line_pads_days_below_10_and_months_below_3(day, expected):
    plan = Plan(issued_place="Sơn La", issued_on=day, period_start=datetime.date(2026, 1, 1))
    assert plan_place_and_date_line(plan) == expected


def test_an_unnumbered_undated_draft_leaves_blanks_for_number_day_and_month(son_la):
    # given
    plan = PlanFactory.create(
        issuing_unit=son_la, number="", issued_on=None, period_start=datetime.date(2026, 1, 1)
    )
    # when
    document = open_docx(plan_docx(plan))
    # then
    texts = texts_of(document)
    assert "Số:      /KH-UBND" in texts
    assert "Sơn La, ngày    tháng    năm 2026" in texts
    assert not any("..." in text for text in texts)


# --- page, fonts ---


def test_the_page_is_a4_with_the_decree_30_margins(document):
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(margin.mm) for margin in margins] == [20, 20, 30, 15]


def test_times_new_roman_is_the_font_of_the_normal_style_in_all_four_slots(document):
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(slot)) == "Times New Roman"
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert defaults.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:asciiTheme")) is None


def test_every_run_of_the_document_is_times_new_roman(document):
    runs = [run for paragraph in paragraphs_of(document) for run in paragraph.runs if run.text]
    assert runs
    assert {run.font.name for run in runs} == {"Times New Roman"}
    assert {run_fonts(run).get(qn("w:eastAsia")) for run in runs} == {"Times New Roman"}


def test_page_numbers_are_in_the_header_from_page_two_on(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer is True
    assert header_has_page_field(section.header)
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not section.first_page_header.is_linked_to_previous
    assert not header_has_page_field(section.first_page_header)


# --- title and body ---


def test_the_document_type_and_summary_are_centred_bold_14(document):
    for text in ("KẾ HOẠCH", "Phòng, chống mại dâm trên địa bàn năm 2026"):
        paragraph = paragraph_with(document, text)
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert_run_style(paragraph, size=14, bold=True)


def test_the_body_is_justified_14_with_a_first_line_indent(document):
    paragraph = paragraph_with(document, "Kinh phí thực hiện từ nguồn ngân sách nhà nước năm 2026.")
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert paragraph.paragraph_format.first_line_indent.cm == pytest.approx(1.27, abs=0.01)
    assert_run_style(paragraph, size=14)


def test_legal_bases_come_in_order_before_the_preamble_each_ending_with_a_semicolon(document, plan):
    texts = texts_of(document)
    first = texts.index(LEGAL_BASES[0])
    second = texts.index(LEGAL_BASES[1] + ";")
    assert first < second < texts.index(plan.preamble)


def test_the_parts_are_numbered_in_roman_numerals_in_the_decree_order(document):
    texts = texts_of(document)
    headings = [text for text in texts if text.split(". ")[0] in {"I", "II", "III", "IV", "V", "VI"}]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. CHỈ TIÊU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. KINH PHÍ THỰC HIỆN",
        "V. TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ BÁO CÁO",
    ]
    assert texts.index("1. Mục đích") < texts.index("2. Yêu cầu") < texts.index("II. CHỈ TIÊU")


def test_every_target_statement_is_printed_as_written_under_its_area(document):
    texts = texts_of(document)
    for _area, statement in TARGET_STATEMENTS:
        assert f"- {statement}" in texts
    inspection = texts.index("2. Thanh tra, kiểm tra, xử lý vi phạm")
    assert texts[inspection + 1] == f"- {TARGET_STATEMENTS[1][1]}"


def test_every_task_is_printed_with_its_lead_coordinators_and_deadline(document):
    texts = texts_of(document)
    task = texts.index("- Kiểm tra các cơ sở kinh doanh dịch vụ dễ bị lợi dụng để hoạt động mại dâm")
    assert texts[task + 1] == (
        "Cơ quan chủ trì: Công an tỉnh Sơn La; cơ quan phối hợp: Sở Văn hóa, Thể thao và Du lịch, "
        "Sở Y tế tỉnh Sơn La, Ủy ban nhân dân các xã, phường; thời hạn: 30/11/2026."
    )
    monthly = texts.index("- Tuyên truyền trên Báo và Phát thanh, Truyền hình Sơn La")
    assert texts[monthly + 1] == "Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch; thời hạn: hằng tháng."


def test_sections_come_first_then_the_assignments_lettered_by_area(plan):
    # given
    PlanSectionFactory.create(
        plan=plan, order=1, heading="Công tác lãnh đạo, chỉ đạo", body="Quán triệt.\nKiểm tra."
    )
    PlanSectionFactory.create(
        plan=plan, order=2, heading="2. Công tác tuyên truyền", body="Đẩy mạnh tuyên truyền."
    )
    # when
    texts = texts_of(open_docx(plan_docx(plan)))
    # then
    start = texts.index("III. NHIỆM VỤ, GIẢI PHÁP")
    assert texts[start + 1 : start + 7] == [
        "1. Công tác lãnh đạo, chỉ đạo",
        "Quán triệt.",
        "Kiểm tra.",
        "2. Công tác tuyên truyền",
        "Đẩy mạnh tuyên truyền.",
        "3. Phân công thực hiện nhiệm vụ",
    ]
    assert texts[start + 7] == "a) Thanh tra, kiểm tra, xử lý vi phạm"
    assert "b) Thông tin, tuyên truyền" in texts


def test_a_reporting_statement_shared_by_two_rules_is_printed_once(document, plan):
    statement = plan.reporting_rules.first().statement
    assert texts_of(document).count(statement) == 1


def test_a_rule_without_statement_is_told_from_its_fields(son_la, health_department):
    # given
    plan = PlanFactory.create(issuing_unit=son_la)
    ReportingRuleFactory.create(
        plan=plan,
        reporters=ReportingRule.Reporters.LOWER_UNITS,
        recipient_agency=health_department,
        due_day=15,
        due_month=5,
    )
    # when
    texts = texts_of(open_docx(plan_docx(plan)))
    # then
    assert (
        "Ủy ban nhân dân các xã, phường báo cáo kết quả thực hiện 6 tháng đầu năm (trước ngày 15/05) "
        "gửi về Sở Y tế tỉnh Sơn La."
    ) in texts


def test_a_quarterly_rule_of_named_agencies_names_them_and_the_first_quarter_deadline(son_la, police):
    # given
    plan = PlanFactory.create(issuing_unit=son_la)
    rule = ReportingRuleFactory.create(
        plan=plan,
        reporters=ReportingRule.Reporters.NAMED_AGENCIES,
        period_kind=ReportingRule.PeriodKind.QUARTERLY,
        recipient_note="Ủy ban nhân dân tỉnh",
        due_day=20,
        due_month=3,
    )
    rule.named_reporters.set([police])
    # when
    texts = texts_of(open_docx(plan_docx(plan)))
    # then
    assert (
        "Công an tỉnh Sơn La báo cáo kết quả thực hiện hằng quý (báo cáo quý I trước ngày 20/03) "
        "gửi về Ủy ban nhân dân tỉnh."
    ) in texts


def test_an_empty_part_is_left_out_and_the_rest_renumbered(son_la, police):
    # given: no targets, no budget clause, no reporting rule
    plan = PlanFactory.create(issuing_unit=son_la, budget_clause="")
    TaskFactory.create(plan=plan, lead_agency=police)
    # when
    texts = texts_of(open_docx(plan_docx(plan)))
    # then
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert "II. NHIỆM VỤ, GIẢI PHÁP" in texts
    assert not any("CHỈ TIÊU" in text or "KINH PHÍ" in text or "BÁO CÁO" in text for text in texts)


def test_the_closing_text_follows_the_last_part(document, plan):
    texts = texts_of(document)
    assert texts.index(plan.closing_text) > texts.index("V. TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ BÁO CÁO")
    assert texts.index(plan.closing_text) < texts.index("Nơi nhận:")


# --- recipients and signature ---


def test_the_recipients_block_lists_each_recipient_on_its_own_line_archive_last(document):
    # given
    block = document.tables[-1].cell(0, 0)
    paragraphs = [p for p in block.paragraphs if p.text]
    # then
    assert paragraphs[0].text == "Nơi nhận:"
    assert_run_style(paragraphs[0], size=12, bold=True, italic=True)
    assert [p.text for p in paragraphs[1:]] == [f"- {text};" for text in RECIPIENTS] + [f"- {ARCHIVE}"]
    for paragraph in paragraphs[1:]:
        assert_run_style(paragraph, size=11)


def test_a_recipient_entered_with_its_dash_and_semicolon_is_not_doubled(son_la):
    # given
    plan = PlanFactory.create(issuing_unit=son_la)
    PlanRecipientFactory.create(plan=plan, order=1, text="- Sở Y tế;")
    PlanRecipientFactory.create(plan=plan, order=2, text="Lưu: VT", is_archive=True)
    # when
    texts = texts_of(open_docx(plan_docx(plan)))
    # then
    assert "- Sở Y tế;" in texts
    assert "- Lưu: VT." in texts


def test_the_signature_block_signs_on_behalf_of_the_committee_for_the_chair(document):
    # given
    block = document.tables[-1].cell(0, 1)
    lines = [p for p in block.paragraphs if p.text]
    # then
    assert [p.text for p in lines] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
    for paragraph in lines:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert_run_style(paragraph, size=14, bold=True)
    blank_lines = len(block.paragraphs) - len(lines)
    assert blank_lines >= 3


def test_a_direct_signer_signs_with_the_position_alone(son_la):
    # given
    plan = PlanFactory.create(
        issuing_unit=son_la,
        signer_on_behalf_of="",
        signer_authority=Plan.Authority.DIRECT,
        signer_principal_title="",
        signer_position="Trưởng ban",
        signer_name="Hoàng Nam",
    )
    # when
    document = open_docx(plan_docx(plan))
    # then
    lines = [p.text for p in document.tables[-1].cell(0, 1).paragraphs if p.text]
    assert lines == ["TRƯỞNG BAN", "Hoàng Nam"]


def test_an_on_behalf_line_entered_with_its_prefix_is_not_prefixed_twice(son_la):
    plan = PlanFactory.create(issuing_unit=son_la, signer_on_behalf_of="TM. Ủy ban nhân dân")
    lines = [p.text for p in open_docx(plan_docx(plan)).tables[-1].cell(0, 1).paragraphs if p.text]
    assert lines[0] == "TM. ỦY BAN NHÂN DÂN"


def test_an_acting_chair_signs_on_one_authority_line(son_la):
    plan = PlanFactory.create(
        issuing_unit=son_la,
        signer_authority=Plan.Authority.ACTING,
        signer_principal_title="CHỦ TỊCH",
        signer_position="CHỦ TỊCH",
    )
    lines = [p.text for p in open_docx(plan_docx(plan)).tables[-1].cell(0, 1).paragraphs if p.text]
    assert lines == ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", "Nguyễn Văn A"]


def test_what_was_entered_is_what_the_document_says(document, plan):
    text = "\n".join(texts_of(document))
    entered = [
        *[basis.text for basis in plan.legal_bases.all()],
        *[target.statement for target in plan.targets.all()],
        *[task.text for task in plan.tasks.all()],
        *[recipient.text.rstrip(".") for recipient in plan.recipients.all()],
        plan.purpose,
        plan.requirements,
        plan.budget_clause,
        plan.preamble,
        plan.closing_text,
    ]
    for value in entered:
        assert value in text


# --- workbook ---


@pytest.fixture
def workbook(plan, police, health_department):
    semiannual = plan.reporting_rules.get(order=1)
    ReportingDeadline.objects.create(
        rule=semiannual,
        reporter_agency=police,
        period_label="6 tháng đầu năm 2026",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        due_on=datetime.date(2026, 5, 15),
    )
    ReportingDeadline.objects.create(
        rule=plan.reporting_rules.get(order=2),
        reporter_unit=plan.issuing_unit,
        period_label="Năm 2026",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        due_on=datetime.date(2026, 11, 10),
    )
    return load_workbook(io.BytesIO(plan_tasks_xlsx(plan)))


def row_values(sheet, row: int) -> list:
    return [cell.value for cell in sheet[row]]


def test_the_workbook_has_the_tasks_targets_and_calendar_sheets(workbook):
    assert workbook.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Lịch báo cáo"]


def test_each_sheet_opens_with_the_plan_reference_and_title_over_a_frozen_bold_header(workbook):
    for sheet in workbook.worksheets:
        assert sheet["A1"].value == "Kế hoạch số 166/KH-UBND ngày 05/03/2026 của Ủy ban nhân dân tỉnh Sơn La"
        assert sheet["A2"].value == "Phòng, chống mại dâm trên địa bàn năm 2026"
        assert sheet.freeze_panes == "A5"
        assert all(cell.font.b for cell in sheet[4])


def test_the_tasks_sheet_lists_each_task_with_its_agencies_and_a_real_due_date(workbook):
    # given
    sheet = workbook["Nhiệm vụ"]
    # then
    assert row_values(sheet, 4) == [
        "STT",
        "Lĩnh vực",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời hạn (dd/mm/yyyy)",
        "Định kỳ",
        "Trạng thái",
    ]
    first = row_values(sheet, 5)
    assert first[:5] == [
        1,
        "Thanh tra, kiểm tra, xử lý vi phạm",
        "Kiểm tra các cơ sở kinh doanh dịch vụ dễ bị lợi dụng để hoạt động mại dâm",
        "Công an tỉnh Sơn La",
        "Sở Văn hóa, Thể thao và Du lịch, Sở Y tế tỉnh Sơn La, Ủy ban nhân dân các xã, phường",
    ]
    assert first[5] == datetime.datetime(2026, 11, 30)
    assert sheet.cell(row=5, column=6).number_format == "dd/mm/yyyy"
    assert first[7] == "Chưa thực hiện"
    assert row_values(sheet, 6)[5:7] == [None, "Hằng tháng"]
    assert sheet.cell(row=5, column=3).alignment.wrap_text
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width


def test_the_targets_sheet_keeps_measurable_and_qualitative_targets_apart(workbook):
    sheet = workbook["Chỉ tiêu"]
    assert row_values(sheet, 4) == [
        "STT",
        "Lĩnh vực",
        "Chỉ tiêu",
        "Chỉ số",
        "So sánh",
        "Giá trị",
        "Đơn vị",
        "Hạn",
        "Áp dụng cho",
    ]
    measurable = row_values(sheet, 6)
    assert measurable[2] == TARGET_STATEMENTS[1][1]
    assert measurable[3:8] == ["% cơ sở KDDV được kiểm tra trong năm", "≥", 20, "%", 2026]
    qualitative = row_values(sheet, 7)
    assert qualitative[4:7] == ["Định tính", None, None]


def test_the_calendar_sheet_lists_each_deadline_with_dates_and_recipient(workbook):
    sheet = workbook["Lịch báo cáo"]
    assert row_values(sheet, 4) == ["Đơn vị/cơ quan báo cáo", "Kỳ", "Từ", "Đến", "Hạn nộp", "Gửi về"]
    assert row_values(sheet, 5) == [
        "Công an tỉnh Sơn La",
        "6 tháng đầu năm 2026",
        datetime.datetime(2026, 1, 1),
        datetime.datetime(2026, 6, 30),
        datetime.datetime(2026, 5, 15),
        "Sở Y tế tỉnh Sơn La",
    ]
    assert row_values(sheet, 6)[0] == "Tỉnh Sơn La"
    assert row_values(sheet, 6)[4] == datetime.datetime(2026, 11, 10)
    assert sheet.cell(row=5, column=5).number_format == "dd/mm/yyyy"


def test_an_unnumbered_draft_is_named_a_draft_in_the_workbook(son_la):
    plan = PlanFactory.create(issuing_unit=son_la, number="")
    sheet = load_workbook(io.BytesIO(plan_tasks_xlsx(plan)))["Nhiệm vụ"]
    assert sheet["A1"].value.startswith("Dự thảo kế hoạch (chưa có số) của ")
    assert sheet.max_row == 4


# --- file name ---


def test_the_file_name_is_ascii_with_the_number_year_and_place(plan):
    assert plan_document_filename(plan, "docx") == "KH-166-UBND-2026-Son-La.docx"
    assert plan_document_filename(plan, ".xlsx") == "KH-166-UBND-2026-Son-La.xlsx"


def test_an_unnumbered_draft_file_name_says_draft(son_la):
    plan = PlanFactory.create(issuing_unit=son_la, number="", symbol="KH-BCĐ138", issued_place="Quảng Trị")
    assert plan_document_filename(plan, "docx") == "Du-thao-KH-BCD138-2026-Quang-Tri.docx"
