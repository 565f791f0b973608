"""Receiving tips: from the citizens' portal (no account) and from officers for the other channels.

Everything is checked before anything is written, and the tip, its informant, its attachments (encrypted on
disk) and its first event are saved in one transaction: a refused or failed submission leaves nothing behind.
The receipt code is returned once and never stored (pcmd.tips.receipts).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.core.services import Errors, add_error, raise_if, service, validate_instance
from pcmd.geography.models import AdminUnit
from pcmd.tips import receipts, workflow
from pcmd.tips.attachments import CheckedFile, check_uploads
from pcmd.tips.models import (
    INTAKE_CHANNELS,
    Informant,
    Tip,
    TipAttachment,
    TipCategory,
    TipChannel,
    TipEvent,
    TipMessage,
    TipStatus,
)
from pcmd.tips.policies import can_handle_tips
from pcmd.tips.services.common import (
    CONTENT_MAX,
    MESSAGE_MAX,
    PLACE_MAX,
    agency_for,
    check_location,
    clean_text,
    competent_unit,
    record_event,
)

UNKNOWN_CATEGORY = _("Hãy chọn loại tin.")
UNKNOWN_CHANNEL = _("Hãy chọn kênh tiếp nhận.")
RECEIVED_IN_FUTURE = _("Thời điểm tiếp nhận không được sau thời điểm hiện tại.")
RECEIVED_TOO_OLD = _("Thời điểm tiếp nhận không hợp lệ (trước năm 2000).")
SOURCE_REQUIRED = _("Tin do cơ quan khác chuyển đến phải ghi rõ nơi chuyển và số văn bản.")
PHONE_INVALID = _("Số điện thoại chỉ gồm chữ số, dấu cách, dấu +, dấu - và dấu ngoặc (6 đến 20 chữ số).")
EMAIL_INVALID = _("Địa chỉ thư điện tử không hợp lệ.")
TIP_CLOSED_NO_REPLY = _("Tin này đã đóng, không nhận thêm trao đổi.")
CONTACT_MAX = 200
_PHONE = re.compile(r"^\+?[0-9 ().-]+$")
# A clock a little ahead of the server's (a phone, a laptop) is not "the future".
_CLOCK_SKEW = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class SubmittedTip:
    tip: Tip
    receipt: str  # the code as shown to the citizen, once


@dataclass(frozen=True)
class Contact:
    full_name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.full_name or self.phone or self.email or self.address)


def _clean_contact(contact: Contact | None, errors: Errors) -> Contact:
    if contact is None:
        return Contact()
    cleaned = Contact(
        full_name=clean_text(contact.full_name, errors=errors, field="full_name", maximum=150),
        phone=clean_text(contact.phone, errors=errors, field="phone", maximum=30),
        email=clean_text(contact.email, errors=errors, field="email", maximum=CONTACT_MAX),
        address=clean_text(contact.address, errors=errors, field="address", maximum=CONTACT_MAX),
    )
    digits = sum(ch.isdigit() for ch in cleaned.phone)
    if cleaned.phone and (not _PHONE.match(cleaned.phone) or not 6 <= digits <= 20):
        add_error(errors, "phone", PHONE_INVALID, "invalid")
    if cleaned.email:
        try:
            validate_email(cleaned.email)
        except ValidationError:
            add_error(errors, "email", EMAIL_INVALID, "invalid")
    return cleaned


def _unique_receipt() -> receipts.Receipt:
    """A new receipt whose lookup part no tip uses yet (a 40-bit collision is rare, but possible)."""
    while True:
        receipt = receipts.new_receipt()
        if not Tip.objects.filter(receipt_lookup=receipt.lookup).exists():
            return receipt


def _save_attachments(tip: Tip, files: list[CheckedFile]) -> None:
    for checked in files:
        attachment = TipAttachment(
            tip=tip, original_name=checked.name, content_type=checked.content_type, size=checked.size
        )
        checked.upload.seek(0)
        attachment.file.save(checked.name or "tep", checked.upload, save=False)  # type: ignore[arg-type]
        validate_instance(attachment, {})
        attachment.save()


def _create_tip(
    *,
    actor: User | None,
    channel: str,
    received_at: datetime.datetime,
    category: str,
    province: AdminUnit | None,
    location_unit: AdminUnit | None,
    place: str,
    content: str,
    source_reference: str,
    attachments: Iterable[IO[bytes]],
    contact: Contact | None,
    errors: Errors,
) -> SubmittedTip:
    if category not in TipCategory.values:
        add_error(errors, "category", UNKNOWN_CATEGORY, "invalid_choice")
    check_location(province, location_unit, errors)
    content = clean_text(content, errors=errors, field="content", maximum=CONTENT_MAX, required=True)
    place = clean_text(place, errors=errors, field="place", maximum=PLACE_MAX)
    contact = _clean_contact(contact, errors)
    files = check_uploads(attachments, errors)
    raise_if(errors)
    assert province is not None  # checked above
    unit = competent_unit(province, location_unit)
    receipt = _unique_receipt()
    tip = Tip(
        channel=channel,
        category=category,
        province=province,
        location_unit=location_unit,
        place=place,
        content=content,
        routed_unit=unit,
        routed_agency=agency_for(unit, category),
        status=TipStatus.RECEIVED,
        received_at=received_at,
        received_by=actor,
        source_reference=source_reference,
        stage_started_at=received_at,
        stage_due_at=workflow.stage_due(province, TipStatus.RECEIVED, received_at),
        receipt_lookup=receipt.lookup,
        receipt_hash=receipt.hashed,
    )
    validate_instance(tip, {})
    tip.save()
    if not contact.is_empty:
        informant = Informant(
            tip=tip,
            full_name=contact.full_name,
            phone=contact.phone,
            email=contact.email,
            address=contact.address,
        )
        validate_instance(informant, {})
        informant.save()
    _save_attachments(tip, files)
    record_event(tip, actor=actor, kind=TipEvent.Kind.RECEIVED, to_status=TipStatus.RECEIVED, to_unit=unit)
    return SubmittedTip(tip=tip, receipt=receipt.display)


@transaction.atomic
def tip_submit_public(
    *,
    category: str,
    province: AdminUnit | None,
    content: str,
    location_unit: AdminUnit | None = None,
    place: str = "",
    attachments: Iterable[IO[bytes]] = (),
    contact: Contact | None = None,
) -> SubmittedTip:
    """A tip sent by a citizen through the portal (no account, no actor; nothing about the sender is kept
    beyond what they typed as contact). Routed to the commune of the location, else the province.

    Raises ValidationError with every field error at once; nothing is saved then.
    """
    now = timezone.now()
    return _create_tip(
        actor=None,
        channel=TipChannel.ONLINE,
        received_at=now,
        category=category,
        province=province,
        location_unit=location_unit,
        place=place,
        content=content,
        source_reference="",
        attachments=attachments,
        contact=contact,
        errors={},
    )


@service
def tip_intake(
    *,
    actor: User,
    channel: str,
    received_at: datetime.datetime,
    category: str,
    province: AdminUnit | None,
    content: str,
    location_unit: AdminUnit | None = None,
    place: str = "",
    source_reference: str = "",
    attachments: Iterable[IO[bytes]] = (),
    contact: Contact | None = None,
) -> SubmittedTip:
    """A tip an officer received by hotline, tip box, in person, by letter or from another agency.

    Any officer who handles tips records what reaches them, wherever it happened: the tip goes to the
    competent unit's queue, which may be outside the officer's own jurisdiction. A receipt is issued too, for
    the officer to pass on when the informant wants to follow the tip.
    """
    if not can_handle_tips(actor):
        raise PermissionDenied
    errors: Errors = {}
    if channel not in {value for value, _label in INTAKE_CHANNELS}:
        add_error(errors, "channel", UNKNOWN_CHANNEL, "invalid_choice")
    source_reference = clean_text(source_reference, errors=errors, field="source_reference", maximum=255)
    if channel == TipChannel.TRANSFERRED and not source_reference:
        add_error(errors, "source_reference", SOURCE_REQUIRED, "required")
    if received_at is None:
        add_error(errors, "received_at", _("Trường này là bắt buộc."), "required")
        received_at = timezone.now()
    elif received_at > timezone.now() + _CLOCK_SKEW:
        add_error(errors, "received_at", RECEIVED_IN_FUTURE, "in_future")
    elif received_at.year < 2000:
        add_error(errors, "received_at", RECEIVED_TOO_OLD, "too_old")
    return _create_tip(
        actor=actor,
        channel=channel,
        received_at=received_at,
        category=category,
        province=province,
        location_unit=location_unit,
        place=place,
        content=content,
        source_reference=source_reference,
        attachments=attachments,
        contact=contact,
        errors=errors,
    )


@transaction.atomic
def tip_reply_from_citizen(*, tip: Tip, body: str) -> TipMessage:
    """The citizen answers in the thread (the caller has checked the receipt)."""
    errors: Errors = {}
    body = clean_text(body, errors=errors, field="body", maximum=MESSAGE_MAX, required=True)
    if tip.status not in workflow.REPLY_STATUSES:
        add_error(errors, "body", TIP_CLOSED_NO_REPLY, "closed")
    raise_if(errors)
    message = TipMessage(tip=tip, sender=TipMessage.Sender.CITIZEN, body=body)
    validate_instance(message, {})
    message.save()
    return message
