"""What a user does in a real browser: log in, move around, switch membership, get locked out, use a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_login_page_is_vietnamese_and_explains_a_wrong_password(live_server, page, commune_officer):
    # when a visitor opens the site
    page.goto(live_server.url)
    # then they are on the Vietnamese login page
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/\?next=/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    # when they type a wrong password
    page.get_by_label("Tên đăng nhập").fill("canbo.tohieu")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    # then
    expect(page.get_by_role("alert")).to_contain_text("Tên đăng nhập hoặc mật khẩu không đúng")
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/"))


def test_a_successful_login_lands_on_home_showing_the_active_membership(log_in, page, province_officer):
    # when
    log_in("dieuphoi.sonla")
    # then
    expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible()
    expect(page.get_by_test_id("home-membership")).to_have_text(
        "Cán bộ đầu mối cấp tỉnh (cơ quan thường trực)"
    )
    expect(page.get_by_test_id("home-unit")).to_have_text("Tỉnh Sơn La")
    expect(page.get_by_test_id("active-membership")).to_contain_text("Sở Y tế tỉnh Sơn La")


def test_the_menu_leads_to_every_page_the_role_may_see(log_in, page, live_server, system_admin):
    # given an administrator (no 2FA in the embedded default)
    log_in("quantri")
    menu = page.get_by_test_id("main-menu")
    groups = [g.strip() for g in menu.get_by_test_id("menu-group").all_inner_texts()]
    assert groups == ["Kế hoạch", "Nghiệp vụ", "Danh mục", "Quản trị"]
    links = menu.locator("a[href]")
    targets = [
        (text.strip(), links.nth(i).get_attribute("href")) for i, text in enumerate(links.all_text_contents())
    ]
    assert targets[0] == ("Tổng quan", "/")
    assert {"Kế hoạch", "Nhiệm vụ", "Đơn vị hành chính", "Cơ quan, đơn vị", "Nhật ký", "Người dùng"} <= {
        label for label, _href in targets
    }
    # when they visit each entry
    for label, href in targets:
        page.goto(f"{live_server.url}{href}")
        # then the page opens, in the layout, with its entry marked current
        expect(menu.locator(f'a[href="{href}"]')).to_have_attribute("aria-current", "page")
        assert page.title().endswith("Phòng, chống mại dâm"), label


def test_a_menu_group_opens_and_leads_to_its_page(log_in, page, system_admin):
    log_in("quantri")
    menu = page.get_by_test_id("main-menu")
    menu.get_by_test_id("menu-group").filter(has_text="Danh mục").click()
    menu.get_by_role("link", name="Cơ quan, đơn vị", exact=True).click()
    page.wait_for_load_state()
    expect(menu.locator('a[aria-current="page"]')).to_have_text("Cơ quan, đơn vị")
    # the group holding the current page is marked too
    expect(menu.locator("li.dropdown.active")).to_contain_text("Danh mục")


def test_a_case_worker_has_no_audit_entry_in_the_menu(log_in, page, case_worker):
    log_in("ctxh.sonla")
    menu = page.get_by_test_id("main-menu")
    menu.get_by_test_id("menu-group").filter(has_text="Danh mục").click()
    expect(menu.get_by_role("link", name="Đơn vị hành chính")).to_be_visible()
    expect(menu.get_by_role("link", name="Nhật ký")).to_have_count(0)
    expect(menu.get_by_test_id("menu-group").filter(has_text="Quản trị")).to_have_count(0)


def test_an_officer_with_two_memberships_switches_to_the_other_unit(log_in, page, two_hat_officer):
    # given
    log_in("hai.phancong")
    expect(page.get_by_test_id("home-unit")).to_have_text("Tỉnh Sơn La")
    # when they choose their commune membership in the account menu
    page.get_by_test_id("account-menu").click()
    page.get_by_test_id("switch-membership").click()
    # then the home page shows the commune
    expect(page.get_by_test_id("home-unit")).to_have_text("Phường Tô Hiệu")
    expect(page.get_by_test_id("home-membership")).to_have_text("Cán bộ cấp xã")
    expect(page.get_by_role("status")).to_contain_text(
        "Bạn đang làm việc với tư cách: Cán bộ cấp xã — Phường Tô Hiệu"
    )
    # and the choice holds on the next page
    page.reload()
    expect(page.get_by_test_id("active-membership")).to_have_text("Cán bộ cấp xã — Phường Tô Hiệu")


def test_five_wrong_passwords_lock_the_account(log_in, page, commune_officer):
    # when
    for attempt in range(5):
        log_in("canbo.tohieu", password=f"sai-{attempt}")
    # then the fifth failure shows the lockout page, and the right password no longer works
    expect(page.get_by_test_id("locked-out")).to_contain_text("tạm bị khóa trong 30 phút")
    log_in("canbo.tohieu")
    expect(page.get_by_role("heading", name="Tài khoản tạm bị khóa")).to_be_visible()


def test_on_a_phone_the_menu_folds_behind_the_toggler(browser, live_server, province_officer):
    # given a phone-sized screen
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("dieuphoi.sonla")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem-2026")
    page.get_by_role("button", name="Đăng nhập").click()
    menu_link = page.get_by_test_id("main-menu").get_by_role("link", name="Đơn vị hành chính")
    toggler = page.get_by_test_id("menu-toggler")
    # then the menu is folded and the toggler shows
    expect(toggler).to_be_visible()
    expect(menu_link).to_be_hidden()
    # when the toggler is tapped
    toggler.click()
    page.get_by_test_id("main-menu").get_by_test_id("menu-group").filter(has_text="Danh mục").click()
    # then the menu opens and its links work
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()
    menu_link.click()
    # then the page opens, with the menu folded again
    expect(page.locator('#menu-chinh a[aria-current="page"]')).to_have_text("Đơn vị hành chính")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    # and nothing is wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_an_administrator_creates_an_account_picking_the_unit_and_agency(
    log_in, page, system_admin, son_la, health_department
):
    # given
    log_in("quantri")
    page.get_by_test_id("main-menu").get_by_test_id("menu-group").filter(has_text="Quản trị").click()
    page.get_by_test_id("main-menu").get_by_role("link", name="Người dùng").click()
    page.get_by_role("link", name="Thêm người dùng").click()
    # when they fill the form, typing the province's name to get its code suggested
    page.get_by_label("Tên đăng nhập").fill("moi.sonla")
    page.get_by_label("Họ và tên").fill("Lò Văn Mới")
    page.get_by_label("Mật khẩu ban đầu").fill("Mat-khau-ban-dau-2026")
    page.get_by_label("Nhập lại mật khẩu").fill("Mat-khau-ban-dau-2026")
    page.get_by_label("Vai trò").select_option(label="Lãnh đạo (xem báo cáo, chỉ tiêu)")
    unit = page.get_by_label("Đơn vị hành chính")
    unit.press_sequentially("son la")
    expect(page.locator("#goi-y-don-vi option")).to_have_attribute("value", "14")
    unit.fill("14")
    unit.dispatch_event("change")
    # then the agencies of Sơn La are offered
    agency = page.get_by_label("Cơ quan")
    expect(agency.locator("option", has_text="Sở Y tế tỉnh Sơn La")).to_have_count(1)
    agency.select_option(label="Sở Y tế tỉnh Sơn La")
    page.get_by_role("button", name="Tạo tài khoản").click()
    # then
    expect(page.get_by_role("status")).to_contain_text("Đã tạo tài khoản moi.sonla.")
    expect(page.get_by_test_id("membership-list")).to_contain_text(
        "Lãnh đạo (xem báo cáo, chỉ tiêu) — Sở Y tế tỉnh Sơn La"
    )
