"""The UI shell: language, formats, error pages (templates/, locale/, config/formats/)."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

LOGIN = reverse("accounts:login")


def _render(source: str, **context: object) -> str:
    return Template(source).render(Context(context))


# --- language -----------------------------------------------------------------------------------------------


def test_the_interface_is_vietnamese_by_default(client):
    html = client.get(LOGIN).content.decode()
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in html and "Tên đăng nhập" in html


def test_english_is_available_from_the_language_switch(client, db):
    # when the visitor picks English on the login page (no login needed)
    response = client.post(reverse("set_language"), {"language": "en", "next": LOGIN})
    # then
    assert response.status_code == 302 and response["Location"] == LOGIN
    html = client.get(LOGIN).content.decode()
    assert '<html lang="en">' in html
    assert "Username" in html and "Forgot your password?" in html
    assert "Tên đăng nhập" not in html


def test_english_reaches_the_menu_and_django_messages(client, province_officer):
    client.force_login(province_officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "Overview" in html and "Change password" in html
    errors = client.post(reverse("accounts:password-change"), {}).content.decode()
    assert "This field is required." in errors


def test_a_planning_page_and_the_tip_portal_are_in_english_after_the_switch(client, province_officer):
    # given an officer and an anonymous citizen who both picked English
    client.force_login(province_officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    citizen = Client()
    citizen.post(reverse("set_language"), {"language": "en", "next": reverse("tips_public:submit")})
    # when
    plans = client.get(reverse("planning:plan-list")).content.decode()
    portal = citizen.get(reverse("tips_public:submit")).content.decode()
    # then the headings, filters and choice labels are English
    assert '<html lang="en">' in plans
    assert "Create a plan" in plans and "Year of implementation" in plans and "Annual plan" in plans
    assert "0 plans" in plans and "Tạo kế hoạch" not in plans and "Kế hoạch năm" not in plans
    assert '<html lang="en">' in portal
    assert "Send a tip or report" in portal and "What do you want to report?" in portal
    assert "Human trafficking" in portal and "Gửi tin báo, tố giác" not in portal


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_translation_keeps_the_placeholders_of_its_original(language):
    import gettext
    import re

    with open(f"locale/{language}/LC_MESSAGES/django.mo", "rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog  # type: ignore[attr-defined]
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")
    checked = 0
    for key, translated in catalog.items():
        original = key[0] if isinstance(key, tuple) else key
        if not original:
            continue  # the header
        checked += 1
        assert sorted(set(placeholder.findall(original))) == sorted(set(placeholder.findall(translated))), (
            original
        )
    assert checked > 50


# --- formats ------------------------------------------------------------------------------------------------


def test_dates_are_shown_as_dd_mm_yyyy():
    day = datetime.date(2026, 3, 5)
    assert _render("{{ d }}", d=day) == "05/03/2026"
    assert _render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=day) == "05/03/2026"


def test_date_times_are_shown_in_vietnam_time_as_dd_mm_yyyy_hh_mm():
    moment = datetime.datetime(2026, 3, 5, 1, 30, tzinfo=datetime.UTC)
    assert _render('{{ t|date:"SHORT_DATETIME_FORMAT" }}', t=moment) == "05/03/2026 08:30"


def test_numbers_use_dots_for_thousands_and_a_comma_for_decimals():
    assert _render("{% load humanize %}{{ n|intcomma }}", n=1234567) == "1.234.567"
    assert _render("{{ x|floatformat:1 }}", x=2.5) == "2,5"


def test_dates_typed_as_dd_mm_yyyy_are_understood():
    from django import forms

    field = forms.DateField()
    assert field.clean("05/03/2026") == datetime.date(2026, 3, 5)


def test_english_formats_are_not_vietnamese():
    with translation.override("en"):
        assert _render("{% load humanize %}{{ n|intcomma }}", n=1234567) == "1,234,567"


# --- error pages --------------------------------------------------------------------------------------------


def test_an_unknown_page_gets_the_vietnamese_404_page(client, commune_officer):
    client.force_login(commune_officer)
    response = client.get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html and '<html lang="vi">' in html


@pytest.mark.urls("tests.shell_urls")
def test_a_forbidden_action_gets_the_vietnamese_403_page(client, commune_officer):
    client.force_login(commune_officer)
    response = client.get("/thu/cam/")
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


@pytest.mark.urls("tests.shell_urls")
def test_an_unexpected_error_gets_the_vietnamese_500_page(commune_officer):
    client = Client(raise_request_exception=False)
    client.force_login(commune_officer)
    response = client.get("/thu/loi/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống gặp sự cố" in html
    assert "Dữ liệu của bạn không bị thay đổi" in html
    assert "lỗi thử nghiệm" not in html


# --- layout -------------------------------------------------------------------------------------------------


def test_the_layout_is_made_for_phones_and_keyboards(client, commune_officer):
    client.force_login(commune_officer)
    html = client.get("/").content.decode()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert 'data-bs-toggle="collapse" data-bs-target="#menu-chinh"' in html
    assert 'href="#noi-dung"' in html and 'id="noi-dung"' in html


def test_no_page_loads_anything_from_outside_the_site(client, commune_officer):
    client.force_login(commune_officer)
    html = client.get("/").content.decode()
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html
