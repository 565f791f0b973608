"""Writes on the configurable list of establishment types (reference data, kept by administrators)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.core.services import Errors, add_error, normalise_spaces, service, validate_instance
from pcmd.core.vietnamese import search_key
from pcmd.establishments.models import EstablishmentType
from pcmd.establishments.policies import can_manage_establishment_types

TYPE_NAME_TAKEN = _("Đã có loại hình «%(name)s».")
TYPE_CODE_TAKEN = _("Đã có loại hình mã «%(value)s».")
TYPE_EDITABLE_FIELDS = frozenset({"name", "order", "is_active"})


def _validate_type(establishment_type: EstablishmentType) -> None:
    errors: Errors = {}
    establishment_type.name = normalise_spaces(establishment_type.name)
    establishment_type.code = (establishment_type.code or "").strip().lower()
    others = EstablishmentType.objects.exclude(pk=establishment_type.pk)
    if establishment_type.name and any(
        search_key(other.name) == search_key(establishment_type.name) for other in others
    ):
        add_error(errors, "name", TYPE_NAME_TAKEN, "duplicate", name=establishment_type.name)
    if establishment_type.code and others.filter(code=establishment_type.code).exists():
        add_error(errors, "code", TYPE_CODE_TAKEN, "duplicate", value=establishment_type.code)
    validate_instance(establishment_type, errors)


@service
def establishment_type_create(
    *, actor: User, code: str, name: str, order: int = 0, is_active: bool = True
) -> EstablishmentType:
    """Add a type (its code is what the API and the Excel sheet may use; it never changes)."""
    if not can_manage_establishment_types(actor):
        raise PermissionDenied
    establishment_type = EstablishmentType(code=code, name=name, order=order, is_active=is_active)
    _validate_type(establishment_type)
    establishment_type.save()
    return establishment_type


@service
def establishment_type_update(
    *, actor: User, establishment_type: EstablishmentType, changes: Mapping[str, Any]
) -> EstablishmentType:
    """Rename, reorder or retire a type (a retired type stays on its establishments, is no longer offered)."""
    if not can_manage_establishment_types(actor):
        raise PermissionDenied
    unknown = set(changes) - TYPE_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    for field_name, value in changes.items():
        setattr(establishment_type, field_name, value)
    _validate_type(establishment_type)
    establishment_type.save()
    return establishment_type
