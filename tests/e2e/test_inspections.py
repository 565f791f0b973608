"""On a phone (375 px): an inspector records an inspection with a violation and downloads the biên bản; the
provincial coordinator then sees the coverage change."""

from __future__ import annotations

import datetime
import io

import pytest
from docx import Document
from playwright.sync_api import expect

from pcmd.agencies.models import TeamMember
from pcmd.agencies.tests.factories import TeamMemberFactory
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.legal.models import LegalProvision
from pcmd.legal.tests.factories import LegalDocumentFactory, LegalProvisionFactory
from tests.e2e.conftest import PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def field_work(inspector, provincial_team, commune, other_commune):
    """The inspector leads the provincial team; two establishments, one legal basis valid today."""
    TeamMemberFactory.create(
        team=provincial_team, full_name="Hà Văn Kiểm", team_role=TeamMember.TeamRole.LEADER, user=inspector
    )
    EstablishmentFactory.create(unit=commune, name="Karaoke Hoa Hồng", opened_on=datetime.date(2019, 5, 1))
    EstablishmentFactory.create(
        unit=other_commune, name="Nhà nghỉ Suối Bú", opened_on=datetime.date(2020, 1, 1)
    )
    document = LegalDocumentFactory.create(number="901/2025/NĐ-CP", effective_from=datetime.date(2025, 1, 1))
    LegalProvisionFactory.create(
        document=document,
        act="Kinh doanh karaoke quá giờ quy định",
        applies_to=LegalProvision.AppliesTo.ORGANISATION,
        valid_from=datetime.date(2025, 1, 1),
    )


def no_horizontal_scroll(page) -> bool:  # type: ignore[no-untyped-def]
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_an_inspector_on_a_phone_records_an_inspection_and_the_coordinator_sees_coverage(
    log_in, live_server, page, field_work, province_officer
):
    page.set_viewport_size(PHONE)
    # given the inspector opens the form from the inspections page
    log_in("thanhtra.sonla")
    page.goto(f"{live_server.url}/kiem-tra/")
    page.get_by_test_id("record-inspection").click()
    assert no_horizontal_scroll(page)

    # when they fill it in at the establishment
    page.get_by_label("Cơ sở được kiểm tra").select_option(index=1)
    page.get_by_label("Đột xuất (không báo trước)").check()
    page.get_by_label("Bắt đầu lúc").fill("09:00")
    expect(page.get_by_label("Hà Văn Kiểm", exact=False)).to_be_checked()
    page.get_by_test_id("checklist-item").first.get_by_text("Không đạt", exact=True).click()
    page.get_by_label("Kết quả kiểm tra, nội dung phát hiện").fill("Cơ sở hoạt động quá giờ.")
    page.get_by_label("Số biên bản").fill("07/BB-ĐKT")
    page.get_by_role("button", name="Lưu kết quả kiểm tra").click()

    # then the inspection page opens; they add a violation on its basis
    expect(page.get_by_role("heading", name="Karaoke Hoa Hồng")).to_be_visible()
    page.get_by_test_id("add-violation").click()
    page.get_by_label("Hành vi vi phạm (mô tả)").fill("Còn phục vụ khách sau 00:00")
    page.get_by_label("Căn cứ xử phạt (áp dụng vào ngày kiểm tra)").select_option(index=1)
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("violations")).to_contain_text("Còn phục vụ khách sau 00:00")
    assert no_horizontal_scroll(page)

    # and the biên bản downloads as a Word document naming the violation
    with page.expect_download() as download_info:
        page.get_by_test_id("download-minutes").click()
    document = Document(io.BytesIO(download_info.value.path().read_bytes()))
    assert "BIÊN BẢN" in [p.text for p in document.paragraphs]
    assert any("Còn phục vụ khách sau 00:00" in p.text for p in document.paragraphs)

    # when the coordinator looks at this year's coverage
    page.context.clear_cookies()
    log_in("dieuphoi.sonla")
    page.goto(f"{live_server.url}/kiem-tra/ty-le-kiem-tra/")
    # then one of the two establishments has been inspected this year
    expect(page.get_by_test_id("province-row")).to_contain_text("1 (50,0%)")
    assert no_horizontal_scroll(page)
