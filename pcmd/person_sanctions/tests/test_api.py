import pytest
from django.urls import reverse

from pcmd.person_sanctions.models import PersonSanctionTally
from pcmd.person_sanctions.tests.factories import tally_via_services

LIST = reverse("api-person-sanction-list")
SUMMARY = reverse("api-person-sanction-summary")


def detail_url(tally) -> str:
    return reverse("api-person-sanction-detail", args=[tally.pk])


@pytest.fixture
def tally(police_officer, commune, buying_sex):
    return tally_via_services(police_officer, commune, buying_sex)


@pytest.fixture
def payload(commune, buying_sex):
    return {
        "unit": commune.code,
        "period_start": "2026-01-01",
        "period_end": "2026-06-30",
        "act": "buying_sex",
        "provision": buying_sex.pk,
        "persons_count": 6,
        "decisions_count": 5,
        "total_fines": 7_500_000,
    }


def test_a_tally_is_created_and_listed(api, police_officer, payload, buying_sex):
    client = api(police_officer)
    created = client.post(LIST, payload, format="json")
    assert created.status_code == 201
    assert created.json()["provision"]["reference"] == buying_sex.reference
    [item] = client.get(LIST).json()["results"]
    assert (item["act"], item["persons_count"], item["total_fines"]) == ("buying_sex", 6, 7_500_000)


def test_the_list_filters_by_unit_period_and_act(api, police_officer, tally, other_commune, buying_sex):
    tally_via_services(police_officer, other_commune, buying_sex, act="selling_sex")
    client = api(police_officer)
    assert [t["id"] for t in client.get(LIST, {"act": "buying_sex"}).json()["results"]] == [tally.pk]
    assert len(client.get(LIST, {"unit": other_commune.code}).json()["results"]) == 1
    assert client.get(LIST, {"year": 2025}).json()["results"] == []
    assert (
        len(client.get(LIST, {"period_from": "2026-06-01", "period_to": "2026-06-30"}).json()["results"]) == 2
    )


def test_bad_filters_are_field_errors(api, police_officer):
    response = api(police_officer).get(
        LIST, {"act": "theft", "period_from": "2026-06-30", "period_to": "2026-01-01"}
    )
    assert response.status_code == 400
    assert response.json()["errors"]["act"] == ["«theft» không phải là lựa chọn hợp lệ."]


def test_bad_input_gets_vietnamese_field_errors(api, police_officer, payload, organisation_provision):
    response = api(police_officer).post(
        LIST,
        {**payload, "provision": organisation_provision.pk, "period_end": "2025-12-31", "persons_count": -1},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["persons_count"] == ["Giá trị phải lớn hơn hoặc bằng 0."]
    # the domain checks run once the input parses
    response = api(police_officer).post(
        LIST, {**payload, "provision": organisation_provision.pk, "period_end": "2025-12-31"}, format="json"
    )
    errors = response.json()["errors"]
    assert errors["period_end"] == ["Ngày kết thúc kỳ không được trước ngày bắt đầu."]
    assert errors["provision"] == [
        f"Căn cứ «{organisation_provision.reference}» áp dụng cho tổ chức, không áp dụng cho cá nhân."
    ]
    assert not PersonSanctionTally.objects.exists()


def test_fines_outside_the_range_are_a_field_error(api, police_officer, payload):
    response = api(police_officer).post(LIST, {**payload, "total_fines": 100}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["total_fines"] == [
        "Tổng tiền phạt của 6 lượt người theo căn cứ này phải từ 6.000.000 đến 12.000.000 đồng."
    ]


def test_an_unknown_provision_is_a_field_error(api, police_officer, payload):
    response = api(police_officer).post(LIST, {**payload, "provision": 987654}, format="json")
    assert response.json()["errors"]["provision"] == ["Không tìm thấy căn cứ xử phạt có mã 987654."]


def test_a_unit_of_another_province_is_unknown(api, police_officer, payload, other_province):
    response = api(police_officer).post(LIST, {**payload, "unit": other_province.code}, format="json")
    assert response.status_code == 400
    assert "unit" in response.json()["errors"]


def test_a_tally_outside_the_jurisdiction_is_not_found(api, other_province_police_officer, tally):
    client = api(other_province_police_officer)
    assert client.get(detail_url(tally)).status_code == 404
    assert client.patch(detail_url(tally), {"version": 1, "note": "x"}, format="json").status_code == 404
    assert client.get(LIST).json()["results"] == []


@pytest.mark.parametrize("persona", ["province_officer", "commune_officer", "case_worker"])
def test_the_tallies_are_refused_without_the_capability(api, request, persona, tally, payload):
    client = api(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 403
    assert client.post(LIST, payload, format="json").status_code == 403
    assert client.get(detail_url(tally)).status_code == 403


def test_a_correction_needs_the_current_version(api, police_officer, tally):
    client = api(police_officer)
    ok = client.patch(detail_url(tally), {"version": 1, "note": "Đã đối chiếu"}, format="json")
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.patch(detail_url(tally), {"version": 1, "note": "Cũ"}, format="json")
    assert stale.status_code == 400 and "phiên bản hiện tại: 2" in stale.json()["errors"]["version"][0]
    tally.refresh_from_db()
    assert tally.note == "Đã đối chiếu"


def test_the_summary_is_suppressed_for_other_readers(
    api, police_officer, province_officer, commune, buying_sex, tally
):
    tally_via_services(
        police_officer,
        commune,
        buying_sex,
        act="selling_sex",
        persons_count=3,
        decisions_count=3,
        total_fines=3_000_000,
    )
    coordinator = api(province_officer).get(SUMMARY).json()
    assert coordinator["suppressed"] is True
    rows = {row["act"]: row for row in coordinator["rows"]}
    selling = rows["selling_sex"]
    assert (selling["persons"], selling["decisions"], selling["total_fines"]) == ("<5", "<5", None)
    assert rows["buying_sex"]["persons"] == 6
    police = {row["act"]: row for row in api(police_officer).get(SUMMARY).json()["rows"]}
    assert police["selling_sex"]["persons"] == 3 and police["selling_sex"]["total_fines"] == 3_000_000


def test_the_summary_of_another_province_is_empty(api, other_province_police_officer, tally):
    assert api(other_province_police_officer).get(SUMMARY).json()["rows"] == []


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get(reverse("api-schema"), {"format": "json"}).json()["paths"]
    assert "post" in paths["/api/v1/person-sanctions/"] and "/api/v1/person-sanctions/summary/" in paths
