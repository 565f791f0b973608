"""The planning API: scoping (404 outside, 403 for a reader who may not write), a plan's life over HTTP,
service rules as 400 field errors in Vietnamese, the reporting calendar, the cascade, tasks and progress,
downloads."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from pcmd.agencies.models import Agency, AgencyKind
from pcmd.planning.models import Plan, PlanArea, Task, TaskProgress
from pcmd.planning.tests.conftest import make_draft

D = datetime.date
PDF = b"%PDF-1.4\n% minh chung\n"
FORBIDDEN = "Bạn không có quyền thực hiện thao tác này."
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def api():
    def _as(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return _as


@pytest.fixture
def on_first_of_july(monkeypatch):
    """Today is 01/07/2026 for what the API reads (overdue tasks); services keep the real day."""
    monkeypatch.setattr("pcmd.planning.selectors.today", lambda: D(2026, 7, 1))
    monkeypatch.setattr("pcmd.planning.api.today", lambda: D(2026, 7, 1))


@pytest.fixture
def lead_task(issued_plan) -> Task:
    """The communication task led by the culture department (police coordinating), due 31/03/2026."""
    return issued_plan.tasks.get(lead_agency__kind=AgencyKind.CULTURE_SPORTS_TOURISM)


@pytest.fixture
def hotspot_task(issued_plan) -> Task:
    """The continuous hotspot task led by the police (no due date)."""
    return issued_plan.tasks.get(lead_agency__kind=AgencyKind.POLICE)


def plan_url(plan: Plan, tail: str = "") -> str:
    return f"/api/v1/plans/{plan.pk}/{tail}"


def new_plan_body(agency: Agency, **overrides):
    body = {
        "issuing_agency": agency.pk,
        "issued_place": "Sơn La",
        "title": "Kế hoạch phòng, chống mại dâm năm 2026 (bổ sung)",
        "kind": "thematic",
        "period_start": "2026-01-01",
        "period_end": "31/12/2026",
        "purpose": "Tăng cường kiểm tra các cơ sở kinh doanh dịch vụ.",
        "signer_on_behalf_of": "ỦY BAN NHÂN DÂN",
        "signer_authority": "KT.",
        "signer_principal_title": "CHỦ TỊCH",
        "signer_position": "PHÓ CHỦ TỊCH",
        "signer_name": "Đặng Ngọc Hậu",
        "legal_bases": [
            "Căn cứ Pháp lệnh Phòng, chống mại dâm năm 2003;",
            "Căn cứ Nghị định số 178/2004/NĐ-CP;",
        ],
        "recipients": ["Lưu: VT, KGVX.", "Bộ Y tế;", "Sở Y tế;"],
    }
    body.update(overrides)
    return body


def measurable_target(**overrides):
    body = {
        "area": PlanArea.INSPECTION,
        "statement": "Ít nhất 30% cơ sở kinh doanh dịch vụ được kiểm tra",
        "indicator_key": "establishments_inspected_year",
        "comparator": "gte",
        "value": "30",
        "measure_unit": "percent",
        "due_year": 2026,
    }
    body.update(overrides)
    return body


def errors_of(response) -> dict:
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid"
    return body["errors"]


# --- reading and scoping ------------------------------------------------------------------------------------


def test_the_plan_list_is_scoped_paginated_and_dated_in_iso(api, province_officer, issued_plan):
    response = api(province_officer).get("/api/v1/plans/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["reference"] == "35/KH-UBND"
    assert (row["issued_on"], row["period_start"], row["period_end"]) == (
        "2026-02-10",
        "2026-01-01",
        "2026-12-31",
    )
    assert row["issuing_unit"] == {
        "code": "14",
        "name": "Tỉnh Sơn La",
        "level": "province",
        "is_legacy": False,
    }
    assert row["issuing_agency"]["name"] == "Ủy ban nhân dân tỉnh Sơn La"
    assert (row["status"], row["status_display"]) == ("issued", "Đã ban hành")


def test_another_province_sees_no_plan_of_son_la(api, other_province_officer, issued_plan):
    assert api(other_province_officer).get("/api/v1/plans/").json()["count"] == 0


def test_the_list_filters_by_text_unit_year_status_and_kind(
    api, province_officer, son_la, provincial_committee, issued_plan
):
    draft = make_draft(
        province_officer,
        son_la,
        provincial_committee,
        title="Kế hoạch kiểm tra cơ sở kinh doanh dịch vụ 2027",
        kind=Plan.Kind.THEMATIC,
        period_start=D(2027, 1, 1),
        period_end=D(2027, 12, 31),
    )
    client = api(province_officer)

    def ids(**params):
        response = client.get("/api/v1/plans/", params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids() == [draft.pk, issued_plan.pk]  # newest period first
    assert ids(q="KE HOACH KIEM TRA") == [draft.pk]  # without diacritics or case
    assert ids(q="35/kh") == [issued_plan.pk]
    assert ids(unit="14") == [draft.pk, issued_plan.pk]
    assert ids(year=2026) == [issued_plan.pk] and ids(year=2025) == []
    assert ids(status="draft") == [draft.pk]
    assert ids(kind="thematic") == [draft.pk]


def test_a_bad_filter_is_a_400_in_vietnamese(api, province_officer, other_province):
    client = api(province_officer)
    errors = errors_of(client.get("/api/v1/plans/", {"unit": other_province.code, "status": "lost"}))
    assert errors["unit"] == ["Không tìm thấy đơn vị hành chính có mã «12» trong phạm vi của bạn."]
    assert errors["status"] == ["«lost» không phải là lựa chọn hợp lệ."]
    assert errors_of(client.get("/api/v1/plans/", {"year": "x"}))["year"] == ["Cần một số nguyên."]


def test_a_commune_officer_reads_the_provincial_plan_and_filters_by_the_province(
    api, commune_officer, issued_plan
):
    client = api(commune_officer)
    assert [row["id"] for row in client.get("/api/v1/plans/", {"unit": "14"}).json()["results"]] == [
        issued_plan.pk
    ]
    detail = client.get(plan_url(issued_plan))
    assert detail.status_code == 200
    body = detail.json()
    assert body["legal_bases"] == []
    assert body["recipients"] == ["Bộ Y tế", "Sở Y tế", "Lưu: VT, KGVX"]
    assert body["counts"]["tasks"] == 2 and body["counts"]["targets"] == 1
    assert body["open_amendment"] is None
    assert client.get(plan_url(issued_plan, "targets/")).json()["count"] == 1


def test_another_province_gets_404_on_every_endpoint_of_the_plan(
    api, other_province_officer, issued_plan, lead_task
):
    client = api(other_province_officer)
    target = issued_plan.targets.get()
    reads = [
        plan_url(issued_plan),
        plan_url(issued_plan, "targets/"),
        plan_url(issued_plan, f"targets/{target.pk}/"),
        plan_url(issued_plan, "tasks/"),
        plan_url(issued_plan, "reporting-rules/"),
        plan_url(issued_plan, "reporting-calendar/"),
        plan_url(issued_plan, "cascade/"),
        plan_url(issued_plan, "amendments/"),
        plan_url(issued_plan, "document.docx"),
        plan_url(issued_plan, "tasks.xlsx"),
        f"/api/v1/tasks/{lead_task.pk}/",
        f"/api/v1/tasks/{lead_task.pk}/progress/",
    ]
    for url in reads:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["detail"] == "Không tìm thấy."
    writes = [
        ("patch", plan_url(issued_plan), {"version": issued_plan.version, "title": "X"}),
        ("delete", plan_url(issued_plan), None),
        ("post", plan_url(issued_plan, "issue/"), {"version": issued_plan.version, "number": "1"}),
        ("post", plan_url(issued_plan, "amendments/"), {"version": issued_plan.version, "reason": "X"}),
        ("post", plan_url(issued_plan, "amendments/complete/"), {}),
        ("post", plan_url(issued_plan, "close/"), {"version": issued_plan.version}),
        ("post", plan_url(issued_plan, "targets/"), measurable_target()),
        ("patch", plan_url(issued_plan, f"targets/{target.pk}/"), {"value": "50"}),
        ("delete", plan_url(issued_plan, f"targets/{target.pk}/"), None),
        ("post", plan_url(issued_plan, "tasks/"), {"area": "other", "text": "X"}),
        ("post", plan_url(issued_plan, "reporting-rules/"), {"reporters": "lower_units"}),
        ("post", f"/api/v1/tasks/{lead_task.pk}/progress/", {"version": 1, "status": "done", "note": "X"}),
    ]
    for method, url, body in writes:
        assert getattr(client, method)(url, body, format="json").status_code == 404, (method, url)
    issued_plan.refresh_from_db()
    assert issued_plan.title == "Kế hoạch thực hiện công tác phòng, chống mại dâm năm 2026"
    assert issued_plan.status == Plan.Status.ISSUED and not issued_plan.amendments.exists()
    assert issued_plan.targets.get().value == 20 and not TaskProgress.objects.exists()


def test_a_commune_officer_reads_but_every_write_on_the_provincial_plan_is_403(
    api, commune_officer, issued_plan
):
    client = api(commune_officer)
    target = issued_plan.targets.get()
    writes = [
        ("patch", plan_url(issued_plan), {"version": issued_plan.version, "title": "X"}),
        ("delete", plan_url(issued_plan), None),
        ("post", plan_url(issued_plan, "issue/"), {"version": issued_plan.version, "number": "1"}),
        ("post", plan_url(issued_plan, "amendments/"), {"version": issued_plan.version, "reason": "X"}),
        ("post", plan_url(issued_plan, "amendments/complete/"), {}),
        ("post", plan_url(issued_plan, "close/"), {"version": issued_plan.version}),
        ("post", plan_url(issued_plan, "targets/"), measurable_target()),
        ("patch", plan_url(issued_plan, f"targets/{target.pk}/"), {"value": "50"}),
        ("delete", plan_url(issued_plan, f"targets/{target.pk}/"), None),
        ("post", plan_url(issued_plan, "tasks/"), {"area": "other", "text": "X"}),
        ("post", plan_url(issued_plan, "reporting-rules/"), {"reporters": "lower_units"}),
    ]
    for method, url, body in writes:
        response = getattr(client, method)(url, body, format="json")
        assert response.status_code == 403, (method, url)
        assert response.json()["detail"] == FORBIDDEN
    assert client.get(plan_url(issued_plan, "tasks/")).status_code == 200
    issued_plan.refresh_from_db()
    assert issued_plan.status == Plan.Status.ISSUED and issued_plan.targets.count() == 1


def test_a_commune_plan_is_not_seen_by_the_other_commune(
    api, commune_officer, other_commune_officer, commune, commune_committee
):
    plan = make_draft(commune_officer, commune, commune_committee, title="Kế hoạch phường Tô Hiệu")
    assert api(commune_officer).get(plan_url(plan)).status_code == 200
    assert api(other_commune_officer).get(plan_url(plan)).status_code == 404
    assert api(other_commune_officer).get("/api/v1/plans/").json()["count"] == 0


def test_anonymous_gets_401_and_a_user_without_membership_403(api, no_membership_user, issued_plan):
    assert api().get("/api/v1/plans/").status_code == 401
    assert api().get(plan_url(issued_plan, "document.docx")).status_code == 401
    for url in ("/api/v1/plans/", plan_url(issued_plan), "/api/v1/tasks/", "/api/v1/tasks/mine/"):
        assert api(no_membership_user).get(url).status_code == 403, url


# --- a plan's life ------------------------------------------------------------------------------------------


def test_the_coordinator_creates_fills_and_issues_a_plan(
    api, province_officer, provincial_committee, culture_department, police, health_department
):
    client = api(province_officer)
    # given a draft created with its lists
    created = client.post("/api/v1/plans/", new_plan_body(provincial_committee), format="json")
    assert created.status_code == 201, created.json()
    plan = created.json()
    assert (plan["status"], plan["reference"], plan["period_end"]) == ("draft", ".../KH-UBND", "2026-12-31")
    assert plan["issuing_unit"]["code"] == "14"  # the coordinator's own unit
    assert plan["legal_bases"] == [
        "Căn cứ Pháp lệnh Phòng, chống mại dâm năm 2003",
        "Căn cứ Nghị định số 178/2004/NĐ-CP",
    ]
    assert plan["recipients"] == ["Bộ Y tế", "Sở Y tế", "Lưu: VT, KGVX"]
    url = f"/api/v1/plans/{plan['id']}/"
    # and its content
    target = client.post(url + "targets/", measurable_target(), format="json")
    assert target.status_code == 201, target.json()
    assert (target.json()["value"], target.json()["comparator"]) == ("30.00", "gte")
    task = client.post(
        url + "tasks/",
        {
            "area": "inspection",
            "text": "Kiểm tra các cơ sở kinh doanh dịch vụ",
            "lead_agency": culture_department.pk,
            "coordinating_agencies": [police.pk],
            "due_date": "2026-09-30",
        },
        format="json",
    )
    assert task.status_code == 201, task.json()
    assert task.json()["lead_agency"]["name"] == "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La"
    assert [a["name"] for a in task.json()["coordinating_agencies"]] == ["Công an tỉnh Sơn La"]
    rule = client.post(
        url + "reporting-rules/",
        {
            "reporters": "assigned_agencies",
            "recipient_agency": health_department.pk,
            "period_kind": "annual",
            "due_day": 10,
            "due_month": 11,
        },
        format="json",
    )
    assert rule.status_code == 201, rule.json()
    # when it is issued
    issued = client.post(
        url + "issue/", {"version": plan["version"], "number": "12", "issued_on": "2026-02-01"}, format="json"
    )
    # then it is numbered and its calendar is generated
    assert issued.status_code == 200, issued.json()
    assert (issued.json()["status"], issued.json()["reference"]) == ("issued", "12/KH-UBND")
    assert issued.json()["issued_on"] == "2026-02-01"
    calendar = client.get(url + "reporting-calendar/").json()["results"]
    assert {(row["due_on"], row["reporter_agency"]["name"]) for row in calendar} == {
        ("2026-11-10", "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La"),
        ("2026-11-10", "Công an tỉnh Sơn La"),
    }
    assert all(row["id"] is not None for row in calendar)


def test_a_national_administrator_names_the_issuing_unit(api, system_admin, son_la, provincial_committee):
    client = api(system_admin)
    missing = client.post("/api/v1/plans/", new_plan_body(provincial_committee), format="json")
    assert errors_of(missing)["issuing_unit"] == ["Nhập mã đơn vị ban hành kế hoạch."]
    created = client.post(
        "/api/v1/plans/", new_plan_body(provincial_committee, issuing_unit="14"), format="json"
    )
    assert created.status_code == 201 and created.json()["issuing_unit"]["code"] == "14"


def test_a_commune_officer_cannot_create_a_plan_of_the_province(
    api, commune_officer, son_la, commune, provincial_committee, commune_committee
):
    client = api(commune_officer)
    outside = client.post(
        "/api/v1/plans/", new_plan_body(provincial_committee, issuing_unit="14"), format="json"
    )
    assert errors_of(outside)["issuing_unit"] == [
        "Không tìm thấy đơn vị hành chính có mã «14» trong phạm vi của bạn."
    ]
    # the province's committee is no agency of the commune
    wrong_agency = client.post("/api/v1/plans/", new_plan_body(provincial_committee), format="json")
    assert "issuing_agency" in errors_of(wrong_agency)
    assert not Plan.objects.exists()


def test_a_reader_without_the_right_to_draft_gets_403_on_create(api, case_worker, provincial_committee):
    response = api(case_worker).post("/api/v1/plans/", new_plan_body(provincial_committee), format="json")
    assert response.status_code == 403 and response.json()["detail"] == FORBIDDEN


def test_a_draft_is_patched_with_its_version_and_a_stale_one_is_refused_with_code_stale(
    api, province_officer, draft_plan
):
    client = api(province_officer)
    version = draft_plan.version
    response = client.patch(
        plan_url(draft_plan),
        {"version": version, "title": "Kế hoạch sửa", "recipients": ["Sở Tư pháp;"]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["title"], response.json()["version"]) == ("Kế hoạch sửa", version + 1)
    assert response.json()["recipients"] == ["Sở Tư pháp"]
    # when someone saves on the version they read before that change
    stale = client.patch(plan_url(draft_plan), {"version": version, "title": "Bản cũ"}, format="json")
    # then
    assert stale.status_code == 400
    body = stale.json()
    assert body["code"] == "stale"
    assert body["detail"].startswith("Bản ghi đã được người khác sửa sau khi bạn mở (phiên bản hiện tại: ")
    assert body["errors"]["version"] == [body["detail"]]
    draft_plan.refresh_from_db()
    assert draft_plan.title == "Kế hoạch sửa"


def test_a_patch_that_breaks_a_rule_saves_nothing(api, province_officer, draft_plan):
    response = api(province_officer).patch(
        plan_url(draft_plan),
        {"version": draft_plan.version, "period_end": "2025-12-31", "recipients": ["Sở Tư pháp;"]},
        format="json",
    )
    assert errors_of(response)["period_end"] == ["Ngày kết thúc không được trước ngày bắt đầu."]
    draft_plan.refresh_from_db()
    assert draft_plan.period_end == D(2026, 12, 31) and not draft_plan.recipients.exists()


def test_a_plan_is_created_as_multipart_with_its_original_text(api, province_officer, provincial_committee):
    body = new_plan_body(
        provincial_committee,
        original_text=SimpleUploadedFile("ke-hoach-goc.pdf", PDF, content_type="application/pdf"),
        signer_authority="",
    )
    response = api(province_officer).post("/api/v1/plans/", body, format="multipart")
    assert response.status_code == 201, response.json()
    assert response.json()["has_original_text"] is True
    assert response.json()["legal_bases"] == [
        "Căn cứ Pháp lệnh Phòng, chống mại dâm năm 2003",
        "Căn cứ Nghị định số 178/2004/NĐ-CP",
    ]
    plan = Plan.objects.get(pk=response.json()["id"])
    assert plan.original_text.read() == PDF and plan.signer_authority == ""


def test_a_draft_is_deleted_but_an_issued_plan_is_not(
    api, province_officer, commune_officer, son_la, provincial_committee, issued_plan
):
    draft = make_draft(province_officer, son_la, provincial_committee, title="Dự thảo bỏ")
    assert api(commune_officer).delete(plan_url(draft)).status_code == 403
    assert api(province_officer).delete(plan_url(draft)).status_code == 204
    assert not Plan.objects.filter(pk=draft.pk).exists()
    refused = api(province_officer).delete(plan_url(issued_plan))
    assert errors_of(refused)["non_field_errors"] == [
        "Chỉ xóa được dự thảo; kế hoạch đã ban hành được kết thúc hoặc thay thế."
    ]


def test_issuing_twice_is_a_400_with_the_message(api, province_officer, issued_plan):
    response = api(province_officer).post(
        plan_url(issued_plan, "issue/"),
        {"version": issued_plan.version, "number": "36", "issued_on": "2026-03-01"},
        format="json",
    )
    assert errors_of(response)["non_field_errors"] == [
        "Kế hoạch đã được ban hành ngày 10/02/2026 (số 35/KH-UBND), không thể ban hành lần nữa."
    ]
    issued_plan.refresh_from_db()
    assert issued_plan.number == "35"


def test_issuing_without_a_number_names_the_field(api, province_officer, plan_with_content):
    response = api(province_officer).post(
        plan_url(plan_with_content, "issue/"),
        {"version": plan_with_content.version, "number": "", "issued_on": "2026-02-01"},
        format="json",
    )
    assert errors_of(response)["number"] == ["Nhập số văn bản để ban hành."]
    plan_with_content.refresh_from_db()
    assert plan_with_content.status == Plan.Status.DRAFT


def test_an_issued_plan_is_edited_only_inside_an_amendment(api, province_officer, issued_plan):
    client = api(province_officer)
    # given an issued plan: a direct edit is refused
    refused = client.patch(
        plan_url(issued_plan), {"version": issued_plan.version, "title": "X"}, format="json"
    )
    assert errors_of(refused)["non_field_errors"][0].startswith(
        "Kế hoạch đã ban hành chỉ được thay đổi bằng sửa đổi"
    )
    without_reason = client.post(
        plan_url(issued_plan, "amendments/"), {"version": issued_plan.version, "reason": " "}, format="json"
    )
    assert errors_of(without_reason)["reason"] == ["Ghi lý do sửa đổi."]
    # when an amendment is opened with a reason
    opened = client.post(
        plan_url(issued_plan, "amendments/"),
        {"version": issued_plan.version, "reason": "Bổ sung chỉ tiêu", "document_reference": "CV 45/UBND"},
        format="json",
    )
    assert opened.status_code == 201, opened.json()
    assert opened.json()["is_open"] is True
    assert opened.json()["snapshot"]["reference"] == "35/KH-UBND"
    # then the content may change, and completing it closes the amendment
    plan = client.get(plan_url(issued_plan)).json()
    assert plan["open_amendment"]["reason"] == "Bổ sung chỉ tiêu"
    changed = client.patch(
        plan_url(issued_plan), {"version": plan["version"], "title": "Đã sửa"}, format="json"
    )
    assert changed.status_code == 200, changed.json()
    completed = client.post(plan_url(issued_plan, "amendments/complete/"), format="json")
    assert completed.status_code == 200 and completed.json()["is_open"] is False
    history = client.get(plan_url(issued_plan, "amendments/")).json()
    assert history["count"] == 1 and history["results"][0]["snapshot"]["title"].startswith(
        "Kế hoạch thực hiện"
    )
    again = client.post(plan_url(issued_plan, "amendments/complete/"), format="json")
    assert errors_of(again)["non_field_errors"] == ["Kế hoạch không có lần sửa đổi nào đang mở."]


def test_an_issued_plan_is_closed(api, province_officer, issued_plan):
    response = api(province_officer).post(
        plan_url(issued_plan, "close/"), {"version": issued_plan.version, "note": "Hết năm"}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "closed"


def test_a_plan_cannot_be_superseded_by_an_unknown_plan(api, province_officer, issued_plan):
    response = api(province_officer).post(
        plan_url(issued_plan, "close/"),
        {"version": issued_plan.version, "superseded_by": 999999},
        format="json",
    )
    assert errors_of(response)["superseded_by"] == [
        "Không tìm thấy kế hoạch có mã 999999 trong phạm vi của bạn."
    ]


# --- bad input ----------------------------------------------------------------------------------------------


def test_an_impossible_date_is_a_400_field_error_in_vietnamese(api, province_officer, provincial_committee):
    response = api(province_officer).post(
        "/api/v1/plans/", new_plan_body(provincial_committee, period_end="2026-06-31"), format="json"
    )
    assert errors_of(response)["period_end"] == ["Ngày không hợp lệ. Dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd."]
    assert not Plan.objects.exists()


def test_a_measurable_target_without_a_value_is_refused_on_the_value_field(api, province_officer, draft_plan):
    response = api(province_officer).post(
        plan_url(draft_plan, "targets/"), measurable_target(value=None), format="json"
    )
    assert errors_of(response)["value"] == ["Chỉ tiêu đo lường được (có phép so sánh) phải có giá trị."]
    assert not draft_plan.targets.exists()


def test_a_target_with_a_bad_number_or_date_is_explained(api, province_officer, draft_plan):
    response = api(province_officer).post(
        plan_url(draft_plan, "targets/"),
        measurable_target(value="ba mươi", due_date="31/06/2026", area="nowhere"),
        format="json",
    )
    errors = errors_of(response)
    assert errors["value"] == ["Cần một số (phần thập phân sau dấu chấm)."]
    assert errors["due_date"] == ["Ngày không hợp lệ. Dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd."]
    assert errors["area"] == ["«nowhere» không phải là lựa chọn hợp lệ."]


def test_a_target_is_changed_and_removed(api, province_officer, plan_with_content):
    client = api(province_officer)
    target = plan_with_content.targets.get()
    url = plan_url(plan_with_content, f"targets/{target.pk}/")
    changed = client.patch(url, {"value": "25.5"}, format="json")
    assert changed.status_code == 200, changed.json()
    assert changed.json()["value"] == "25.50" and changed.json()["statement"] == target.statement
    qualitative_with_value = client.patch(url, {"comparator": ""}, format="json")
    assert "value" in errors_of(qualitative_with_value)
    assert client.delete(url).status_code == 204
    assert not plan_with_content.targets.exists()


def test_a_target_of_another_plan_is_not_found_through_this_plan(
    api, province_officer, son_la, provincial_committee, issued_plan
):
    other = make_draft(province_officer, son_la, provincial_committee, title="Kế hoạch khác")
    target = issued_plan.targets.get()
    client = api(province_officer)
    assert client.get(plan_url(other, f"targets/{target.pk}/")).status_code == 404
    assert (
        client.patch(plan_url(other, f"targets/{target.pk}/"), {"value": "1"}, format="json").status_code
        == 404
    )
    assert client.delete(plan_url(other, f"targets/{target.pk}/")).status_code == 404
    assert issued_plan.targets.get().value == 20


def test_an_impossible_reporting_day_is_refused(api, province_officer, draft_plan, health_department):
    response = api(province_officer).post(
        plan_url(draft_plan, "reporting-rules/"),
        {
            "reporters": "assigned_agencies",
            "recipient_agency": health_department.pk,
            "period_kind": "semiannual",
            "due_day": 31,
            "due_month": 6,
        },
        format="json",
    )
    assert errors_of(response)["due_day"] == ["Ngày 31/6 không tồn tại: tháng 6 chỉ có 30 ngày."]
    assert not draft_plan.reporting_rules.exists()


def test_a_reporting_day_outside_the_plan_period_is_refused(
    api, province_officer, son_la, provincial_committee, health_department
):
    plan = make_draft(province_officer, son_la, provincial_committee, period_end=D(2026, 6, 30))
    response = api(province_officer).post(
        plan_url(plan, "reporting-rules/"),
        {
            "reporters": "assigned_agencies",
            "recipient_agency": health_department.pk,
            "period_kind": "annual",
            "due_day": 15,
            "due_month": 12,
        },
        format="json",
    )
    assert errors_of(response)["due_day"] == [
        "Hạn báo cáo 15/12 không rơi vào thời gian thực hiện kế hoạch (01/01/2026 – 30/06/2026)."
    ]


def test_a_task_without_a_lead_agency_gets_one_clear_message(api, province_officer, draft_plan):
    client = api(province_officer)
    for body in (
        {"area": "other", "text": "Tổ chức hội nghị"},
        {"area": "other", "text": "X", "lead_agency": None},
    ):
        response = client.post(plan_url(draft_plan, "tasks/"), body, format="json")
        assert errors_of(response)["lead_agency"] == ["Chọn cơ quan chủ trì thực hiện nhiệm vụ."]
    assert not draft_plan.tasks.exists()


def test_an_agency_unknown_or_of_another_province_is_a_400_field_error(
    api, province_officer, draft_plan, other_province_officer, police
):
    lai_chau = Agency.objects.get(name="Sở Y tế tỉnh Lai Châu")
    client = api(province_officer)
    response = client.post(
        plan_url(draft_plan, "tasks/"),
        {
            "area": "other",
            "text": "X",
            "lead_agency": lai_chau.pk,
            "coordinating_agencies": [police.pk, 999999],
        },
        format="json",
    )
    errors = errors_of(response)
    assert errors["lead_agency"] == [f"Không tìm thấy cơ quan có mã {lai_chau.pk} trong phạm vi của bạn."]
    assert errors["coordinating_agencies"] == ["Không tìm thấy cơ quan có mã 999999 trong phạm vi của bạn."]
    not_a_list = client.post(
        plan_url(draft_plan, "tasks/"),
        {"area": "other", "text": "X", "lead_agency": police.pk, "coordinating_agencies": "abc"},
        format="json",
    )
    assert errors_of(not_a_list)["coordinating_agencies"] == ["Cần một danh sách."]
    assert not draft_plan.tasks.exists()


def test_an_agency_outside_the_issuing_unit_may_not_be_assigned(
    api, system_admin, commune_officer, commune, commune_committee, police
):
    # given a commune's plan, and a national administrator who sees every agency
    plan = make_draft(commune_officer, commune, commune_committee, title="Kế hoạch phường Tô Hiệu")
    client = api(system_admin)
    # when the provincial police are named to lead one of its tasks
    response = client.post(
        plan_url(plan, "tasks/"), {"area": "other", "text": "X", "lead_agency": police.pk}, format="json"
    )
    # then
    assert errors_of(response)["lead_agency"] == [
        "Cơ quan «Công an tỉnh Sơn La» không thuộc địa bàn của đơn vị ban hành kế hoạch."
    ]
    own = client.post(
        plan_url(plan, "tasks/"),
        {"area": "other", "text": "X", "lead_agency": commune_committee.pk},
        format="json",
    )
    assert own.status_code == 201, own.json()


def test_a_cascade_loop_is_refused(api, province_officer, issued_plan, provincial_committee, police):
    client = api(province_officer)
    # given a second plan implementing the issued one, itself issued
    child = client.post(
        "/api/v1/plans/", new_plan_body(provincial_committee, implements=issued_plan.pk), format="json"
    ).json()
    child_url = f"/api/v1/plans/{child['id']}/"
    client.post(
        child_url + "tasks/", {"area": "other", "text": "Triển khai", "lead_agency": police.pk}, format="json"
    )
    issued = client.post(
        child_url + "issue/",
        {"version": child["version"], "number": "36", "issued_on": "2026-03-01"},
        format="json",
    )
    assert issued.status_code == 200, issued.json()
    # when the first plan is amended to implement the second
    opened = client.post(
        plan_url(issued_plan, "amendments/"), {"version": issued_plan.version, "reason": "Sửa"}, format="json"
    )
    version = client.get(plan_url(issued_plan)).json()["version"]
    response = client.patch(
        plan_url(issued_plan), {"version": version, "implements": child["id"]}, format="json"
    )
    # then
    assert opened.status_code == 201
    assert errors_of(response)["implements"] == [
        "Không thể chọn kế hoạch này: nó đang thực hiện (trực tiếp hoặc gián tiếp) chính kế hoạch bạn đang "
        "soạn, sẽ tạo thành vòng lặp."
    ]
    issued_plan.refresh_from_db()
    assert issued_plan.implements_id is None


def test_a_body_that_is_not_an_object_is_a_400(api, province_officer, draft_plan):
    response = api(province_officer).post(plan_url(draft_plan, "targets/"), ["x"], format="json")
    assert errors_of(response)["non_field_errors"] == ["Dữ liệu gửi lên phải là một đối tượng JSON."]


# --- reporting calendar and cascade -------------------------------------------------------------------------


def test_the_calendar_lists_the_semiannual_and_annual_deadlines(api, commune_officer, issued_plan):
    # given the Sơn La 2026 regime: 6-month reports by 15/5, the annual one by 10/11, to the health department
    response = api(commune_officer).get(plan_url(issued_plan, "reporting-calendar/"))
    assert response.status_code == 200
    rows = response.json()["results"]
    assert sorted({row["due_on"] for row in rows}) == ["2026-05-15", "2026-11-10"]
    first = rows[0]
    assert (first["period_label"], first["period_start"], first["period_end"]) == (
        "6 tháng đầu năm 2026",
        "2026-01-01",
        "2026-06-30",
    )
    assert first["period_kind"] == "semiannual" and first["recipient"] == "Sở Y tế tỉnh Sơn La"
    reporters = {row["reporter_agency"]["name"] for row in rows}
    assert reporters == {"Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La", "Công an tỉnh Sơn La"}
    assert all(row["reporter_unit"] is None for row in rows)


def test_a_drafts_calendar_is_a_preview(api, province_officer, plan_with_content):
    rows = api(province_officer).get(plan_url(plan_with_content, "reporting-calendar/")).json()["results"]
    assert [row["due_on"] for row in rows] == ["2026-05-15", "2026-05-15", "2026-11-10", "2026-11-10"]
    assert all(row["id"] is None for row in rows)


def test_the_reporting_rules_are_listed(api, province_officer, issued_plan):
    rows = api(province_officer).get(plan_url(issued_plan, "reporting-rules/")).json()["results"]
    assert [(r["period_kind"], r["due_day"], r["due_month"]) for r in rows] == [
        ("semiannual", 15, 5),
        ("annual", 10, 11),
    ]
    assert rows[0]["recipient_agency"]["name"] == "Sở Y tế tỉnh Sơn La"


def test_the_cascade_shows_which_communes_issued_an_implementing_plan(
    api,
    province_officer,
    commune_officer,
    other_commune_officer,
    commune,
    other_commune,
    commune_committee,
    issued_plan,
):
    # given Tô Hiệu issues its plan implementing the provincial one through the API, Mường Bú does not
    client = api(commune_officer)
    created = client.post(
        "/api/v1/plans/",
        new_plan_body(commune_committee, title="Kế hoạch phường Tô Hiệu 2026", implements=issued_plan.pk),
        format="json",
    )
    assert created.status_code == 201, created.json()
    child = created.json()
    assert child["issuing_unit"]["code"] == commune.code and child["implements"]["id"] == issued_plan.pk
    client.post(
        f"/api/v1/plans/{child['id']}/tasks/",
        {"area": "other", "text": "Triển khai", "lead_agency": commune_committee.pk},
        format="json",
    )
    issued = client.post(
        f"/api/v1/plans/{child['id']}/issue/",
        {"version": child["version"], "number": "12", "issued_on": "2026-03-01"},
        format="json",
    )
    assert issued.status_code == 200, issued.json()
    # when
    cascade = api(province_officer).get(plan_url(issued_plan, "cascade/")).json()
    # then
    assert (cascade["units_total"], cascade["units_with_plan"], cascade["units_with_plan_percent"]) == (
        2,
        1,
        50.0,
    )
    by_unit = {row["unit"]["code"]: row for row in cascade["units"]}
    assert by_unit[commune.code]["has_plan"] is True
    assert by_unit[commune.code]["plans"][0]["reference"] == "12/KH-UBND"
    assert by_unit[commune.code]["plans"][0]["visible"] is True
    assert by_unit[other_commune.code] == {
        "unit": {"code": other_commune.code, "name": "Xã Mường Bú", "level": "commune", "is_legacy": False},
        "agency": None,
        "has_plan": False,
        "plans": [],
    }
    assert {row["agency"]["name"] for row in cascade["agencies"]} == {
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
        "Công an tỉnh Sơn La",
    }
    # and the other commune is told the plan exists but may not open it
    seen_by_neighbour = api(other_commune_officer).get(plan_url(issued_plan, "cascade/")).json()
    neighbour_rows = {row["unit"]["code"]: row for row in seen_by_neighbour["units"]}
    assert neighbour_rows[commune.code]["plans"][0]["visible"] is False


# --- tasks and progress -------------------------------------------------------------------------------------


def test_tasks_are_filtered_by_overdue_agency_status_and_plan(
    api, province_officer, on_first_of_july, lead_task, hotspot_task, culture_department, police, draft_plan
):
    client = api(province_officer)

    def ids(**params):
        response = client.get("/api/v1/tasks/", params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    # the draft's tasks are not followed: only issued plans' are
    assert set(ids()) == {lead_task.pk, hotspot_task.pk}
    assert ids(overdue="true") == [lead_task.pk]
    assert ids(overdue="false") == [hotspot_task.pk]
    assert ids(agency=culture_department.pk) == [lead_task.pk]
    assert set(ids(agency=police.pk)) == {
        lead_task.pk,
        hotspot_task.pk,
    }  # lead of one, coordinating the other
    assert ids(status="done") == []
    assert set(ids(plan=lead_task.plan_id)) == {lead_task.pk, hotspot_task.pk}
    overdue_row = client.get("/api/v1/tasks/", {"overdue": "true"}).json()["results"][0]
    assert overdue_row["is_overdue"] is True and overdue_row["due_date"] == "2026-03-31"
    assert overdue_row["plan"]["reference"] == "35/KH-UBND"


def test_a_bad_task_filter_is_a_400_in_vietnamese(api, province_officer, issued_plan, other_province_officer):
    lai_chau = Agency.objects.get(name="Sở Y tế tỉnh Lai Châu")
    errors = errors_of(
        api(province_officer).get(
            "/api/v1/tasks/", {"overdue": "maybe", "agency": lai_chau.pk, "plan": 999999}
        )
    )
    assert errors["overdue"] == ["Cần giá trị true hoặc false."]
    assert errors["agency"] == [f"Không tìm thấy cơ quan có mã {lai_chau.pk} trong phạm vi của bạn."]
    assert errors["plan"] == ["Không tìm thấy kế hoạch có mã 999999 trong phạm vi của bạn."]


def test_my_tasks_are_the_tasks_of_my_agency(
    api, police_reporter, culture_reporter, commune_officer, on_first_of_july, lead_task, hotspot_task
):
    assert {row["id"] for row in api(police_reporter).get("/api/v1/tasks/mine/").json()["results"]} == {
        lead_task.pk,
        hotspot_task.pk,
    }
    assert [
        row["id"]
        for row in api(police_reporter).get("/api/v1/tasks/mine/", {"overdue": "false"}).json()["results"]
    ] == [hotspot_task.pk]
    assert [row["id"] for row in api(culture_reporter).get("/api/v1/tasks/mine/").json()["results"]] == [
        lead_task.pk
    ]
    # a commune officer's membership names no agency
    assert api(commune_officer).get("/api/v1/tasks/mine/").json()["count"] == 0


def test_the_task_list_of_another_province_is_empty(api, other_province_officer, lead_task):
    assert api(other_province_officer).get("/api/v1/tasks/").json()["count"] == 0


def test_a_task_is_read_with_its_plan_and_agencies(api, commune_officer, lead_task):
    body = api(commune_officer).get(f"/api/v1/tasks/{lead_task.pk}/").json()
    assert body["lead_agency"]["name"] == "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La"
    assert [a["name"] for a in body["coordinating_agencies"]] == ["Công an tỉnh Sơn La"]
    assert (body["status"], body["version"], body["plan"]["id"]) == (
        "not_started",
        lead_task.version,
        lead_task.plan_id,
    )


def test_the_lead_agencys_reporter_records_progress_with_evidence(api, culture_reporter, lead_task):
    client = api(culture_reporter)
    url = f"/api/v1/tasks/{lead_task.pk}/progress/"
    # when
    response = client.post(
        url,
        {
            "version": lead_task.version,
            "reported_on": "2026-03-20",
            "status": "in_progress",
            "note": "Đã tổ chức 5 buổi tuyên truyền.",
            "evidence": SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf"),
        },
        format="multipart",
    )
    # then
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["reported_on"], body["status"], body["actor"]) == (
        "2026-03-20",
        "in_progress",
        "Lường Văn Báo Cáo",
    )
    assert body["evidence_name"].startswith("bao-cao") and body["evidence_name"].endswith(".pdf")
    lead_task.refresh_from_db()
    assert lead_task.status == Task.Status.IN_PROGRESS
    listed = client.get(url).json()["results"]
    assert [row["note"] for row in listed] == ["Đã tổ chức 5 buổi tuyên truyền."]
    evidence = client.get(listed[0]["evidence_url"])
    assert evidence.status_code == 200
    assert b"".join(evidence.streaming_content) == PDF


def test_a_coordinating_agency_records_progress_in_json(api, police_reporter, lead_task):
    response = api(police_reporter).post(
        f"/api/v1/tasks/{lead_task.pk}/progress/",
        {"version": lead_task.version, "status": "done", "note": "Đã phối hợp."},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["evidence_url"] is None


def test_progress_by_others_is_403_and_nothing_is_recorded(
    api, culture_reporter, commune_officer, case_worker, hotspot_task
):
    body = {"version": hotspot_task.version, "status": "done", "note": "Xong."}
    for user in (culture_reporter, commune_officer, case_worker):
        response = api(user).post(f"/api/v1/tasks/{hotspot_task.pk}/progress/", body, format="json")
        assert response.status_code == 403, user
        assert response.json()["detail"] == FORBIDDEN
    assert not TaskProgress.objects.exists()


def test_progress_with_a_stale_version_or_bad_evidence_is_refused(api, culture_reporter, lead_task):
    client = api(culture_reporter)
    url = f"/api/v1/tasks/{lead_task.pk}/progress/"
    stale = client.post(url, {"version": lead_task.version + 5, "status": "done", "note": "X"}, format="json")
    assert stale.status_code == 400 and stale.json()["code"] == "stale"
    fake_pdf = SimpleUploadedFile("x.pdf", b"MZ not a pdf", content_type="application/pdf")
    bad = client.post(
        url,
        {"version": lead_task.version, "status": "done", "note": "", "evidence": fake_pdf},
        format="multipart",
    )
    errors = errors_of(bad)
    assert errors["evidence"] == ["Tệp minh chứng phải là PDF, Word, Excel hoặc ảnh (JPG, PNG)."]
    assert "Ghi kết quả, tiến độ thực hiện." in errors["note"]
    assert not TaskProgress.objects.exists()


def test_progress_on_a_draft_plans_task_is_refused(api, province_officer, plan_with_content):
    task = plan_with_content.tasks.first()
    response = api(province_officer).post(
        f"/api/v1/tasks/{task.pk}/progress/",
        {"version": task.version, "status": "done", "note": "X"},
        format="json",
    )
    assert errors_of(response)["non_field_errors"] == [
        "Chỉ cập nhật tiến độ nhiệm vụ của kế hoạch đang thực hiện (đã ban hành)."
    ]


# --- downloads ----------------------------------------------------------------------------------------------


def test_the_word_document_downloads_whatever_the_client_accepts(api, commune_officer, issued_plan):
    import docx

    response = api(commune_officer).get(plan_url(issued_plan, "document.docx"), HTTP_ACCEPT=DOCX_TYPE)
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="KH-35-UBND-2026-Son-La.docx"'
    document = docx.Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any("35/KH-UBND" in text for text in cells)
    assert any(
        "Kế hoạch thực hiện công tác phòng, chống mại dâm năm 2026".upper() in p.text.upper()
        for p in document.paragraphs
    )


def test_the_task_workbook_downloads(api, province_officer, issued_plan):
    import openpyxl

    response = api(province_officer).get(plan_url(issued_plan, "tasks.xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="KH-35-UBND-2026-Son-La.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = [str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row if c.value]
    assert any("Triệt xóa các điểm phức tạp" in value for value in cells)


# --- schema -------------------------------------------------------------------------------------------------


def test_the_planning_endpoints_are_in_the_openapi_schema(client):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/plans/"])
    assert {"get", "patch"} <= set(paths["/api/v1/plans/{plan_id}/"])
    assert {"get", "patch", "delete"} <= set(paths["/api/v1/plans/{plan_id}/targets/{target_id}/"])
    for path in (
        "/api/v1/plans/{plan_id}/issue/",
        "/api/v1/plans/{plan_id}/amendments/complete/",
        "/api/v1/plans/{plan_id}/close/",
        "/api/v1/plans/{plan_id}/tasks/",
        "/api/v1/plans/{plan_id}/reporting-rules/",
        "/api/v1/tasks/{task_id}/progress/",
    ):
        assert "post" in paths[path], path
    for path in (
        "/api/v1/plans/{plan_id}/reporting-calendar/",
        "/api/v1/plans/{plan_id}/cascade/",
        "/api/v1/tasks/",
        "/api/v1/tasks/mine/",
        "/api/v1/tasks/{task_id}/",
    ):
        assert "get" in paths[path], path
    docx_response = paths["/api/v1/plans/{plan_id}/document.docx"]["get"]["responses"]["200"]["content"]
    assert DOCX_TYPE in docx_response
    # the plans' choice sets have their own names (no collision with other apps' "status" or "kind")
    components = schema["components"]["schemas"]
    assert {"PlanStatusEnum", "PlanKindEnum", "TaskStatusEnum", "TargetAppliesToEnum"} <= set(components)
