import datetime

import pytest
from django.urls import reverse

from pcmd.audit.models import AccessLog
from pcmd.criminal_cases import services
from pcmd.criminal_cases.models import CriminalCase, Stage
from pcmd.criminal_cases.tests.factories import case_via_services, record_stage
from pcmd.hotspots.tests.factories import HotspotFactory

D = datetime.date
LIST = reverse("api-criminal-case-list")
STATISTICS = reverse("api-criminal-case-statistics")


def detail_url(case) -> str:
    return reverse("api-criminal-case-detail", args=[case.pk])


def stages_url(case) -> str:
    return reverse("api-criminal-case-stages", args=[case.pk])


def offenders_url(case) -> str:
    return reverse("api-criminal-case-offenders", args=[case.pk])


@pytest.fixture
def payload(commune, province_police):
    return {
        "unit": commune.code,
        "agency": province_police.pk,
        "number": "20/2026/VA",
        "article": "329",
        "uncovered_on": "2026-03-01",
        "victims_count": 1,
        "minor_victims_count": 1,
        "summary": "Mua dâm người dưới 18 tuổi tại nhà nghỉ.",
    }


def test_the_police_list_the_cases_of_their_jurisdiction(
    api, police_officer, case, other_province_police_officer
):
    response = api(police_officer).get(LIST)
    assert response.status_code == 200
    [item] = response.json()["results"]
    assert (item["number"], item["stage"], item["offenders_count"]) == ("01/2026/VA", "uncovered", 0)
    assert item["article_display"] == "Điều 327 — Chứa mại dâm"
    assert "full_name" not in str(item)


def test_the_list_filters(api, police_officer, case, commune, province_police):
    other = case_via_services(police_officer, commune, province_police, number="02/2026", article="328")
    record_stage(police_officer, other, Stage.PROSECUTED, D(2026, 2, 1))
    client = api(police_officer)
    assert [c["number"] for c in client.get(LIST, {"stage": "prosecuted"}).json()["results"]] == ["02/2026"]
    assert [c["number"] for c in client.get(LIST, {"article": "327"}).json()["results"]] == ["01/2026/VA"]
    assert client.get(LIST, {"year": 2025}).json()["results"] == []


def test_a_bad_filter_is_a_field_error(api, police_officer):
    response = api(police_officer).get(LIST, {"stage": "closed", "unit": "99999"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["stage"] == ["«closed» không phải là lựa chọn hợp lệ."]
    assert errors["unit"] == ["Không tìm thấy đơn vị hành chính có mã «99999» trong phạm vi của bạn."]


@pytest.mark.parametrize("persona", ["commune_officer", "case_worker", "province_officer"])
def test_users_without_the_capability_are_refused(api, request, persona, case):
    client = api(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 403
    assert client.get(detail_url(case)).status_code == 403


def test_anonymous_callers_are_refused(api, case):
    assert api().get(LIST).status_code in (401, 403)


def test_a_case_is_created(api, police_officer, payload, commune, commune_police):
    hotspot = HotspotFactory.create(unit=commune, identified_by=commune_police)
    response = api(police_officer).post(LIST, {**payload, "hotspots": [hotspot.pk]}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert (body["stage"], body["next_stage"], body["version"]) == ("uncovered", "prosecuted", 1)
    assert [h["id"] for h in body["hotspots"]] == [hotspot.pk]
    assert [e["stage"] for e in body["stage_events"]] == ["uncovered"]
    assert CriminalCase.objects.get().minor_victims_count == 1


def test_bad_input_gets_vietnamese_field_errors(api, police_officer, payload):
    response = api(police_officer).post(
        LIST,
        {**payload, "uncovered_on": "30/02/2026", "victims_count": -1, "article": "999", "hotspots": "x"},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["uncovered_on"] == ["Ngày không hợp lệ. Dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd."]
    assert errors["article"] == ["«999» không phải là lựa chọn hợp lệ."]
    assert "victims_count" in errors and errors["hotspots"] == ["Cần một danh sách mã (id)."]
    assert not CriminalCase.objects.exists()


def test_domain_errors_are_field_errors(api, police_officer, payload):
    response = api(police_officer).post(
        LIST, {**payload, "victims_count": 0, "uncovered_on": "2026-07-02"}, format="json"
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["minor_victims_count"] == [
        "Số nạn nhân dưới 18 tuổi không được lớn hơn tổng số nạn nhân (0)."
    ]
    assert errors["uncovered_on"] == ["Ngày không được sau ngày hôm nay (30/06/2026)."]


def test_a_unit_or_agency_outside_the_jurisdiction_is_unknown(
    api, commune_police_officer, payload, other_commune, other_province_police
):
    response = api(commune_police_officer).post(
        LIST, {**payload, "unit": other_commune.code, "agency": other_province_police.pk}, format="json"
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["unit"] == [
        f"Không tìm thấy đơn vị hành chính có mã «{other_commune.code}» trong phạm vi của bạn."
    ]
    assert errors["agency"] == [
        f"Không tìm thấy cơ quan có mã {other_province_police.pk} trong số cơ quan có thể chọn."
    ]


@pytest.mark.parametrize("persona", ["other_province_police_officer", "other_commune_police_officer"])
def test_a_case_outside_the_jurisdiction_is_not_found(api, request, persona, case):
    client = api(request.getfixturevalue(persona))
    assert client.get(detail_url(case)).status_code == 404
    assert (
        client.patch(detail_url(case), {"version": 1, "victims_count": 9}, format="json").status_code == 404
    )
    assert client.get(stages_url(case)).status_code == 404
    stage = {"stage": "prosecuted", "occurred_on": "2026-02-01", "version": 1}
    assert client.post(stages_url(case), stage, format="json").status_code == 404
    assert client.get(offenders_url(case), {"reason": "Xem"}).status_code == 404
    assert not AccessLog.objects.exists()


def test_an_update_needs_the_current_version(api, police_officer, case):
    client = api(police_officer)
    ok = client.patch(detail_url(case), {"version": 1, "victims_count": 4}, format="json")
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.patch(detail_url(case), {"version": 1, "victims_count": 7}, format="json")
    assert stale.status_code == 400
    assert "phiên bản hiện tại: 2" in stale.json()["errors"]["version"][0]
    missing = client.patch(detail_url(case), {"victims_count": 7}, format="json")
    assert missing.json()["errors"]["version"] == ["Trường này là bắt buộc."]
    case.refresh_from_db()
    assert case.victims_count == 4


def test_stages_are_recorded_through_the_api(api, police_officer, case, court):
    client = api(police_officer)
    first = client.post(
        stages_url(case), {"stage": "prosecuted", "occurred_on": "2026-02-01", "version": 1}, format="json"
    )
    assert first.status_code == 201 and first.json()["from_stage"] == "uncovered"
    client.post(
        stages_url(case), {"stage": "indicted", "occurred_on": "2026-03-01", "version": 2}, format="json"
    )
    trial = client.post(
        stages_url(case),
        {
            "stage": "tried",
            "occurred_on": "2026-04-01",
            "version": 3,
            "agency": court.pk,
            "mobile_trial": True,
        },
        format="json",
    )
    assert trial.status_code == 201 and trial.json()["mobile_trial"] is True
    assert [e["stage"] for e in client.get(stages_url(case)).json()] == [
        "uncovered",
        "prosecuted",
        "indicted",
        "tried",
    ]


def test_a_stage_out_of_order_is_a_field_error(api, police_officer, case):
    response = api(police_officer).post(
        stages_url(case), {"stage": "judged", "occurred_on": "2026-02-01", "version": 1}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["stage"] == [
        "Không thể ghi nhận «Đã có bản án» khi vụ án đang ở giai đoạn «Phát hiện». "
        "Giai đoạn tiếp theo: Khởi tố."
    ]


def test_a_stage_on_a_stale_case_is_refused(api, police_officer, case):
    services.criminal_case_update(actor=police_officer, case=case, version=1, changes={"victims_count": 3})
    response = api(police_officer).post(
        stages_url(case), {"stage": "prosecuted", "occurred_on": "2026-02-01", "version": 1}, format="json"
    )
    assert response.status_code == 400 and "version" in response.json()["errors"]


def test_offenders_are_added_and_read_with_a_logged_reason(api, police_officer, case):
    client = api(police_officer)
    added = client.post(
        offenders_url(case),
        {"role": "broker", "full_name": "Lò Văn Mối", "sex": "male", "birth_year": 1990},
        format="json",
    )
    assert added.status_code == 201
    # without a reason: refused, not logged
    refused = client.get(offenders_url(case))
    assert refused.status_code == 400 and refused.json()["errors"]["reason"] == ["Trường này là bắt buộc."]
    assert not AccessLog.objects.exists()
    # with a reason
    response = client.get(offenders_url(case), {"reason": "Lập báo cáo"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert [o["full_name"] for o in response.json()] == ["Lò Văn Mối"]
    assert AccessLog.objects.get().reason == "Lập báo cáo"


def test_a_bad_offender_is_a_field_error(api, police_officer, case):
    response = api(police_officer).post(
        offenders_url(case),
        {"role": "boss", "full_name": "", "sex": "male", "birth_year": 1800},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["role"] == ["«boss» không phải là lựa chọn hợp lệ."]
    assert errors["full_name"] == ["Trường này không được để trắng."]


def test_statistics_through_the_api_are_suppressed_for_the_coordinator(
    api, province_officer, police_officer, case
):
    params = {"period_start": "2026-01-01", "period_end": "2026-06-30"}
    coordinator = api(province_officer).get(STATISTICS, params).json()
    assert coordinator["suppressed"] is True
    assert coordinator["total"]["stages"][0] == {"stage": "uncovered", "cases": "<5", "offenders": 0}
    police = api(police_officer).get(STATISTICS, params).json()
    assert police["total"]["stages"][0]["cases"] == 1
    assert police["rows"][0]["unit"]["code"] == case.unit.code


def test_statistics_need_a_valid_period(api, police_officer):
    response = api(police_officer).get(STATISTICS, {"period_start": "2026-06-30", "period_end": "2026-01-01"})
    assert response.status_code == 400
    assert response.json()["errors"]["period_end"] == ["Ngày kết thúc không được trước ngày bắt đầu."]


def test_statistics_are_refused_to_case_workers(api, case_worker):
    params = {"period_start": "2026-01-01", "period_end": "2026-06-30"}
    assert api(case_worker).get(STATISTICS, params).status_code == 403


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get(reverse("api-schema"), {"format": "json"}).json()["paths"]
    assert "/api/v1/criminal-cases/" in paths and "post" in paths["/api/v1/criminal-cases/{case_id}/stages/"]
    assert "/api/v1/criminal-cases/statistics/" in paths
