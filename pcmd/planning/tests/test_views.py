"""Planning pages: scoping (404 outside, 403 for a reader who may not write), the plan's life through its
forms, service errors shown on the forms in Vietnamese, tasks and progress, the calendar, the cascade and
downloads."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.core.services import STALE_EDIT
from pcmd.planning import services
from pcmd.planning.models import Plan, PlanArea, PlanEvent, ReportingRule, Target, Task, TaskProgress
from pcmd.planning.tests.conftest import make_draft

D = datetime.date
PDF = b"%PDF-1.4\n% minh chung\n"


def section(body: str, key: str, end: str = "</table>") -> str:
    """The HTML from the element with this data-testid (or id) to `end` (the layout around it also names plans
    and agencies); empty when there is no such element."""
    start = body.find(f'data-testid="{key}"')
    if start < 0:
        start = body.find(f'id="{key}"')
    return body[start : body.index(end, start)] if start >= 0 else ""


def text(message: object, **params: object) -> str:
    """A service message as the page shows it (HTML-escaped like Django's autoescape)."""
    return escape(str(message) % params if params else str(message))


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def justice_reporter(son_la):
    """A reporter of a Sơn La department that no task of the plan is assigned to."""
    agency = AgencyFactory.create(unit=son_la, kind=AgencyKind.JUSTICE, name="Sở Tư pháp tỉnh Sơn La")
    user = UserFactory.create(username="baocao.tuphap", full_name="Lò Văn Tư Pháp")
    MembershipFactory.create(user=user, unit=son_la, agency=agency, role=Role.AGENCY_REPORTER)
    return user


@pytest.fixture
def lead_task(issued_plan) -> Task:
    """The communication task led by the culture department (police coordinating), due 31/03/2026."""
    return issued_plan.tasks.get(lead_agency__kind=AgencyKind.CULTURE_SPORTS_TOURISM)


def plan_post_data(provincial_committee, **overrides):
    data = {
        "issuing_agency": provincial_committee.pk,
        "parent_body_name": "",
        "symbol": "KH-UBND",
        "issued_place": "Sơn La",
        "title": "Kế hoạch phòng, chống mại dâm năm 2027",
        "kind": Plan.Kind.ANNUAL,
        "period_start": "01/01/2027",
        "period_end": "31/12/2027",
        "implements": "",
        "implements_reference": "Quyết định số 1629/QĐ-TTg ngày 28/9/2021",
        "legal_bases": (
            "Căn cứ Pháp lệnh Phòng, chống mại dâm năm 2003;\n\nCăn cứ Nghị định số 178/2004/NĐ-CP;"
        ),
        "preamble": "",
        "purpose": "Nâng cao hiệu quả công tác phòng, chống mại dâm.",
        "requirements": "",
        "budget_clause": "",
        "closing_text": "",
        "signer_on_behalf_of": "ỦY BAN NHÂN DÂN",
        "signer_authority": "KT.",
        "signer_principal_title": "CHỦ TỊCH",
        "signer_position": "PHÓ CHỦ TỊCH",
        "signer_name": "Đặng Ngọc Hậu",
        "recipients": "Lưu: VT, KGVX.\nBộ Y tế;\nSở Y tế;",
    }
    data.update(overrides)
    return data


# --- list and scoping ---------------------------------------------------------------------------------------


def test_the_coordinator_lists_the_provinces_plans_and_may_create_one(login, province_officer, issued_plan):
    # when
    response = login(province_officer).get(reverse("planning:plan-list"))
    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert "35/KH-UBND" in section(body, "plan-table")
    assert "Đã ban hành" in section(body, "plan-table")
    assert "Tạo kế hoạch" in body


def test_a_coordinator_of_another_province_sees_none_of_son_las_plans(
    login, other_province_officer, issued_plan
):
    body = login(other_province_officer).get(reverse("planning:plan-list")).content.decode()
    assert "Không có kế hoạch nào phù hợp." in body
    assert issued_plan.title not in body


def test_another_province_gets_404_on_every_page_of_the_plan(login, other_province_officer, issued_plan):
    client = login(other_province_officer)
    task = issued_plan.tasks.first()
    for name in (
        "plan-detail",
        "plan-targets",
        "plan-tasks",
        "plan-reporting",
        "plan-cascade",
        "plan-history",
    ):
        assert client.get(reverse(f"planning:{name}", args=[issued_plan.pk])).status_code == 404, name
    assert client.get(reverse("planning:plan-docx", args=[issued_plan.pk])).status_code == 404
    assert client.get(reverse("planning:plan-edit", args=[issued_plan.pk])).status_code == 404
    assert client.get(reverse("planning:task-detail", args=[task.pk])).status_code == 404
    assert client.post(reverse("planning:task-progress", args=[task.pk])).status_code == 404


def test_a_commune_officer_reads_the_provincial_plan_but_cannot_edit_it(login, commune_officer, issued_plan):
    client = login(commune_officer)
    # the plan of their province is listed and opens, without any writing button
    assert issued_plan.title in client.get(reverse("planning:plan-list")).content.decode()
    response = client.get(reverse("planning:plan-detail", args=[issued_plan.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="plan-actions"' not in body
    assert reverse("planning:amendment-open", args=[issued_plan.pk]) not in body
    targets = client.get(reverse("planning:plan-targets", args=[issued_plan.pk])).content.decode()
    assert "Thêm chỉ tiêu" not in targets
    # and going to the writing pages anyway is refused
    assert client.get(reverse("planning:amendment-open", args=[issued_plan.pk])).status_code == 403
    assert client.get(reverse("planning:plan-edit", args=[issued_plan.pk])).status_code == 403
    assert client.post(reverse("planning:plan-close", args=[issued_plan.pk]), {}).status_code == 403


def test_a_commune_plan_is_not_seen_by_the_other_commune(
    login, commune_officer, other_commune_officer, commune, commune_committee
):
    plan = make_draft(commune_officer, commune, commune_committee, title="Kế hoạch của phường Tô Hiệu")
    assert (
        login(other_commune_officer).get(reverse("planning:plan-detail", args=[plan.pk])).status_code == 404
    )


def test_the_list_filters_by_unit_status_year_and_text(
    login, province_officer, commune_officer, issued_plan, draft_plan, commune, commune_committee
):
    commune_plan = make_draft(
        commune_officer,
        commune,
        commune_committee,
        title="Kế hoạch của phường Tô Hiệu",
        issued_place="Tô Hiệu",
    )
    client = login(province_officer)
    url = reverse("planning:plan-list")
    by_status = section(client.get(url, {"status": "issued"}).content.decode(), "plan-table")
    assert "35/KH-UBND" in by_status and "Chưa đánh số" not in by_status
    by_unit = section(client.get(url, {"unit": commune.pk}).content.decode(), "plan-table")
    assert commune_plan.title in by_unit and issued_plan.title not in by_unit
    by_text = section(client.get(url, {"q": "to hieu"}).content.decode(), "plan-table")
    assert commune_plan.title in by_text and issued_plan.title not in by_text
    assert "Không có kế hoạch nào phù hợp." in client.get(url, {"year": 2030}).content.decode()


def test_a_bad_filter_is_explained_not_a_500(login, province_officer):
    response = login(province_officer).get(reverse("planning:plan-list"), {"year": "abc", "status": "bogus"})
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()


def test_anonymous_is_sent_to_login_and_a_user_without_membership_is_refused(anonymous, no_membership_user):
    response = anonymous.get(reverse("planning:plan-list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    anonymous.force_login(no_membership_user)
    assert anonymous.get(reverse("planning:plan-list")).status_code == 403
    assert anonymous.get(reverse("planning:my-tasks")).status_code == 403


def test_the_menu_offers_plans_and_tasks_by_capability(login, province_officer, case_worker):
    body = login(province_officer).get(reverse("home")).content.decode()
    assert reverse("planning:plan-list") in body and reverse("planning:my-tasks") in body
    # a case worker reads plans but records no task progress
    body = login(case_worker).get(reverse("home")).content.decode()
    assert reverse("planning:plan-list") in body and reverse("planning:my-tasks") not in body


# --- create and edit ----------------------------------------------------------------------------------------


def test_the_coordinator_creates_a_draft_with_its_legal_bases_and_recipients(
    login, province_officer, son_la, provincial_committee
):
    # when
    data = plan_post_data(
        provincial_committee,
        title="Kế hoạch phòng, chống mại dâm\r\nnăm 2027",
        purpose="Nâng cao nhận thức.\r\nGiảm tệ nạn mại dâm.",
    )
    response = login(province_officer).post(reverse("planning:plan-create"), data)
    # then
    plan = Plan.objects.get(title="Kế hoạch phòng, chống mại dâm năm 2027")
    assert plan.purpose == "Nâng cao nhận thức.\nGiảm tệ nạn mại dâm."
    assert response.status_code == 302 and response["Location"] == reverse(
        "planning:plan-detail", args=[plan.pk]
    )
    assert plan.status == Plan.Status.DRAFT and plan.issuing_unit == son_la
    assert plan.period_start == D(2027, 1, 1)
    assert list(plan.legal_bases.values_list("text", flat=True)) == [
        "Căn cứ Pháp lệnh Phòng, chống mại dâm năm 2003",
        "Căn cứ Nghị định số 178/2004/NĐ-CP",
    ]
    assert list(plan.recipients.values_list("text", "is_archive")) == [
        ("Bộ Y tế", False),
        ("Sở Y tế", False),
        ("Lưu: VT, KGVX", True),
    ]
    assert PlanEvent.objects.filter(plan=plan, to_status=Plan.Status.DRAFT).exists()


def test_the_create_form_offers_only_the_units_agencies_and_issued_plans_above(
    login, province_officer, son_la, provincial_committee, commune_committee, issued_plan
):
    draft_plan = make_draft(province_officer, son_la, provincial_committee, title="Một dự thảo khác")
    body = login(province_officer).get(reverse("planning:plan-create")).content.decode()
    assert f'value="{provincial_committee.pk}"' in body
    assert f'value="{commune_committee.pk}"' not in body  # a commune's body does not issue provincial plans
    implements = section(body, "id_implements", "</select>")
    assert f'value="{issued_plan.pk}"' in implements and f'value="{draft_plan.pk}"' not in implements


def test_a_reversed_period_is_shown_on_its_field_and_nothing_is_saved(
    login, province_officer, provincial_committee
):
    data = plan_post_data(provincial_committee, period_start="31/12/2027", period_end="01/01/2027")
    response = login(province_officer).post(reverse("planning:plan-create"), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Ngày kết thúc không được trước ngày bắt đầu." in section(body, "id_period_end-loi", "</div>")
    assert not Plan.objects.filter(title=data["title"]).exists()


def test_an_impossible_date_is_refused_by_the_form(login, province_officer, provincial_committee):
    data = plan_post_data(provincial_committee, period_end="31/06/2027")
    response = login(province_officer).post(reverse("planning:plan-create"), data)
    assert response.status_code == 400
    assert "Nhập một ngày hợp lệ" in response.content.decode()
    assert not Plan.objects.filter(title=data["title"]).exists()


def test_a_commune_officer_cannot_create_a_plan_for_the_province(
    login, commune_officer, commune, commune_committee, provincial_committee
):
    client = login(commune_officer)
    body = client.get(reverse("planning:plan-create")).content.decode()
    assert f'value="{commune_committee.pk}"' in body and f'value="{provincial_committee.pk}"' not in body
    # posting the province's body anyway is refused on the field, nothing saved
    response = client.post(reverse("planning:plan-create"), plan_post_data(provincial_committee))
    assert response.status_code == 400
    assert not Plan.objects.exists()


def test_a_reader_without_the_right_to_draft_gets_403_on_create(login, justice_reporter):
    assert login(justice_reporter).get(reverse("planning:plan-create")).status_code == 403


def test_editing_a_draft_saves_the_changes(login, province_officer, draft_plan, provincial_committee):
    data = plan_post_data(
        provincial_committee,
        title="Kế hoạch đã sửa",
        period_start="01/01/2026",
        period_end="31/12/2026",
        version=draft_plan.version,
    )
    response = login(province_officer).post(reverse("planning:plan-edit", args=[draft_plan.pk]), data)
    assert response.status_code == 302
    draft_plan.refresh_from_db()
    assert draft_plan.title == "Kế hoạch đã sửa"
    assert draft_plan.legal_bases.count() == 2


def test_a_stale_edit_is_refused_with_the_vietnamese_message(
    login, province_officer, draft_plan, provincial_committee
):
    # given someone else saved the plan after the form was opened
    opened_version = draft_plan.version
    services.plan_update(
        actor=province_officer, plan=draft_plan, version=opened_version, title="Bản của người khác"
    )
    data = plan_post_data(
        provincial_committee,
        title="Bản của tôi",
        period_start="01/01/2026",
        period_end="31/12/2026",
        version=opened_version,
    )
    # when
    response = login(province_officer).post(reverse("planning:plan-edit", args=[draft_plan.pk]), data)
    # then
    body = response.content.decode()
    assert response.status_code == 400
    assert text(STALE_EDIT, current=opened_version + 1) in section(body, "form-errors", "</div></div>")
    draft_plan.refresh_from_db()
    assert draft_plan.title == "Bản của người khác"
    assert draft_plan.legal_bases.count() == 0  # nothing of the refused form was kept


# --- issue, amend, close, delete ----------------------------------------------------------------------------


def test_issuing_numbers_the_plan_and_its_calendar_shows_the_deadlines(
    login, province_officer, plan_with_content
):
    client = login(province_officer)
    # when
    response = client.post(
        reverse("planning:plan-issue", args=[plan_with_content.pk]),
        {"number": "35", "issued_on": "10/02/2026", "note": "", "version": plan_with_content.version},
    )
    # then
    assert response.status_code == 302
    plan_with_content.refresh_from_db()
    assert plan_with_content.status == Plan.Status.ISSUED and plan_with_content.reference == "35/KH-UBND"
    calendar = section(
        client.get(reverse("planning:plan-reporting", args=[plan_with_content.pk])).content.decode(),
        "reporting-calendar",
    )
    assert "15/05/2026" in calendar and "10/11/2026" in calendar
    assert "6 tháng đầu năm 2026" in calendar and "Năm 2026" in calendar
    assert "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La" in calendar and "Sở Y tế tỉnh Sơn La" in calendar


def test_a_drafts_calendar_is_shown_as_a_preview(login, province_officer, plan_with_content):
    body = login(province_officer).get(reverse("planning:plan-reporting", args=[plan_with_content.pk]))
    content = body.content.decode()
    assert "lịch chính thức được lập khi ban hành" in content
    assert "15/05/2026" in section(content, "reporting-calendar")


def test_issuing_needs_a_number_shown_on_its_field(login, province_officer, plan_with_content):
    response = login(province_officer).post(
        reverse("planning:plan-issue", args=[plan_with_content.pk]),
        {"number": "", "issued_on": "10/02/2026", "version": plan_with_content.version},
    )
    assert response.status_code == 400
    assert "Nhập số văn bản để ban hành." in section(response.content.decode(), "id_number-loi", "</div>")
    plan_with_content.refresh_from_db()
    assert plan_with_content.status == Plan.Status.DRAFT


def test_issuing_twice_is_refused_with_the_message(login, province_officer, issued_plan):
    response = login(province_officer).post(
        reverse("planning:plan-issue", args=[issued_plan.pk]),
        {"number": "36", "issued_on": "11/02/2026", "version": issued_plan.version},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert text(services.ALREADY_ISSUED, day="10/02/2026", reference="35/KH-UBND") in body
    issued_plan.refresh_from_db()
    assert issued_plan.number == "35" and issued_plan.issued_on == D(2026, 2, 10)


def test_an_issued_plan_is_edited_only_inside_an_amendment(
    login, province_officer, issued_plan, provincial_committee
):
    client = login(province_officer)
    edit_url = reverse("planning:plan-edit", args=[issued_plan.pk])
    data = plan_post_data(
        provincial_committee, title="Kế hoạch sửa đổi", period_start="01/01/2026", period_end="31/12/2026"
    )
    # an issued plan: the edit page says why, and saving is refused with the message
    assert text(services.NOT_EDITABLE_ISSUED) in client.get(edit_url).content.decode()
    response = client.post(edit_url, {**data, "version": issued_plan.version})
    assert response.status_code == 400
    assert text(services.NOT_EDITABLE_ISSUED) in section(
        response.content.decode(), "form-errors", "</div></div>"
    )
    target_response = client.post(
        reverse("planning:target-create", args=[issued_plan.pk]),
        {"area": PlanArea.TRAINING, "statement": "Tập huấn cán bộ", "applies_to": "issuing_unit"},
    )
    assert text(services.NOT_EDITABLE_ISSUED) in target_response.content.decode()
    issued_plan.refresh_from_db()
    assert issued_plan.title != "Kế hoạch sửa đổi" and issued_plan.targets.count() == 1
    # when an amendment is opened with its reason
    response = client.post(
        reverse("planning:amendment-open", args=[issued_plan.pk]),
        {
            "reason": "Điều chỉnh theo chỉ đạo của Bộ Y tế",
            "document_reference": "",
            "version": issued_plan.version,
        },
    )
    assert response.status_code == 302
    issued_plan.refresh_from_db()
    # then the plan can be edited, and completing the amendment keeps the earlier text in the history
    assert client.post(edit_url, {**data, "version": issued_plan.version}).status_code == 302
    assert client.post(reverse("planning:amendment-complete", args=[issued_plan.pk])).status_code == 302
    issued_plan.refresh_from_db()
    assert issued_plan.title == "Kế hoạch sửa đổi" and issued_plan.status == Plan.Status.ISSUED
    history = client.get(reverse("planning:plan-history", args=[issued_plan.pk])).content.decode()
    assert "Điều chỉnh theo chỉ đạo của Bộ Y tế" in section(history, "amendment-reason", "</dd>")
    before = section(history, "amendment-snapshot", "</details>")
    assert "Kế hoạch thực hiện công tác phòng, chống mại dâm năm 2026" in before
    assert "Triệt xóa các điểm phức tạp về mại dâm" in before
    assert "≥ 20%" in before and "Thanh tra, kiểm tra, xử lý vi phạm" in before


def test_an_amendment_needs_a_reason(login, province_officer, issued_plan):
    response = login(province_officer).post(
        reverse("planning:amendment-open", args=[issued_plan.pk]),
        {"reason": " ", "version": issued_plan.version},
    )
    assert response.status_code == 400
    assert "Ghi lý do sửa đổi." in section(response.content.decode(), "id_reason-loi", "</div>")
    assert not issued_plan.amendments.exists()


def test_a_plan_is_superseded_by_a_newer_plan_of_the_same_unit(
    login, province_officer, issued_plan, son_la, provincial_committee
):
    newer = make_draft(province_officer, son_la, provincial_committee, title="Kế hoạch thay thế")
    services.plan_section_save(actor=province_officer, plan=newer, heading="Nhiệm vụ", body="Triển khai.")
    services.plan_issue(
        actor=province_officer, plan=newer, version=newer.version, number="90", issued_on=D(2026, 6, 1)
    )
    client = login(province_officer)
    form = client.get(reverse("planning:plan-close", args=[issued_plan.pk])).content.decode()
    assert f'value="{newer.pk}"' in form
    response = client.post(
        reverse("planning:plan-close", args=[issued_plan.pk]),
        {"superseded_by": newer.pk, "note": "", "version": issued_plan.version},
    )
    assert response.status_code == 302
    issued_plan.refresh_from_db()
    assert issued_plan.status == Plan.Status.SUPERSEDED
    assert (
        "Thay thế bởi kế hoạch 90/KH-UBND"
        in client.get(reverse("planning:plan-history", args=[issued_plan.pk])).content.decode()
    )


def test_a_draft_is_deleted_but_an_issued_plan_is_not(
    login, province_officer, son_la, provincial_committee, issued_plan
):
    draft_plan = make_draft(province_officer, son_la, provincial_committee, title="Dự thảo bỏ đi")
    client = login(province_officer)
    response = client.post(reverse("planning:plan-delete", args=[draft_plan.pk]))
    assert response.status_code == 302 and not Plan.objects.filter(pk=draft_plan.pk).exists()
    response = client.post(reverse("planning:plan-delete", args=[issued_plan.pk]), follow=True)
    assert text(services.DELETE_ONLY_DRAFT) in response.content.decode()
    assert Plan.objects.filter(pk=issued_plan.pk).exists()


# --- targets, tasks, rules ----------------------------------------------------------------------------------


def test_targets_are_grouped_by_area_with_their_measure(login, province_officer, plan_with_content):
    services.target_save(
        actor=province_officer,
        plan=plan_with_content,
        area=PlanArea.HOTSPOTS,
        statement="Không để phát sinh điểm phức tạp mới",
    )
    body = login(province_officer).get(reverse("planning:plan-targets", args=[plan_with_content.pk]))
    content = body.content.decode()
    inspection = content.index("Thanh tra, kiểm tra, xử lý vi phạm")
    hotspots = content.index("Triệt xóa điểm phức tạp")
    assert inspection < hotspots  # areas in the order of the plans' headings
    assert "≥ 20%" in content and "Định tính" in content
    assert "Từng xã, phường" in content


def test_a_measurable_target_without_a_value_is_refused_on_the_value_field(
    login, province_officer, draft_plan
):
    response = login(province_officer).post(
        reverse("planning:target-create", args=[draft_plan.pk]),
        {
            "area": PlanArea.COMMUNICATION,
            "statement": "Ít nhất 70% xã có hoạt động tuyên truyền",
            "comparator": Target.Comparator.AT_LEAST,
            "value": "",
            "measure_unit": Target.MeasureUnit.PERCENT,
            "applies_to": Target.AppliesTo.ISSUING_UNIT,
        },
    )
    assert response.status_code == 400
    assert text(services.MEASURABLE_NEEDS_VALUE) in section(
        response.content.decode(), "id_value-loi", "</div>"
    )
    assert not draft_plan.targets.exists()


def test_a_decimal_target_is_typed_with_a_comma(login, province_officer, draft_plan):
    response = login(province_officer).post(
        reverse("planning:target-create", args=[draft_plan.pk]),
        {
            "area": PlanArea.INSPECTION,
            "statement": "Tăng 3,5 - 5% số vụ được xử lý mỗi năm",
            "comparator": Target.Comparator.INCREASE_BY,
            "value": "3,5",
            "value_max": "5",
            "measure_unit": Target.MeasureUnit.PERCENT_PER_YEAR,
            "due_year": "2026",
            "applies_to": Target.AppliesTo.ISSUING_UNIT,
        },
    )
    assert response.status_code == 302
    target = draft_plan.targets.get()
    assert str(target.value) == "3.50" and str(target.value_max) == "5.00"
    body = (
        login(province_officer).get(reverse("planning:plan-targets", args=[draft_plan.pk])).content.decode()
    )
    assert "+ 3,5 – 5%/năm" in section(body, "target-table")


def test_a_commune_inherits_the_provincial_targets_with_the_button(
    login, commune_officer, commune, commune_committee, issued_plan
):
    plan = make_draft(
        commune_officer,
        commune,
        commune_committee,
        title="Kế hoạch phường Tô Hiệu 2026",
        implements=issued_plan,
    )
    client = login(commune_officer)
    page = client.get(reverse("planning:plan-targets", args=[plan.pk])).content.decode()
    assert "Kế thừa chỉ tiêu cấp trên" in page
    response = client.post(reverse("planning:targets-inherit", args=[plan.pk]), follow=True)
    body = response.content.decode()
    assert "Đã kế thừa 1 chỉ tiêu của kế hoạch cấp trên." in body
    assert "Kế thừa cấp trên" in section(body, "target-table")
    assert plan.targets.get().inherited_from is not None


def test_a_task_without_a_lead_agency_gets_one_clear_message(login, province_officer, draft_plan):
    response = login(province_officer).post(
        reverse("planning:task-create", args=[draft_plan.pk]),
        {"area": PlanArea.COMMUNICATION, "text": "Tuyên truyền trên báo, đài", "lead_agency": ""},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert text(services.LEAD_REQUIRED) in section(body, "id_lead_agency-loi", "</div>")
    assert "Trường này là bắt buộc" not in body
    assert not draft_plan.tasks.exists()


def test_a_task_is_added_with_coordinating_agencies_and_edited(
    login, province_officer, draft_plan, police, culture_department
):
    client = login(province_officer)
    response = client.post(
        reverse("planning:task-create", args=[draft_plan.pk]),
        {
            "area": PlanArea.INSPECTION,
            "text": "Kiểm tra các cơ sở kinh doanh dịch vụ",
            "lead_agency": culture_department.pk,
            "coordinating_agencies": [police.pk],
            "due_date": "30/06/2026",
        },
    )
    assert response.status_code == 302
    task = draft_plan.tasks.get()
    assert list(task.coordinating_agencies.all()) == [police]
    page = client.get(reverse("planning:plan-tasks", args=[draft_plan.pk])).content.decode()
    assert "Công an tỉnh Sơn La" in section(page, "task-table") and "30/06/2026" in page
    # a stale edit of the task is refused
    stale = client.post(
        reverse("planning:task-edit", args=[draft_plan.pk, task.pk]),
        {"area": PlanArea.INSPECTION, "text": "Đổi", "lead_agency": police.pk, "version": task.version - 1},
    )
    assert stale.status_code == 400 and "đã được người khác sửa" in stale.content.decode()
    response = client.post(reverse("planning:task-remove", args=[draft_plan.pk, task.pk]))
    assert response.status_code == 302 and not draft_plan.tasks.exists()


def test_a_reporting_day_outside_the_plan_period_is_refused_on_the_day_field(
    login, province_officer, draft_plan, health_department
):
    plan = draft_plan
    services.plan_update(
        actor=province_officer,
        plan=plan,
        version=plan.version,
        period_start=D(2026, 7, 1),
        period_end=D(2026, 12, 31),
    )
    response = login(province_officer).post(
        reverse("planning:rule-create", args=[plan.pk]),
        {
            "reporters": ReportingRule.Reporters.ASSIGNED_AGENCIES,
            "recipient_agency": health_department.pk,
            "period_kind": ReportingRule.PeriodKind.SEMIANNUAL,
            "due_day": "15",
            "due_month": "5",
        },
    )
    assert response.status_code == 400
    assert "Hạn báo cáo 15/05 không rơi vào thời gian thực hiện kế hoạch" in section(
        response.content.decode(), "id_due_day-loi", "</div>"
    )
    assert not plan.reporting_rules.exists()


def test_writing_pages_of_a_plan_refuse_a_reader(login, commune_officer, issued_plan, lead_task):
    client = login(commune_officer)
    target = issued_plan.targets.get()
    rule = issued_plan.reporting_rules.first()
    assert client.post(reverse("planning:target-remove", args=[issued_plan.pk, target.pk])).status_code == 403
    assert (
        client.post(reverse("planning:task-remove", args=[issued_plan.pk, lead_task.pk])).status_code == 403
    )
    assert client.post(reverse("planning:rule-remove", args=[issued_plan.pk, rule.pk])).status_code == 403
    assert client.post(reverse("planning:targets-inherit", args=[issued_plan.pk])).status_code == 403
    assert issued_plan.targets.exists() and issued_plan.tasks.count() == 2


def test_a_target_of_another_plan_is_not_found_through_this_plan(
    login, province_officer, son_la, provincial_committee, issued_plan
):
    draft_plan = make_draft(province_officer, son_la, provincial_committee, title="Dự thảo khác")
    other_target = issued_plan.targets.get()
    url = reverse("planning:target-edit", args=[draft_plan.pk, other_target.pk])
    assert login(province_officer).get(url).status_code == 404


# --- tasks and progress -------------------------------------------------------------------------------------


def test_the_lead_agencys_reporter_records_progress_with_evidence(login, culture_reporter, lead_task):
    client = login(culture_reporter)
    # the task page offers the progress form
    assert (
        "Cập nhật tiến độ"
        in client.get(reverse("planning:task-detail", args=[lead_task.pk])).content.decode()
    )
    # when
    response = client.post(
        reverse("planning:task-progress", args=[lead_task.pk]),
        {
            "reported_on": "15/03/2026",
            "status": Task.Status.IN_PROGRESS,
            "note": "Đã tổ chức 12 buổi tuyên truyền tại cơ sở kinh doanh dịch vụ.",
            "version": lead_task.version,
            "evidence": SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf"),
        },
    )
    # then
    assert response.status_code == 302
    progress = TaskProgress.objects.get(task=lead_task)
    assert progress.reported_on == D(2026, 3, 15) and progress.actor == culture_reporter
    lead_task.refresh_from_db()
    assert lead_task.status == Task.Status.IN_PROGRESS
    page = client.get(reverse("planning:task-detail", args=[lead_task.pk])).content.decode()
    assert "Đã tổ chức 12 buổi tuyên truyền" in section(page, "progress-table")
    evidence = client.get(reverse("planning:progress-evidence", args=[lead_task.pk, progress.pk]))
    assert evidence.status_code == 200 and b"".join(evidence.streaming_content) == PDF


def test_an_agency_not_assigned_to_the_task_is_refused_403(login, justice_reporter, lead_task):
    client = login(justice_reporter)
    page = client.get(reverse("planning:task-detail", args=[lead_task.pk]))
    assert page.status_code == 200 and "Ghi nhận tiến độ" not in page.content.decode()
    response = client.post(
        reverse("planning:task-progress", args=[lead_task.pk]),
        {
            "reported_on": "15/03/2026",
            "status": Task.Status.DONE,
            "note": "Xong",
            "version": lead_task.version,
        },
    )
    assert response.status_code == 403
    assert not TaskProgress.objects.exists()


def test_progress_in_the_future_and_without_a_note_is_shown_on_the_fields(login, culture_reporter, lead_task):
    future = (datetime.date.today() + datetime.timedelta(days=10)).strftime("%d/%m/%Y")
    response = login(culture_reporter).post(
        reverse("planning:task-progress", args=[lead_task.pk]),
        {"reported_on": future, "status": Task.Status.DONE, "note": "", "version": lead_task.version},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Ngày cập nhật không được sau hôm nay" in section(body, "id_reported_on-loi", "</div>")
    assert "Ghi kết quả, tiến độ thực hiện." in section(body, "id_note-loi", "</div>")
    assert not TaskProgress.objects.exists()


def test_my_tasks_lists_the_agencys_tasks_and_filters_the_overdue(login, police_reporter, issued_plan):
    client = login(police_reporter)
    url = reverse("planning:my-tasks")
    # police lead the hotspot task and coordinate the communication task (due 31/03/2026, now overdue)
    table = section(client.get(url).content.decode(), "task-table")
    assert "Triệt xóa các điểm phức tạp" in table and "Tuyên truyền phòng, chống mại dâm" in table
    overdue = section(client.get(url, {"overdue": "1"}).content.decode(), "task-table")
    assert "Tuyên truyền phòng, chống mại dâm" in overdue and "Triệt xóa" not in overdue
    assert 'data-overdue="true"' in overdue and "Quá hạn" in overdue
    on_time = section(client.get(url, {"overdue": "0"}).content.decode(), "task-table")
    assert "Triệt xóa các điểm phức tạp" in on_time and "Tuyên truyền" not in on_time


def test_a_membership_without_an_agency_is_told_so_on_my_tasks(login, commune_officer, issued_plan):
    body = login(commune_officer).get(reverse("planning:my-tasks")).content.decode()
    assert "không gắn với cơ quan nào" in body


def test_the_coordinator_follows_every_task_by_agency_and_status(
    login, province_officer, issued_plan, culture_department, police
):
    client = login(province_officer)
    url = reverse("planning:task-list")
    by_agency = section(client.get(url, {"agency": culture_department.pk}).content.decode(), "task-table")
    assert "Tuyên truyền phòng, chống mại dâm" in by_agency and "Triệt xóa" not in by_agency
    by_status = section(client.get(url, {"status": Task.Status.DONE}).content.decode(), "task-table")
    assert by_status == ""  # no task done yet: the table is not drawn
    overdue = section(client.get(url, {"overdue": "1"}).content.decode(), "task-table")
    assert "text-danger" in overdue and "Tuyên truyền phòng, chống mại dâm" in overdue


def test_the_task_list_of_another_province_is_empty(login, other_province_officer, issued_plan):
    body = login(other_province_officer).get(reverse("planning:task-list")).content.decode()
    assert "Không có nhiệm vụ nào phù hợp." in body


# --- calendar, cascade, downloads ---------------------------------------------------------------------------


def test_the_cascade_shows_which_communes_have_an_implementing_plan(
    login, province_officer, commune_officer, commune, other_commune, commune_committee, issued_plan
):
    # given Tô Hiệu issued its plan implementing the provincial one, Mường Bú did not
    plan = make_draft(
        commune_officer,
        commune,
        commune_committee,
        title="Kế hoạch phường Tô Hiệu 2026",
        implements=issued_plan,
    )
    services.plan_targets_inherit(actor=commune_officer, plan=plan)
    plan.refresh_from_db()
    services.plan_issue(
        actor=commune_officer, plan=plan, version=plan.version, number="12", issued_on=D(2026, 3, 1)
    )
    # when
    body = (
        login(province_officer).get(reverse("planning:plan-cascade", args=[issued_plan.pk])).content.decode()
    )
    # then
    summary = section(body, "cascade-summary", "</div>")
    assert "1/2 đơn vị cấp dưới đã ban hành kế hoạch thực hiện" in summary and "50,0%" in summary
    units = section(body, "cascade-units")
    assert "Phường Tô Hiệu" in units and "12/KH-UBND" in units and "Xã Mường Bú" in units
    assert "Chưa có kế hoạch" in units
    assert reverse("planning:plan-detail", args=[plan.pk]) in units  # the province opens the commune's plan
    agencies = section(body, "cascade-agencies")
    assert "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La" in agencies and "Công an tỉnh Sơn La" in agencies


def test_the_other_commune_sees_the_cascade_without_links_to_plans_it_may_not_open(
    login, other_commune_officer, commune_officer, commune, commune_committee, issued_plan
):
    plan = make_draft(
        commune_officer, commune, commune_committee, title="Kế hoạch Tô Hiệu", implements=issued_plan
    )
    services.plan_section_save(actor=commune_officer, plan=plan, heading="Nhiệm vụ", body="Triển khai.")
    services.plan_issue(
        actor=commune_officer, plan=plan, version=plan.version, number="12", issued_on=D(2026, 3, 1)
    )
    body = login(other_commune_officer).get(reverse("planning:plan-cascade", args=[issued_plan.pk]))
    units = section(body.content.decode(), "cascade-units")
    assert "12/KH-UBND" in units
    assert reverse("planning:plan-detail", args=[plan.pk]) not in units


def test_the_word_document_downloads_and_opens(login, commune_officer, issued_plan):
    import docx

    response = login(commune_officer).get(reverse("planning:plan-docx", args=[issued_plan.pk]))
    assert response.status_code == 200
    assert (
        response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment;")
    assert '.docx"' in response["Content-Disposition"] and "35" in response["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.content))
    assert any("KẾ HOẠCH" in paragraph.text for paragraph in document.paragraphs)


def test_the_task_workbook_downloads_and_opens(login, province_officer, issued_plan):
    import openpyxl

    response = login(province_officer).get(reverse("planning:plan-xlsx", args=[issued_plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert '.xlsx"' in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = [str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert any("Triệt xóa các điểm phức tạp về mại dâm" in value for value in cells)


def test_the_overview_shows_the_plans_figures_and_the_actions_of_its_state(
    login, province_officer, issued_plan
):
    body = (
        login(province_officer).get(reverse("planning:plan-detail", args=[issued_plan.pk])).content.decode()
    )
    counts = section(body, "plan-counts", "</dl>")
    assert "Chỉ tiêu" in counts and "Nhiệm vụ" in counts
    actions = section(body, "plan-actions", "</div>")
    assert "Sửa đổi kế hoạch" in actions and "Kết thúc hoặc thay thế" in actions and "Ban hành" not in actions
    recipients = section(body, "recipients", "</ul>")
    assert recipients.index("Bộ Y tế") < recipients.index("Lưu: VT, KGVX")


def test_a_national_administrator_first_names_the_issuing_unit(
    login, system_admin, son_la, provincial_committee
):
    client = login(system_admin)
    # without a unit the page asks for one, and an unknown code is explained
    assert "Mã đơn vị ban hành" in client.get(reverse("planning:plan-create")).content.decode()
    unknown = client.get(reverse("planning:plan-create"), {"don_vi": "99"}).content.decode()
    assert "Không tìm thấy đơn vị hành chính có mã này" in unknown
    # with Sơn La's code the form offers Sơn La's bodies, and the plan is created there
    url = f"{reverse('planning:plan-create')}?don_vi=14"
    assert f'value="{provincial_committee.pk}"' in client.get(url).content.decode()
    response = client.post(url, plan_post_data(provincial_committee))
    assert response.status_code == 302
    assert Plan.objects.get().issuing_unit == son_la


def test_the_original_text_is_attached_and_served_only_within_the_jurisdiction(
    login, province_officer, other_province_officer, provincial_committee
):
    data = plan_post_data(
        provincial_committee,
        original_text=SimpleUploadedFile("ke-hoach-goc.pdf", PDF, content_type="application/pdf"),
    )
    assert login(province_officer).post(reverse("planning:plan-create"), data).status_code == 302
    plan = Plan.objects.get()
    url = reverse("planning:plan-original", args=[plan.pk])
    response = login(province_officer).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "ke-hoach-goc" in response["Content-Disposition"]
    assert login(other_province_officer).get(url).status_code == 404


def test_a_free_section_is_added_to_the_plans_content(login, province_officer, draft_plan):
    response = login(province_officer).post(
        reverse("planning:section-create", args=[draft_plan.pk]),
        {
            "area": PlanArea.PREVENTION,
            "heading": "Nhiệm vụ, giải pháp",
            "body": "Lồng ghép phòng, chống mại dâm.",
        },
    )
    assert response.status_code == 302
    body = login(province_officer).get(reverse("planning:plan-detail", args=[draft_plan.pk])).content.decode()
    content = section(body, "plan-content", "</div>")
    assert "Nhiệm vụ, giải pháp" in content and "Lồng ghép phòng, chống mại dâm." in content
