"""What is at rest and in the logs: encrypted rows and files, nothing about the citizen's client."""

import logging

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt
from axes.models import AccessLog as AxesAccessLog
from django.db import connection
from django.test import RequestFactory

from pcmd.tips import services
from pcmd.tips.log_privacy import PortalPrivacyFilter
from pcmd.tips.models import Tip, TipAttachment
from pcmd.tips.tests.factories import (
    INFORMANT_NAME,
    INFORMANT_PHONE,
    PNG_BYTES,
    TIP_TEXT,
    png,
    portal_form_data,
)

SECRET_WORDS = ("Hoa Hồng", "karaoke", "Nguyễn", "0912")


def raw_rows(sql: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def test_the_raw_rows_hold_neither_the_informant_nor_the_tip_text(son_la, commune, commune_officer):
    # given a tip with a named informant, an officer's message and a citizen's reply
    submitted = services.tip_submit_public(
        category="establishment",
        province=son_la,
        location_unit=commune,
        place="Quán karaoke Hoa Hồng, tổ 5",
        content=TIP_TEXT,
        attachments=[png("Nguyen-Thi-Nguoi-Bao.png")],
        contact=services.Contact(
            full_name=INFORMANT_NAME, phone=INFORMANT_PHONE, email="nguoibao@example.vn"
        ),
    )
    services.tip_message_send(
        actor=commune_officer, tip=submitted.tip, body="Quán karaoke Hoa Hồng mở mấy giờ?"
    )
    services.tip_reply_from_citizen(tip=submitted.tip, body="Tôi là Nguyễn Thị Người Báo, 0912 345 678.")
    # when the database is read directly
    rows = (
        raw_rows("SELECT content, place FROM tips_tip")
        + raw_rows("SELECT full_name, phone, email, address FROM tips_informant")
        + raw_rows("SELECT body FROM tips_tipmessage")
        + raw_rows("SELECT original_name FROM tips_tipattachment")
        + raw_rows("SELECT note FROM tips_tipevent")
    )
    dump = " ".join(str(value) for row in rows for value in row)
    # then nothing readable is there
    assert rows and all(value.startswith("gAAAAA") for row in rows[:2] for value in row if value)
    for word in (TIP_TEXT, INFORMANT_NAME, INFORMANT_PHONE, "nguoibao", *SECRET_WORDS):
        assert word not in dump


def test_the_attachment_file_on_disk_is_encrypted(son_la, media_in_tmp):
    services.tip_submit_public(category="other", province=son_la, content="Ảnh chụp.", attachments=[png()])
    stored = TipAttachment.objects.get()
    on_disk = (media_in_tmp / stored.file.name).read_bytes()
    assert PNG_BYTES not in on_disk and b"PNG" not in on_disk
    assert "anh-chup" not in stored.file.name
    assert stored.file.open("rb").read() == PNG_BYTES


def test_the_portal_leaves_nothing_in_the_change_log_nor_in_axes(client, son_la, commune):
    # when a citizen submits, looks up and replies
    before = LogEntry.objects.count()
    response = client.post(
        "/to-giac/",
        portal_form_data("14", "04105"),
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="NokiaPhone/1.0",
    )
    code = response.context["receipt"]
    client.post("/to-giac/tra-cuu/", {"receipt": code}, REMOTE_ADDR="203.0.113.9")
    client.post("/to-giac/tra-cuu/tra-loi/", {"receipt": code, "body": "Bổ sung."}, REMOTE_ADDR="203.0.113.9")
    # then
    assert Tip.objects.count() == 1
    assert LogEntry.objects.count() == before
    assert not LogEntry.objects.filter(remote_addr="203.0.113.9").exists()
    assert not AccessAttempt.objects.exists() and not AxesAccessLog.objects.exists()


def test_no_tip_column_holds_the_clients_address_or_agent(client, son_la):
    client.post(
        "/to-giac/", portal_form_data("14"), REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="NokiaPhone/1.0"
    )
    assert Tip.objects.count() == 1
    for table in (
        "tips_tip",
        "tips_tipevent",
        "tips_tipattachment",
        "tips_tipmessage",
        "captcha_captchastore",
    ):
        dump = " ".join(str(v) for row in raw_rows(f"SELECT * FROM {table}") for v in row)  # noqa: S608
        assert "203.0.113.77" not in dump and "Nokia" not in dump


@pytest.mark.parametrize("path", ["/to-giac/tra-cuu/", "/api/v1/public/tips/status"])
def test_client_errors_on_the_portal_are_not_logged(path):
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", (path,), None)
    record.request = RequestFactory().post(path, REMOTE_ADDR="203.0.113.9")
    record.status_code = 404
    assert PortalPrivacyFilter().filter(record) is False


def test_server_errors_on_the_portal_are_logged_without_the_request():
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/to-giac/",), None
    )
    record.request = RequestFactory().post("/to-giac/", REMOTE_ADDR="203.0.113.9")
    record.status_code = 500
    assert PortalPrivacyFilter().filter(record) is True and record.request is None  # type: ignore[attr-defined]


def test_the_development_servers_access_lines_for_the_portal_are_dropped_and_others_kept():
    portal = logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, '"%s" %s %s', ("POST /to-giac/ HTTP/1.1", 200, 10), None
    )
    other = logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, '"%s" %s %s', ("GET /tin-bao/ HTTP/1.1", 200, 10), None
    )
    assert PortalPrivacyFilter().filter(portal) is False
    assert PortalPrivacyFilter().filter(other) is True


def test_the_filter_is_installed_on_djangos_request_loggers():
    for name in ("django.request", "django.server", "django.security.csrf"):
        assert any(isinstance(f, PortalPrivacyFilter) for f in logging.getLogger(name).filters)


def test_a_wrong_receipt_on_the_portal_writes_no_log_record(db, client, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post(
            "/to-giac/tra-cuu/", {"receipt": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"}, REMOTE_ADDR="203.0.113.9"
        )
        client.post("/api/v1/public/tips/status", {"receipt": "x"}, REMOTE_ADDR="203.0.113.9")
    assert not [r for r in caplog.records if r.name.startswith("django.request")]
    assert "203.0.113.9" not in caplog.text
