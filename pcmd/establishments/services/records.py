"""Writes on what hangs off an establishment: licences, commitments, health-check rounds, attachments."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.core.services import Errors, add_error, normalise_spaces, raise_if, service, validate_instance
from pcmd.establishments.models import (
    Commitment,
    Establishment,
    EstablishmentAttachment,
    HealthCheckRound,
    Licence,
)
from pcmd.establishments.policies import can_manage_establishment
from pcmd.establishments.risk import establishment_risk_refresh
from pcmd.establishments.selectors import possible_duplicates
from pcmd.establishments.services.registry import (
    LICENCE_EDITABLE_FIELDS,
    TEXT_FIELDS,
    PossibleDuplicatesError,
    check_day,
    clean_licence,
)

ATTACHMENT_TOO_LARGE = _("Tệp quá lớn (tối đa %(max)s MB).")
ATTACHMENT_TYPE = _("Chỉ nhận tệp PDF, Word, Excel hoặc ảnh (JPG, PNG).")
WORKERS_CHECKED_NOT_POSITIVE = _("Số người được khám phải lớn hơn 0.")
WRONG_ESTABLISHMENT = _("Bản ghi không thuộc cơ sở này.")
LICENCE_ALREADY_RECORDED = _("Cơ sở đã có %(kind)s số «%(number)s».")

ATTACHMENT_MAX_MB = 10
# The browser's content type is only a claim: the first bytes must agree with it.
ATTACHMENT_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG",),
    "application/msword": (b"\xd0\xcf\x11\xe0",),
    "application/vnd.ms-excel": (b"\xd0\xcf\x11\xe0",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b"PK\x03\x04",),
}


# --- licences -----------------------------------------------------------------------------------------------


def _check_licence_duplicates(
    actor: User, establishment: Establishment, licence: Licence, *, confirm_duplicates: bool
) -> None:
    errors: Errors = {}
    same_here = establishment.licences.filter(kind=licence.kind, number_key=licence.number_key).exclude(
        pk=licence.pk
    )
    if licence.number_key and same_here.exists():
        add_error(
            errors,
            "number",
            LICENCE_ALREADY_RECORDED,
            "duplicate",
            kind=licence.get_kind_display(),
            number=licence.number,
        )
    raise_if(errors)
    if not confirm_duplicates:
        elsewhere = possible_duplicates(
            actor, unit=None, name="", address="", licence_numbers=[licence.number], exclude=establishment
        )
        if elsewhere:
            raise PossibleDuplicatesError(elsewhere)


@service
def licence_add(
    *,
    actor: User,
    establishment: Establishment,
    kind: str,
    number: str,
    issuer: str = "",
    issued_on: datetime.date | None = None,
    expires_on: datetime.date | None = None,
    confirm_duplicates: bool = False,
) -> Licence:
    """Record a licence; a number already recorded for another establishment is a possible duplicate."""
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    licence = Licence(
        establishment=establishment,
        kind=kind,
        number=number,
        issuer=issuer or "",
        issued_on=issued_on,
        expires_on=expires_on,
    )
    errors: Errors = {}
    clean_licence(licence, errors)
    validate_instance(licence, errors)
    _check_licence_duplicates(actor, establishment, licence, confirm_duplicates=confirm_duplicates)
    licence.save()
    establishment_risk_refresh(establishment)
    return licence


@service
def licence_update(
    *, actor: User, licence: Licence, changes: Mapping[str, Any], confirm_duplicates: bool = False
) -> Licence:
    """Correct a licence or record its renewal (new expiry date)."""
    establishment = licence.establishment
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    unknown = set(changes) - LICENCE_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    previous_key = licence.number_key
    for field_name, value in changes.items():
        setattr(licence, field_name, "" if value is None and field_name in TEXT_FIELDS else value)
    errors: Errors = {}
    clean_licence(licence, errors)
    validate_instance(licence, errors)
    _check_licence_duplicates(
        actor,
        establishment,
        licence,
        confirm_duplicates=confirm_duplicates or licence.number_key == previous_key,
    )
    licence.save()
    establishment_risk_refresh(establishment)
    return licence


@service
def licence_delete(*, actor: User, establishment: Establishment, licence: Licence) -> None:
    """Remove a licence recorded by mistake (the change log keeps it)."""
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    if licence.establishment_id != establishment.pk:
        raise ValidationError(WRONG_ESTABLISHMENT, code="wrong_establishment")
    licence.delete()
    establishment_risk_refresh(establishment)


# --- commitments and health checks --------------------------------------------------------------------------


@service
def commitment_add(
    *,
    actor: User,
    establishment: Establishment,
    kind: str,
    signed_on: datetime.date,
    party_name: str,
    note: str = "",
) -> Commitment:
    """A commitment signed by the owner with the commune People's Committee, or by a worker with the owner."""
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    errors: Errors = {}
    check_day(errors, "signed_on", signed_on, None)
    commitment = Commitment(
        establishment=establishment,
        kind=kind,
        signed_on=signed_on,
        party_name=normalise_spaces(party_name),
        note=(note or "").strip(),
    )
    validate_instance(commitment, errors)
    commitment.save()
    return commitment


@service
def commitment_delete(*, actor: User, establishment: Establishment, commitment: Commitment) -> None:
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    if commitment.establishment_id != establishment.pk:
        raise ValidationError(WRONG_ESTABLISHMENT, code="wrong_establishment")
    commitment.delete()


@service
def health_check_add(
    *,
    actor: User,
    establishment: Establishment,
    checked_on: datetime.date,
    workers_checked: int,
    provider: str,
    note: str = "",
) -> HealthCheckRound:
    """A periodic health-check round of the workers: how many, when, by whom (no personal data)."""
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    errors: Errors = {}
    check_day(errors, "checked_on", checked_on, establishment.opened_on)
    if workers_checked is not None and workers_checked <= 0:
        add_error(errors, "workers_checked", WORKERS_CHECKED_NOT_POSITIVE, "not_positive")
    round_ = HealthCheckRound(
        establishment=establishment,
        checked_on=checked_on,
        workers_checked=workers_checked,
        provider=normalise_spaces(provider),
        note=(note or "").strip(),
    )
    validate_instance(round_, errors)
    round_.save()
    return round_


@service
def health_check_delete(*, actor: User, establishment: Establishment, health_check: HealthCheckRound) -> None:
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    if health_check.establishment_id != establishment.pk:
        raise ValidationError(WRONG_ESTABLISHMENT, code="wrong_establishment")
    health_check.delete()


# --- attachments --------------------------------------------------------------------------------------------


def _check_upload(upload: UploadedFile, errors: Errors) -> str:
    """The file's content type when it is an allowed one whose first bytes agree with it."""
    if upload.size and upload.size > ATTACHMENT_MAX_MB * 1024 * 1024:
        add_error(errors, "file", ATTACHMENT_TOO_LARGE, "too_large", max=ATTACHMENT_MAX_MB)
        return ""
    head = upload.read(8)
    upload.seek(0)
    content_type = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    signatures = ATTACHMENT_SIGNATURES.get(content_type)
    if not signatures or not head.startswith(signatures):
        add_error(errors, "file", ATTACHMENT_TYPE, "type")
        return ""
    return content_type


@service
def attachment_add(
    *, actor: User, establishment: Establishment, file: UploadedFile, description: str = ""
) -> EstablishmentAttachment:
    """Attach a document or photo (PDF, Word, Excel, JPG, PNG; at most ATTACHMENT_MAX_MB)."""
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    errors: Errors = {}
    content_type = _check_upload(file, errors)
    raise_if(errors)
    attachment = EstablishmentAttachment(
        establishment=establishment,
        file=file,
        original_name=(file.name or "tep")[-255:],
        description=normalise_spaces(description),
        content_type=content_type,
        size=file.size or 0,
        uploaded_by=actor,
    )
    validate_instance(attachment, {})
    attachment.save()
    return attachment


@service
def attachment_delete(
    *, actor: User, establishment: Establishment, attachment: EstablishmentAttachment
) -> None:
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    if attachment.establishment_id != establishment.pk:
        raise ValidationError(WRONG_ESTABLISHMENT, code="wrong_establishment")
    attachment.file.delete(save=False)
    attachment.delete()
