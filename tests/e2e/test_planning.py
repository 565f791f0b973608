"""A provincial coordinator drafts, fills, issues and downloads a plan in a real browser."""

from __future__ import annotations

import docx
import pytest
from playwright.sync_api import expect

from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def son_la_agencies(son_la, health_department):
    """The People's Committee that issues the plan and the department that leads its task."""
    AgencyFactory.create(unit=son_la, kind=AgencyKind.PEOPLES_COMMITTEE, name="Ủy ban nhân dân tỉnh Sơn La")
    AgencyFactory.create(
        unit=son_la,
        kind=AgencyKind.CULTURE_SPORTS_TOURISM,
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
    )


def test_a_coordinator_creates_issues_and_downloads_a_plan(log_in, page, province_officer, son_la_agencies):
    # given the coordinator of Sơn La is logged in
    log_in("dieuphoi.sonla")
    page.get_by_test_id("main-menu").get_by_test_id("menu-group").filter(has_text="Kế hoạch").click()
    page.get_by_test_id("main-menu").get_by_role("link", name="Kế hoạch", exact=True).click()
    page.get_by_role("link", name="Tạo kế hoạch").click()

    # when they draft the plan
    page.get_by_label("Cơ quan ban hành", exact=True).select_option(
        label="Ủy ban nhân dân tỉnh Sơn La — Tỉnh Sơn La"
    )
    page.get_by_label("Loại kế hoạch").select_option(label="Kế hoạch năm")
    page.get_by_label("Địa danh").fill("Sơn La")
    page.get_by_label("Trích yếu").fill("Kế hoạch thực hiện công tác phòng, chống mại dâm năm 2026")
    page.get_by_label("Thời gian thực hiện từ ngày").fill("01/01/2026")
    page.get_by_label("Đến ngày").fill("31/12/2026")
    page.get_by_label("Căn cứ ban hành").fill(
        "Căn cứ Pháp lệnh Phòng, chống mại dâm ngày 14 tháng 3 năm 2003;"
    )
    page.get_by_label("Chức vụ người ký").fill("PHÓ CHỦ TỊCH")
    page.get_by_label("Họ và tên người ký").fill("Đặng Ngọc Hậu")
    page.get_by_label("Nơi nhận").fill("Bộ Y tế;\nSở Y tế;\nLưu: VT, KGVX.")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("plan-status")).to_have_text("Dự thảo")

    # and adds a target
    tabs = page.get_by_test_id("plan-tabs")
    tabs.get_by_role("link", name="Chỉ tiêu").click()
    page.get_by_role("link", name="Thêm chỉ tiêu").click()
    page.get_by_label("Lĩnh vực").select_option(label="Thanh tra, kiểm tra, xử lý vi phạm")
    page.get_by_label("Chỉ tiêu (nguyên văn)").fill(
        "Ít nhất 20% cơ sở kinh doanh dịch vụ được kiểm tra trong năm"
    )
    page.get_by_label("So sánh").select_option(label="≥ (ít nhất, trên)")
    page.get_by_label("Giá trị", exact=True).fill("20")
    page.get_by_label("Đơn vị tính").select_option(label="%")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("target-table")).to_contain_text("≥ 20%")

    # and a task led by the culture department
    tabs.get_by_role("link", name="Nhiệm vụ").click()
    page.get_by_role("link", name="Thêm nhiệm vụ").click()
    page.get_by_label("Lĩnh vực").select_option(label="Thông tin, tuyên truyền")
    page.get_by_label("Nội dung nhiệm vụ").fill(
        "Tuyên truyền phòng, chống mại dâm tại các cơ sở kinh doanh dịch vụ"
    )
    page.get_by_label("Cơ quan chủ trì").select_option(
        label="Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La — Tỉnh Sơn La"
    )
    page.get_by_label("Thời hạn").fill("30/06/2026")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("task-table")).to_contain_text("Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La")

    # and the six-month reporting rule: to Sở Y tế by 15/5
    tabs.get_by_role("link", name="Chế độ báo cáo").click()
    page.get_by_role("link", name="Thêm chế độ báo cáo").click()
    page.get_by_label("Đơn vị báo cáo").select_option(label="Các cơ quan được giao nhiệm vụ trong kế hoạch")
    page.get_by_label("Gửi về cơ quan").select_option(label="Sở Y tế tỉnh Sơn La — Tỉnh Sơn La")
    page.get_by_label("Kỳ báo cáo").select_option(label="6 tháng")
    page.get_by_label("Hạn nộp: ngày").fill("15")
    page.get_by_label("Hạn nộp: tháng").fill("5")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("rule-table")).to_contain_text("trước 15/05")

    # and issues it
    tabs.get_by_role("link", name="Tổng quan").click()
    page.get_by_test_id("plan-actions").get_by_role("link", name="Ban hành").click()
    page.get_by_label("Số văn bản").fill("35")
    page.get_by_role("button", name="Ban hành").click()

    # then the plan is issued under its number and its reporting calendar shows the deadline
    expect(page.get_by_test_id("plan-status")).to_have_text("Đã ban hành")
    expect(page.get_by_test_id("plan-reference")).to_have_text("Số 35/KH-UBND")
    tabs.get_by_role("link", name="Chế độ báo cáo").click()
    calendar = page.get_by_test_id("reporting-calendar")
    expect(calendar).to_contain_text("15/05/2026")
    expect(calendar).to_contain_text("Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La")
    expect(page.get_by_text("lịch chính thức được lập khi ban hành")).to_have_count(0)

    # and the Word document downloads and opens
    tabs.get_by_role("link", name="Tổng quan").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Văn bản kế hoạch (.docx)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    document = docx.Document(str(download.path()))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Kế hoạch thực hiện công tác phòng, chống mại dâm năm 2026".casefold() in text.casefold()
