import pytest
from django.urls import reverse

from pcmd.geography.models import AdminUnit

LIST_URL = "/don-vi/"


@pytest.fixture
def browser(client, province_officer):
    client.force_login(province_officer)
    return client


def test_the_menu_link_resolves_to_the_unit_list():
    assert reverse("geography:unit-list") == LIST_URL


def test_the_unit_list_shows_current_units_to_a_logged_in_officer(browser, son_la, commune, other_province):
    # when
    response = browser.get(LIST_URL)
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tỉnh Sơn La" in page
    assert "Phường Tô Hiệu" in page
    assert "Tỉnh Lai Châu" in page
    assert 'hx-trigger="keyup changed delay:300ms, search"' in page
    assert 'method="get"' in page
    assert "table-responsive" in page


def test_searching_without_javascript_filters_the_list(browser, son_la, commune, other_commune):
    # when
    response = browser.get(LIST_URL, {"q": "to hieu"})
    # then
    page = response.content.decode()
    assert "Phường Tô Hiệu" in page
    assert "Xã Mường Bú" not in page


def test_live_search_answers_only_the_results_block(browser, son_la, commune, other_commune):
    # when
    response = browser.get(
        LIST_URL, {"q": "muong bu"}, headers={"HX-Request": "true", "HX-Target": "ket-qua"}
    )
    # then
    page = response.content.decode()
    assert page.startswith('<div id="ket-qua"')
    assert "<html" not in page
    assert "Xã Mường Bú" in page
    assert "Phường Tô Hiệu" not in page
    assert "HX-Request" in response["Vary"]


def test_a_bad_filter_shows_a_vietnamese_error_and_no_results(browser, son_la):
    # when
    response = browser.get(LIST_URL, {"valid_on": "32/13/2025", "level": "thon"})
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ngày không hợp lệ" in page
    assert "Cấp không hợp lệ" in page
    assert "Không có đơn vị nào khớp với bộ lọc." in page


def test_the_list_is_paginated(browser, son_la):
    # given
    from pcmd.geography.tests.factories import make_commune

    for number in range(55):
        make_commune(son_la, f"{40000 + number:05d}", f"Xã Thử {number:02d}")
    # when
    first = browser.get(LIST_URL, {"level": "commune"}).content.decode()
    second = browser.get(LIST_URL, {"level": "commune", "page": 2}).content.decode()
    # then
    assert "55 đơn vị" in first
    assert "Trang 1/2" in first
    assert "level=commune&amp;page=2" in first
    assert "Xã Thử 54" in second
    assert "Xã Thử 00" not in second


def test_anonymous_visitors_are_sent_to_the_login_page(anonymous, son_la):
    for url in (LIST_URL, son_la.get_absolute_url()):
        response = anonymous.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_a_user_without_membership_is_refused(client, no_membership_user, son_la):
    client.force_login(no_membership_user)
    assert client.get(LIST_URL).status_code == 403
    assert client.get(son_la.get_absolute_url()).status_code == 403


def test_a_current_province_page_lists_its_communes_and_predecessors(browser, load_units):
    # given
    load_units("19")
    thai_nguyen = AdminUnit.objects.current().get(code="19")
    # when
    response = browser.get(thai_nguyen.get_absolute_url())
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert "Xã Na Rì" in page  # a child commune
    assert "Tỉnh Bắc Kạn" in page  # a predecessor
    assert "từ 01/07/2025" in page
    assert 'data-testid="unit-centroid"' in page
    assert "92 đơn vị" in page


def test_a_legacy_district_page_shows_its_communes_its_successors_and_breadcrumbs(browser, load_units):
    # given
    load_units("19")
    na_ri = AdminUnit.objects.legacy().get(code="066")
    # when
    response = browser.get(reverse("geography:legacy-unit-detail", kwargs={"code": "066"}))
    # then
    assert response.status_code == 200
    page = response.content.decode()
    assert "đến hết 30/06/2025" in page
    breadcrumbs = page[page.index('data-testid="breadcrumbs"') : page.index("</ol>")]
    assert breadcrumbs.index("Tỉnh Bắc Kạn") < breadcrumbs.index("Huyện Na Rì")
    for child in na_ri.children.all():
        assert child.name in page
    for successor in AdminUnit.objects.filter(predecessions__legacy_unit=na_ri):
        assert successor.get_absolute_url() in page
    assert "Tỉnh Thái Nguyên" in page  # "Nay thuộc"


def test_a_current_commune_page_links_back_to_the_units_it_was_formed_from(browser, load_units):
    # given
    load_units("14")
    to_hieu = AdminUnit.objects.current().get(code="03646")
    # when
    page = browser.get(to_hieu.get_absolute_url()).content.decode()
    # then
    assert reverse("geography:legacy-unit-detail", kwargs={"code": "03649"}) in page
    assert "Thành phố Sơn La" in page


def test_an_unknown_code_is_404(browser, son_la):
    assert browser.get("/don-vi/98/").status_code == 404
    assert browser.get("/don-vi/truoc-2025/14/").status_code == 404  # no legacy units loaded


def test_the_admin_lists_units_read_only_for_a_system_administrator(client, system_admin, son_la):
    # given
    client.force_login(system_admin)
    # when
    response = client.get("/quan-tri/geography/adminunit/", {"q": "son la"})
    # then
    assert response.status_code == 200
    assert "Tỉnh Sơn La" in response.content.decode()
    assert client.get("/quan-tri/geography/adminunit/add/").status_code == 403
