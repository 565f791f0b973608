import datetime

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from pcmd.audit.models import AccessLog
from pcmd.criminal_cases import services
from pcmd.criminal_cases.models import CaseOffender, CriminalCase, Stage
from pcmd.criminal_cases.tests.factories import case_via_services, record_stage
from pcmd.hotspots.tests.factories import HotspotFactory

D = datetime.date
NAME = "Hà Thị Môi Giới"


def section(body: str, testid: str, end: str = "</table>") -> str:
    start = body.find(f'data-testid="{testid}"')
    return body[start : body.index(end, start)] if start >= 0 else ""


@pytest.fixture
def offender(police_officer, case):
    return services.case_offender_add(
        actor=police_officer, case=case, role="broker", full_name=NAME, sex="female"
    )


# --- menu and list ------------------------------------------------------------------------------------------


def test_the_menu_offers_cases_and_sanctions_to_the_police_only(
    login, police_officer, commune_officer, case_worker
):
    body = login(police_officer).get(reverse("home")).content.decode()
    assert "Vụ án" in body and "Xử phạt cá nhân" in body
    for user in (commune_officer, case_worker):
        body = login(user).get(reverse("home")).content.decode()
        assert "Vụ án" not in body and "Xử phạt cá nhân" not in body


def test_the_list_shows_the_cases_of_the_jurisdiction(
    login, police_officer, case, other_province_police_officer
):
    far = case_via_services(
        other_province_police_officer,
        other_province_police_officer.memberships.get().unit,
        other_province_police_officer.memberships.get().agency,
        number="LC-77",
    )
    response = login(police_officer).get(reverse("criminal_cases:list"))
    table = section(response.content.decode(), "case-table")
    assert response.status_code == 200
    assert "01/2026/VA" in table and far.number not in table
    assert NAME not in response.content.decode()


def test_the_list_filters_by_stage(login, police_officer, case, commune, province_police):
    other = case_via_services(police_officer, commune, province_police, number="02/2026/VA")
    record_stage(police_officer, other, Stage.PROSECUTED, D(2026, 2, 1))
    response = login(police_officer).get(reverse("criminal_cases:list"), {"stage": "prosecuted"})
    table = section(response.content.decode(), "case-table")
    assert "02/2026/VA" in table and "01/2026/VA" not in table


@pytest.mark.parametrize("persona", ["commune_officer", "case_worker", "province_officer"])
def test_users_without_the_capability_are_refused_the_list(login, request, persona):
    assert login(request.getfixturevalue(persona)).get(reverse("criminal_cases:list")).status_code == 403


def test_anonymous_visitors_are_sent_to_login(anonymous):
    response = anonymous.get(reverse("criminal_cases:list"))
    assert response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))


# --- detail, offenders --------------------------------------------------------------------------------------


def test_the_detail_shows_the_timeline_but_not_the_offenders_names(login, police_officer, case, offender):
    record_stage(police_officer, case, Stage.PROSECUTED, D(2026, 2, 1), decision_number="05/QĐ")
    response = login(police_officer).get(case.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    timeline = section(body, "case-timeline", "</ul>")
    assert "Khởi tố" in timeline and "05/QĐ" in timeline and "01/02/2026" in timeline
    assert NAME not in body
    assert 'data-testid="reveal-form"' in body
    assert not AccessLog.objects.exists()


def test_showing_the_offenders_needs_a_reason_and_is_logged(login, police_officer, case, offender):
    client = login(police_officer)
    url = reverse("criminal_cases:offenders-show", args=[case.pk])
    # without a reason
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400 and NAME not in refused.content.decode()
    assert not AccessLog.objects.exists()
    # with a reason
    response = client.post(url, {"reason": "Đối chiếu hồ sơ khởi tố"})
    assert response.status_code == 200
    assert NAME in section(response.content.decode(), "offender-table")
    assert "no-store" in response["Cache-Control"]
    entry = AccessLog.objects.get()
    assert (entry.actor, entry.reason, entry.purpose) == (
        police_officer,
        "Đối chiếu hồ sơ khởi tố",
        "view_identity",
    )


@pytest.mark.parametrize("persona", ["other_province_police_officer", "other_commune_police_officer"])
def test_a_case_outside_the_jurisdiction_is_not_found(login, request, persona, case, offender):
    client = login(request.getfixturevalue(persona))
    assert client.get(case.get_absolute_url()).status_code == 404
    response = client.post(reverse("criminal_cases:offenders-show", args=[case.pk]), {"reason": "Xem"})
    assert response.status_code == 404
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize("persona", ["commune_officer", "case_worker"])
def test_commune_officers_and_case_workers_see_nothing_of_a_case(login, request, persona, case, offender):
    client = login(request.getfixturevalue(persona))
    assert client.get(case.get_absolute_url()).status_code == 404
    assert (
        client.post(reverse("criminal_cases:offenders-show", args=[case.pk]), {"reason": "Xem"}).status_code
        == 404
    )


def test_an_offender_is_added_from_the_detail_page(login, police_officer, case):
    response = login(police_officer).post(
        reverse("criminal_cases:offender-add", args=[case.pk]),
        {"role": "owner_manager", "full_name": "Lò Văn Chủ", "birth_year": "1975", "sex": "male"},
    )
    assert response.status_code == 302
    offender = case.offenders.get()
    assert (offender.full_name, offender.birth_year) == ("Lò Văn Chủ", 1975)


def test_a_bad_offender_gets_vietnamese_errors(login, police_officer, case):
    response = login(police_officer).post(
        reverse("criminal_cases:offender-add", args=[case.pk]), {"role": "", "full_name": "", "sex": ""}
    )
    assert response.status_code == 400
    assert "Trường này là bắt buộc." in response.content.decode()
    assert not CaseOffender.objects.exists()


def test_an_offender_is_removed(login, police_officer, case, offender):
    url = reverse("criminal_cases:offender-remove", args=[case.pk, offender.pk])
    assert login(police_officer).post(url).status_code == 302
    assert not CaseOffender.objects.exists()


def test_an_outsider_cannot_remove_an_offender(login, other_province_police_officer, case, offender):
    url = reverse("criminal_cases:offender-remove", args=[case.pk, offender.pk])
    assert login(other_province_police_officer).post(url).status_code == 404
    assert CaseOffender.objects.count() == 1


# --- create, edit, stages -----------------------------------------------------------------------------------


def test_a_case_is_created_from_the_form(login, police_officer, commune, province_police):
    response = login(police_officer).post(
        reverse("criminal_cases:create"),
        {
            "unit": commune.code,
            "number": "15/2026/VA",
            "agency": province_police.pk,
            "article": "328",
            "uncovered_on": "03/03/2026",
            "victims_count": "1",
            "minor_victims_count": "0",
            "summary": "Môi giới qua mạng xã hội.",
        },
    )
    case = CriminalCase.objects.get()
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    assert (case.number, case.article, case.uncovered_on) == ("15/2026/VA", "328", D(2026, 3, 3))


def test_a_bad_case_form_shows_the_services_errors(login, police_officer, commune, province_police):
    response = login(police_officer).post(
        reverse("criminal_cases:create"),
        {
            "unit": commune.code,
            "number": "16/2026",
            "agency": province_police.pk,
            "article": "other",
            "uncovered_on": "01/07/2026",
            "victims_count": "1",
            "minor_victims_count": "2",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Ghi rõ điều luật khi chọn «Điều khác»." in body
    assert "Ngày không được sau ngày hôm nay (30/06/2026)." in body
    assert "Số nạn nhân dưới 18 tuổi không được lớn hơn tổng số nạn nhân (1)." in body
    assert not CriminalCase.objects.exists()


def test_the_create_form_refuses_a_commune_outside_the_jurisdiction(
    login, commune_police_officer, other_commune, commune_police
):
    response = login(commune_police_officer).post(
        reverse("criminal_cases:create"),
        {
            "unit": other_commune.code,
            "number": "1",
            "agency": commune_police.pk,
            "article": "327",
            "uncovered_on": "01/02/2026",
            "victims_count": "0",
            "minor_victims_count": "0",
        },
    )
    assert response.status_code == 400
    assert not CriminalCase.objects.exists()


def test_an_edit_links_a_hotspot_of_the_commune(login, police_officer, case, commune, commune_police):
    hotspot = HotspotFactory.create(unit=commune, identified_by=commune_police, name="Bờ kè suối Nậm La")
    client = login(police_officer)
    form = client.get(reverse("criminal_cases:edit", args=[case.pk]))
    assert form.status_code == 200 and "Bờ kè suối Nậm La" in form.content.decode()
    response = client.post(
        reverse("criminal_cases:edit", args=[case.pk]),
        {
            "number": case.number,
            "agency": case.agency_id,
            "article": case.article,
            "uncovered_on": "10/01/2026",
            "victims_count": "2",
            "minor_victims_count": "1",
            "hotspots": [hotspot.pk],
            "version": "1",
        },
    )
    assert response.status_code == 302
    assert list(case.hotspots.all()) == [hotspot]


def test_a_stale_edit_is_explained(login, police_officer, case):
    services.criminal_case_update(actor=police_officer, case=case, version=1, changes={"victims_count": 5})
    response = login(police_officer).post(
        reverse("criminal_cases:edit", args=[case.pk]),
        {
            "number": case.number,
            "agency": case.agency_id,
            "article": case.article,
            "uncovered_on": "10/01/2026",
            "victims_count": "2",
            "minor_victims_count": "1",
            "version": "1",
        },
    )
    assert response.status_code == 400
    assert "Bản ghi đã được người khác sửa" in response.content.decode()
    case.refresh_from_db()
    assert case.victims_count == 5


def test_the_next_stage_is_recorded_from_the_detail_page(login, police_officer, case):
    response = login(police_officer).post(
        reverse("criminal_cases:stage-record", args=[case.pk]),
        {"stage": "prosecuted", "occurred_on": "01/02/2026", "decision_number": "05/QĐ", "version": "1"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.stage == Stage.PROSECUTED


def test_a_mobile_trial_is_shown_on_the_timeline(login, police_officer, case, court):
    record_stage(police_officer, case, Stage.PROSECUTED, D(2026, 2, 1))
    record_stage(police_officer, case, Stage.INDICTED, D(2026, 3, 1))
    response = login(police_officer).post(
        reverse("criminal_cases:stage-record", args=[case.pk]),
        {
            "stage": "tried",
            "occurred_on": "01/04/2026",
            "agency": court.pk,
            "mobile_trial": "on",
            "version": case.version,
        },
    )
    assert response.status_code == 302
    body = login(police_officer).get(case.get_absolute_url()).content.decode()
    assert 'data-testid="mobile-trial"' in body


def test_a_stage_before_the_previous_is_refused_on_the_page(login, police_officer, case):
    response = login(police_officer).post(
        reverse("criminal_cases:stage-record", args=[case.pk]),
        {"stage": "prosecuted", "occurred_on": "01/01/2026", "version": "1"},
    )
    assert response.status_code == 400
    assert (
        "Ngày không được trước ngày của giai đoạn trước (Phát hiện, 10/01/2026)." in response.content.decode()
    )


# --- statistics page ----------------------------------------------------------------------------------------


def test_the_statistics_page_suppresses_small_counts_for_the_coordinator(login, province_officer, case):
    response = login(province_officer).get(
        reverse("criminal_cases:statistics"), {"period_start": "01/01/2026", "period_end": "30/06/2026"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "&lt;5" in section(body, "statistics-table") and 'data-testid="suppression-note"' in body


def test_the_statistics_page_shows_exact_counts_to_the_police(login, police_officer, case):
    response = login(police_officer).get(
        reverse("criminal_cases:statistics"), {"period_start": "01/01/2026", "period_end": "30/06/2026"}
    )
    total = section(response.content.decode(), "statistics-total", "</tr>")
    assert "<td>1</td>" in total and "&lt;5" not in total


@pytest.mark.parametrize("persona", ["commune_officer", "case_worker"])
def test_commune_officers_and_case_workers_get_no_statistics_page(login, request, persona):
    assert (
        login(request.getfixturevalue(persona)).get(reverse("criminal_cases:statistics")).status_code == 403
    )


def test_a_reversed_statistics_period_is_explained(login, police_officer):
    response = login(police_officer).get(
        reverse("criminal_cases:statistics"), {"period_start": "01/06/2026", "period_end": "01/01/2026"}
    )
    assert response.status_code == 400
    assert "Ngày kết thúc không được trước ngày bắt đầu." in response.content.decode()
