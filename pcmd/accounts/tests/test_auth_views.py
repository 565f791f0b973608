"""Login, logout, lockout, password reset and change, two-factor authentication, membership switch."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from pcmd.accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from pcmd.accounts.tests.conftest import current_code
from pcmd.accounts.tests.factories import PASSWORD, MembershipFactory, UserFactory

LOGIN = reverse("accounts:login")


def _login(client, username, password=PASSWORD, **extra):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password, **extra})


# --- login and logout ---------------------------------------------------------------------------------------


def test_login_page_is_in_vietnamese(client):
    # when
    response = client.get(LOGIN)
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Tên đăng nhập" in html and "Mật khẩu" in html and "Quên mật khẩu?" in html


def test_anonymous_visitor_is_sent_to_the_login_page(anonymous):
    response = anonymous.get("/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/"


def test_officer_logs_in_and_lands_on_home(client, commune_officer):
    # when
    response = _login(client, "canbo.tohieu")
    # then
    assert response.status_code == 302 and response["Location"] == "/"
    home = client.get("/")
    assert "Phường Tô Hiệu" in home.content.decode()


def test_login_follows_next_within_the_site_only(client, commune_officer):
    assert (
        _login(client, "canbo.tohieu", next="/tai-khoan/doi-mat-khau/")["Location"]
        == "/tai-khoan/doi-mat-khau/"
    )
    client.logout()
    assert _login(client, "canbo.tohieu", next="https://evil.example/")["Location"] == "/"


def test_wrong_password_is_refused_with_a_vietnamese_message(client, commune_officer):
    # when
    response = _login(client, "canbo.tohieu", password="sai-mat-khau")
    # then
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_empty_login_form_shows_django_required_message_in_vietnamese(client):
    response = client.post(LOGIN, {"username": "", "password": ""})
    html = response.content.decode()
    assert "Trường này là bắt buộc." in html
    assert 'aria-invalid="true"' in html


def test_disabled_account_cannot_log_in(client, commune_officer):
    # given
    commune_officer.is_active = False
    commune_officer.save()
    # when
    response = _login(client, "canbo.tohieu")
    # then
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_logout_is_a_post_and_says_so(client, commune_officer):
    # given
    client.force_login(commune_officer)
    # when
    response = client.post(reverse("accounts:logout"), follow=True)
    # then
    assert SESSION_KEY not in client.session
    assert "Bạn đã đăng xuất." in response.content.decode()
    assert client.get("/").status_code == 302


# --- lockout (django-axes) ----------------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_with_a_friendly_page(client, commune_officer):
    # when
    responses = [_login(client, "canbo.tohieu", password=f"sai-{n}") for n in range(5)]
    # then the first four are ordinary refusals and the fifth shows the lockout page
    assert [r.status_code for r in responses[:4]] == [200] * 4
    locked = responses[4]
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Tài khoản tạm bị khóa" in html
    assert "tạm bị khóa trong 30 phút" in html
    assert "sau 5 lần nhập sai" in html


def test_a_locked_account_refuses_even_the_right_password(client, commune_officer):
    # given
    for n in range(5):
        _login(client, "canbo.tohieu", password=f"sai-{n}")
    # when
    response = _login(client, "canbo.tohieu")
    # then
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_lockout_is_per_username(client, commune_officer, other_commune_officer):
    # given
    for n in range(5):
        _login(client, "canbo.tohieu", password=f"sai-{n}")
    # when another officer logs in from the same office computer
    response = _login(client, "canbo.muongbu")
    # then
    assert response.status_code == 302


def test_a_successful_login_resets_the_failure_count(client, commune_officer):
    # given
    for n in range(4):
        _login(client, "canbo.tohieu", password=f"sai-{n}")
    # when
    _login(client, "canbo.tohieu")
    client.logout()
    # then four more failures do not lock
    for n in range(4):
        assert _login(client, "canbo.tohieu", password=f"sai-lai-{n}").status_code == 200
    assert AccessAttempt.objects.filter(username="canbo.tohieu").get().failures_since_start == 4


# --- idle session timeout -----------------------------------------------------------------------------------


def test_every_request_pushes_the_idle_deadline_forward(client, commune_officer, settings):
    # given a session one minute from its idle deadline
    client.force_login(commune_officer)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    # when the officer does something
    client.get("/")
    # then the deadline is a full idle period away again
    renewed = Session.objects.get().expire_date
    assert renewed > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_an_expired_session_sends_the_user_to_login_with_a_vietnamese_message(client, commune_officer):
    # given a session idle for longer than SESSION_COOKIE_AGE
    client.force_login(commune_officer)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    # when
    response = client.get("/tai-khoan/doi-mat-khau/")
    # then
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/tai-khoan/doi-mat-khau/"
    login_page = client.get(response["Location"])
    assert "Phiên làm việc đã hết hạn" in login_page.content.decode()


def test_a_first_visit_without_a_session_says_nothing_about_expiry(client):
    response = client.get("/", follow=True)
    assert "Phiên làm việc đã hết hạn" not in response.content.decode()


def test_after_logout_the_login_page_does_not_claim_the_session_expired(client, commune_officer):
    client.force_login(commune_officer)
    client.post(reverse("accounts:logout"))
    response = client.get("/", follow=True)
    assert "Phiên làm việc đã hết hạn" not in response.content.decode()


def test_htmx_request_with_an_expired_session_reloads_the_whole_page(client, commune_officer):
    client.force_login(commune_officer)
    Session.objects.all().delete()
    response = client.get("/tai-khoan/doi-mat-khau/", headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(LOGIN)


# --- password reset and change ------------------------------------------------------------------------------


def test_password_reset_sends_a_vietnamese_email_whose_link_sets_a_new_password(client, commune_officer):
    # when
    response = client.post(reverse("accounts:password-reset"), {"email": "canbo.tohieu@example.vn"})
    # then
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "PCMD: đặt lại mật khẩu"
    assert "Xin chào Cầm Văn Xã" in message.body
    assert "Tên đăng nhập của bạn: canbo.tohieu" in message.body
    link = re.search(r"http://testserver(/tai-khoan/dat-lai-mat-khau/\S+)", str(message.body))
    assert link
    # when the officer follows the link and sets a new password
    form_page = client.get(link.group(1), follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Mat-khau-moi-2026!", "new_password2": "Mat-khau-moi-2026!"},
    )
    # then
    assert done.status_code == 302
    commune_officer.refresh_from_db()
    assert commune_officer.check_password("Mat-khau-moi-2026!")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, commune_officer):
    response = client.post(reverse("accounts:password-reset"), {"email": "khong.co@example.vn"}, follow=True)
    assert mail.outbox == []
    assert "Nếu địa chỉ thư điện tử có trong hệ thống" in response.content.decode()


def test_password_reset_with_a_malformed_address_says_so_in_vietnamese(client):
    response = client.post(reverse("accounts:password-reset"), {"email": "khong-phai-email"})
    assert "Nhập một địa chỉ email hợp lệ." in response.content.decode()


def test_a_used_reset_link_is_refused(client, commune_officer):
    client.post(reverse("accounts:password-reset"), {"email": "canbo.tohieu@example.vn"})
    path = re.search(r"http://testserver(/\S+)", str(mail.outbox[0].body)).group(1)  # type: ignore[union-attr]
    form_url = client.get(path, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "Mat-khau-moi-2026!", "new_password2": "Mat-khau-moi-2026!"})
    # when
    again = client.get(path, follow=True)
    # then
    assert "Đường dẫn đặt lại mật khẩu không hợp lệ" in again.content.decode()


def test_officer_changes_their_password(client, commune_officer):
    # given
    client.force_login(commune_officer)
    # when
    response = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Doi-mat-khau-2026!",
            "new_password2": "Doi-mat-khau-2026!",
        },
        follow=True,
    )
    # then
    assert "Mật khẩu của bạn đã được thay đổi." in response.content.decode()
    commune_officer.refresh_from_db()
    assert commune_officer.check_password("Doi-mat-khau-2026!")


def test_password_change_with_a_wrong_old_password_changes_nothing(client, commune_officer):
    client.force_login(commune_officer)
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": "sai", "new_password1": "Doi-mat-khau-2026!", "new_password2": "Doi-mat-khau-2026!"},
    )
    assert "Mật khẩu cũ không chính xác" in response.content.decode()
    commune_officer.refresh_from_db()
    assert commune_officer.check_password(PASSWORD)


def test_a_too_short_new_password_is_refused_in_vietnamese(client, commune_officer):
    client.force_login(commune_officer)
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": PASSWORD, "new_password1": "ngan", "new_password2": "ngan"},
    )
    assert "Mật khẩu này quá ngắn" in response.content.decode()


# --- two-factor authentication ------------------------------------------------------------------------------


@override_settings(PCMD_REQUIRE_2FA=True)
def test_administrator_without_a_device_is_sent_to_set_one_up(client, system_admin):
    # given
    client.force_login(system_admin)
    # when
    response = client.get("/", follow=True)
    # then
    assert response.redirect_chain[-1][0] == reverse("accounts:two-factor-setup")
    html = response.content.decode()
    assert "Cài đặt xác thực hai bước" in html
    assert 'data-testid="totp-secret"' in html and "data:image/svg+xml;base64," in html


@override_settings(PCMD_REQUIRE_2FA=True)
def test_administrator_sets_up_totp_with_a_real_code_and_is_verified(client, system_admin):
    # given
    client.force_login(system_admin)
    client.get(reverse("accounts:two-factor-setup"))
    device = TOTPDevice.objects.get(user=system_admin, confirmed=False)
    # when
    response = client.post(reverse("accounts:two-factor-setup"), {"token": current_code(device)})
    # then
    assert response.status_code == 302 and response["Location"] == "/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200


@override_settings(PCMD_REQUIRE_2FA=True)
def test_a_wrong_setup_code_leaves_the_device_unconfirmed(client, system_admin):
    client.force_login(system_admin)
    client.get(reverse("accounts:two-factor-setup"))
    response = client.post(reverse("accounts:two-factor-setup"), {"token": "000000"})
    assert "Mã xác thực không đúng" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=system_admin, confirmed=True).exists()


@override_settings(PCMD_REQUIRE_2FA=True)
def test_administrator_with_a_device_must_enter_a_code_after_the_password(client, system_admin, totp_device):
    # when
    login = _login(client, "quantri")
    gate = client.get("/tai-khoan/nguoi-dung/")
    # then
    assert login.status_code == 302
    assert gate.status_code == 302
    assert gate["Location"] == reverse("accounts:two-factor") + "?next=%2Ftai-khoan%2Fnguoi-dung%2F"
    # when
    verified = client.post(gate["Location"], {"token": current_code(totp_device)})
    # then
    assert verified["Location"] == "/tai-khoan/nguoi-dung/"
    assert client.get("/tai-khoan/nguoi-dung/").status_code == 200


@override_settings(PCMD_REQUIRE_2FA=True)
def test_a_wrong_code_keeps_the_administrator_at_the_gate(client, system_admin, totp_device):
    client.force_login(system_admin)
    response = client.post(reverse("accounts:two-factor"), {"token": "12345"})
    assert "Mã xác thực không đúng hoặc đã hết hạn" in response.content.decode()
    assert client.get("/").status_code == 302


@override_settings(PCMD_REQUIRE_2FA=True)
def test_a_password_alone_cannot_replace_the_owners_device(client, system_admin, totp_device):
    # given someone who knows only the password
    client.force_login(system_admin)
    # when
    response = client.get(reverse("accounts:two-factor-setup"))
    # then
    assert response.status_code == 302 and response["Location"] == reverse("accounts:two-factor")
    assert list(TOTPDevice.objects.filter(user=system_admin)) == [totp_device]


@override_settings(PCMD_REQUIRE_2FA=True)
def test_holders_of_sensitive_capabilities_need_2fa_too(client, case_worker):
    client.force_login(case_worker)
    assert client.get("/")["Location"].startswith(reverse("accounts:two-factor"))


@override_settings(PCMD_REQUIRE_2FA=True)
def test_commune_officer_is_not_asked_for_a_code(client, commune_officer):
    client.force_login(commune_officer)
    assert client.get("/").status_code == 200


def test_without_the_setting_no_one_is_asked_for_a_code(client, system_admin):
    client.force_login(system_admin)
    assert client.get("/").status_code == 200


# --- membership switch --------------------------------------------------------------------------------------


def test_officer_with_two_memberships_switches_to_the_other(client, two_hat_officer, commune):
    # given
    client.force_login(two_hat_officer)
    assert "Sở Y tế tỉnh Sơn La" in client.get("/").content.decode()
    second = two_hat_officer.memberships.get(unit=commune)
    # when
    response = client.post(reverse("accounts:switch-membership"), {"membership": second.pk}, follow=True)
    # then
    html = response.content.decode()
    assert "Bạn đang làm việc với tư cách: Cán bộ cấp xã — Phường Tô Hiệu" in html
    assert client.session[ACTIVE_MEMBERSHIP_SESSION_KEY] == second.pk
    assert 'data-testid="home-unit">Phường Tô Hiệu' in client.get("/").content.decode()


def test_switching_to_someone_elses_membership_is_refused_and_changes_nothing(
    client, two_hat_officer, other_province_officer
):
    # given
    client.force_login(two_hat_officer)
    client.get("/")
    foreign = other_province_officer.memberships.get()
    # when
    response = client.post(reverse("accounts:switch-membership"), {"membership": foreign.pk}, follow=True)
    # then
    assert "Phân công này không thuộc tài khoản của bạn" in response.content.decode()
    assert ACTIVE_MEMBERSHIP_SESSION_KEY not in client.session
    assert "Tỉnh Lai Châu" not in client.get("/").content.decode()


def test_switching_to_an_ended_membership_is_refused(client, two_hat_officer, commune):
    client.force_login(two_hat_officer)
    ended = two_hat_officer.memberships.get(unit=commune)
    ended.is_active = False
    ended.save()
    client.post(reverse("accounts:switch-membership"), {"membership": ended.pk})
    assert ACTIVE_MEMBERSHIP_SESSION_KEY not in client.session


def test_switching_needs_a_post(client, two_hat_officer):
    client.force_login(two_hat_officer)
    assert client.get(reverse("accounts:switch-membership")).status_code == 405


def test_a_new_user_without_membership_sees_a_vietnamese_notice(client, no_membership_user):
    client.force_login(no_membership_user)
    html = client.get("/").content.decode()
    assert "chưa được phân công vào đơn vị nào" in html


@pytest.mark.parametrize("role_count", [1, 2])
def test_menu_offers_only_the_other_memberships_to_switch_to(client, son_la, role_count):
    # given
    user = UserFactory.create()
    memberships = [MembershipFactory.create(user=user, unit=son_la) for _ in range(role_count)]
    client.force_login(user)
    # when
    html = client.get("/").content.decode()
    # then
    assert html.count('data-testid="switch-membership"') == role_count - 1
    assert f'name="membership" value="{memberships[0].pk}"' not in html


def test_passwords_are_stored_with_argon2_outside_the_test_settings(db):
    # given the hashers every real deployment uses (the test settings swap in a fast one)
    from config.settings import base

    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        user = UserFactory.create(password="Mat-khau-that-2026")
        # then
        assert user.password.startswith("argon2$")
        assert user.check_password("Mat-khau-that-2026")
