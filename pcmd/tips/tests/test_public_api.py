import pytest
from django.urls import reverse

from pcmd.tips import selectors, services
from pcmd.tips.models import Tip, TipAttachment, TipMessage
from pcmd.tips.tests.factories import PNG_BYTES, disguised, png, solved_captcha, submit

SUBMIT = reverse("api-public-tip-submit")
STATUS = reverse("api-public-tip-status")
MESSAGES = reverse("api-public-tip-messages")


def form(province="14", commune="04105", **overrides):
    key, answer = solved_captcha()
    data = {
        "category": "establishment",
        "province": province,
        "commune": commune,
        "content": "Nhà nghỉ Bình Minh cho thuê phòng theo giờ, có môi giới.",
        "captcha_key": key,
        "captcha_answer": answer,
    }
    data.update(overrides)
    return data


def assert_private(response):
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_an_app_gets_a_captcha_then_submits_a_tip_with_a_photo(api, son_la, commune):
    challenge = api().get(reverse("api-public-tip-captcha"))
    assert challenge.status_code == 200 and challenge.json()["image_url"].startswith("/to-giac/captcha/")
    # when
    response = api().post(SUBMIT, {**form(), "attachments": [png()]}, format="multipart")
    # then
    assert response.status_code == 201
    assert_private(response)
    tip = selectors.tip_by_receipt(response.json()["receipt"])
    assert tip is not None
    assert tip.routed_unit == commune and tip.attachments.get().file.open("rb").read() == PNG_BYTES


def test_a_wrong_captcha_or_bad_fields_are_400_and_nothing_is_saved(api, son_la):
    wrong = api().post(SUBMIT, form(commune="", captcha_answer="12345"), format="multipart")
    assert wrong.status_code == 400 and "captcha_answer" in wrong.json()["errors"]
    bad = api().post(SUBMIT, form(province="99", category="x", content=""), format="multipart")
    assert bad.status_code == 400 and {"category", "content"} <= set(bad.json()["errors"])
    assert not Tip.objects.exists()


def test_a_disguised_file_is_400(api, son_la):
    response = api().post(SUBMIT, {**form(commune=""), "attachments": [disguised()]}, format="multipart")
    assert response.status_code == 400 and "attachments" in response.json()["errors"]
    assert not Tip.objects.exists() and not TipAttachment.objects.exists()


def test_the_api_is_throttled_in_vietnamese_without_losing_accepted_tips(api, son_la, settings):
    settings.PCMD_TIP_RATE_LIMITS = {"submit": 3}
    codes = []
    statuses = []
    for _ in range(6):
        response = api().post(SUBMIT, form(commune=""), format="multipart", REMOTE_ADDR="198.51.100.4")
        statuses.append(response.status_code)
        if response.status_code == 201:
            codes.append(response.json()["receipt"])
    assert statuses == [201, 201, 201, 429, 429, 429]
    assert response.json()["detail"].startswith("Bạn đã gửi quá nhiều yêu cầu")
    assert Tip.objects.count() == 3 and all(selectors.tip_by_receipt(code) for code in codes)


def test_the_status_and_the_thread_by_receipt_in_the_body(api, son_la, commune, commune_officer):
    submitted = submit(son_la, commune)
    services.tip_message_send(actor=commune_officer, tip=submitted.tip, body="Đang xác minh.")
    response = api().post(STATUS, {"receipt": submitted.receipt}, format="json")
    assert response.status_code == 200
    assert_private(response)
    body = response.json()
    assert body["status"] == "received" and body["can_reply"] is True
    assert [(m["sender"], m["body"]) for m in body["messages"]] == [("officer", "Đang xác minh.")]
    assert commune_officer.username not in response.content.decode()


def test_a_wrong_and_an_unknown_receipt_are_the_same_404(api, son_la):
    code = submit(son_la).receipt.replace("-", "")
    wrong = code[:8] + ("0" if code[8] != "0" else "1") + code[9:]
    unknown = ("Z" if code[0] != "Z" else "Y") + code[1:]
    answers = [api().post(STATUS, {"receipt": attempt}, format="json") for attempt in (wrong, unknown)]
    assert [a.status_code for a in answers] == [404, 404]
    assert answers[0].content == answers[1].content
    assert answers[0].json()["detail"].startswith("Không tìm thấy tin báo với mã tiếp nhận này.")


def test_the_citizen_replies_through_the_api(api, son_la):
    submitted = submit(son_la)
    response = api().post(
        MESSAGES, {"receipt": submitted.receipt, "body": "Bổ sung: có camera."}, format="json"
    )
    assert response.status_code == 201 and response.json()["messages"][0]["body"] == "Bổ sung: có camera."
    assert TipMessage.objects.get().sender == "citizen"
    assert api().post(MESSAGES, {"receipt": "x", "body": "y"}, format="json").status_code == 404


@pytest.mark.parametrize("url", [STATUS, MESSAGES])
def test_the_receipt_is_never_taken_from_the_url(api, son_la, url):
    submitted = submit(son_la)
    response = api().post(f"{url}?receipt={submitted.receipt}", {"body": "x"}, format="json")
    assert response.status_code == 400 and "receipt" in response.json()["errors"]


def test_the_units_for_the_form(api, son_la, commune, other_commune):
    provinces = api().get(reverse("api-public-tip-units")).json()
    assert {"code": "14", "name": "Tỉnh Sơn La"} in provinces
    communes = api().get(reverse("api-public-tip-units"), {"province": "14"}).json()
    assert {c["code"] for c in communes} == {"04105", "04168"}
