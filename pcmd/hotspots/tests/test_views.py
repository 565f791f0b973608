import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.hotspots.models import Hotspot, HotspotEvent
from pcmd.hotspots.tests.factories import HotspotFactory, record_event

D = datetime.date
E = HotspotEvent.Kind


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def there(other_commune, other_commune_police):
    return HotspotFactory.create(
        unit=other_commune, identified_by=other_commune_police, name="Bãi đất trống sau bến xe"
    )


@pytest.fixture
def far_away(other_province_commune, other_province_police):
    return HotspotFactory.create(
        unit=other_province_commune, identified_by=other_province_police, name="Khu chợ Tân Phong"
    )


def section(body: str, testid: str, end: str = "</table>") -> str:
    start = body.find(f'data-testid="{testid}"')
    return body[start : body.index(end, start)] if start >= 0 else ""


# --- menu and list ------------------------------------------------------------------------------------------


def test_the_menu_offers_hotspots_to_police_and_inspectors_not_to_case_workers(
    login, police_officer, inspector, case_worker
):
    assert "Điểm phức tạp" in login(police_officer).get(reverse("home")).content.decode()
    assert "Điểm phức tạp" in login(inspector).get(reverse("home")).content.decode()
    assert "Điểm phức tạp" not in login(case_worker).get(reverse("home")).content.decode()


def test_the_list_shows_the_provinces_hotspots_to_the_coordinator(
    login, province_officer, hotspot, there, far_away
):
    response = login(province_officer).get(reverse("hotspots:list"))
    body = section(response.content.decode(), "hotspot-table")
    assert response.status_code == 200
    assert "Khu vực bờ kè suối Nậm La" in body and "Bãi đất trống sau bến xe" in body
    assert "Khu chợ Tân Phong" not in body
    assert "Mới phát hiện" in body and "10/01/2026" in body
    assert "Thêm điểm phức tạp" in response.content.decode()


def test_the_list_of_another_commune_officer_does_not_show_this_commune(
    login, other_commune_officer, hotspot, there
):
    body = section(
        login(other_commune_officer).get(reverse("hotspots:list")).content.decode(), "hotspot-table"
    )
    assert "Bãi đất trống sau bến xe" in body
    assert "Khu vực bờ kè suối Nậm La" not in body


def test_the_list_filters_by_unit_status_kind_and_text(login, province_officer, commune, hotspot, there):
    client = login(province_officer)
    by_unit = section(
        client.get(reverse("hotspots:list"), {"unit": commune.code}).content.decode(), "hotspot-table"
    )
    assert "Khu vực bờ kè suối Nậm La" in by_unit and "Bãi đất trống" not in by_unit
    by_text = section(client.get(reverse("hotspots:list"), {"q": "ben xe"}).content.decode(), "hotspot-table")
    assert "Bãi đất trống sau bến xe" in by_text and "Nậm La" not in by_text
    by_status = client.get(reverse("hotspots:list"), {"status": Hotspot.Status.ELIMINATED}).content.decode()
    assert "Không có điểm phức tạp nào phù hợp." in by_status
    by_kind = client.get(reverse("hotspots:list"), {"kind": Hotspot.Kind.ESTABLISHMENT}).content.decode()
    assert "Không có điểm phức tạp nào phù hợp." in by_kind


def test_an_unknown_unit_in_the_filter_is_explained(login, commune_officer, hotspot, other_commune):
    body = login(commune_officer).get(reverse("hotspots:list"), {"unit": other_commune.code}).content.decode()
    assert f"Không tìm thấy đơn vị hành chính có mã «{other_commune.code}» trong phạm vi của bạn." in body


def test_the_list_is_paginated(login, province_officer, commune, commune_police):
    for number in range(52):
        HotspotFactory.create(unit=commune, identified_by=commune_police, name=f"Điểm {number:02d}")
    response = login(province_officer).get(reverse("hotspots:list"), {"page": 2})
    assert "Trang 2/2" in response.content.decode()
    assert len(response.context["page"].object_list) == 2


def test_a_case_worker_is_refused_the_hotspot_pages(login, case_worker, hotspot):
    client = login(case_worker)
    assert client.get(reverse("hotspots:list")).status_code == 403
    assert client.get(reverse("hotspots:map")).status_code == 403
    assert client.get(reverse("hotspots:map-data")).status_code == 403
    assert client.get(reverse("hotspots:detail", args=[hotspot.pk])).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(anonymous, hotspot):
    response = anonymous.get(reverse("hotspots:detail", args=[hotspot.pk]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


# --- detail -------------------------------------------------------------------------------------------------


def test_the_detail_shows_the_timeline_and_the_event_form(login, commune_officer, hotspot):
    # given
    record_event(commune_officer, hotspot, E.ACTION_STARTED, D(2026, 2, 1), "Lập kế hoạch tuần tra.")
    # when
    body = login(commune_officer).get(reverse("hotspots:detail", args=[hotspot.pk])).content.decode()
    # then
    timeline = section(body, "event-timeline", "</ul>")
    assert "10/01/2026 — Phát hiện" in timeline
    assert "01/02/2026 — Bắt đầu đấu tranh, xử lý" in timeline and "Lập kế hoạch tuần tra." in timeline
    assert "Mới phát hiện → Đang đấu tranh, xử lý" in timeline
    form = section(body, "event-form", "</form>")
    assert '<option value="eliminated">Triệt xóa</option>' in form
    assert "action_started" not in form


def test_an_inspector_sees_the_detail_without_forms(login, inspector, hotspot):
    body = login(inspector).get(reverse("hotspots:detail", args=[hotspot.pk])).content.decode()
    assert "Khu vực bờ kè suối Nậm La" in body
    assert 'data-testid="event-form"' not in body and 'data-testid="delete-form"' not in body


@pytest.mark.parametrize("persona", ["other_province_officer", "other_commune_officer"])
def test_a_hotspot_outside_the_jurisdiction_is_not_found(login, request, persona, hotspot):
    client = login(request.getfixturevalue(persona))
    for name in ("hotspots:detail", "hotspots:edit"):
        assert client.get(reverse(name, args=[hotspot.pk])).status_code == 404
    assert client.post(reverse("hotspots:event-record", args=[hotspot.pk])).status_code == 404
    assert client.post(reverse("hotspots:delete", args=[hotspot.pk])).status_code == 404


def test_the_linked_establishment_is_a_link(login, commune_officer, commune, commune_police):
    karaoke = EstablishmentFactory.create(unit=commune, name="Karaoke Hoa Hồng")
    hotspot = HotspotFactory.create(
        unit=commune, identified_by=commune_police, kind=Hotspot.Kind.ESTABLISHMENT, establishment=karaoke
    )
    body = login(commune_officer).get(reverse("hotspots:detail", args=[hotspot.pk])).content.decode()
    assert f'<a href="{karaoke.get_absolute_url()}">Karaoke Hoa Hồng</a>' in body


# --- create and edit ----------------------------------------------------------------------------------------


def test_a_commune_officer_records_a_new_hotspot(login, commune_officer, commune, commune_police):
    # when
    response = login(commune_officer).post(
        reverse("hotspots:create"),
        {
            "unit": commune.code,
            "kind": Hotspot.Kind.PUBLIC_PLACE,
            "name": "Khu vực công viên bờ hồ",
            "address": "Tổ 5",
            "latitude": "21,3262",  # a decimal comma, as Vietnamese write it
            "longitude": "103.9131",
            "identified_on": "15/06/2026",
            "identified_by": commune_police.pk,
            "note": "Tin báo của quần chúng.",
        },
    )
    # then
    hotspot = Hotspot.objects.get(name="Khu vực công viên bờ hồ")
    assert response.status_code == 302 and response["Location"] == hotspot.get_absolute_url()
    assert hotspot.identified_on == D(2026, 6, 15) and hotspot.latitude == 21.3262
    assert hotspot.events.get().note == "Tin báo của quần chúng."


def test_the_create_form_shows_the_services_errors_in_vietnamese(
    login, commune_officer, commune, commune_police
):
    response = login(commune_officer).post(
        reverse("hotspots:create"),
        {
            "unit": commune.code,
            "kind": Hotspot.Kind.ESTABLISHMENT,
            "name": "Nhà nghỉ ven suối",
            "latitude": "48.85",
            "longitude": "2.35",
            "identified_on": "01/07/2026",
            "identified_by": commune_police.pk,
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Điểm phức tạp tại cơ sở kinh doanh dịch vụ phải chỉ rõ cơ sở." in body
    assert "Vĩ độ phải trong khoảng 6.5 đến 23.5 (lãnh thổ Việt Nam)." in body
    assert "Ngày không được sau ngày hôm nay (30/06/2026)." in body
    assert not Hotspot.objects.exists()


def test_the_create_form_offers_only_the_officers_commune(login, commune_officer, commune, other_commune):
    body = login(commune_officer).get(reverse("hotspots:create")).content.decode()
    assert f'value="{commune.code}"' in body
    assert f'value="{other_commune.code}"' not in body


def test_an_inspector_cannot_open_the_create_form(login, inspector):
    assert login(inspector).get(reverse("hotspots:create")).status_code == 403


def test_an_edit_saves_and_a_stale_edit_is_explained(
    login, commune_officer, commune, commune_police, hotspot
):
    client = login(commune_officer)
    data = {
        "unit": commune.code,
        "kind": Hotspot.Kind.PUBLIC_PLACE,
        "name": "Khu bờ kè suối Nậm La (đoạn tổ 3)",
        "identified_on": "10/01/2026",
        "identified_by": commune_police.pk,
        "version": 1,
    }
    # when
    first = client.post(reverse("hotspots:edit", args=[hotspot.pk]), data)
    second = client.post(reverse("hotspots:edit", args=[hotspot.pk]), {**data, "name": "Tên khác"})
    # then
    assert first.status_code == 302
    assert second.status_code == 400
    assert "Bản ghi đã được người khác sửa sau khi bạn mở" in second.content.decode()
    assert Hotspot.objects.get(pk=hotspot.pk).name == "Khu bờ kè suối Nậm La (đoạn tổ 3)"


def test_an_agency_closed_since_the_identification_stays_choosable_when_editing(
    login, commune_officer, commune, commune_police, hotspot
):
    # given the commune police were merged away after identifying the hotspot
    commune_police.valid_to = D(2026, 1, 31)
    commune_police.save()
    # when the officer saves a correction without changing the agency
    response = login(commune_officer).post(
        reverse("hotspots:edit", args=[hotspot.pk]),
        {
            "unit": commune.code,
            "kind": Hotspot.Kind.PUBLIC_PLACE,
            "name": "Khu bờ kè suối Nậm La",
            "identified_on": "10/01/2026",
            "identified_by": commune_police.pk,
            "version": 1,
        },
    )
    # then
    assert response.status_code == 302
    assert Hotspot.objects.get(pk=hotspot.pk).identified_by == commune_police
    # and the closed agency is not offered for a new hotspot
    create_form = login(commune_officer).get(reverse("hotspots:create")).content.decode()
    assert f'<option value="{commune_police.pk}">' not in create_form


# --- events and delete --------------------------------------------------------------------------------------


def test_recording_an_event_moves_the_status(login, commune_officer, hotspot):
    response = login(commune_officer).post(
        reverse("hotspots:event-record", args=[hotspot.pk]),
        {"kind": E.ACTION_STARTED, "occurred_on": "01/02/2026", "note": "Tuần tra ban đêm", "version": 1},
    )
    assert response.status_code == 302
    hotspot.refresh_from_db()
    assert hotspot.status == Hotspot.Status.UNDER_ACTION


def test_a_refused_event_is_explained_on_the_page(login, commune_officer, hotspot):
    response = login(commune_officer).post(
        reverse("hotspots:event-record", args=[hotspot.pk]),
        {"kind": E.REACTIVATED, "occurred_on": "01/02/2026", "version": 1},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Không thể ghi nhận «Tái hoạt động» khi điểm đang ở trạng thái «Mới phát hiện»." in body
    assert HotspotEvent.objects.filter(hotspot=hotspot).count() == 1


def test_an_event_before_the_previous_one_is_explained_on_the_page(login, commune_officer, hotspot):
    response = login(commune_officer).post(
        reverse("hotspots:event-record", args=[hotspot.pk]),
        {"kind": E.ACTION_STARTED, "occurred_on": "05/01/2026", "version": 1},
    )
    assert response.status_code == 400
    assert "Ngày không được trước ngày của sự kiện gần nhất (10/01/2026)." in response.content.decode()


def test_a_reactivation_recorded_on_the_page_is_counted(login, commune_officer, hotspot):
    for kind, day in ((E.ACTION_STARTED, D(2026, 2, 1)), (E.ELIMINATED, D(2026, 3, 1))):
        record_event(commune_officer, hotspot, kind, day)
    response = login(commune_officer).post(
        reverse("hotspots:event-record", args=[hotspot.pk]),
        {"kind": E.REACTIVATED, "occurred_on": "01/05/2026", "version": hotspot.version},
    )
    assert response.status_code == 302
    body = login(commune_officer).get(reverse("hotspots:detail", args=[hotspot.pk])).content.decode()
    assert 'data-testid="reactivation-count">1<' in body


def test_an_inspector_cannot_record_an_event(login, inspector, hotspot):
    response = login(inspector).post(
        reverse("hotspots:event-record", args=[hotspot.pk]),
        {"kind": E.ACTION_STARTED, "occurred_on": "01/02/2026", "version": 1},
    )
    assert response.status_code == 403


def test_deleting_from_the_page_needs_a_reason_and_hides_the_hotspot(login, commune_officer, hotspot):
    client = login(commune_officer)
    refused = client.post(reverse("hotspots:delete", args=[hotspot.pk]), {"reason": "", "version": 1})
    assert refused.status_code == 400
    done = client.post(reverse("hotspots:delete", args=[hotspot.pk]), {"reason": "Nhập trùng", "version": 1})
    assert done.status_code == 302 and done["Location"] == reverse("hotspots:list")
    assert client.get(reverse("hotspots:detail", args=[hotspot.pk])).status_code == 404


# --- map and export -----------------------------------------------------------------------------------------


def test_the_map_page_loads_leaflet_from_our_static_files(login, police_officer):
    body = login(police_officer).get(reverse("hotspots:map")).content.decode()
    assert "/static/vendor/leaflet/leaflet.js" in body
    assert "/static/hotspots/hotspot_map.js" in body
    assert f'data-url="{reverse("hotspots:map-data")}"' in body
    assert "tile.openstreetmap" not in body and "https://" not in body.split("<body")[1].split("<footer")[0]


def test_the_map_page_passes_its_filters_to_the_data(login, police_officer, commune):
    body = login(police_officer).get(reverse("hotspots:map"), {"unit": commune.code}).content.decode()
    assert f'data-url="{reverse("hotspots:map-data")}?unit={commune.code}"' in body


def test_the_map_data_are_scoped_to_the_jurisdiction(login, commune_officer, hotspot, there, far_away):
    data = login(commune_officer).get(reverse("hotspots:map-data")).json()
    assert [row["name"] for row in data["hotspots"]] == ["Khu vực bờ kè suối Nậm La"]
    assert data["hotspots"][0]["url"] == hotspot.get_absolute_url()
    assert data["hotspots"][0]["approximate"] is True
    assert [commune["name"] for commune in data["communes"]] == ["Phường Tô Hiệu"]


def test_the_map_data_of_another_province_contain_nothing_of_son_la(login, other_province_officer, hotspot):
    data = login(other_province_officer).get(reverse("hotspots:map-data")).json()
    assert data["hotspots"] == []
    assert "Phường Tô Hiệu" not in {commune["name"] for commune in data["communes"]}


def test_bad_map_filters_get_a_400_with_vietnamese_errors(login, police_officer):
    response = login(police_officer).get(reverse("hotspots:map-data"), {"status": "closed"})
    assert response.status_code == 400
    assert "status" in response.json()["errors"]


def test_the_excel_export_lists_the_filtered_hotspots(
    login, province_officer, commune, hotspot, there, far_away
):
    response = login(province_officer).get(reverse("hotspots:export"), {"unit": commune.code})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("STT", "Tên, mô tả địa điểm", "Loại điểm", "Xã, phường")
    assert [row[1] for row in rows[1:]] == ["Khu vực bờ kè suối Nậm La"]
    assert rows[1][7] == "Mới phát hiện"
    assert sheet.cell(row=2, column=9).number_format == "DD/MM/YYYY"
