"""The biên bản (.docx) opened with python-docx: layout of Nghị định 30/2020, header texts, fonts, content."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from pcmd.inspections.minutes import minutes_document
from pcmd.inspections.selectors import inspection_get


@pytest.fixture
def document(inspector, inspection, violation):
    return Document(io.BytesIO(minutes_document(inspection_get(inspector, inspection.pk))))


def runs_with(document, text):
    found = []
    for paragraph in document.paragraphs:
        found += [run for run in paragraph.runs if text in run.text]
    for table in document.tables:
        for cell in table._cells:
            for paragraph in cell.paragraphs:
                found += [run for run in paragraph.runs if text in run.text]
    return found


def test_a4_page_with_decree_30_margins(document):
    section = document.sections[0]
    sizes = ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")
    # Word stores twips: compare in whole millimetres
    assert [round(getattr(section, name).mm) for name in sizes] == [210, 297, 20, 20, 30, 15]


def test_times_new_roman_in_every_font_slot(document):
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(slot)) for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {
        "Times New Roman"
    }
    assert all(
        run.font.name == "Times New Roman" for paragraph in document.paragraphs for run in paragraph.runs
    )


def test_header_issuing_body_number_motto_place_and_date(document):
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "SỞ Y TẾ TỈNH SƠN LA",
        "ĐỘI KIỂM TRA LIÊN NGÀNH 178 TỈNH SƠN LA",
        "Số: 12/BB-ĐKT",
    ]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    assert [p.text for p in right.paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Sơn La, ngày 10 tháng 3 năm 2026",
    ]
    motto = right.paragraphs[1].runs[0]
    assert motto.bold and motto.underline and motto.font.size == Pt(13)
    assert right.paragraphs[0].runs[0].bold and right.paragraphs[0].runs[0].font.size == Pt(12)
    assert right.paragraphs[2].runs[0].italic


def test_header_columns_are_fixed_in_the_grid_so_the_motto_does_not_wrap(document):
    grid = document.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
    assert [int(col.get(qn("w:w"))) for col in grid] == [int(Mm(70).twips), int(Mm(95).twips)]


def test_title_time_place_members_content_and_violations(document):
    texts = [p.text for p in document.paragraphs]
    assert "BIÊN BẢN" in texts and runs_with(document, "BIÊN BẢN")[0].bold
    assert any(
        t.startswith(
            "Hồi 20 giờ 30 phút, ngày 10 tháng 3 năm 2026, tại Karaoke Hoa Hồng, địa chỉ: Số 12 đường Tô Hiệu"
        )
        for t in texts
    )
    assert "1. Hà Văn Kiểm – Đội trưởng, Phó Giám đốc Sở Y tế, Sở Y tế tỉnh Sơn La." in texts
    assert any(t.startswith("2. Quàng Văn Hải – Thành viên") for t in texts)
    assert "Ông (bà): Lò Văn Hồng – Chủ cơ sở; cơ sở: Karaoke Hoa Hồng (Karaoke)." in texts
    assert any("Văn hóa – thông tin" in t and "Không đạt (Hoạt động sau 00:00)" in t for t in texts)
    assert "Cơ sở hoạt động quá giờ quy định." in texts
    assert (
        "1. Hoạt động karaoke sau 00:00 (số người vi phạm: 1); căn cứ: Điểm a khoản 2 Điều 15 Nghị định "
        "901/2025/NĐ-CP." in texts
    )
    assert any(t.startswith("Biên bản kết thúc hồi 22 giờ 00 phút cùng ngày") for t in texts)


def test_signature_block_for_the_representative_and_the_team_leader(document):
    left, right = document.tables[-1].rows[0].cells
    assert left.paragraphs[0].text == "ĐẠI DIỆN CƠ SỞ" and left.paragraphs[-1].text == "Lò Văn Hồng"
    assert right.paragraphs[0].text == "TRƯỞNG ĐOÀN KIỂM TRA" and right.paragraphs[-1].text == "Hà Văn Kiểm"
    assert right.paragraphs[1].runs[0].italic


def test_page_numbers_in_the_header_from_page_two(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_the_minutes_are_in_vietnamese_for_a_reader_of_the_english_interface(
    inspector, inspection, violation
):
    import io

    from django.utils import translation
    from docx import Document

    with translation.override("en"):
        content = minutes_document(inspection)
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "BIÊN BẢN" in text
    assert "MINUTES" not in text.upper()
