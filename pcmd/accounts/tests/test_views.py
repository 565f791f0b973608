"""The start page, the menu and the user-management screens."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcmd.accounts.capabilities import Role
from pcmd.accounts.models import User
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory

USERS = reverse("accounts:user-list")
NEW_USER = reverse("accounts:user-create")


def _menu_of(client, user):  # type: ignore[no-untyped-def]
    client.force_login(user)
    html = client.get("/").content.decode()
    return html[
        html.index('data-testid="main-menu"') : html.index("</nav>", html.index('data-testid="main-menu"'))
    ]


# --- home and menu ------------------------------------------------------------------------------------------


def test_home_shows_the_active_membership_and_the_jurisdiction(
    client, province_officer, commune, other_commune
):
    client.force_login(province_officer)
    html = client.get("/").content.decode()
    assert "Cán bộ đầu mối cấp tỉnh (cơ quan thường trực)" in html
    assert 'data-testid="home-unit">Tỉnh Sơn La' in html
    assert 'data-testid="home-commune-count">2<' in html


def test_case_worker_does_not_see_the_audit_menu_and_a_coordinator_does(
    client, case_worker, province_officer
):
    assert "Nhật ký" not in _menu_of(client, case_worker)
    assert "Nhật ký" in _menu_of(client, province_officer)


def test_only_administrators_see_the_user_menu(client, system_admin, province_officer):
    assert "Người dùng" in _menu_of(client, system_admin)
    assert "Người dùng" not in _menu_of(client, province_officer)


def test_someone_without_membership_sees_only_the_overview(client, no_membership_user):
    menu = _menu_of(client, no_membership_user)
    assert "Tổng quan" in menu
    assert "Đơn vị hành chính" not in menu and "Nhật ký" not in menu


def test_the_menu_marks_the_current_section(client, system_admin, commune_officer):
    client.force_login(system_admin)
    html = client.get(reverse("accounts:user-detail", args=[commune_officer.pk])).content.decode()
    assert f'href="{USERS}" aria-current="page"' in html
    assert 'href="/" aria-current="page"' not in html


def test_pages_carry_breadcrumbs_back_to_home(client, system_admin, commune_officer):
    client.force_login(system_admin)
    html = client.get(reverse("accounts:user-detail", args=[commune_officer.pk])).content.decode()
    crumbs = html[html.index('data-testid="breadcrumbs"') : html.index("</ol>")]
    assert '<a href="/">Trang chủ</a>' in crumbs
    assert f'<a href="{USERS}">Người dùng</a>' in crumbs
    assert 'aria-current="page">canbo.tohieu<' in crumbs


# --- user management ----------------------------------------------------------------------------------------


def test_administrator_lists_and_searches_users(client, system_admin, commune_officer, other_commune_officer):
    client.force_login(system_admin)
    html = client.get(USERS, {"q": "tohieu"}).content.decode()
    assert "canbo.tohieu" in html
    assert "canbo.muongbu" not in html


@pytest.mark.parametrize("url_name", ["accounts:user-list", "accounts:user-create"])
def test_a_coordinator_is_refused_the_user_screens_with_the_403_page(client, province_officer, url_name):
    client.force_login(province_officer)
    response = client.get(reverse(url_name))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def test_administrator_creates_a_commune_officer_by_unit_code(
    client, system_admin, commune, health_department
):
    # given
    client.force_login(system_admin)
    # when
    response = client.post(
        NEW_USER,
        {
            "username": "moi.tohieu",
            "full_name": "Hoàng Thị Mới",
            "email": "moi@example.vn",
            "password1": "Mat-khau-ban-dau-2026",
            "password2": "Mat-khau-ban-dau-2026",
            "role": Role.COMMUNE_OFFICER,
            "unit": "04105",
        },
    )
    # then
    user = User.objects.get(username="moi.tohieu")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:user-detail", args=[user.pk])
    assert user.memberships.get().unit == commune
    assert user.check_password("Mat-khau-ban-dau-2026")


def test_the_new_user_form_accepts_an_agency_of_the_chosen_unit(
    client, system_admin, son_la, health_department
):
    client.force_login(system_admin)
    client.post(
        NEW_USER,
        {
            "username": "dieuphoi.moi",
            "full_name": "Điêu Thị Mới",
            "password1": "Mat-khau-ban-dau-2026",
            "password2": "Mat-khau-ban-dau-2026",
            "role": Role.PROVINCIAL_COORDINATOR,
            "unit": "14",
            "agency": health_department.pk,
        },
    )
    assert User.objects.get(username="dieuphoi.moi").memberships.get().agency == health_department


def test_bad_input_on_the_new_user_form_is_explained_in_vietnamese_and_creates_nothing(client, system_admin):
    client.force_login(system_admin)
    response = client.post(
        NEW_USER,
        {
            "username": "",
            "full_name": "Ai Đó",
            "email": "khong-phai-email",
            "password1": "Mat-khau-ban-dau-2026",
            "password2": "khac-han",
            "role": Role.COMMUNE_OFFICER,
            "unit": "99999",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in html
    assert "Nhập một địa chỉ email hợp lệ." in html
    assert "Hai lần nhập mật khẩu không giống nhau." in html
    assert "Không tìm thấy đơn vị này trong phạm vi quản lý của bạn." in html
    assert html.count('aria-invalid="true"') == 4
    assert 'aria-describedby="id_unit_helptext id_unit_error"' in html
    assert not User.objects.filter(full_name="Ai Đó").exists()


def test_a_weak_initial_password_is_reported_on_the_password_field(client, system_admin, commune):
    client.force_login(system_admin)
    response = client.post(
        NEW_USER,
        {
            "username": "yeu.matkhau",
            "full_name": "Mật Khẩu Yếu",
            "password1": "1234567890",
            "password2": "1234567890",
            "role": Role.COMMUNE_OFFICER,
            "unit": "04105",
        },
    )
    html = response.content.decode()
    assert 'id="id_password1_error"' in html
    assert "Mật khẩu này hoàn toàn là số." in html
    assert not User.objects.filter(username="yeu.matkhau").exists()


def test_an_agency_of_another_unit_is_not_a_valid_choice(client, system_admin, commune, health_department):
    client.force_login(system_admin)
    response = client.post(
        NEW_USER,
        {
            "username": "sai.coquan",
            "full_name": "Sai Cơ Quan",
            "password1": "Mat-khau-ban-dau-2026",
            "password2": "Mat-khau-ban-dau-2026",
            "role": Role.COMMUNE_OFFICER,
            "unit": "04105",
            "agency": health_department.pk,  # belongs to the province, not the commune
        },
    )
    assert "Hãy chọn một lựa chọn hợp lệ." in response.content.decode()
    assert not User.objects.filter(username="sai.coquan").exists()


def test_administrator_adds_a_membership_on_the_user_page(client, system_admin, commune_officer, son_la):
    client.force_login(system_admin)
    response = client.post(
        reverse("accounts:user-detail", args=[commune_officer.pk]),
        {"phan-cong-role": Role.LEADER, "phan-cong-unit": "14"},
        follow=True,
    )
    assert "Đã thêm phân công." in response.content.decode()
    assert commune_officer.memberships.filter(role=Role.LEADER, unit=son_la).exists()


def test_administrator_deactivates_a_user(client, system_admin, commune_officer):
    client.force_login(system_admin)
    response = client.post(reverse("accounts:user-deactivate", args=[commune_officer.pk]), follow=True)
    assert "Đã vô hiệu hóa tài khoản canbo.tohieu." in response.content.decode()
    commune_officer.refresh_from_db()
    assert not commune_officer.is_active


def test_a_deactivated_user_is_logged_out_on_their_next_request(client, system_admin, commune_officer):
    # given the officer is logged in on their own browser
    from django.test import Client

    officer_browser = Client()
    officer_browser.force_login(commune_officer)
    # when the administrator deactivates the account
    client.force_login(system_admin)
    client.post(reverse("accounts:user-deactivate", args=[commune_officer.pk]))
    # then
    assert officer_browser.get("/").status_code == 302


def test_a_coordinator_cannot_deactivate_anyone(client, province_officer, commune_officer):
    client.force_login(province_officer)
    response = client.post(reverse("accounts:user-deactivate", args=[commune_officer.pk]))
    assert response.status_code == 403
    commune_officer.refresh_from_db()
    assert commune_officer.is_active


def test_a_provincial_administrator_gets_404_for_an_account_of_another_province(
    client, son_la, other_province_officer
):
    admin = UserFactory.create()
    MembershipFactory.create(user=admin, unit=son_la, role=Role.SYSTEM_ADMIN)
    client.force_login(admin)
    assert client.get(reverse("accounts:user-detail", args=[other_province_officer.pk])).status_code == 404
    assert (
        client.post(reverse("accounts:user-deactivate", args=[other_province_officer.pk])).status_code == 404
    )
    other_province_officer.refresh_from_db()
    assert other_province_officer.is_active


def test_unit_suggestions_are_options_within_the_area(client, system_admin, commune, other_province):
    client.force_login(system_admin)
    html = client.get(reverse("accounts:unit-options"), {"unit": "to hieu"}).content.decode()
    assert '<option value="04105">04105 — Phường Tô Hiệu, Tỉnh Sơn La</option>' in html
    assert "Lai Châu" not in html


def test_agency_choices_follow_the_unit(client, system_admin, son_la, health_department):
    client.force_login(system_admin)
    html = client.get(reverse("accounts:membership-choices"), {"unit": "14"}).content.decode()
    assert f'<option value="{health_department.pk}">Sở Y tế tỉnh Sơn La</option>' in html
    empty = client.get(reverse("accounts:membership-choices"), {"unit": "04105"}).content.decode()
    assert "Sở Y tế tỉnh Sơn La" not in empty


def test_suggestions_are_for_user_managers_only(client, province_officer):
    client.force_login(province_officer)
    assert client.get(reverse("accounts:unit-options"), {"unit": "14"}).status_code == 403
    assert client.get(reverse("accounts:membership-choices"), {"unit": "14"}).status_code == 403


def test_the_menu_groups_entries_and_shows_a_lone_entry_as_a_link(system_admin, case_worker):
    from pcmd.accounts.navigation import menu_entries

    admin_menu = menu_entries(system_admin, "/co-quan/")
    labels = [str(entry.label) for entry in admin_menu]
    assert labels[0] == "Tổng quan"
    catalogues = next(entry for entry in admin_menu if str(entry.label) == "Danh mục")
    assert [str(c.label) for c in catalogues.children][:3] == [
        "Đơn vị hành chính",
        "Cơ quan, đơn vị",
        "Đội kiểm tra 178",
    ]
    assert catalogues.current and not catalogues.url
    # a case worker has a single planning entry: no dropdown of one
    worker_menu = menu_entries(case_worker, "/")
    planning = next(entry for entry in worker_menu if str(entry.label) == "Kế hoạch")
    assert planning.children == () and planning.url == "/ke-hoach/"
