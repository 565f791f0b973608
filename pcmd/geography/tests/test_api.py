import pytest

from pcmd.geography.models import AdminUnit

UNITS = "/api/v1/units/"


@pytest.fixture
def api(client, province_officer):
    client.force_login(province_officer)
    return client


@pytest.fixture
def thai_nguyen_units(load_units):
    load_units("19")


def test_the_api_lists_34_provinces_and_3321_communes(api, load_units):
    # given
    load_units()
    # when
    provinces = api.get(UNITS, {"level": "province"})
    communes = api.get(UNITS, {"level": "commune"})
    legacy_provinces = api.get(UNITS, {"level": "province", "legacy": "true"})
    # then
    assert provinces.status_code == communes.status_code == 200
    assert provinces.json()["count"] == 34
    assert communes.json()["count"] == 3321
    assert len(communes.json()["results"]) == 50  # paginated
    assert legacy_provinces.json()["count"] == 63


def test_a_unit_carries_its_codes_names_dates_and_centroid(api, thai_nguyen_units):
    # when
    body = api.get(UNITS, {"q": "na ri", "legacy": "true", "level": "district"}).json()
    # then
    assert body["count"] == 1
    na_ri = body["results"][0]
    assert na_ri == {
        "code": "066",
        "name": "Huyện Na Rì",
        "level": "district",
        "era": "legacy",
        "division_type": "Huyện",
        "parent_code": "06",
        "path": "L06.066",
        "scope_path": "19",
        "valid_from": None,
        "valid_to": "2025-06-30",
        "latitude": na_ri["latitude"],
        "longitude": na_ri["longitude"],
    }
    assert na_ri["latitude"] and na_ri["longitude"]


def test_the_list_defaults_to_current_units(api, thai_nguyen_units):
    body = api.get(UNITS, {"q": "na ri"}).json()
    assert [(u["name"], u["era"]) for u in body["results"]] == [("Xã Na Rì", "current")]


@pytest.mark.parametrize("day", ["2024-12-31", "31/12/2024"])
def test_a_date_before_the_reorganisation_lists_legacy_units(api, thai_nguyen_units, day):
    body = api.get(UNITS, {"level": "province", "valid_on": day}).json()
    assert sorted(u["code"] for u in body["results"]) == ["06", "19"]
    assert {u["era"] for u in body["results"]} == {"legacy"}


def test_the_parent_filter_lists_the_units_below_a_code(api, thai_nguyen_units):
    # when
    body = api.get(UNITS, {"parent": "066", "legacy": "true", "ordering": "path"}).json()
    # then
    assert body["count"] > 0
    assert all(u["parent_code"] == "066" for u in body["results"])
    paths = [u["path"] for u in body["results"]]
    assert paths == sorted(paths)


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"level": "village"}, "level", "Cấp không hợp lệ"),
        ({"valid_on": "31/02/2025"}, "valid_on", "Ngày không hợp lệ"),
        ({"valid_on": "hôm qua"}, "valid_on", "Ngày không hợp lệ"),
        ({"parent": "98"}, "parent", "Không có đơn vị hành chính mã “98”"),
        (
            {"parent": "066"},
            "parent",
            "Không có đơn vị hành chính mã “066”",
        ),  # a legacy code, current era asked
        ({"parent": "abc"}, "parent", "Không có đơn vị hành chính mã “abc”"),
        ({"legacy": "maybe"}, "legacy", "Giá trị không hợp lệ"),
        ({"ordering": "population"}, "ordering", "Cách sắp xếp không hợp lệ"),
    ],
)
def test_bad_filters_get_400_with_a_vietnamese_field_error(api, thai_nguyen_units, params, field, message):
    # when
    response = api.get(UNITS, params)
    # then
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert message in body["errors"][field][0]


def test_a_unit_is_fetched_by_code_in_either_era(api, thai_nguyen_units):
    # when
    current = api.get(f"{UNITS}19/")
    legacy = api.get(f"{UNITS}19/", {"legacy": "true"})
    # then
    assert (current.status_code, current.json()["path"], current.json()["name"]) == (
        200,
        "19",
        "Tỉnh Thái Nguyên",
    )
    assert (legacy.status_code, legacy.json()["path"], legacy.json()["era"]) == (200, "L19", "legacy")


@pytest.mark.parametrize(
    ("url", "params"), [("99999/", {}), ("066/", {}), ("abc/", {}), ("99/", {"legacy": "true"})]
)
def test_an_unknown_unit_code_is_404_with_a_vietnamese_message(api, thai_nguyen_units, url, params):
    response = api.get(f"{UNITS}{url}", params)
    assert response.status_code == 404
    assert "Không có đơn vị hành chính" in response.json()["detail"]


def test_a_bad_legacy_flag_on_a_unit_is_400(api, thai_nguyen_units):
    response = api.get(f"{UNITS}19/", {"legacy": "maybe"})
    assert response.status_code == 400
    assert "legacy" in response.json()["errors"]


def test_successors_of_a_legacy_district_are_the_current_communes_it_became(api, thai_nguyen_units):
    # when
    response = api.get(f"{UNITS}066/successors/")
    # then
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 6
    assert {u["parent_code"] for u in results} == {"19"}
    assert {u["era"] for u in results} == {"current"}
    assert not any(u["is_default"] for u in results)


def test_successors_of_a_legacy_province_is_its_current_province(api, thai_nguyen_units):
    results = api.get(f"{UNITS}06/successors/").json()["results"]
    assert [(u["code"], u["name"], u["is_default"]) for u in results] == [("19", "Tỉnh Thái Nguyên", True)]


def test_successors_of_a_code_only_current_units_have_is_404(api, load_units):
    # given: Đặc khu Côn Đảo (26732) has no legacy namesake code
    load_units("79")
    assert AdminUnit.objects.current().filter(code="26732").exists()
    # when
    response = api.get(f"{UNITS}26732/successors/")
    # then
    assert response.status_code == 404
    assert "trước 01/07/2025" in response.json()["detail"]


@pytest.mark.parametrize("url", [UNITS, f"{UNITS}19/", f"{UNITS}066/successors/"])
def test_anonymous_callers_get_401(anonymous, db, url):
    response = anonymous.get(url)
    assert response.status_code == 401
    assert response.json()["detail"]


@pytest.mark.parametrize("url", [UNITS, f"{UNITS}19/", f"{UNITS}066/successors/"])
def test_a_user_without_membership_gets_403(client, no_membership_user, thai_nguyen_units, url):
    client.force_login(no_membership_user)
    response = client.get(url)
    assert response.status_code == 403
    assert response.json()["detail"] == "Bạn không có quyền xem danh mục đơn vị hành chính."


def test_an_officer_of_another_province_reads_the_national_list(
    client, other_province_officer, thai_nguyen_units
):
    client.force_login(other_province_officer)
    response = client.get(UNITS, {"parent": "19"})
    assert response.status_code == 200
    assert response.json()["count"] == 92


def test_a_token_authenticates_the_api(client, province_officer, thai_nguyen_units):
    # given
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=province_officer)
    # when
    response = client.get(f"{UNITS}19/", headers={"Authorization": f"Token {token.key}"})
    # then
    assert response.status_code == 200
