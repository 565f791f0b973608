"""/api/v1/auth/token/, token and session authentication, /api/v1/me/ and the X-PCMD-Membership header."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from pcmd.accounts.tests.conftest import current_code
from pcmd.accounts.tests.factories import PASSWORD

TOKEN_URL = reverse("api-auth-token")
ME_URL = reverse("api-me")


@pytest.fixture
def api():
    return APIClient()


def _token(api, username, password=PASSWORD, **extra):  # type: ignore[no-untyped-def]
    return api.post(TOKEN_URL, {"username": username, "password": password, **extra}, format="json")


def _with_token(user) -> APIClient:  # type: ignore[no-untyped-def]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


# --- token ----------------------------------------------------------------------------------------------


def test_username_and_password_give_a_token_that_authenticates(api, commune_officer):
    # when
    response = _token(api, "canbo.tohieu")
    # then
    assert response.status_code == 200
    key = response.json()["token"]
    assert Token.objects.get(key=key).user == commune_officer
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get(ME_URL).json()["username"] == "canbo.tohieu"


def test_issuing_a_token_records_the_login(api, commune_officer):
    _token(api, "canbo.tohieu")
    commune_officer.refresh_from_db()
    assert commune_officer.last_login is not None


def test_wrong_credentials_get_a_vietnamese_400(api, commune_officer):
    response = _token(api, "canbo.tohieu", password="sai")
    body = response.json()
    assert response.status_code == 400
    assert body["code"] == "invalid"
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in body["errors"]["non_field_errors"][0]
    assert not Token.objects.exists()


def test_missing_fields_get_vietnamese_field_errors(api):
    response = api.post(TOKEN_URL, {}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "username": ["Trường này là bắt buộc."],
        "password": ["Trường này là bắt buộc."],
    }


def test_a_disabled_account_gets_no_token(api, commune_officer):
    commune_officer.is_active = False
    commune_officer.save()
    assert _token(api, "canbo.tohieu").status_code == 400


def test_failed_token_requests_count_toward_the_lockout(api, client, commune_officer):
    # given four failures through the API
    for n in range(4):
        assert _token(api, "canbo.tohieu", password=f"sai-{n}").status_code == 400
    # when the fifth fails
    locked = _token(api, "canbo.tohieu", password="sai-5")
    # then the account is locked, through the API and on the login page alike
    assert locked.status_code == 429
    assert locked.json()["code"] == "locked_out"
    assert "tạm bị khóa trong 30 phút" in locked.json()["detail"]
    assert _token(api, "canbo.tohieu").status_code == 429
    page = client.post(reverse("accounts:login"), {"username": "canbo.tohieu", "password": PASSWORD})
    assert page.status_code == 429


def test_login_page_failures_lock_the_api_too(api, client, commune_officer):
    for n in range(5):
        client.post(reverse("accounts:login"), {"username": "canbo.tohieu", "password": f"sai-{n}"})
    response = _token(api, "canbo.tohieu")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert not Token.objects.exists()


@override_settings(PCMD_REQUIRE_2FA=True)
def test_with_2fa_required_an_administrator_gets_a_token_with_the_current_code(
    api, system_admin, totp_device
):
    response = _token(api, "quantri", otp=current_code(totp_device))
    assert response.status_code == 200
    assert Token.objects.get(key=response.json()["token"]).user == system_admin


@override_settings(PCMD_REQUIRE_2FA=True)
def test_with_2fa_required_a_missing_code_is_refused(api, system_admin, totp_device):
    response = _token(api, "quantri")
    assert response.status_code == 400
    assert response.json()["errors"]["otp"][0].startswith("Vai trò của tài khoản này cần xác thực hai bước")
    assert not Token.objects.exists()


@override_settings(PCMD_REQUIRE_2FA=True)
def test_with_2fa_required_a_wrong_code_is_refused(api, system_admin, totp_device):
    response = _token(api, "quantri", otp="000000")
    assert response.status_code == 400
    assert "Mã xác thực không đúng" in response.json()["errors"]["otp"][0]
    assert not Token.objects.exists()


@override_settings(PCMD_REQUIRE_2FA=True)
def test_with_2fa_required_an_administrator_without_a_device_is_told_to_set_one_up(api, system_admin):
    response = _token(api, "quantri", otp="123456")
    assert response.status_code == 400
    assert "chưa cài đặt xác thực hai bước" in response.json()["errors"]["otp"][0]


@override_settings(PCMD_REQUIRE_2FA=True)
def test_with_2fa_required_a_commune_officer_needs_no_code(api, commune_officer):
    assert _token(api, "canbo.tohieu").status_code == 200


def test_a_token_of_a_disabled_user_is_refused_with_401(commune_officer):
    # given
    client = _with_token(commune_officer)
    commune_officer.is_active = False
    commune_officer.save()
    # when
    response = client.get(ME_URL)
    # then
    assert response.status_code == 401
    assert response.json()["detail"] == "Tài khoản đã bị khóa hoặc không còn hoạt động."


def test_an_unknown_token_is_refused_with_401(api, db):
    api.credentials(HTTP_AUTHORIZATION="Token khong-ton-tai")
    response = api.get(ME_URL)
    assert response.status_code == 401
    assert response.json()["detail"] == "Mã truy cập (token) không hợp lệ."


def test_an_anonymous_call_gets_401_with_a_vietnamese_message(api, db):
    response = api.get(ME_URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["detail"] == "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn."


def test_an_expired_session_gets_401_json_not_a_login_page(client, commune_officer):
    from django.contrib.sessions.models import Session

    client.force_login(commune_officer)
    Session.objects.all().delete()
    response = client.get(ME_URL)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


# --- me -----------------------------------------------------------------------------------------------------


def test_me_describes_the_user_and_the_active_membership(province_officer, health_department):
    body = _with_token(province_officer).get(ME_URL).json()
    assert body["username"] == "dieuphoi.sonla"
    assert body["full_name"] == "Lò Thị Điều Phối"
    active = body["active_membership"]
    assert active["role"] == "provincial_coordinator"
    assert active["role_label"] == "Cán bộ đầu mối cấp tỉnh (cơ quan thường trực)"
    assert active["unit"] == {"code": "14", "name": "Tỉnh Sơn La", "level": "province"}
    assert active["agency"]["name"] == "Sở Y tế tỉnh Sơn La"
    assert body["memberships"] == [active]
    assert "view_audit" in body["capabilities"] and "manage_users" not in body["capabilities"]


def test_me_through_the_browser_session(client, commune_officer):
    client.force_login(commune_officer)
    assert client.get(ME_URL).json()["active_membership"]["unit"]["code"] == "04105"


def test_me_follows_the_membership_chosen_in_the_session(client, two_hat_officer, commune):
    client.force_login(two_hat_officer)
    second = two_hat_officer.memberships.get(unit=commune)
    client.post(reverse("accounts:switch-membership"), {"membership": second.pk})
    assert client.get(ME_URL).json()["active_membership"]["id"] == second.pk


def test_the_membership_header_selects_another_of_ones_memberships(two_hat_officer, commune):
    # given
    second = two_hat_officer.memberships.get(unit=commune)
    api = _with_token(two_hat_officer)
    # when
    body = api.get(ME_URL, HTTP_X_PCMD_MEMBERSHIP=str(second.pk)).json()
    # then
    assert body["active_membership"]["unit"]["name"] == "Phường Tô Hiệu"
    assert "view_audit" not in body["capabilities"]
    assert len(body["memberships"]) == 2
    # and without the header the default applies again
    assert api.get(ME_URL).json()["active_membership"]["unit"]["name"] == "Tỉnh Sơn La"


def test_someone_elses_membership_in_the_header_is_refused(two_hat_officer, other_province_officer):
    foreign = other_province_officer.memberships.get()
    response = _with_token(two_hat_officer).get(ME_URL, HTTP_X_PCMD_MEMBERSHIP=str(foreign.pk))
    assert response.status_code == 403
    assert "không thuộc tài khoản của bạn" in response.json()["detail"]


def test_a_malformed_membership_header_is_a_400(two_hat_officer):
    response = _with_token(two_hat_officer).get(ME_URL, HTTP_X_PCMD_MEMBERSHIP="abc")
    assert response.status_code == 400
    assert response.json()["errors"]["X-PCMD-Membership"][0].startswith("Tiêu đề X-PCMD-Membership")


def test_the_membership_header_works_with_the_session_too(client, two_hat_officer, commune):
    client.force_login(two_hat_officer)
    second = two_hat_officer.memberships.get(unit=commune)
    body = client.get(ME_URL, HTTP_X_PCMD_MEMBERSHIP=str(second.pk)).json()
    assert body["active_membership"]["id"] == second.pk


def test_me_of_a_user_without_membership(no_membership_user):
    body = _with_token(no_membership_user).get(ME_URL).json()
    assert body["active_membership"] is None
    assert body["memberships"] == [] and body["capabilities"] == []


@override_settings(PCMD_REQUIRE_2FA=True)
def test_a_session_that_has_not_passed_2fa_cannot_use_the_api(client, system_admin, totp_device):
    client.force_login(system_admin)
    response = client.get(ME_URL)
    assert response.status_code == 403
    assert "xác thực hai bước" in response.json()["detail"]


def test_the_token_endpoint_is_in_the_openapi_schema(client):
    response = client.get(reverse("api-schema"), {"format": "json"})
    paths = response.json()["paths"]
    assert "/api/v1/auth/token/" in paths and "/api/v1/me/" in paths
