"""Tips for tests, created through the services (what the portal and the intake page do)."""

from __future__ import annotations

import io
from typing import Any

from captcha.models import CaptchaStore
from django.core.files.uploadedfile import SimpleUploadedFile

from pcmd.accounts.models import User
from pcmd.geography.models import AdminUnit
from pcmd.tips import services
from pcmd.tips.models import Tip, TipCategory, TipOutcome, TipStatus

INFORMANT_NAME = "Nguyễn Thị Người Báo"
INFORMANT_PHONE = "0912 345 678"
TIP_TEXT = "Quán karaoke Hoa Hồng ở tổ 5 cho nhân viên bán dâm sau 23 giờ, khách ra vào cửa sau."
# The smallest valid PNG (1×1 transparent pixel).
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(name: str = "anh-chup.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def disguised(name: str = "anh.jpg") -> SimpleUploadedFile:
    """A script claiming to be a photo."""
    return SimpleUploadedFile(name, b"#!/bin/sh\nrm -rf /\n", content_type="image/jpeg")


def submit(
    province: AdminUnit,
    commune: AdminUnit | None = None,
    *,
    content: str = TIP_TEXT,
    category: str = TipCategory.ESTABLISHMENT,
    contact: services.Contact | None = None,
    attachments: list[Any] | None = None,
    place: str = "Tổ 5, đường Tô Hiệu",
) -> services.SubmittedTip:
    return services.tip_submit_public(
        category=category,
        province=province,
        location_unit=commune,
        place=place,
        content=content,
        attachments=attachments or [],
        contact=contact,
    )


def named_informant() -> services.Contact:
    return services.Contact(full_name=INFORMANT_NAME, phone=INFORMANT_PHONE, email="nguoibao@example.vn")


def walk(tip: Tip, actor: User, to: str, **kwargs: Any) -> Tip:
    """Move the tip along the workflow up to `to` (classified with its category; handled as unfounded)."""
    order = [
        TipStatus.RECEIVED,
        TipStatus.VERIFYING,
        TipStatus.CLASSIFIED,
        TipStatus.HANDLED,
        TipStatus.CLOSED,
    ]
    while order.index(TipStatus(tip.status)) < order.index(TipStatus(to)):
        target = order[order.index(TipStatus(tip.status)) + 1]
        extra: dict[str, Any] = {}
        if target == TipStatus.HANDLED:
            extra = {"outcome": TipOutcome.UNFOUNDED, "note": "Xác minh không có dấu hiệu vi phạm."}
        extra.update(kwargs if target == to else {})
        services.tip_transition(actor=actor, tip=tip, to_status=target, version=tip.version, **extra)
    return tip


def solved_captcha() -> tuple[str, str]:
    """A fresh challenge and its answer (read from the store, as a person reads the image)."""
    key = CaptchaStore.generate_key()
    return key, CaptchaStore.objects.get(hashkey=key).response


def portal_form_data(province_code: str, commune_code: str = "", **overrides: Any) -> dict[str, Any]:
    key, answer = solved_captcha()
    data: dict[str, Any] = {
        "category": TipCategory.ESTABLISHMENT,
        "province": province_code,
        "commune": commune_code,
        "place": "Tổ 5",
        "content": TIP_TEXT,
        "full_name": "",
        "phone": "",
        "email": "",
        "address": "",
        "captcha_0": key,
        "captcha_1": answer,
    }
    data.update(overrides)
    return data


def file_like(data: bytes, name: str) -> io.BytesIO:
    handle = io.BytesIO(data)
    handle.name = name
    return handle
