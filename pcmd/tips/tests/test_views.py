import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pcmd.agencies.models import AgencyKind
from pcmd.audit.models import AccessLog
from pcmd.hotspots.models import Hotspot
from pcmd.tips.models import RoutingRule, StageDeadline, Tip, TipMessage, TipStatus
from pcmd.tips.tests.factories import INFORMANT_NAME, INFORMANT_PHONE, PNG_BYTES, png, submit, walk

S = TipStatus
QUEUE = "/tin-bao/"


def detail_url(tip):
    return f"/tin-bao/{tip.pk}/"


# --- the queue ----------------------------------------------------------------------------------------------


def test_a_commune_officer_sees_the_communes_queue_only(
    login, commune_officer, commune_tip, other_commune_tip
):
    response = login(commune_officer).get(QUEUE)
    body = response.content.decode()
    assert response.status_code == 200
    assert commune_tip.reference in body and other_commune_tip.reference not in body
    # the queue shows neither the content nor the informant
    assert INFORMANT_NAME not in body and "Hoa Hồng" not in body


@pytest.mark.parametrize("persona", ["case_worker", "inspector", "leader"])
def test_users_who_do_not_handle_tips_have_no_queue(persona, request, login, commune_tip):
    assert login(request.getfixturevalue(persona)).get(QUEUE).status_code == 403


def test_the_overdue_filter_lists_the_late_tips(login, province_officer, commune_tip, province_tip):
    Tip.objects.filter(pk=province_tip.pk).update(stage_due_at=timezone.now() - datetime.timedelta(days=2))
    body = login(province_officer).get(QUEUE, {"overdue": "on"}).content.decode()
    assert province_tip.reference in body and commune_tip.reference not in body
    assert "Tin quá hạn (1)" in body


def test_the_menu_offers_tips_to_handlers_only(login, commune_officer, case_worker):
    assert "Tố giác, tin báo" in login(commune_officer).get("/").content.decode()
    assert "Tố giác, tin báo" not in login(case_worker).get("/").content.decode()


# --- a tip's page -------------------------------------------------------------------------------------------


def test_the_tip_page_shows_the_content_escaped_and_logs_the_read(login, commune_officer, son_la, commune):
    tip = submit(son_la, commune, content='<script>alert("x")</script> quán Hoa Hồng').tip
    response = login(commune_officer).get(detail_url(tip))
    body = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert (
        "<script>alert" not in body
        and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; quán Hoa Hồng" in body
    )
    log = AccessLog.objects.get()
    assert (log.actor, log.purpose, log.object_id) == (commune_officer, AccessLog.Purpose.VIEW, str(tip.pk))


@pytest.mark.parametrize("persona", ["other_commune_officer", "other_province_officer", "case_worker"])
def test_outsiders_get_404_on_a_tips_pages(persona, request, login, commune_tip):
    client = login(request.getfixturevalue(persona))
    assert client.get(detail_url(commune_tip)).status_code == 404
    assert (
        client.post(f"{detail_url(commune_tip)}chuyen-buoc/", {"to_status": "verifying"}).status_code == 404
    )
    assert client.post(f"{detail_url(commune_tip)}nhan-tin/", {"body": "x"}).status_code == 404
    assert not AccessLog.objects.exists()


def test_the_informant_stays_hidden_from_a_commune_officer(login, commune_officer, commune_tip):
    client = login(commune_officer)
    body = client.get(detail_url(commune_tip)).content.decode()
    assert INFORMANT_NAME not in body and INFORMANT_PHONE not in body
    assert "Chỉ cán bộ có quyền xem danh tính người tố giác mới xem được." in body
    assert client.post(f"{detail_url(commune_tip)}nguoi-bao-tin/", {"reason": "Xem"}).status_code == 403
    assert not AccessLog.objects.filter(purpose=AccessLog.Purpose.VIEW_IDENTITY).exists()


def test_police_see_the_informant_after_giving_a_reason(login, police_officer, commune_tip):
    client = login(police_officer)
    page = client.get(detail_url(commune_tip)).content.decode()
    assert INFORMANT_NAME not in page and "Xem danh tính" in page
    # without a reason
    refused = client.post(f"{detail_url(commune_tip)}nguoi-bao-tin/", {"reason": ""}).content.decode()
    assert INFORMANT_NAME not in refused
    assert not AccessLog.objects.filter(purpose=AccessLog.Purpose.VIEW_IDENTITY).exists()
    # with a reason
    response = client.post(
        f"{detail_url(commune_tip)}nguoi-bao-tin/", {"reason": "Mời người báo tin làm chứng"}
    )
    assert INFORMANT_NAME in response.content.decode() and "no-store" in response["Cache-Control"]
    log = AccessLog.objects.get(purpose=AccessLog.Purpose.VIEW_IDENTITY)
    assert (log.actor, log.reason) == (police_officer, "Mời người báo tin làm chứng")
    # and the next ordinary view hides it again
    assert INFORMANT_NAME not in client.get(detail_url(commune_tip)).content.decode()


def test_the_officer_moves_the_tip_to_the_next_step(login, commune_officer, commune_tip):
    client = login(commune_officer)
    response = client.post(
        f"{detail_url(commune_tip)}chuyen-buoc/",
        {"to_status": "verifying", "version": 1, "note": "Giao công an xã"},
    )
    assert response.status_code == 302
    commune_tip.refresh_from_db()
    assert commune_tip.status == S.VERIFYING
    page = client.get(detail_url(commune_tip)).content.decode()
    assert "Giao công an xã" in page and "Ghi nhận phân loại" in page


def test_a_refused_step_shows_the_reason_on_the_page(login, commune_officer, commune_tip):
    walk(commune_tip, commune_officer, S.CLASSIFIED)
    response = login(commune_officer).post(
        f"{detail_url(commune_tip)}chuyen-buoc/",
        {"to_status": "handled", "version": commune_tip.version, "outcome": "criminal_case_opened"},
    )
    assert response.status_code == 200
    assert "Hãy ghi số hiệu vụ án hoặc cơ quan nhận" in response.content.decode()
    commune_tip.refresh_from_db()
    assert commune_tip.status == S.CLASSIFIED


def test_the_officer_writes_to_the_citizen(login, commune_officer, commune_tip):
    response = login(commune_officer).post(
        f"{detail_url(commune_tip)}nhan-tin/", {"body": "Đã nhận, đang xác minh."}
    )
    assert response.status_code == 302
    assert TipMessage.objects.get().body == "Đã nhận, đang xác minh."


def test_the_officer_transfers_the_tip_and_loses_it_from_the_queue(
    login, commune_officer, commune_tip, other_commune
):
    client = login(commune_officer)
    response = client.post(
        f"{detail_url(commune_tip)}chuyen-don-vi/",
        {"to_unit": "04168", "reason": "Sai địa bàn", "version": 1},
    )
    assert response.status_code == 302 and response["Location"] == QUEUE
    commune_tip.refresh_from_db()
    assert commune_tip.routed_unit == other_commune
    assert client.get(detail_url(commune_tip)).status_code == 404


def test_an_unknown_unit_code_is_reported(login, commune_officer, commune_tip):
    response = login(commune_officer).post(
        f"{detail_url(commune_tip)}chuyen-don-vi/", {"to_unit": "99999", "reason": "x", "version": 1}
    )
    assert (
        "Không tìm thấy tỉnh, thành phố hoặc xã, phường hiện hành có mã «99999»." in response.content.decode()
    )


def test_the_attachment_is_served_decrypted_to_handlers_only(
    login, commune_officer, other_commune_officer, son_la, commune
):
    tip = submit(son_la, commune, attachments=[png("anh.png")]).tip
    attachment = tip.attachments.get()
    url = f"{detail_url(tip)}tep/{attachment.pk}/"
    response = login(commune_officer).get(url)
    assert response.content == PNG_BYTES and response["Content-Type"] == "image/png"
    assert "attachment" in response["Content-Disposition"] and "no-store" in response["Cache-Control"]
    assert login(other_commune_officer).get(url).status_code == 404


def test_a_classified_tip_becomes_a_hotspot_from_its_page(
    login, commune_officer, commune_tip, commune_police
):
    walk(commune_tip, commune_officer, S.CLASSIFIED)
    client = login(commune_officer)
    assert "Tạo điểm phức tạp từ tin" in client.get(detail_url(commune_tip)).content.decode()
    response = client.post(
        f"{detail_url(commune_tip)}tao-diem-phuc-tap/",
        {
            "kind": "public_place",
            "name": "Khu vực bờ suối tổ 5",
            "identified_by": commune_police.pk,
            "version": commune_tip.version,
        },
    )
    assert response.status_code == 302
    commune_tip.refresh_from_db()
    assert commune_tip.hotspot == Hotspot.objects.get()


# --- intake -------------------------------------------------------------------------------------------------


def test_an_officer_records_a_tip_box_letter_and_sees_the_receipt_once(
    login, commune_officer, son_la, commune
):
    client = login(commune_officer)
    form = client.get("/tin-bao/tiep-nhan/").content.decode()
    assert "Đường dây nóng" in form and "Cổng tố giác trực tuyến" not in form
    response = client.post(
        "/tin-bao/tiep-nhan/",
        {
            "channel": "tip_box",
            "received_at": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
            "category": "brokering",
            "province": "14",
            "commune": "04105",
            "content": "Thư nặc danh trong hòm thư: có người môi giới ở bến xe.",
        },
    )
    tip = Tip.objects.get()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert tip.received_by == commune_officer and tip.routed_unit == commune and tip.channel == "tip_box"
    assert response.context["receipt"] in response.content.decode()


def test_intake_errors_are_shown_on_the_form(login, commune_officer, son_la):
    response = login(commune_officer).post(
        "/tin-bao/tiep-nhan/",
        {
            "channel": "transferred",
            "received_at": "01/01/2020 08:00",
            "category": "other",
            "province": "14",
            "content": "Công văn chuyển đến",
        },
    )
    assert "Tin do cơ quan khác chuyển đến phải ghi rõ nơi chuyển và số văn bản." in response.content.decode()
    assert not Tip.objects.exists()


def test_case_workers_cannot_record_tips(login, case_worker):
    assert login(case_worker).get("/tin-bao/tiep-nhan/").status_code == 403


# --- configuration ------------------------------------------------------------------------------------------


def test_the_coordinator_sets_the_provinces_rules_and_deadlines(login, province_officer, son_la):
    data = {
        f"rule_{c}": ""
        for c in (
            "prostitution",
            "brothel",
            "brokering",
            "minor",
            "trafficking",
            "establishment",
            "online",
            "other",
        )
    }
    data.update(
        {"rule_minor": AgencyKind.POLICE, "days_received": "1", "days_verifying": "", "days_classified": "15"}
    )
    response = login(province_officer).post("/tin-bao/cau-hinh/", data)
    assert response.status_code == 302
    assert RoutingRule.objects.get().agency_kind == AgencyKind.POLICE
    assert dict(StageDeadline.objects.filter(province=son_la).values_list("stage", "days")) == {
        "received": 1,
        "classified": 15,
    }


@pytest.mark.parametrize("persona", ["commune_officer", "police_officer", "case_worker"])
def test_others_cannot_open_the_configuration(persona, request, login):
    assert login(request.getfixturevalue(persona)).get("/tin-bao/cau-hinh/").status_code == 403


def test_police_link_a_case_from_the_tip_page_and_both_pages_show_the_link(
    login, police_officer, commune_tip, son_la, province_police
):
    from pcmd.criminal_cases.tests.factories import case_via_services

    walk(commune_tip, police_officer, TipStatus.CLASSIFIED)
    case = case_via_services(police_officer, son_la, province_police)
    client = login(police_officer)
    # when
    response = client.post(
        reverse("tips:link-criminal-case", args=[commune_tip.pk]),
        {"version": commune_tip.version, "case": case.pk},
    )
    # then
    assert response.status_code == 302
    tip_page = client.get(reverse("tips:detail", args=[commune_tip.pk])).content.decode()
    assert 'data-testid="tip-criminal-case"' in tip_page and case.number in tip_page
    case_page = client.get(reverse("criminal_cases:detail", args=[case.pk])).content.decode()
    assert commune_tip.reference in case_page


def test_a_commune_officer_is_not_offered_case_links(login, commune_officer, commune_tip):

    walk(commune_tip, commune_officer, TipStatus.CLASSIFIED)
    page = login(commune_officer).get(reverse("tips:detail", args=[commune_tip.pk])).content.decode()
    assert 'data-testid="case-form"' not in page
