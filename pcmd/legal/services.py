"""Writes on the legal-reference table. Every write is atomic, checked against the policy, validated with
Vietnamese field errors and recorded by django-auditlog under the acting administrator.

A provision already used as the basis of a violation keeps its fine range and period start: the law changes by
closing the provision and adding a new one, so past decisions still show the range they were judged by.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.core.services import (
    Errors,
    add_error,
    check_stale,
    format_day,
    normalise_spaces,
    raise_if,
    service,
    validate_instance,
)
from pcmd.legal.models import LegalDocument, LegalProvision
from pcmd.legal.policies import can_manage_legal_references

DOCUMENT_NUMBER_TAKEN = _("Đã có văn bản số «%(number)s».")
PERIOD_REVERSED = _("Ngày kết thúc không được trước ngày bắt đầu.")
SUPERSEDED_BY_ITSELF = _("Văn bản không thể thay thế chính nó.")
PROVISION_STARTS_AFTER_DOCUMENT_ENDS = _(
    "Căn cứ «%(reference)s» áp dụng từ %(day)s, sau ngày văn bản hết hiệu lực."
)
FINE_RANGE_INCOMPLETE = _("Nhập đủ cả mức phạt tối thiểu và tối đa, hoặc để trống cả hai.")
FINE_RANGE_REVERSED = _("Mức phạt tối đa không được nhỏ hơn mức phạt tối thiểu.")
FINE_NOT_POSITIVE = _("Mức phạt tiền phải lớn hơn 0 đồng.")
PROVISION_BEFORE_DOCUMENT = _("Căn cứ không thể áp dụng trước ngày văn bản có hiệu lực (%(day)s).")
PROVISION_AFTER_DOCUMENT = _("Văn bản hết hiệu lực sau ngày %(day)s: căn cứ không thể áp dụng quá ngày đó.")
PROVISION_DUPLICATE = _("Đã có căn cứ «%(reference)s» với hành vi này trong cùng thời gian áp dụng.")
PROVISION_IN_USE = _(
    "Căn cứ đã được dùng để ghi nhận vi phạm: không sửa %(fields)s. "
    "Hãy kết thúc thời gian áp dụng của căn cứ này rồi thêm căn cứ mới."
)
PROVISION_ALREADY_CLOSED = _("Căn cứ đã hết áp dụng từ sau ngày %(day)s.")
REQUIRED = _("Trường này là bắt buộc.")

DOCUMENT_EDITABLE_FIELDS = frozenset(
    {
        "number",
        "kind",
        "title",
        "issuer",
        "issued_on",
        "effective_from",
        "effective_to",
        "superseded_by",
        "note",
    }
)
PROVISION_EDITABLE_FIELDS = frozenset(
    {
        "article",
        "clause",
        "point",
        "act",
        "applies_to",
        "fine_min",
        "fine_max",
        "additional_measures",
        "valid_from",
        "valid_to",
    }
)
# What a violation was judged by: frozen once the provision is used.
PROVISION_FROZEN_WHEN_USED = (
    "article",
    "clause",
    "point",
    "applies_to",
    "fine_min",
    "fine_max",
    "valid_from",
)
_TEXT_FIELDS = frozenset({"number", "title", "issuer", "note", "article", "clause", "point", "act"})


def _field_label(name: str) -> str:
    field = LegalProvision._meta.get_field(name)
    return str(getattr(field, "verbose_name", name))


def _require_manager(actor: User) -> None:
    if not can_manage_legal_references(actor):
        raise PermissionDenied


def _clean_text(value: Any) -> str:
    return normalise_spaces(value) if isinstance(value, str) else ""


# --- documents ----------------------------------------------------------------------------------------------


def document_by_number(number: str, *, exclude: LegalDocument | None = None) -> LegalDocument | None:
    """The document with this number, ignoring case and spacing ("282/2025/nđ-cp"). Compared in Python:
    SQLite folds the case of ASCII letters only, and "Đ" is not one."""
    wanted = normalise_spaces(number).casefold()
    documents = (
        LegalDocument.objects.exclude(pk=exclude.pk) if exclude and exclude.pk else LegalDocument.objects
    )
    return next((d for d in documents.all() if d.number.casefold() == wanted), None)


def _validate_document(document: LegalDocument) -> None:
    errors: Errors = {}
    document.number = normalise_spaces(document.number)
    document.title = normalise_spaces(document.title)
    document.issuer = normalise_spaces(document.issuer)
    if document.number and document_by_number(document.number, exclude=document):
        add_error(errors, "number", DOCUMENT_NUMBER_TAKEN, "duplicate", number=document.number)
    if document.effective_from and document.effective_to and document.effective_to < document.effective_from:
        add_error(errors, "effective_to", PERIOD_REVERSED, "period_reversed")
    if document.pk and document.superseded_by_id == document.pk:
        add_error(errors, "superseded_by", SUPERSEDED_BY_ITSELF, "self")
    if document.pk and document.effective_to:
        late = document.provisions.filter(valid_from__gt=document.effective_to).first()
        if late is not None:
            add_error(
                errors,
                "effective_to",
                PROVISION_STARTS_AFTER_DOCUMENT_ENDS,
                "provision_after_end",
                reference=late.reference,
                day=format_day(late.valid_from),
            )
    validate_instance(document, errors)


@service
def legal_document_create(
    *,
    actor: User,
    number: str,
    kind: str,
    title: str,
    issuer: str,
    issued_on: datetime.date | None = None,
    effective_from: datetime.date | None = None,
    effective_to: datetime.date | None = None,
    superseded_by: LegalDocument | None = None,
    note: str = "",
) -> LegalDocument:
    """A new document of the legal-reference table (MANAGE_REFERENCE_DATA only)."""
    _require_manager(actor)
    document = LegalDocument(
        number=number,
        kind=kind,
        title=title,
        issuer=issuer,
        issued_on=issued_on,
        effective_from=effective_from,
        effective_to=effective_to,
        superseded_by=superseded_by,
        note=(note or "").strip(),
    )
    _validate_document(document)
    document.save()
    return document


@service
def legal_document_update(
    *, actor: User, document: LegalDocument, version: int | None, changes: Mapping[str, Any]
) -> LegalDocument:
    """Edit a document. Ending it (effective_to) ends its provisions still applying after that day."""
    _require_manager(actor)
    unknown = set(changes) - DOCUMENT_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(document, version)
    for name, value in changes.items():
        setattr(document, name, _clean_text(value) if name in _TEXT_FIELDS else value)
    _validate_document(document)
    document.version += 1
    document.save()
    if document.effective_to:
        for provision in document.provisions.filter(valid_from__lte=document.effective_to).exclude(
            valid_to__lte=document.effective_to
        ):
            provision.valid_to = document.effective_to
            provision.version += 1
            validate_instance(provision, {})
            provision.save()
    return document


# --- provisions ---------------------------------------------------------------------------------------------


def _periods_overlap(
    a_from: datetime.date, a_to: datetime.date | None, b_from: datetime.date, b_to: datetime.date | None
) -> bool:
    return (b_to is None or a_from <= b_to) and (a_to is None or b_from <= a_to)


def provision_is_used(provision: LegalProvision) -> bool:
    """Some record (a violation) points at the provision. Asked generically: legal sits below the apps that
    use it and never imports them."""
    if provision.pk is None:
        return False
    for relation in provision._meta.related_objects:
        model = cast(type[models.Model], relation.related_model)
        if model._default_manager.filter(**{relation.field.name: provision}).exists():
            return True
    return False


def _validate_provision(provision: LegalProvision) -> None:
    errors: Errors = {}
    for name in ("article", "clause", "point", "act"):
        setattr(provision, name, normalise_spaces(getattr(provision, name)))
    if (provision.fine_min is None) != (provision.fine_max is None):
        missing = "fine_max" if provision.fine_max is None else "fine_min"
        add_error(errors, missing, FINE_RANGE_INCOMPLETE, "fine_incomplete")
    elif provision.fine_min is not None and provision.fine_max is not None:
        if provision.fine_min <= 0:
            add_error(errors, "fine_min", FINE_NOT_POSITIVE, "fine_not_positive")
        if provision.fine_max < provision.fine_min:
            add_error(errors, "fine_max", FINE_RANGE_REVERSED, "fine_reversed")
    start, end = provision.valid_from, provision.valid_to
    if start and end and end < start:
        add_error(errors, "valid_to", PERIOD_REVERSED, "period_reversed")
    document = provision.document if provision.document_id else None
    if document is not None and start:
        if document.effective_from and start < document.effective_from:
            add_error(
                errors,
                "valid_from",
                PROVISION_BEFORE_DOCUMENT,
                "before_document",
                day=format_day(document.effective_from),
            )
        if document.effective_to and (end is None or end > document.effective_to):
            add_error(
                errors,
                "valid_to",
                PROVISION_AFTER_DOCUMENT,
                "after_document",
                day=format_day(document.effective_to),
            )
        if provision.article and provision.act and "valid_to" not in errors:
            same_place = document.provisions.exclude(pk=provision.pk).filter(
                article__iexact=provision.article,
                clause__iexact=provision.clause,
                point__iexact=provision.point,
                applies_to=provision.applies_to,
            )
            for other in same_place:
                if other.act.casefold() == provision.act.casefold() and _periods_overlap(
                    other.valid_from, other.valid_to, start, end
                ):
                    add_error(errors, "act", PROVISION_DUPLICATE, "duplicate", reference=provision.reference)
                    break
    validate_instance(provision, errors)


@service
def legal_provision_create(
    *,
    actor: User,
    document: LegalDocument,
    article: str,
    act: str,
    applies_to: str,
    valid_from: datetime.date,
    clause: str = "",
    point: str = "",
    fine_min: int | None = None,
    fine_max: int | None = None,
    additional_measures: str = "",
    valid_to: datetime.date | None = None,
) -> LegalProvision:
    """A new provision (article/clause/point, act, fine range in đồng, period of application)."""
    _require_manager(actor)
    provision = LegalProvision(
        document=document,
        article=article or "",
        clause=clause or "",
        point=point or "",
        act=act or "",
        applies_to=applies_to,
        fine_min=fine_min,
        fine_max=fine_max,
        additional_measures=(additional_measures or "").strip(),
        valid_from=valid_from,
        valid_to=valid_to,
    )
    _validate_provision(provision)
    provision.save()
    return provision


@service
def legal_provision_update(
    *, actor: User, provision: LegalProvision, version: int | None, changes: Mapping[str, Any]
) -> LegalProvision:
    """Edit a provision; once used by a violation, its range, period start and citation are frozen."""
    _require_manager(actor)
    unknown = set(changes) - PROVISION_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(provision, version)
    new_values = {
        name: (_clean_text(value) if name in _TEXT_FIELDS else value) for name, value in changes.items()
    }
    frozen = [
        name
        for name in PROVISION_FROZEN_WHEN_USED
        if name in new_values and new_values[name] != getattr(provision, name)
    ]
    if frozen and provision_is_used(provision):
        labels = ", ".join(_field_label(name) for name in frozen)
        errors: Errors = {}
        for name in frozen:
            add_error(errors, name, PROVISION_IN_USE, "in_use", fields=labels)
        raise_if(errors)
    for name, value in new_values.items():
        setattr(provision, name, value)
    if "additional_measures" in new_values:
        provision.additional_measures = (new_values["additional_measures"] or "").strip()
    _validate_provision(provision)
    provision.version += 1
    provision.save()
    return provision


@service
def legal_provision_close(
    *, actor: User, provision: LegalProvision, on: datetime.date, version: int | None = None
) -> LegalProvision:
    """The provision stops applying after `on` (a new decree takes over); the row is kept."""
    _require_manager(actor)
    if version is not None:
        check_stale(provision, version)
    errors: Errors = {}
    if provision.valid_to is not None:
        add_error(errors, "valid_to", PROVISION_ALREADY_CLOSED, "closed", day=format_day(provision.valid_to))
    elif on < provision.valid_from:
        add_error(errors, "valid_to", PERIOD_REVERSED, "period_reversed")
    raise_if(errors)
    provision.valid_to = on
    _validate_provision(provision)
    provision.version += 1
    provision.save()
    return provision
