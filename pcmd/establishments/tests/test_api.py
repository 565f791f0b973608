import pytest
from rest_framework.test import APIClient

from pcmd.establishments.models import Establishment


@pytest.fixture
def api():
    def _as(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return _as


def _payload(**values):
    data = {
        "unit": "04105",
        "type": "nha-nghi",
        "name": "Nhà nghỉ Hoa Mai",
        "address": "Số 5 đường Tô Hiệu",
        "owner_phone": "0912 111 222",
        "worker_count": 3,
        "opened_on": "2020-02-01",
    }
    data.update(values)
    return data


# --- read ---------------------------------------------------------------------------------------------------


def test_list_is_scoped_paginated_and_carries_licences(api, commune_officer, hoa_hong, muong_bu_guesthouse):
    response = api(commune_officer).get("/api/v1/establishments/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["registry_code"] == "CS-04105-1"
    assert row["unit"] == {"code": "04105", "name": "Phường Tô Hiệu"}
    assert row["type"]["code"] == "karaoke"
    assert row["licences"][0]["number"] == "15/GCN-ANTT"
    assert (row["status"], row["risk_level"], row["version"]) == ("operating", "low", 1)


def test_list_filters_unit_type_status_and_q(api, province_officer, hoa_hong, muong_bu_guesthouse):
    client = api(province_officer)
    assert client.get("/api/v1/establishments/", {"unit": "04168"}).json()["count"] == 1
    assert (
        client.get("/api/v1/establishments/", {"type": "karaoke"}).json()["results"][0]["name"]
        == hoa_hong.name
    )
    assert client.get("/api/v1/establishments/", {"status": "closed"}).json()["count"] == 0
    assert client.get("/api/v1/establishments/", {"q": "suoi bu"}).json()["count"] == 1
    assert client.get("/api/v1/establishments/", {"unit": "14"}).json()["count"] == 2


def test_bad_filters_are_400_with_vietnamese_field_errors(api, commune_officer, other_commune):
    response = api(commune_officer).get("/api/v1/establishments/", {"unit": "04168", "status": "open"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["unit"] == ["Không tìm thấy đơn vị hành chính có mã «04168» trong phạm vi của bạn."]
    assert errors["status"] == ["«open» không phải là lựa chọn hợp lệ."]


def test_another_province_gets_404_on_the_detail(api, other_province_officer, hoa_hong):
    response = api(other_province_officer).get(f"/api/v1/establishments/{hoa_hong.pk}/")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy."


def test_other_commune_officer_gets_404_on_the_detail(api, other_commune_officer, hoa_hong):
    assert api(other_commune_officer).get(f"/api/v1/establishments/{hoa_hong.pk}/").status_code == 404


def test_case_worker_sees_nothing(api, case_worker, hoa_hong):
    assert api(case_worker).get("/api/v1/establishments/").status_code == 403
    assert api(case_worker).get(f"/api/v1/establishments/{hoa_hong.pk}/").status_code == 403


def test_anonymous_is_401(api, hoa_hong):
    assert api().get("/api/v1/establishments/").status_code == 401


def test_types_are_listed(api, inspector):
    response = api(inspector).get("/api/v1/establishment-types/")
    assert response.status_code == 200
    codes = [row["code"] for row in response.json()["results"]]
    assert codes[0] == "khach-san" and "karaoke" in codes


# --- write --------------------------------------------------------------------------------------------------


def test_officer_creates_an_establishment_with_a_licence(api, commune_officer, commune):
    response = api(commune_officer).post(
        "/api/v1/establishments/",
        _payload(licence_kind="security_order", licence_number="40/GCN-ANTT", licence_issued_on="05/05/2020"),
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["registry_code"] == "CS-04105-1"
    assert body["licences"][0]["issued_on"] == "2020-05-05"


def test_create_with_bad_fields_is_400_in_vietnamese(api, commune_officer, commune):
    response = api(commune_officer).post(
        "/api/v1/establishments/",
        _payload(type="song-bac", worker_count=-1, latitude="bắc", opened_on="31/02/2020", name=""),
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["type"] == ["Không có loại hình cơ sở mã «song-bac»."]
    assert errors["worker_count"] == ["Giá trị phải lớn hơn hoặc bằng 0."]
    assert errors["latitude"] == ["Cần một số."]
    assert errors["opened_on"] == ["Ngày không hợp lệ. Dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd."]
    assert errors["name"] == ["Trường này không được để trắng."]


def test_create_in_a_commune_outside_the_jurisdiction_is_400(api, commune_officer, other_commune):
    response = api(commune_officer).post("/api/v1/establishments/", _payload(unit="04168"), format="json")
    assert response.status_code == 400
    assert "04168" in response.json()["errors"]["unit"][0]


def test_service_rules_come_back_as_field_errors(api, commune_officer, commune):
    response = api(commune_officer).post(
        "/api/v1/establishments/", _payload(latitude=21.3, owner_phone="abc"), format="json"
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["longitude"] == ["Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai."]
    assert "Số điện thoại" in errors["owner_phone"][0]


def test_a_possible_duplicate_is_400_until_confirmed(api, commune_officer, hoa_hong):
    client = api(commune_officer)
    payload = _payload(type="karaoke", name="KARAOKE HOA HONG", address="số 12 đường Tô Hiệu, tổ 3")
    response = client.post("/api/v1/establishments/", payload, format="json")
    assert response.status_code == 400
    assert hoa_hong.registry_code in response.json()["errors"]["confirm_duplicates"][0]
    response = client.post("/api/v1/establishments/", {**payload, "confirm_duplicates": True}, format="json")
    assert response.status_code == 201


def test_viewer_cannot_create(api, province_officer, commune):
    assert api(province_officer).post("/api/v1/establishments/", _payload(), format="json").status_code == 403


def test_patch_with_the_current_version_updates(api, commune_officer, hoa_hong):
    response = api(commune_officer).patch(
        f"/api/v1/establishments/{hoa_hong.pk}/", {"version": 1, "worker_count": 11}, format="json"
    )
    assert response.status_code == 200
    assert (response.json()["worker_count"], response.json()["version"]) == (11, 2)


def test_a_stale_patch_is_refused(api, commune_officer, hoa_hong):
    client = api(commune_officer)
    client.patch(f"/api/v1/establishments/{hoa_hong.pk}/", {"version": 1, "worker_count": 11}, format="json")
    response = client.patch(
        f"/api/v1/establishments/{hoa_hong.pk}/", {"version": 1, "worker_count": 2}, format="json"
    )
    assert response.status_code == 400
    assert "đã được người khác sửa" in response.json()["errors"]["version"][0]
    hoa_hong.refresh_from_db()
    assert hoa_hong.worker_count == 11


def test_patch_without_version_is_400(api, commune_officer, hoa_hong):
    response = api(commune_officer).patch(
        f"/api/v1/establishments/{hoa_hong.pk}/", {"name": "X"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["version"] == ["Trường này là bắt buộc."]


def test_outsider_cannot_patch(api, other_province_officer, hoa_hong):
    response = api(other_province_officer).patch(
        f"/api/v1/establishments/{hoa_hong.pk}/", {"version": 1, "name": "X"}, format="json"
    )
    assert response.status_code == 404


def test_status_change_through_the_api(api, commune_officer, hoa_hong):
    response = api(commune_officer).post(
        f"/api/v1/establishments/{hoa_hong.pk}/status/",
        {"to_status": "suspended", "reason": "Tạm ngừng sửa chữa", "effective_on": "2025-10-01"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "suspended"
    assert Establishment.objects.get(pk=hoa_hong.pk).status_changes.count() == 2


def test_not_a_json_object_is_400(api, commune_officer):
    response = api(commune_officer).post("/api/v1/establishments/", [1, 2], format="json")
    assert response.status_code == 400
