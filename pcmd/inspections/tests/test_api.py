import datetime

from django.urls import reverse

from pcmd.core.services import today
from pcmd.inspections import services
from pcmd.inspections.models import FollowUp, Inspection, SanctionDecision, Violation
from pcmd.legal.tests.factories import LegalDocumentFactory, LegalProvisionFactory

D = datetime.date


def create_body(team, establishment, members, **overrides):
    body = {
        "team": team.pk,
        "establishment": establishment.pk,
        "mode": "announced",
        "started_at": "2026-04-02T09:00",
        "ended_at": "2026-04-02T10:30",
        "members_present": [m.pk for m in members],
        "checklist": [{"item": "luat-pcmd", "outcome": "ok"}, {"item": "kham-suc-khoe", "outcome": "not_ok"}],
        "findings": "Chưa khám sức khỏe cho 2 người lao động.",
        "minutes_number": "05/BB",
    }
    return {**body, **overrides}


# --- inspections --------------------------------------------------------------------------------------------


def test_an_inspector_records_an_inspection_through_the_api(
    api, inspector, provincial_team, hoa_hong, leader
):
    response = api(inspector).post(
        "/api/v1/inspections/", create_body(provincial_team, hoa_hong, [leader]), format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["establishment"]["name"] == "Karaoke Hoa Hồng"
    assert [row["item"] for row in body["checklist"]] == ["luat-pcmd", "kham-suc-khoe"]
    assert body["members_present"] == [{"id": leader.pk, "full_name": "Hà Văn Kiểm", "team_role": "leader"}]
    assert Inspection.objects.get().minutes_number == "05/BB"


def test_bad_input_is_400_with_vietnamese_field_errors(api, inspector, provincial_team, hoa_hong, leader):
    response = api(inspector).post(
        "/api/v1/inspections/",
        create_body(
            provincial_team,
            hoa_hong,
            [leader],
            started_at="hôm qua",
            mode="bí mật",
            checklist=[{"item": "khong-co", "outcome": "ok"}],
        ),
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["started_at"] == ["Thời điểm không hợp lệ. Dùng dạng ISO 8601, ví dụ 2026-03-10T20:30."]
    assert errors["mode"] == ["«bí mật» không phải là lựa chọn hợp lệ."]
    assert "checklist" in errors
    assert not Inspection.objects.exists()


def test_a_future_inspection_is_a_400_from_the_service_rule(
    api, inspector, provincial_team, hoa_hong, leader
):
    future = (today() + datetime.timedelta(days=3)).isoformat()
    response = api(inspector).post(
        "/api/v1/inspections/",
        create_body(provincial_team, hoa_hong, [leader], started_at=f"{future}T09:00", ended_at=None),
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["started_at"] == ["Ngày kiểm tra không được sau ngày hôm nay."]


def test_an_establishment_of_another_province_is_unknown(
    api, inspector, provincial_team, lai_chau_bar, leader
):
    response = api(inspector).post(
        "/api/v1/inspections/", create_body(provincial_team, lai_chau_bar, [leader]), format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["establishment"] == [
        f"Không tìm thấy mã {lai_chau_bar.pk} trong phạm vi của bạn."
    ]


def test_the_list_is_scoped_and_filtered(api, province_officer, other_province_officer, inspection):
    rows = (
        api(province_officer).get("/api/v1/inspections/", {"year": 2026, "unit": "04105"}).json()["results"]
    )
    assert [row["id"] for row in rows] == [inspection.pk]
    assert api(province_officer).get("/api/v1/inspections/", {"year": 2025}).json()["count"] == 0
    assert api(other_province_officer).get("/api/v1/inspections/").json()["count"] == 0
    assert api(other_province_officer).get(f"/api/v1/inspections/{inspection.pk}/").status_code == 404


def test_a_case_worker_is_refused_and_anonymous_must_log_in(api, case_worker, inspection):
    assert api(case_worker).get("/api/v1/inspections/").status_code == 403
    assert api().get("/api/v1/inspections/").status_code == 401


def test_patch_needs_the_current_version(api, inspector, inspection):
    client = api(inspector)
    url = f"/api/v1/inspections/{inspection.pk}/"
    assert client.patch(url, {"version": 1, "findings": "Đã sửa"}, format="json").json()["version"] == 2
    stale = client.patch(url, {"version": 1, "findings": "Lại sửa"}, format="json")
    assert stale.status_code == 400 and "version" in stale.json()["errors"]


# --- violations, sanctions, follow-ups ----------------------------------------------------------------------


def test_violation_with_a_provision_not_valid_on_the_day_is_400(api, inspector, inspection):
    old = LegalProvisionFactory.create(
        document=LegalDocumentFactory.create(effective_from=D(2020, 1, 1)),
        valid_from=D(2020, 1, 1),
        valid_to=D(2021, 12, 31),
    )
    response = api(inspector).post(
        "/api/v1/violations/",
        {"inspection": inspection.pk, "act": "Hành vi", "provision": old.pk},
        format="json",
    )
    assert response.status_code == 400
    assert "không áp dụng vào ngày kiểm tra 10/03/2026" in response.json()["errors"]["provision"][0]
    assert not Violation.objects.exists()


def test_violations_are_listed_by_status(api, province_officer, violation):
    assert api(province_officer).get("/api/v1/violations/", {"status": "open"}).json()["count"] == 1
    assert api(province_officer).get("/api/v1/violations/", {"status": "closed"}).json()["count"] == 0
    assert api(province_officer).get("/api/v1/violations/", {"status": "x"}).status_code == 400


def test_a_sanction_with_a_fine_out_of_range_is_400_on_lines(api, police_officer, police_agency, violation):
    body = {
        "inspection": violation.inspection.pk,
        "number": "40/QĐ-XPHC",
        "decided_on": "2026-03-16",
        "authority": "Giám đốc Công an tỉnh",
        "agency": police_agency.pk,
        "lines": [{"violation": violation.pk, "fine_amount": 50_000_000}],
    }
    client = api(police_officer)
    response = client.post("/api/v1/sanctions/", body, format="json")
    assert response.status_code == 400
    assert "phải từ 5.000.000 đến 10.000.000 đồng" in response.json()["errors"]["lines"][0]
    ok = client.post(
        "/api/v1/sanctions/",
        {**body, "lines": [{"violation": violation.pk, "fine_amount": 8_000_000}]},
        format="json",
    )
    assert ok.status_code == 201 and ok.json()["fine_total"] == 8_000_000
    assert client.get("/api/v1/sanctions/", {"unpaid": "true"}).json()["count"] == 1
    paid = client.post(
        f"/api/v1/sanctions/{ok.json()['id']}/payment/", {"paid_on": "2026-03-20"}, format="json"
    )
    assert paid.json()["payment_status"] == "paid"
    assert client.get("/api/v1/sanctions/", {"unpaid": "true"}).json()["count"] == 0


def test_an_inspector_may_not_post_sanctions(api, inspector, police_agency, violation):
    response = api(inspector).post(
        "/api/v1/sanctions/",
        {
            "inspection": violation.inspection.pk,
            "number": "1",
            "decided_on": "2026-03-16",
            "authority": "x",
            "agency": police_agency.pk,
            "lines": [{"violation": violation.pk, "fine_amount": 6_000_000}],
        },
        format="json",
    )
    assert response.status_code == 403
    assert not SanctionDecision.objects.exists()


def test_follow_ups_scheduled_and_listed_overdue(api, inspector, violation):
    client = api(inspector)
    early = client.post(
        "/api/v1/follow-ups/", {"violation": violation.pk, "due_on": "2026-03-01"}, format="json"
    )
    assert early.status_code == 400
    assert early.json()["errors"]["due_on"] == [
        "Hạn hậu kiểm không được trước ngày phát hiện vi phạm (10/03/2026)."
    ]
    created = client.post(
        "/api/v1/follow-ups/", {"violation": violation.pk, "due_on": "2026-03-31"}, format="json"
    )
    assert created.status_code == 201 and created.json()["is_overdue"] is True
    assert [
        row["id"] for row in client.get("/api/v1/follow-ups/", {"overdue": "true"}).json()["results"]
    ] == [created.json()["id"]]
    assert FollowUp.objects.count() == 1


def test_follow_ups_of_another_province_are_hidden(api, other_province_officer, inspector, violation):
    follow_up = services.follow_up_schedule(actor=inspector, violation=violation, due_on=D(2026, 4, 1))
    assert api(other_province_officer).get("/api/v1/follow-ups/").json()["count"] == 0
    assert api(other_province_officer).get(f"/api/v1/follow-ups/{follow_up.pk}/").status_code == 404


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get(reverse("api-schema"), {"format": "json"}).json()["paths"]
    for path in ("/api/v1/inspections/", "/api/v1/violations/", "/api/v1/sanctions/", "/api/v1/follow-ups/"):
        assert path in paths
    assert "/api/v1/legal-references/" in paths
