import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.hotspots.models import Hotspot, HotspotEvent
from pcmd.hotspots.tests.factories import HotspotFactory, record_event

D = datetime.date
E = HotspotEvent.Kind
LIST = reverse("api-hotspot-list")


def detail_url(hotspot):
    return reverse("api-hotspot-detail", args=[hotspot.pk])


def events_url(hotspot):
    return reverse("api-hotspot-events", args=[hotspot.pk])


@pytest.fixture
def api():
    def _as(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return _as


@pytest.fixture
def there(other_commune, other_commune_police):
    return HotspotFactory.create(
        unit=other_commune,
        identified_by=other_commune_police,
        name="Bãi đất trống sau bến xe",
        status=Hotspot.Status.ELIMINATED,
    )


@pytest.fixture
def far_away(other_province_commune, other_province_police):
    return HotspotFactory.create(
        unit=other_province_commune, identified_by=other_province_police, name="Khu chợ Tân Phong"
    )


def names(response):
    return [row["name"] for row in response.json()["results"]]


# --- list and detail ----------------------------------------------------------------------------------------


def test_the_list_is_scoped_paginated_and_describes_each_hotspot(
    api, province_officer, hotspot, there, far_away
):
    response = api(province_officer).get(LIST)
    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 2
    assert set(names(response)) == {"Khu vực bờ kè suối Nậm La", "Bãi đất trống sau bến xe"}
    row = next(r for r in body["results"] if r["id"] == hotspot.pk)
    assert row["unit"] == {"code": "04105", "name": "Phường Tô Hiệu"}
    assert row["status"] == "identified" and row["status_display"] == "Mới phát hiện"
    assert row["identified_on"] == "2026-01-10"
    assert row["identified_by"]["name"] == "Công an phường Tô Hiệu"
    assert row["allowed_events"] == ["action_started"]
    assert row["establishment"] is None and row["version"] == 1


def test_the_list_filters_by_unit_status_kind_and_text(api, province_officer, commune, hotspot, there):
    client = api(province_officer)
    assert names(client.get(LIST, {"unit": commune.code})) == ["Khu vực bờ kè suối Nậm La"]
    assert names(client.get(LIST, {"status": "eliminated"})) == ["Bãi đất trống sau bến xe"]
    assert names(client.get(LIST, {"kind": "establishment"})) == []
    assert names(client.get(LIST, {"q": "nam la"})) == ["Khu vực bờ kè suối Nậm La"]


def test_bad_filters_get_a_400_with_vietnamese_field_errors(api, commune_officer, other_commune):
    response = api(commune_officer).get(LIST, {"status": "closed", "unit": other_commune.code})
    body = response.json()
    assert response.status_code == 400
    assert body["code"] == "invalid"
    assert body["errors"]["status"] == ["«closed» không phải là lựa chọn hợp lệ."]
    assert body["errors"]["unit"] == [
        f"Không tìm thấy đơn vị hành chính có mã «{other_commune.code}» trong phạm vi của bạn."
    ]


def test_another_province_sees_nothing_of_son_la(api, other_province_officer, hotspot, far_away):
    client = api(other_province_officer)
    assert names(client.get(LIST)) == ["Khu chợ Tân Phong"]
    assert client.get(detail_url(hotspot)).status_code == 404
    assert client.get(events_url(hotspot)).status_code == 404


def test_an_officer_of_the_other_commune_gets_404(api, other_commune_officer, hotspot):
    assert api(other_commune_officer).get(detail_url(hotspot)).status_code == 404


def test_a_case_worker_is_refused(api, case_worker, hotspot):
    response = api(case_worker).get(LIST)
    assert response.status_code == 403
    assert response.json()["detail"] == "Bạn không có quyền thực hiện thao tác này."


def test_anonymous_calls_are_unauthorised(hotspot):
    assert APIClient().get(LIST).status_code == 401


# --- create and update --------------------------------------------------------------------------------------


def test_police_record_a_hotspot_in_an_establishment(api, police_officer, commune, commune_police):
    karaoke = EstablishmentFactory.create(unit=commune, name="Karaoke Hoa Hồng")
    response = api(police_officer).post(
        LIST,
        {
            "unit": commune.code,
            "kind": "establishment",
            "name": "Phòng hát Karaoke Hoa Hồng",
            "establishment": karaoke.pk,
            "identified_on": "2026-06-01",
            "identified_by": commune_police.pk,
            "latitude": 21.3262,
            "longitude": 103.9131,
        },
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["establishment"] == {
        "id": karaoke.pk,
        "name": "Karaoke Hoa Hồng",
        "registry_code": karaoke.registry_code,
    }
    assert body["status"] == "identified"
    assert Hotspot.objects.get(pk=body["id"]).events.get().recorded_by == police_officer


def test_bad_input_is_refused_with_vietnamese_field_errors_and_nothing_written(
    api, commune_officer, commune, commune_police
):
    response = api(commune_officer).post(
        LIST,
        {
            "unit": commune.code,
            "kind": "establishment",
            "name": "Nhà nghỉ ven suối",
            "identified_on": "01/07/2026",
            "identified_by": commune_police.pk,
            "latitude": 103.9,
            "longitude": 21.3,
        },
        format="json",
    )
    errors = response.json()["errors"]
    assert response.status_code == 400
    assert errors["establishment"] == ["Điểm phức tạp tại cơ sở kinh doanh dịch vụ phải chỉ rõ cơ sở."]
    assert errors["identified_on"] == ["Ngày không được sau ngày hôm nay (30/06/2026)."]
    assert errors["latitude"] == ["Vĩ độ phải trong khoảng 6.5 đến 23.5 (lãnh thổ Việt Nam)."]
    assert not Hotspot.objects.exists()


def test_references_outside_the_jurisdiction_are_unknown(
    api, commune_officer, other_commune, other_province_police, commune
):
    response = api(commune_officer).post(
        LIST,
        {
            "unit": other_commune.code,
            "kind": "public_place",
            "name": "Khu khác",
            "identified_on": "2026-06-01",
            "identified_by": other_province_police.pk,
            "latitude": "bắc",
        },
        format="json",
    )
    errors = response.json()["errors"]
    assert response.status_code == 400
    assert errors["unit"] == [
        f"Không tìm thấy xã, phường có mã «{other_commune.code}» trong phạm vi của bạn."
    ]
    assert errors["identified_by"] == [
        f"Không tìm thấy cơ quan có mã {other_province_police.pk} trong số cơ quan có thể chọn."
    ]
    assert errors["latitude"] == ["Cần một số thập phân."]


def test_an_inspector_cannot_create(api, inspector, commune, commune_police):
    response = api(inspector).post(LIST, {"unit": commune.code}, format="json")
    assert response.status_code == 403


def test_patch_needs_the_current_version(api, commune_officer, hotspot):
    client = api(commune_officer)
    ok = client.patch(detail_url(hotspot), {"version": 1, "address": "Tổ 4"}, format="json")
    stale = client.patch(detail_url(hotspot), {"version": 1, "address": "Tổ 5"}, format="json")
    assert ok.status_code == 200 and ok.json()["version"] == 2 and ok.json()["address"] == "Tổ 4"
    assert stale.status_code == 400
    assert "Bản ghi đã được người khác sửa" in stale.json()["errors"]["version"][0]


def test_patch_keeps_references_that_closed_since(api, commune_officer, commune_police, hotspot):
    commune_police.valid_to = D(2026, 1, 31)
    commune_police.save()
    response = api(commune_officer).patch(
        detail_url(hotspot),
        {"version": 1, "identified_by": commune_police.pk, "name": "Tên mới"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["identified_by"]["id"] == commune_police.pk


def test_an_inspector_cannot_patch(api, inspector, hotspot):
    assert (
        api(inspector).patch(detail_url(hotspot), {"version": 1, "name": "X"}, format="json").status_code
        == 403
    )


# --- events -------------------------------------------------------------------------------------------------


def test_the_events_list_is_the_timeline(api, inspector, commune_officer, hotspot):
    record_event(commune_officer, hotspot, E.ACTION_STARTED, D(2026, 2, 1), "Tuần tra")
    response = api(inspector).get(events_url(hotspot))
    rows = response.json()["results"]
    assert response.status_code == 200
    assert [(r["kind"], r["occurred_on"]) for r in rows] == [
        ("identified", "2026-01-10"),
        ("action_started", "2026-02-01"),
    ]
    assert rows[1]["from_status"] == "identified" and rows[1]["to_status"] == "under_action"
    assert rows[1]["recorded_by"] == commune_officer.username and rows[1]["note"] == "Tuần tra"


def test_recording_an_event_returns_it_with_the_new_state_of_the_hotspot(api, commune_officer, hotspot):
    response = api(commune_officer).post(
        events_url(hotspot),
        {"kind": "action_started", "occurred_on": "01/02/2026", "version": 1},
        format="json",
    )
    body = response.json()
    assert response.status_code == 201
    assert body["kind"] == "action_started" and body["to_status"] == "under_action"
    assert body["hotspot"]["status"] == "under_action" and body["hotspot"]["version"] == 2
    assert body["hotspot"]["allowed_events"] == ["eliminated"]


def test_a_reactivation_through_the_api_is_counted(api, commune_officer, hotspot):
    for kind, day in ((E.ACTION_STARTED, D(2026, 2, 1)), (E.ELIMINATED, D(2026, 3, 1))):
        record_event(commune_officer, hotspot, kind, day)
    response = api(commune_officer).post(
        events_url(hotspot),
        {"kind": "reactivated", "occurred_on": "2026-05-01", "version": hotspot.version},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["hotspot"]["reactivation_count"] == 1
    assert response.json()["hotspot"]["status"] == "under_action"


def test_a_refused_transition_is_a_400_with_a_vietnamese_error(api, commune_officer, hotspot):
    response = api(commune_officer).post(
        events_url(hotspot), {"kind": "check", "occurred_on": "2026-02-01", "version": 1}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["kind"] == [
        "Không thể ghi nhận «Kiểm tra theo dõi» khi điểm đang ở trạng thái «Mới phát hiện». "
        "Có thể ghi nhận: «Bắt đầu đấu tranh, xử lý»."
    ]
    assert hotspot.events.count() == 1


def test_a_stale_version_is_refused(api, commune_officer, hotspot):
    record_event(commune_officer, hotspot, E.ACTION_STARTED, D(2026, 2, 1))
    response = api(commune_officer).post(
        events_url(hotspot), {"kind": "eliminated", "occurred_on": "2026-03-01", "version": 1}, format="json"
    )
    assert response.status_code == 400
    assert "phiên bản hiện tại: 2" in response.json()["errors"]["version"][0]
    hotspot.refresh_from_db()
    assert hotspot.status == Hotspot.Status.UNDER_ACTION


def test_bad_event_input_gets_field_errors(api, commune_officer, hotspot):
    response = api(commune_officer).post(
        events_url(hotspot), {"kind": "closed", "occurred_on": "hôm qua"}, format="json"
    )
    errors = response.json()["errors"]
    assert response.status_code == 400
    assert errors["kind"] == ["«closed» không phải là lựa chọn hợp lệ."]
    assert errors["occurred_on"] == ["Ngày không hợp lệ. Dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd."]
    assert errors["version"] == ["Trường này là bắt buộc."]


def test_the_identification_cannot_be_recorded_through_the_api(api, commune_officer, hotspot):
    response = api(commune_officer).post(
        events_url(hotspot), {"kind": "identified", "occurred_on": "2026-02-01", "version": 1}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["kind"] == [
        "Sự kiện «Phát hiện» được ghi khi thêm điểm phức tạp, không ghi nhận thêm được."
    ]


def test_outsiders_cannot_record_events(api, other_province_officer, inspector, hotspot):
    payload = {"kind": "action_started", "occurred_on": "2026-02-01", "version": 1}
    assert api(other_province_officer).post(events_url(hotspot), payload, format="json").status_code == 404
    assert api(inspector).post(events_url(hotspot), payload, format="json").status_code == 403


def test_the_hotspot_endpoints_are_in_the_openapi_schema(client):
    response = client.get(reverse("api-schema"), {"format": "json"})
    paths = response.json()["paths"]
    assert "/api/v1/hotspots/" in paths and "post" in paths["/api/v1/hotspots/{hotspot_id}/events/"]
