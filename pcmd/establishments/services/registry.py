"""Writes on the establishment itself: registration, edits, status changes, soft delete, risk override."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils import timezone
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
    today,
    validate_instance,
)
from pcmd.core.vietnamese import sort_key
from pcmd.establishments.models import (
    Establishment,
    EstablishmentStatusChange,
    EstablishmentType,
    Licence,
    RiskLevel,
    StatusChangeSource,
)
from pcmd.establishments.policies import (
    can_change_establishment_status,
    can_manage_establishment,
    can_manage_establishments_in,
)
from pcmd.establishments.risk import establishment_risk_refresh
from pcmd.establishments.selectors import (
    PossibleDuplicate,
    address_key,
    licence_number_key,
    name_key,
    possible_duplicates,
)
from pcmd.geography.models import AdminUnit

NOT_A_COMMUNE = _("Cơ sở phải thuộc một xã, phường, đặc khu hiện hành.")
TYPE_INACTIVE = _("Loại hình «%(type)s» không còn được sử dụng.")
COORDINATES_PAIR = _("Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.")
OPENED_IN_FUTURE = _("Ngày bắt đầu hoạt động không được sau ngày hôm nay.")
PHONE_INVALID = _("Số điện thoại chỉ gồm chữ số (có thể có dấu +, dấu cách, dấu chấm), từ 8 đến 15 chữ số.")
POSSIBLE_DUPLICATE = _(
    "Có thể trùng với cơ sở đã đăng ký: %(list)s. Nếu chắc chắn đây là cơ sở khác, hãy đánh dấu xác nhận "
    "rồi lưu lại."
)
DUPLICATE_SAME_LICENCE = _("cùng số giấy phép %(numbers)s")
DUPLICATE_SAME_NAME_ADDRESS = _("cùng tên và địa chỉ")
STATUS_UNCHANGED = _("Cơ sở đang ở tình trạng «%(status)s».")
STATUS_REASON_REQUIRED = _("Phải nêu lý do thay đổi tình trạng.")
DATE_IN_FUTURE = _("Ngày không được sau ngày hôm nay.")
DATE_BEFORE_OPENING = _("Ngày không được trước ngày cơ sở bắt đầu hoạt động (%(day)s).")
STATUS_DATE_BEFORE_LAST = _("Ngày hiệu lực không được trước lần thay đổi tình trạng gần nhất (%(day)s).")
DELETE_REASON_REQUIRED = _("Phải nêu lý do xóa cơ sở.")
ALREADY_DELETED = _("Cơ sở đã bị xóa.")
OVERRIDE_REASON_REQUIRED = _("Phải nêu lý do điều chỉnh mức độ nguy cơ.")
LICENCE_EXPIRES_BEFORE_ISSUE = _("Ngày hết hạn không được trước ngày cấp.")
LICENCE_NUMBER_REQUIRED = _("Phải nhập số giấy phép.")

ESTABLISHMENT_EDITABLE_FIELDS = frozenset(
    {
        "unit",
        "type",
        "name",
        "address",
        "latitude",
        "longitude",
        "owner_name",
        "owner_phone",
        "worker_count",
        "opened_on",
    }
)
LICENCE_EDITABLE_FIELDS = frozenset({"kind", "number", "issuer", "issued_on", "expires_on"})
TEXT_FIELDS = frozenset({"name", "address", "owner_name", "owner_phone", "number", "issuer"})


class PossibleDuplicatesError(ValidationError):
    """Raised before saving when the establishment may already be registered; carries the candidates so the
    page can list them. Saving again with `confirm_duplicates=True` goes through."""

    def __init__(self, duplicates: list[PossibleDuplicate]) -> None:
        self.duplicates = duplicates
        described = "; ".join(_describe_duplicate(d) for d in duplicates)
        super().__init__(
            {
                "confirm_duplicates": [
                    ValidationError(POSSIBLE_DUPLICATE, code="possible_duplicate", params={"list": described})
                ]
            }
        )


def _describe_duplicate(duplicate: PossibleDuplicate) -> str:
    reasons = []
    if duplicate.same_licence_numbers:
        reasons.append(str(DUPLICATE_SAME_LICENCE % {"numbers": ", ".join(duplicate.same_licence_numbers)}))
    if duplicate.same_name_and_address:
        reasons.append(str(DUPLICATE_SAME_NAME_ADDRESS))
    establishment = duplicate.establishment
    return f"{establishment.registry_code} «{establishment.name}» ({', '.join(reasons)})"


def _is_current_commune(unit: AdminUnit | None) -> bool:
    return unit is not None and unit.era == AdminUnit.Era.CURRENT and unit.level == AdminUnit.Level.COMMUNE


def phone_is_valid(phone: str) -> bool:
    digits = [ch for ch in phone if ch.isdigit()]
    return all(ch.isdigit() or ch in "+ .-" for ch in phone) and 8 <= len(digits) <= 15


def check_day(errors: Errors, field: str, day: datetime.date | None, opened_on: datetime.date | None) -> None:
    """A recorded event cannot be in the future nor before the establishment existed."""
    if day is None:
        return
    if day > today():
        add_error(errors, field, DATE_IN_FUTURE, "in_future")
    elif opened_on is not None and day < opened_on:
        add_error(errors, field, DATE_BEFORE_OPENING, "before_opening", day=format_day(opened_on))


def _validate_establishment(establishment: Establishment, errors: Errors, *, type_changed: bool) -> None:
    establishment.name = normalise_spaces(establishment.name)
    establishment.address = normalise_spaces(establishment.address)
    establishment.owner_name = normalise_spaces(establishment.owner_name)
    establishment.owner_phone = normalise_spaces(establishment.owner_phone)
    establishment.name_search = name_key(establishment.name)
    establishment.name_sort = sort_key(establishment.name)
    establishment.address_key = address_key(establishment.address)
    if establishment.unit_id and not _is_current_commune(establishment.unit):
        add_error(errors, "unit", NOT_A_COMMUNE, "not_a_commune")
    if type_changed and establishment.type_id and not establishment.type.is_active:
        add_error(errors, "type", TYPE_INACTIVE, "inactive_type", type=establishment.type.name)
    if (establishment.latitude is None) != (establishment.longitude is None):
        field = "longitude" if establishment.longitude is None else "latitude"
        add_error(errors, field, COORDINATES_PAIR, "coordinates_pair")
    if establishment.opened_on is not None and establishment.opened_on > today():
        add_error(errors, "opened_on", OPENED_IN_FUTURE, "in_future")
    if establishment.owner_phone and not phone_is_valid(establishment.owner_phone):
        add_error(errors, "owner_phone", PHONE_INVALID, "invalid_phone")
    validate_instance(establishment, errors)


def _next_registry_code(unit: AdminUnit) -> str:
    """ "CS-<commune code>-<n>", n one more than the largest used in the commune (deleted ones included, so a
    code is never reused). The commune row is locked so two registrations cannot take the same n."""
    AdminUnit.objects.select_for_update().filter(pk=unit.pk).first()
    prefix = f"CS-{unit.code}-"
    used = Establishment.objects.filter(registry_code__startswith=prefix).values_list(
        "registry_code", flat=True
    )
    numbers = [int(code[len(prefix) :]) for code in used if code[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def clean_licence(licence: Licence, errors: Errors, field_prefix: str = "") -> None:
    licence.number = normalise_spaces(licence.number)
    licence.issuer = normalise_spaces(licence.issuer)
    licence.number_key = licence_number_key(licence.number)
    if not licence.number:
        add_error(errors, f"{field_prefix}number", LICENCE_NUMBER_REQUIRED, "required")
    if licence.issued_on and licence.expires_on and licence.expires_on < licence.issued_on:
        add_error(errors, f"{field_prefix}expires_on", LICENCE_EXPIRES_BEFORE_ISSUE, "expires_before_issue")
    if licence.issued_on and licence.issued_on > today():
        add_error(errors, f"{field_prefix}issued_on", DATE_IN_FUTURE, "in_future")


def _record_status(
    *,
    actor: User | None,
    establishment: Establishment,
    from_status: str,
    effective_on: datetime.date,
    reason: str,
    source: str,
    source_reference: str = "",
) -> EstablishmentStatusChange:
    change = EstablishmentStatusChange(
        establishment=establishment,
        from_status=from_status,
        to_status=establishment.status,
        effective_on=effective_on,
        reason=normalise_spaces(reason),
        source=source,
        source_reference=normalise_spaces(source_reference),
        changed_by=actor,
    )
    validate_instance(change, {})
    change.save()
    return change


# --- establishments -----------------------------------------------------------------------------------------


@service
def establishment_create(
    *,
    actor: User,
    unit: AdminUnit,
    type: EstablishmentType,
    name: str,
    address: str,
    latitude: float | None = None,
    longitude: float | None = None,
    owner_name: str = "",
    owner_phone: str = "",
    worker_count: int = 0,
    opened_on: datetime.date | None = None,
    status: str = Establishment.Status.OPERATING,
    licences: Iterable[Mapping[str, Any]] = (),
    confirm_duplicates: bool = False,
    source: str = StatusChangeSource.REGISTRATION,
) -> Establishment:
    """Register an establishment of a commune in the actor's jurisdiction, with its licences if given.

    Before saving, possible duplicates (same licence number, or same normalised name and address in the
    commune) are refused with PossibleDuplicatesError unless `confirm_duplicates`. The registry code
    "CS-<commune code>-<n>" is given here; the first status-history row records the registration.
    """
    if not can_manage_establishments_in(actor, unit):
        raise PermissionDenied
    establishment = Establishment(
        unit=unit,
        type=type,
        name=name,
        address=address,
        latitude=latitude,
        longitude=longitude,
        owner_name=owner_name or "",
        owner_phone=owner_phone or "",
        worker_count=worker_count or 0,
        opened_on=opened_on,
        status=status,
        created_by=actor,
    )
    licence_rows = [
        Licence(**{key: value for key, value in row.items() if key in LICENCE_EDITABLE_FIELDS})
        for row in licences
    ]
    errors: Errors = {}
    for licence in licence_rows:
        clean_licence(licence, errors, field_prefix="licence_")
        try:
            licence.full_clean(exclude=["establishment"], validate_constraints=False)
        except ValidationError as exc:
            for field_name, messages in exc.error_dict.items():
                errors.setdefault(f"licence_{field_name}", []).extend(messages)
    establishment.registry_code = _next_registry_code(unit)
    _validate_establishment(establishment, errors, type_changed=True)
    if not confirm_duplicates:
        duplicates = possible_duplicates(
            actor,
            unit=unit,
            name=establishment.name,
            address=establishment.address,
            licence_numbers=[licence.number for licence in licence_rows],
        )
        if duplicates:
            raise PossibleDuplicatesError(duplicates)
    establishment.save()
    for licence in licence_rows:
        licence.establishment = establishment
        validate_instance(licence, {})
        licence.save()
    _record_status(
        actor=actor,
        establishment=establishment,
        from_status="",
        effective_on=min(opened_on or today(), today()),
        reason="",
        source=source,
    )
    establishment_risk_refresh(establishment)
    return establishment


@service
def establishment_update(
    *,
    actor: User,
    establishment: Establishment,
    version: int | str | None,
    changes: Mapping[str, Any],
    confirm_duplicates: bool = False,
) -> Establishment:
    """Change the establishment's editable fields; `version` is the one the editor saw (stale edits are
    refused). A move to another commune needs the right over both communes. Renaming or re-addressing it to
    match another registered establishment is refused as a possible duplicate unless confirmed."""
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    unknown = set(changes) - ESTABLISHMENT_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    new_unit = changes.get("unit", establishment.unit)
    if new_unit is not None and not can_manage_establishments_in(actor, new_unit):
        raise PermissionDenied
    check_stale(establishment, version)
    before = (establishment.unit_id, name_key(establishment.name), address_key(establishment.address))
    type_changed = "type" in changes and getattr(changes["type"], "pk", None) != establishment.type_id
    for field_name, value in changes.items():
        if value is None and field_name in TEXT_FIELDS | {"worker_count"}:
            value = 0 if field_name == "worker_count" else ""
        setattr(establishment, field_name, value)
    errors: Errors = {}
    _validate_establishment(establishment, errors, type_changed=type_changed)
    after = (establishment.unit_id, establishment.name_search, establishment.address_key)
    if not confirm_duplicates and after != before:
        duplicates = [
            d
            for d in possible_duplicates(
                actor,
                unit=establishment.unit,
                name=establishment.name,
                address=establishment.address,
                exclude=establishment,
            )
            if d.same_name_and_address
        ]
        if duplicates:
            raise PossibleDuplicatesError(duplicates)
    establishment.version += 1
    establishment.save()
    establishment_risk_refresh(establishment)
    return establishment


@service
def establishment_status_change(
    *,
    actor: User,
    establishment: Establishment,
    to_status: str,
    reason: str,
    effective_on: datetime.date | None = None,
    source: str = StatusChangeSource.MANUAL,
    source_reference: str = "",
    version: int | str | None = None,
) -> EstablishmentStatusChange:
    """Operating ↔ suspended ↔ closed, with a history row (who, when, from, to, why, source).

    The inspections app calls it with `source=StatusChangeSource.SANCTION` and the decision number in
    `source_reference` when a sanction suspends or withdraws a licence; that caller needs SANCTION_RECORD in
    the establishment's area instead of ESTABLISHMENT_MANAGE. `version` (optional for such callers) refuses a
    stale form.
    """
    if not can_change_establishment_status(actor, establishment, source) or establishment.is_deleted:
        raise PermissionDenied
    if version is not None:
        check_stale(establishment, version)
    day = effective_on or today()
    errors: Errors = {}
    if to_status not in Establishment.Status.values:
        add_error(errors, "to_status", _("Tình trạng không hợp lệ."), "invalid_choice")
    elif to_status == establishment.status:
        add_error(
            errors,
            "to_status",
            STATUS_UNCHANGED,
            "unchanged",
            status=Establishment.Status(to_status).label,
        )
    if not normalise_spaces(reason):
        add_error(errors, "reason", STATUS_REASON_REQUIRED, "required")
    check_day(errors, "effective_on", day, establishment.opened_on)
    last = establishment.status_changes.order_by("-effective_on", "-created_at").first()
    if last is not None and "effective_on" not in errors and day < last.effective_on:
        add_error(
            errors, "effective_on", STATUS_DATE_BEFORE_LAST, "before_last", day=format_day(last.effective_on)
        )
    raise_if(errors)
    from_status = establishment.status
    establishment.status = to_status
    establishment.version += 1
    establishment.save(update_fields=["status", "version", "updated_at"])
    change = _record_status(
        actor=actor,
        establishment=establishment,
        from_status=from_status,
        effective_on=day,
        reason=reason,
        source=source,
        source_reference=source_reference,
    )
    establishment_risk_refresh(establishment)
    return change


@service
def establishment_delete(
    *, actor: User, establishment: Establishment, reason: str, version: int | str | None = None
) -> Establishment:
    """Soft delete (registered by mistake, a duplicate): hidden from lists, kept with who, when and why."""
    if not can_manage_establishment(actor, establishment):
        raise PermissionDenied
    if version is not None:
        check_stale(establishment, version)
    errors: Errors = {}
    if establishment.is_deleted:
        add_error(errors, NON_FIELD_ERRORS, ALREADY_DELETED, "already_deleted")
    if not normalise_spaces(reason):
        add_error(errors, "reason", DELETE_REASON_REQUIRED, "required")
    raise_if(errors)
    establishment.is_deleted = True
    establishment.deleted_at = timezone.now()
    establishment.deleted_by = actor
    establishment.deletion_reason = normalise_spaces(reason)
    establishment.version += 1
    validate_instance(establishment, {})
    establishment.save()
    return establishment


@service
def establishment_risk_override(
    *,
    actor: User,
    establishment: Establishment,
    level: str,
    reason: str = "",
    version: int | str | None = None,
) -> Establishment:
    """Set the risk level by hand (with a reason), or clear the override with an empty `level`."""
    if not can_manage_establishment(actor, establishment) or establishment.is_deleted:
        raise PermissionDenied
    if version is not None:
        check_stale(establishment, version)
    errors: Errors = {}
    if level and level not in RiskLevel.values:
        add_error(errors, "level", _("Mức độ nguy cơ không hợp lệ."), "invalid_choice")
    if level and not normalise_spaces(reason):
        add_error(errors, "reason", OVERRIDE_REASON_REQUIRED, "required")
    raise_if(errors)
    establishment.risk_override = level
    establishment.risk_override_reason = normalise_spaces(reason) if level else ""
    establishment.risk_override_by = actor if level else None
    establishment.risk_override_at = timezone.now() if level else None
    establishment.risk_level = level or establishment.risk_computed
    establishment.version += 1
    validate_instance(establishment, {})
    establishment.save()
    return establishment
