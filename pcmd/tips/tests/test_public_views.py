import re

import pytest
from captcha.models import CaptchaStore

from pcmd.tips import selectors, services
from pcmd.tips.models import Tip, TipAttachment, TipMessage, TipStatus
from pcmd.tips.tests.factories import PNG_BYTES, TIP_TEXT, disguised, png, portal_form_data, submit, walk

SUBMIT = "/to-giac/"
STATUS = "/to-giac/tra-cuu/"
REPLY = "/to-giac/tra-cuu/tra-loi/"
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
TOO_MANY = "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn."


def assert_private(response):
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    assert set(response.cookies) <= {"csrftoken"}


def test_the_form_opens_without_an_account_and_is_never_cached(client, son_la, commune):
    response = client.get(SUBMIT)
    assert response.status_code == 200
    assert_private(response)
    body = response.content.decode()
    assert "Gửi tin báo, tố giác" in body and 'name="captcha_1"' in body
    assert "Tỉnh Sơn La" in body


def test_a_citizen_submits_a_tip_and_sees_the_receipt_once(client, son_la, commune):
    data = portal_form_data("14", "04105", attachments=[png()], full_name="Nguyễn Văn Dân")
    # when
    response = client.post(SUBMIT, data)
    # then
    assert response.status_code == 200
    assert_private(response)
    code = response.context["receipt"]
    assert code.encode() in response.content
    tip = Tip.objects.get()
    assert (
        tip.routed_unit == commune and tip.content == TIP_TEXT and tip.informant.full_name == "Nguyễn Văn Dân"
    )
    assert TipAttachment.objects.count() == 1
    assert selectors.tip_by_receipt(code) == tip
    # and the receipt appears nowhere else: not in the URL, not on the next page
    assert code not in response.wsgi_request.get_full_path()
    assert code.encode() not in client.get(SUBMIT).content


def test_a_wrong_captcha_keeps_the_tip_unsent(client, son_la):
    data = portal_form_data("14")
    data["captcha_1"] = "999"
    response = client.post(SUBMIT, data)
    assert response.status_code == 200
    assert "Kết quả phép tính chưa đúng" in response.content.decode()
    assert not Tip.objects.exists()
    # the challenge is used up: a second try with the right answer of the old image fails too
    assert not CaptchaStore.objects.filter(hashkey=data["captcha_0"]).exists()


def test_missing_fields_are_reported_in_vietnamese(client, son_la):
    response = client.post(SUBMIT, portal_form_data("", content="", category=""))
    body = response.content.decode()
    assert "Hãy chọn loại tin." in body and "Hãy chọn tỉnh, thành phố." in body
    assert "Hãy viết nội dung tin báo." in body
    assert not Tip.objects.exists()


def test_a_disguised_attachment_is_refused_with_its_name(client, son_la):
    response = client.post(SUBMIT, portal_form_data("14", attachments=[disguised("anh-quan.jpg")]))
    assert "Tệp «anh-quan.jpg» không phải ảnh hoặc tài liệu được nhận" in response.content.decode()
    assert not Tip.objects.exists() and not TipAttachment.objects.exists()


def test_the_commune_list_follows_the_province(
    client, son_la, commune, other_commune, other_province_commune
):
    response = client.get("/to-giac/xa-phuong/", {"province": "14"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Phường Tô Hiệu" in body and "Xã Mường Bú" in body and "Tân Phong" not in body
    assert_private(response)


def test_without_javascript_the_form_reloads_with_the_provinces_communes(client, son_la, commune):
    data = {"province": "14", "content": "Đang viết dở", "cap_nhat_xa": "1"}
    response = client.post(SUBMIT, data)
    body = response.content.decode()
    assert 'value="04105"' in body and "Đang viết dở" in body
    assert not Tip.objects.exists()


def test_a_commune_of_another_province_is_refused(client, son_la, other_province_commune):
    response = client.post(SUBMIT, portal_form_data("14", "03199"))
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode() or not Tip.objects.exists()
    assert not Tip.objects.exists()


def test_a_thousand_submissions_from_one_client_are_throttled_and_no_tip_is_lost_or_half_saved(
    client, son_la, commune
):
    # when one client sends 1,000 complete tips, each with a photo
    accepted, throttled = [], 0
    for number in range(1000):
        data = portal_form_data("14", "04105", content=f"Tin số {number}", attachments=[png(f"{number}.png")])
        response = client.post(SUBMIT, data, REMOTE_ADDR="198.51.100.23")
        if response.status_code == 429:
            throttled += 1
            assert TOO_MANY in response.content.decode()
            assert_private(response)
        else:
            assert response.status_code == 200
            accepted.append((number, response.context["receipt"]))
    # then the first ten went through whole, the rest were refused with a Vietnamese message
    assert len(accepted) == 10 and throttled == 990
    assert Tip.objects.count() == 10 and TipAttachment.objects.count() == 10
    for number, code in accepted:
        tip = selectors.tip_by_receipt(code)
        assert tip is not None and tip.content == f"Tin số {number}"
        assert tip.attachments.get().file.open("rb").read() == PNG_BYTES
        assert tip.events.count() == 1
    # and another client is not affected
    response = client.post(SUBMIT, portal_form_data("14"), REMOTE_ADDR="198.51.100.99")
    assert response.status_code == 200 and Tip.objects.count() == 11


def test_guessing_receipts_is_slowed_down(client, son_la):
    codes = [f"AAAA-BBBB-CCCC-DDDD-EEEE-{n:04d}" for n in range(31)]
    statuses = [
        client.post(STATUS, {"receipt": code}, REMOTE_ADDR="198.51.100.5").status_code for code in codes
    ]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429


# --- following the tip --------------------------------------------------------------------------------------


@pytest.fixture
def submitted(son_la, commune):
    return submit(son_la, commune)


def test_the_receipt_shows_the_status_and_the_thread(client, submitted, commune_officer):
    services.tip_message_send(
        actor=commune_officer, tip=submitted.tip, body="Cảm ơn, chúng tôi đang xác minh."
    )
    response = client.post(STATUS, {"receipt": submitted.receipt})
    body = response.content.decode()
    assert response.status_code == 200
    assert_private(response)
    assert "Đã tiếp nhận" in body and "Cảm ơn, chúng tôi đang xác minh." in body
    # the officer's name is never shown to the citizen
    assert commune_officer.full_name not in body


def test_a_wrong_and_an_unknown_receipt_get_the_same_answer(client, submitted):
    code = submitted.receipt.replace("-", "")
    wrong = code[:8] + ("0" if code[8] != "0" else "1") + code[9:]
    unknown = ("Z" if code[0] != "Z" else "Y") + code[1:]
    # when
    answers = [client.post(STATUS, {"receipt": attempt}) for attempt in (wrong, unknown)]
    # then
    assert [a.status_code for a in answers] == [200, 200]
    bodies = [CSRF_INPUT.sub(b"", a.content) for a in answers]
    assert bodies[0] == bodies[1]
    assert "Không tìm thấy tin báo với mã tiếp nhận này." in answers[0].content.decode()
    for answer in answers:
        assert_private(answer)


def test_the_citizen_replies_with_the_receipt(client, submitted):
    response = client.post(REPLY, {"receipt": submitted.receipt, "body": "Tối nay quán lại mở."})
    assert "Đã gửi trả lời của bạn." in response.content.decode()
    message = TipMessage.objects.get()
    assert (message.sender, message.body) == (TipMessage.Sender.CITIZEN, "Tối nay quán lại mở.")


def test_a_reply_with_a_wrong_receipt_is_not_saved(client, submitted):
    response = client.post(REPLY, {"receipt": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "body": "x"})
    assert "Không tìm thấy tin báo" in response.content.decode()
    assert not TipMessage.objects.exists()


def test_a_closed_tip_takes_no_more_replies(client, submitted, commune_officer):
    walk(submitted.tip, commune_officer, TipStatus.CLOSED)
    page = client.post(STATUS, {"receipt": submitted.receipt}).content.decode()
    assert "Tin báo đã đóng, không nhận thêm trao đổi." in page
    client.post(REPLY, {"receipt": submitted.receipt, "body": "Còn nữa."})
    assert not TipMessage.objects.exists()


def test_script_in_a_reply_is_shown_escaped_to_the_citizen(client, submitted):
    services.tip_reply_from_citizen(tip=submitted.tip, body="<img src=x onerror=alert(1)>")
    body = client.post(STATUS, {"receipt": submitted.receipt}).content.decode()
    assert "<img src=x onerror" not in body and "&lt;img src=x onerror=alert(1)&gt;" in body


def test_the_captcha_image_is_a_png_that_is_not_cached(client, db):
    key = CaptchaStore.generate_key()
    response = client.get(f"/to-giac/captcha/{key}/")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert_private(response)
