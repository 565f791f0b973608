import json

import pytest
from django.urls import reverse

from pcmd.audit.models import AccessLog
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.tips.models import TipMessage, TipStatus
from pcmd.tips.tests.factories import INFORMANT_NAME, INFORMANT_PHONE, TIP_TEXT, walk

S = TipStatus
LIST = reverse("api-tip-list")


def detail_url(tip):
    return reverse("api-tip-detail", args=[tip.pk])


def transitions_url(tip):
    return reverse("api-tip-transitions", args=[tip.pk])


def messages_url(tip):
    return reverse("api-tip-messages", args=[tip.pk])


def test_the_queue_is_scoped_and_carries_neither_content_nor_informant(
    api, commune_officer, commune_tip, other_commune_tip, other_province_tip
):
    response = api(commune_officer).get(LIST)
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [commune_tip.pk]
    raw = json.dumps(response.json(), ensure_ascii=False)
    assert "content" not in response.json()["results"][0]
    for secret in (INFORMANT_NAME, INFORMANT_PHONE, TIP_TEXT):
        assert secret not in raw


def test_the_queue_filters_by_status_unit_and_overdue(api, province_officer, commune_tip, province_tip):
    walk(commune_tip, province_officer, S.VERIFYING)
    client = api(province_officer)
    assert [r["id"] for r in client.get(LIST, {"status": "verifying"}).json()["results"]] == [commune_tip.pk]
    assert [r["id"] for r in client.get(LIST, {"unit": "04105"}).json()["results"]] == [commune_tip.pk]
    assert client.get(LIST, {"overdue": "true"}).json()["results"] == []


def test_a_bad_filter_is_a_400_in_vietnamese(api, province_officer):
    response = api(province_officer).get(LIST, {"unit": "99"})
    assert response.status_code == 400
    assert response.json()["errors"]["unit"] == [
        "Không tìm thấy đơn vị hành chính có mã «99» trong phạm vi của bạn."
    ]


def test_case_workers_get_403_and_anonymous_401(api, case_worker, commune_tip):
    assert api(case_worker).get(LIST).status_code == 403
    assert api().get(LIST).status_code == 401


def test_the_detail_has_the_content_logs_the_read_and_never_the_informant(api, commune_officer, commune_tip):
    response = api(commune_officer).get(detail_url(commune_tip))
    body = response.json()
    assert body["content"] == TIP_TEXT and body["has_informant"] is True
    assert body["allowed_transitions"] == ["verifying"]
    raw = json.dumps(body, ensure_ascii=False)
    assert INFORMANT_NAME not in raw and INFORMANT_PHONE not in raw
    assert AccessLog.objects.get().purpose == AccessLog.Purpose.VIEW


@pytest.mark.parametrize("persona", ["other_commune_officer", "other_province_officer"])
def test_outsiders_get_404(api, persona, request, commune_tip):
    client = api(request.getfixturevalue(persona))
    assert client.get(detail_url(commune_tip)).status_code == 404
    assert client.get(transitions_url(commune_tip)).status_code == 404
    assert client.post(messages_url(commune_tip), {"body": "x"}, format="json").status_code == 404


def test_a_transition_through_the_api(api, commune_officer, commune_tip, commune):
    client = api(commune_officer)
    walk(commune_tip, commune_officer, S.VERIFYING)
    place = EstablishmentFactory.create(unit=commune)
    # when
    response = client.post(
        transitions_url(commune_tip),
        {
            "to_status": "classified",
            "version": commune_tip.version,
            "establishment": place.pk,
            "persons_count": 3,
        },
        format="json",
    )
    # then
    assert response.status_code == 200
    assert response.json()["status"] == "classified" and response.json()["establishment"] == place.pk
    history = client.get(transitions_url(commune_tip)).json()
    assert history["allowed"] == ["handled"]
    assert [e["to_status"] for e in history["events"]] == ["received", "verifying", "classified"]
    assert history["events"][1]["actor"] == commune_officer.username


def test_a_refused_transition_is_a_400_with_the_fields(api, commune_officer, commune_tip):
    response = api(commune_officer).post(
        transitions_url(commune_tip), {"to_status": "closed", "version": 1}, format="json"
    )
    assert response.status_code == 400
    assert "Bước tiếp theo được phép: Đang xác minh." in response.json()["errors"]["to_status"][0]
    stale = api(commune_officer).post(
        transitions_url(commune_tip), {"to_status": "verifying", "version": 7}, format="json"
    )
    assert stale.status_code == 400 and "version" in stale.json()["errors"]


def test_an_establishment_outside_the_officers_reach_is_a_400(
    api, commune_officer, commune_tip, other_commune
):
    walk(commune_tip, commune_officer, S.VERIFYING)
    elsewhere = EstablishmentFactory.create(unit=other_commune)
    response = api(commune_officer).post(
        transitions_url(commune_tip),
        {"to_status": "classified", "version": commune_tip.version, "establishment": elsewhere.pk},
        format="json",
    )
    assert response.status_code == 400 and "establishment" in response.json()["errors"]


def test_messages_through_the_api(api, commune_officer, commune_tip):
    client = api(commune_officer)
    created = client.post(messages_url(commune_tip), {"body": "Xin thêm thông tin."}, format="json")
    assert created.status_code == 201 and created.json()["sender"] == "officer"
    assert [m["body"] for m in client.get(messages_url(commune_tip)).json()] == ["Xin thêm thông tin."]
    assert client.post(messages_url(commune_tip), {"body": ""}, format="json").status_code == 400
    assert TipMessage.objects.count() == 1


def test_the_tip_endpoints_are_in_the_openapi_schema(client):
    paths = client.get(reverse("api-schema"), {"format": "json"}).json()["paths"]
    assert "/api/v1/tips/" in paths and "post" in paths["/api/v1/tips/{tip_id}/transitions/"]
    assert "post" in paths["/api/v1/public/tips/"] and "post" in paths["/api/v1/public/tips/status"]
