"""A citizen reports a tip in a real browser and keeps the receipt; an officer of that commune verifies it and
replies; the citizen reads the reply with the receipt alone."""

from __future__ import annotations

import re

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from pcmd.tips.models import Tip, TipStatus
from tests.e2e.conftest import PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_citizen_reports_an_officer_verifies_and_replies_the_citizen_reads_it(
    live_server, browser, log_in, page, commune_officer, commune, other_commune
):
    # given a citizen on a phone, without an account
    citizen = browser.new_context(viewport=PHONE).new_page()
    citizen.goto(f"{live_server.url}/to-giac/")

    # when they describe what they saw (the commune list follows the province)
    citizen.get_by_label("Bạn muốn báo về việc gì?").select_option(
        label="Cơ sở kinh doanh dịch vụ có dấu hiệu vi phạm"
    )
    citizen.get_by_label("Tỉnh, thành phố").select_option(label="Tỉnh Sơn La")
    expect(citizen.locator("#id_commune option", has_text="Phường Tô Hiệu")).to_have_count(1)
    citizen.get_by_label("Xã, phường, đặc khu (nếu biết)").select_option(label="Phường Tô Hiệu")
    citizen.get_by_label("Địa chỉ hoặc nơi xảy ra").fill("Quán karaoke gần ngã ba, tổ 5")
    citizen.get_by_label("Nội dung").fill("Quán mở sau 0 giờ, nhân viên nữ đi ra ngoài cùng khách.")
    key = citizen.locator("input[name=captcha_0]").input_value()
    citizen.get_by_label("Mã kiểm tra").fill(CaptchaStore.objects.get(hashkey=key).response)
    citizen.get_by_test_id("tip-submit").click()

    # then they get a receipt, shown once
    receipt = citizen.get_by_test_id("receipt-code")
    expect(receipt).to_have_text(re.compile(r"^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$"))
    code = receipt.inner_text()
    tip = Tip.objects.get()
    assert tip.routed_unit == commune

    # when the commune officer opens the tip from the queue, starts verifying and writes to the citizen
    log_in("canbo.tohieu")
    menu = page.get_by_test_id("main-menu")
    menu.get_by_test_id("menu-group").filter(has_text="Nghiệp vụ").click()
    menu.get_by_role("link", name="Tố giác, tin báo", exact=True).click()
    page.get_by_role("link", name=tip.reference).click()
    expect(page.get_by_test_id("tip-content")).to_have_text(
        "Quán mở sau 0 giờ, nhân viên nữ đi ra ngoài cùng khách."
    )
    page.get_by_test_id("transition-form").get_by_label("Ghi chú").fill("Giao Công an phường xác minh.")
    page.get_by_role("button", name="Bắt đầu xác minh").click()
    expect(page.get_by_test_id("tip-status")).to_have_text("Đang xác minh")
    page.get_by_label("Tin nhắn gửi người báo tin").fill("Cảm ơn bạn. Chúng tôi đang xác minh quán này.")
    page.get_by_role("button", name="Gửi tin nhắn").click()
    expect(page.get_by_test_id("thread")).to_contain_text("Chúng tôi đang xác minh quán này.")

    # then the citizen, with the receipt alone, reads the status and the reply
    citizen.goto(f"{live_server.url}/to-giac/tra-cuu/")
    citizen.get_by_label("Mã tiếp nhận").fill(code.lower())
    citizen.get_by_role("button", name="Xem tình trạng").click()
    expect(citizen.get_by_test_id("tip-status")).to_have_text("Đang xác minh")
    expect(citizen.get_by_test_id("thread")).to_contain_text("Cảm ơn bạn. Chúng tôi đang xác minh quán này.")
    expect(citizen.get_by_test_id("thread")).not_to_contain_text(commune_officer.full_name)
    assert code not in citizen.url
    tip.refresh_from_db()
    assert tip.status == TipStatus.VERIFYING
