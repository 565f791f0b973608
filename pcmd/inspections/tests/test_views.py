import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.tests.factories import InspectionTeamFactory
from pcmd.core.services import today
from pcmd.establishments.models import Establishment
from pcmd.inspections import services
from pcmd.inspections.models import (
    FollowUp,
    Inspection,
    InspectionPlan,
    SanctionDecision,
    Violation,
)
from pcmd.inspections.selectors import checklist_items
from pcmd.inspections.tests.factories import InspectionFactory, at

D = datetime.date
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def section(body: str, testid: str) -> str:
    start = body.find(f'data-testid="{testid}"')
    if start < 0:
        return ""
    end = body.find("</table>", start)
    return body[start : end if end > 0 else len(body)]


# --- recording an inspection on a phone ---------------------------------------------------------------------


def test_the_inspector_opens_the_form_for_their_team_with_the_checklist(login, inspector, leader, hoa_hong):
    response = login(inspector).get(reverse("inspections:inspection-create"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Đội kiểm tra liên ngành 178 tỉnh Sơn La" in body
    assert body.count('data-testid="checklist-item"') == checklist_items().count()
    assert "Karaoke Hoa Hồng" in body
    # the inspector's own membership of the team is ticked
    assert f'value="{leader.pk}" class="form-check-input" id="id_members_present_0" checked' in body


def test_the_inspector_records_an_inspection_through_the_form(
    login, inspector, provincial_team, hoa_hong, leader
):
    items = list(checklist_items())
    response = login(inspector).post(
        reverse("inspections:inspection-create"),
        {
            "team": provincial_team.pk,
            "establishment": hoa_hong.pk,
            "mode": "unannounced",
            "day": "10/03/2026",
            "start_time": "20:30",
            "end_time": "21:15",
            "members_present": [leader.pk],
            f"check_{items[0].pk}": "ok",
            f"check_{items[1].pk}": "not_ok",
            f"note_{items[1].pk}": "Thiếu sổ theo dõi lưu trú",
            "findings": "Phát hiện vi phạm.",
            "minutes_number": "01/BB",
        },
    )
    inspection = Inspection.objects.get()
    assert response.status_code == 302 and response["Location"] == inspection.get_absolute_url()
    assert inspection.day == D(2026, 3, 10)
    assert inspection.checklist_results.count() == 2


def test_a_future_date_comes_back_on_the_day_field(login, inspector, provincial_team, hoa_hong, leader):
    tomorrow = today() + datetime.timedelta(days=1)
    response = login(inspector).post(
        reverse("inspections:inspection-create"),
        {
            "team": provincial_team.pk,
            "establishment": hoa_hong.pk,
            "mode": "announced",
            "day": tomorrow.strftime("%d/%m/%Y"),
            "start_time": "09:00",
            "members_present": [leader.pk],
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_day-loi"' in body and "Ngày kiểm tra không được sau ngày hôm nay." in body
    assert not Inspection.objects.exists()


def test_establishments_of_another_province_are_not_offered_nor_accepted(
    login, inspector, provincial_team, leader, hoa_hong, lai_chau_bar
):
    client = login(inspector)
    assert "Quán bar Lai Châu" not in client.get(reverse("inspections:inspection-create")).content.decode()
    response = client.post(
        reverse("inspections:inspection-create"),
        {
            "team": provincial_team.pk,
            "establishment": lai_chau_bar.pk,
            "mode": "announced",
            "day": "10/03/2026",
            "start_time": "09:00",
            "members_present": [leader.pk],
        },
    )
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Inspection.objects.exists()


def test_a_police_officer_cannot_open_the_inspection_form(login, police_officer):
    assert login(police_officer).get(reverse("inspections:inspection-create")).status_code == 403


def test_an_administrator_first_chooses_the_team(login, system_admin, provincial_team, commune_team):
    body = login(system_admin).get(reverse("inspections:inspection-create")).content.decode()
    assert (
        "Đội kiểm tra liên ngành 178 tỉnh Sơn La" in body
        and "Đội kiểm tra liên ngành 178 phường Tô Hiệu" in body
    )
    assert 'data-testid="inspection-form"' not in body


# --- detail, scoping, minutes -------------------------------------------------------------------------------


def test_the_coordinator_sees_the_inspection_and_its_violation(login, province_officer, violation):
    body = login(province_officer).get(violation.inspection.get_absolute_url()).content.decode()
    assert "Hoạt động karaoke sau 00:00" in body
    assert "Điểm a khoản 2 Điều 15 Nghị định 901/2025/NĐ-CP" in body
    assert 'data-testid="add-violation"' not in body  # coordinators do not record


@pytest.mark.parametrize("persona", ["other_province_officer", "other_commune_officer", "commune_inspector"])
def test_outsiders_get_404_on_the_inspection_and_its_minutes(request, login, persona, inspection, suoi_bu):
    client = login(request.getfixturevalue(persona))
    # Tô Hiệu's commune inspector does see it: it is in their commune
    expected = 200 if persona == "commune_inspector" else 404
    assert client.get(inspection.get_absolute_url()).status_code == expected
    assert client.get(reverse("inspections:inspection-minutes", args=[inspection.pk])).status_code == expected


def test_an_inspector_of_another_commune_team_gets_404(login, other_commune, inspection):
    team = InspectionTeamFactory.create(unit=other_commune)
    user = UserFactory.create(username="thanhtra.muongbu")
    MembershipFactory.create(user=user, unit=other_commune, team=team, role=Role.INSPECTOR)
    assert login(user).get(inspection.get_absolute_url()).status_code == 404


def test_a_case_worker_sees_nothing_of_inspections(login, case_worker, inspection):
    client = login(case_worker)
    assert client.get(reverse("inspections:index")).status_code == 403
    assert client.get(inspection.get_absolute_url()).status_code == 404
    assert "Kiểm tra, xử lý" not in client.get(reverse("home")).content.decode()


def test_the_minutes_download_as_a_word_document(login, inspector, inspection):
    response = login(inspector).get(reverse("inspections:inspection-minutes", args=[inspection.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert 'filename="bien-ban-kiem-tra-' in response["Content-Disposition"]
    assert response.content[:2] == b"PK"


def test_a_photo_is_uploaded_and_served_only_inside_the_jurisdiction(
    login, inspector, other_province_officer, inspection
):
    client = login(inspector)
    response = client.post(
        reverse("inspections:photo-add", args=[inspection.pk]),
        {"file": SimpleUploadedFile("quay.png", PNG, content_type="image/png"), "caption": "Quầy lễ tân"},
    )
    assert response.status_code == 302
    photo = inspection.photos.get()
    served = client.get(reverse("inspections:photo-download", args=[photo.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == PNG
    outsider = login(other_province_officer)
    assert outsider.get(reverse("inspections:photo-download", args=[photo.pk])).status_code == 404


def test_a_text_file_is_refused_as_a_photo(login, inspector, inspection):
    response = login(inspector).post(
        reverse("inspections:photo-add", args=[inspection.pk]),
        {"file": SimpleUploadedFile("anh.jpg", b"hello", content_type="image/jpeg")},
        follow=True,
    )
    assert "Chỉ nhận ảnh JPG, PNG hoặc WebP." in response.content.decode()
    assert not inspection.photos.exists()


# --- violations and sanctions -------------------------------------------------------------------------------


def test_the_violation_form_offers_only_provisions_valid_on_the_inspection_day(
    login, inspector, inspection, karaoke_hours
):
    body = (
        login(inspector).get(reverse("inspections:violation-create", args=[inspection.pk])).content.decode()
    )
    assert "Kinh doanh karaoke quá giờ quy định" in body
    # Nghị định 282/2025 applies from 15/12/2025: valid on 10/03/2026
    assert "Điều 32 Nghị định 282/2025/NĐ-CP" in body


def test_the_inspector_records_a_violation(login, inspector, inspection, karaoke_hours):
    response = login(inspector).post(
        reverse("inspections:violation-create", args=[inspection.pk]),
        {"act": "Hoạt động sau 00:00", "provision": karaoke_hours.pk, "persons_involved": 1},
    )
    violation = Violation.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#vi-pham-{violation.pk}")


def test_police_record_a_decision_and_a_fine_out_of_range_is_shown_on_its_field(
    login, police_officer, police_agency, violation, hoa_hong
):
    client = login(police_officer)
    url = reverse("inspections:sanction-create", args=[violation.inspection.pk])
    values = {
        "number": "25/QĐ-XPHC",
        "decided_on": "15/03/2026",
        "authority": "Giám đốc Công an tỉnh Sơn La",
        "agency": police_agency.pk,
        f"include_{violation.pk}": "on",
        f"fine_{violation.pk}": "20.000.000",
        "suspension_months": "3",
    }
    body = client.post(url, values).content.decode()
    assert f'id="id_fine_{violation.pk}-loi"' in body
    assert "phải từ 5.000.000 đến 10.000.000 đồng" in body
    assert not SanctionDecision.objects.exists()
    response = client.post(url, {**values, f"fine_{violation.pk}": "7.500.000"})
    decision = SanctionDecision.objects.get()
    assert response.status_code == 302 and response["Location"] == decision.get_absolute_url()
    hoa_hong.refresh_from_db()
    assert hoa_hong.status == Establishment.Status.SUSPENDED
    assert "7.500.000" in client.get(decision.get_absolute_url()).content.decode()


def test_an_inspector_cannot_open_the_sanction_form(login, inspector, violation):
    assert (
        login(inspector)
        .get(reverse("inspections:sanction-create", args=[violation.inspection.pk]))
        .status_code
        == 403
    )


def test_unpaid_fines_are_listed_until_paid(login, police_officer, police_agency, violation):
    decision = services.sanction_decision_record(
        actor=police_officer,
        inspection=violation.inspection,
        number="30/QĐ",
        decided_on=D(2026, 3, 15),
        authority="Giám đốc Công an tỉnh",
        agency=police_agency,
        fines={violation: 6_000_000},
    )
    client = login(police_officer)
    assert "30/QĐ" in section(client.get(reverse("inspections:unpaid-list")).content.decode(), "unpaid-table")
    client.post(
        reverse("inspections:sanction-payment", args=[decision.pk]), {"paid_on": "20/03/2026", "version": 1}
    )
    assert "30/QĐ" not in section(
        client.get(reverse("inspections:unpaid-list")).content.decode(), "unpaid-table"
    )


def test_open_violations_list_is_scoped(login, province_officer, other_province_officer, violation):
    assert "Hoạt động karaoke sau 00:00" in section(
        login(province_officer).get(reverse("inspections:violation-list")).content.decode(), "violation-table"
    )
    assert "Hoạt động karaoke sau 00:00" not in section(
        login(other_province_officer).get(reverse("inspections:violation-list")).content.decode(),
        "violation-table",
    )


# --- follow-ups ---------------------------------------------------------------------------------------------


def test_overdue_follow_ups_are_highlighted(login, inspector, violation):
    services.follow_up_schedule(actor=inspector, violation=violation, due_on=D(2026, 3, 20))
    body = login(inspector).get(reverse("inspections:follow-up-list")).content.decode()
    table = section(body, "follow-up-table")
    assert 'class="table-danger" data-testid="overdue"' in table and "Quá hạn" in table


def test_a_follow_up_before_the_violation_is_refused_on_the_form(login, inspector, violation):
    response = login(inspector).post(
        reverse("inspections:follow-up-create"), {"violation": violation.pk, "due_on": "01/03/2026"}
    )
    assert "Hạn hậu kiểm không được trước ngày phát hiện vi phạm (10/03/2026)." in response.content.decode()
    assert not FollowUp.objects.exists()


def test_recording_a_follow_up_result_closes_the_violation(login, inspector, violation):
    follow_up = services.follow_up_schedule(actor=inspector, violation=violation, due_on=D(2026, 4, 1))
    response = login(inspector).post(
        reverse("inspections:follow-up-record", args=[follow_up.pk]),
        {"done_on": "01/04/2026", "outcome": "remedied", "result": "Đã chấp hành", "version": 1},
    )
    assert response.status_code == 302
    violation.refresh_from_db()
    assert violation.status == Violation.Status.CLOSED


# --- plans and coverage -------------------------------------------------------------------------------------


def test_the_plan_page_shows_coverage_and_planned_against_quota(
    login, inspector, provincial_team, hoa_hong, suoi_bu, inspection
):
    plan = InspectionPlan.objects.get_or_create(team=provincial_team, year=2026)[0]
    services.inspection_plan_update(
        actor=inspector,
        plan=plan,
        version=plan.version,
        changes={"announced_quota": 20, "unannounced_quota": 40},
    )
    services.plan_entry_add(actor=inspector, plan=plan, establishment=suoi_bu, mode="announced")
    body = login(inspector).get(plan.get_absolute_url()).content.decode()
    assert 'data-testid="inspected-this-year">1 <small class="text-secondary">(50,0%)</small>' in body
    assert 'data-testid="never-inspected">1<' in body
    quota = section(body, "quota-table")
    assert '<td class="text-end">60</td>' in quota
    assert "Nhà nghỉ Suối Bú" in body


def test_the_coordinator_sees_coverage_change_after_an_inspection(
    login, province_officer, inspector, provincial_team, hoa_hong, suoi_bu, leader
):
    client = login(province_officer)
    before = section(
        client.get(reverse("inspections:coverage"), {"year": 2026}).content.decode(), "coverage-table"
    )
    assert "0 (0,0%)" in before
    services.inspection_record(
        actor=inspector,
        team=provincial_team,
        establishment=hoa_hong,
        mode="announced",
        started_at=at(D(2026, 5, 5)),
        members_present=[leader],
    )
    after = section(
        client.get(reverse("inspections:coverage"), {"year": 2026}).content.decode(), "coverage-table"
    )
    assert "1 (50,0%)" in after  # the province: 1 of 2 establishments
    assert "1 (100,0%)" in after  # Phường Tô Hiệu: its only establishment


def test_coverage_exports_to_excel_with_vietnamese_headers(login, province_officer, inspection, suoi_bu):
    response = login(province_officer).get(reverse("inspections:coverage-export"), {"year": 2026})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:4] == ("Cấp", "Mã", "Địa bàn", "Số cơ sở")
    assert rows[3][:6] == ("Tỉnh", "14", "Tỉnh Sơn La", 2, 1, 50.0)
    assert ("Xã", "04105", "Phường Tô Hiệu", 1, 1, 100.0) in [row[:6] for row in rows]


def test_never_and_often_inspected_lists(login, province_officer, provincial_team, hoa_hong, suoi_bu):
    for day in (D(2026, 1, 5), D(2026, 2, 5), D(2026, 3, 5)):
        InspectionFactory.create(team=provincial_team, establishment=hoa_hong, started_at=at(day))
    client = login(province_officer)
    never = section(
        client.get(reverse("inspections:never-inspected")).content.decode(), "establishment-table"
    )
    assert "Nhà nghỉ Suối Bú" in never and "Karaoke Hoa Hồng" not in never
    often = section(
        client.get(reverse("inspections:inspected-often"), {"times": 2}).content.decode(),
        "establishment-table",
    )
    assert "Karaoke Hoa Hồng" in often and "Nhà nghỉ Suối Bú" not in often
    assert ">3</td>" in often
    assert "Karaoke Hoa Hồng" not in section(
        client.get(reverse("inspections:inspected-often"), {"times": 3}).content.decode(),
        "establishment-table",
    )


def test_the_menu_offers_inspections_to_inspectors(login, inspector):
    assert "Kiểm tra, xử lý" in login(inspector).get(reverse("home")).content.decode()


# --- plan and checklist pages -------------------------------------------------------------------------------


def test_the_team_leader_plans_the_year_and_adds_an_establishment(
    login, inspector, provincial_team, hoa_hong
):
    client = login(inspector)
    response = client.post(
        reverse("inspections:plan-create"),
        {"team": provincial_team.pk, "year": 2026, "announced_quota": 20, "unannounced_quota": 40},
    )
    plan = InspectionPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    client.post(
        reverse("inspections:plan-entry-add", args=[plan.pk]),
        {"establishment": hoa_hong.pk, "mode": "unannounced", "planned_month": 5},
    )
    body = client.get(plan.get_absolute_url()).content.decode()
    assert "Karaoke Hoa Hồng" in section(body, "plan-entries")
    assert f"establishment={hoa_hong.pk}&amp;mode=unannounced" in body  # "record" link prefilled


def test_a_second_plan_for_the_same_year_is_refused_on_the_year_field(login, inspector, provincial_team):
    InspectionPlan.objects.create(team=provincial_team, year=2026)
    response = login(inspector).post(
        reverse("inspections:plan-create"),
        {"team": provincial_team.pk, "year": 2026, "announced_quota": 1, "unannounced_quota": 1},
    )
    assert 'id="id_year-loi"' in response.content.decode()
    assert InspectionPlan.objects.count() == 1


def test_plans_of_another_province_are_404(login, other_province_officer, provincial_team):
    plan = InspectionPlan.objects.create(team=provincial_team, year=2026)
    assert login(other_province_officer).get(plan.get_absolute_url()).status_code == 404


def test_a_case_worker_cannot_plan(login, case_worker):
    assert login(case_worker).get(reverse("inspections:plan-create")).status_code == 403


def test_administrators_maintain_the_checklist_and_others_only_read_it(login, system_admin, inspector):
    admin = login(system_admin)
    response = admin.post(
        reverse("inspections:checklist-create"),
        {"code": "pccc", "name": "Phòng cháy, chữa cháy", "description": "", "order": 70},
    )
    assert response.status_code == 302
    assert (
        "Phòng cháy, chữa cháy"
        in login(inspector).get(reverse("inspections:checklist-list")).content.decode()
    )
    assert login(inspector).get(reverse("inspections:checklist-create")).status_code == 403
