"""Writes on hotspots. Views, the API and the demo loader all call these functions: each is atomic, checks the
policy, validates with Vietnamese messages and is recorded by django-auditlog under the acting user. Every
status change and every monitoring check is a HotspotEvent row; the moves allowed are the table in
pcmd.hotspots.lifecycle."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency
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
from pcmd.core.vietnamese import search_key, sort_key
from pcmd.establishments.models import Establishment
from pcmd.geography.models import AdminUnit
from pcmd.hotspots import lifecycle
from pcmd.hotspots.models import (
    VIETNAM_MAX_LATITUDE,
    VIETNAM_MAX_LONGITUDE,
    VIETNAM_MIN_LATITUDE,
    VIETNAM_MIN_LONGITUDE,
    Hotspot,
    HotspotEvent,
)
from pcmd.hotspots.policies import can_manage_hotspot, can_manage_hotspots_in
from pcmd.hotspots.risk import refresh_linked_establishments

NOT_A_COMMUNE = _("Điểm phức tạp phải thuộc một xã, phường, đặc khu hiện hành.")
DATE_IN_FUTURE = _("Ngày không được sau ngày hôm nay (%(today)s).")
IDENTIFIED_AFTER_EVENTS = _(
    "Ngày phát hiện không được sau ngày của sự kiện tiếp theo trong diễn biến (%(day)s)."
)
EVENT_BEFORE_PREVIOUS = _("Ngày không được trước ngày của sự kiện gần nhất (%(day)s).")
ESTABLISHMENT_REQUIRED = _("Điểm phức tạp tại cơ sở kinh doanh dịch vụ phải chỉ rõ cơ sở.")
ESTABLISHMENT_OTHER_COMMUNE = _("Cơ sở «%(name)s» không thuộc %(unit)s.")
ESTABLISHMENT_DELETED = _("Cơ sở «%(name)s» đã bị xóa khỏi danh sách.")
AGENCY_OUT_OF_AREA = _("Cơ quan phát hiện phải thuộc xã, phường của điểm hoặc tỉnh, thành phố cấp trên.")
AGENCY_CLOSED_ON_DAY = _("Cơ quan «%(agency)s» không hoạt động vào ngày %(day)s.")
COORDINATES_TOGETHER = _("Phải nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.")
LATITUDE_OUTSIDE_VIETNAM = _("Vĩ độ phải trong khoảng %(min)s đến %(max)s (lãnh thổ Việt Nam).")
LONGITUDE_OUTSIDE_VIETNAM = _("Kinh độ phải trong khoảng %(min)s đến %(max)s (lãnh thổ Việt Nam).")
TRANSITION_REFUSED = _(
    "Không thể ghi nhận «%(event)s» khi điểm đang ở trạng thái «%(status)s». Có thể ghi nhận: %(allowed)s."
)
NOTHING_ALLOWED = _("không có")
IDENTIFICATION_NOT_RECORDABLE = _(
    "Sự kiện «Phát hiện» được ghi khi thêm điểm phức tạp, không ghi nhận thêm được."
)
UNKNOWN_EVENT_KIND = _("Loại sự kiện «%(kind)s» không hợp lệ.")
DELETION_REASON_REQUIRED = _("Phải nêu lý do xóa điểm phức tạp.")
ALREADY_DELETED = _("Điểm phức tạp này đã bị xóa.")
CHANGE_OF_UNIT_REFUSED = _("Bạn không quản lý điểm phức tạp của %(unit)s.")

HOTSPOT_EDITABLE_FIELDS = frozenset(
    {
        "unit",
        "kind",
        "name",
        "description",
        "address",
        "latitude",
        "longitude",
        "establishment",
        "identified_on",
        "identified_by",
    }
)
_TEXT_FIELDS = frozenset({"name", "description", "address"})


def _is_in_or_above(agency: Agency, unit: AdminUnit) -> bool:
    """The agency belongs to the unit or to a unit above it (same era: paths are prefixes)."""
    return unit.path == agency.unit.path or unit.path.startswith(f"{agency.unit.path}.")


def _check_not_future(errors: Errors, field: str, day: datetime.date | None) -> None:
    if day is not None and day > today():
        add_error(errors, field, DATE_IN_FUTURE, "future", today=format_day(today()))


def _check_coordinates(hotspot: Hotspot, errors: Errors) -> None:
    latitude, longitude = hotspot.latitude, hotspot.longitude
    if (latitude is None) != (longitude is None):
        add_error(
            errors, "latitude" if latitude is None else "longitude", COORDINATES_TOGETHER, "coordinates_pair"
        )
    if latitude is not None and not VIETNAM_MIN_LATITUDE <= latitude <= VIETNAM_MAX_LATITUDE:
        add_error(
            errors,
            "latitude",
            LATITUDE_OUTSIDE_VIETNAM,
            "outside_vietnam",
            min=VIETNAM_MIN_LATITUDE,
            max=VIETNAM_MAX_LATITUDE,
        )
    if longitude is not None and not VIETNAM_MIN_LONGITUDE <= longitude <= VIETNAM_MAX_LONGITUDE:
        add_error(
            errors,
            "longitude",
            LONGITUDE_OUTSIDE_VIETNAM,
            "outside_vietnam",
            min=VIETNAM_MIN_LONGITUDE,
            max=VIETNAM_MAX_LONGITUDE,
        )


def _check_establishment(hotspot: Hotspot, errors: Errors, *, link_changed: bool) -> None:
    """A hotspot in an establishment names it; a newly made link must be to a registered (not deleted)
    establishment of the hotspot's commune. A link made earlier is kept as history if the registry later
    deletes the establishment."""
    establishment = hotspot.establishment
    if establishment is None:
        if hotspot.kind == Hotspot.Kind.ESTABLISHMENT:
            add_error(errors, "establishment", ESTABLISHMENT_REQUIRED, "establishment_required")
        return
    if not link_changed:
        return
    if establishment.is_deleted:
        add_error(errors, "establishment", ESTABLISHMENT_DELETED, "deleted", name=establishment.name)
    elif hotspot.unit_id and establishment.unit_id != hotspot.unit_id:
        add_error(
            errors,
            "establishment",
            ESTABLISHMENT_OTHER_COMMUNE,
            "other_commune",
            name=establishment.name,
            unit=hotspot.unit.name,
        )


def _check_agency(hotspot: Hotspot, errors: Errors) -> None:
    if not hotspot.identified_by_id or not hotspot.unit_id:
        return
    agency = hotspot.identified_by
    if not _is_in_or_above(agency, hotspot.unit):
        add_error(errors, "identified_by", AGENCY_OUT_OF_AREA, "out_of_area")
    elif hotspot.identified_on and not agency.is_active_on(hotspot.identified_on):
        add_error(
            errors,
            "identified_by",
            AGENCY_CLOSED_ON_DAY,
            "agency_closed",
            agency=agency.name,
            day=format_day(hotspot.identified_on),
        )


def _validate_hotspot(hotspot: Hotspot, *, link_changed: bool = True, errors: Errors | None = None) -> None:
    """Normalise the text, derive the search keys, and report every problem at once (with `errors` already
    found by the caller)."""
    errors = errors if errors is not None else {}
    hotspot.name = normalise_spaces(hotspot.name)
    hotspot.address = normalise_spaces(hotspot.address)
    hotspot.description = (hotspot.description or "").strip()
    hotspot.name_search = search_key(f"{hotspot.name} {hotspot.address}")
    hotspot.name_sort = sort_key(hotspot.name)
    if hotspot.unit_id and (
        hotspot.unit.level != AdminUnit.Level.COMMUNE or hotspot.unit.era != AdminUnit.Era.CURRENT
    ):
        add_error(errors, "unit", NOT_A_COMMUNE, "not_a_commune")
    _check_not_future(errors, "identified_on", hotspot.identified_on)
    _check_coordinates(hotspot, errors)
    _check_establishment(hotspot, errors, link_changed=link_changed)
    _check_agency(hotspot, errors)
    validate_instance(hotspot, errors)


def _event(
    hotspot: Hotspot, *, actor: User, kind: str, occurred_on: datetime.date, from_status: str, note: str
) -> HotspotEvent:
    event = HotspotEvent(
        hotspot=hotspot,
        kind=kind,
        occurred_on=occurred_on,
        from_status=from_status,
        to_status=hotspot.status,
        note=(note or "").strip(),
        recorded_by=actor,
    )
    validate_instance(event, {})
    event.save()
    return event


@service
def hotspot_create(
    *,
    actor: User,
    unit: AdminUnit,
    kind: str,
    name: str,
    identified_on: datetime.date,
    identified_by: Agency,
    description: str = "",
    address: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    establishment: Establishment | None = None,
    note: str = "",
) -> Hotspot:
    """A newly identified hotspot of the commune, with its identification event (status "identified").

    Refused outside the actor's jurisdiction or without HOTSPOT_MANAGE. `note` goes on the identification
    event (how it was found).
    """
    if not can_manage_hotspots_in(actor, unit):
        raise PermissionDenied
    hotspot = Hotspot(
        unit=unit,
        kind=kind,
        name=name,
        description=description,
        address=address,
        latitude=latitude,
        longitude=longitude,
        establishment=establishment,
        identified_on=identified_on,
        identified_by=identified_by,
        status=Hotspot.Status.IDENTIFIED,
        last_event_on=identified_on,
        created_by=actor,
    )
    _validate_hotspot(hotspot)
    hotspot.save()
    _event(
        hotspot,
        actor=actor,
        kind=HotspotEvent.Kind.IDENTIFIED,
        occurred_on=identified_on,
        from_status="",
        note=note,
    )
    refresh_linked_establishments([hotspot.establishment])
    return hotspot


@service
def hotspot_update(
    *, actor: User, hotspot: Hotspot, version: int | str | None, changes: Mapping[str, Any]
) -> Hotspot:
    """Change the hotspot's description, place, link and identification; a stale edit is refused.

    The status changes only through events (hotspot_event_record). Moving the identification date moves
    the identification event with it, and it may not pass the next event.
    """
    if not can_manage_hotspot(actor, hotspot):
        raise PermissionDenied
    if hotspot.is_deleted:
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(ALREADY_DELETED, code="deleted")]})
    unknown = set(changes) - HOTSPOT_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(hotspot, version)
    new_unit = changes.get("unit")
    if (
        new_unit is not None
        and new_unit.pk != hotspot.unit_id
        and not can_manage_hotspots_in(actor, new_unit)
    ):
        raise ValidationError(
            {
                "unit": [
                    ValidationError(
                        CHANGE_OF_UNIT_REFUSED, code="out_of_area", params={"unit": new_unit.name}
                    )
                ]
            }
        )
    previous_establishment = hotspot.establishment
    previous_link = (hotspot.establishment_id, hotspot.unit_id)
    for field_name, value in changes.items():
        setattr(hotspot, field_name, "" if value is None and field_name in _TEXT_FIELDS else value)

    errors: Errors = {}
    identification = hotspot.events.filter(kind=HotspotEvent.Kind.IDENTIFIED).first()
    following = (
        hotspot.events.exclude(kind=HotspotEvent.Kind.IDENTIFIED).order_by("occurred_on", "id").first()
    )
    if following is not None and hotspot.identified_on and hotspot.identified_on > following.occurred_on:
        add_error(
            errors,
            "identified_on",
            IDENTIFIED_AFTER_EVENTS,
            "after_next_event",
            day=format_day(following.occurred_on),
        )
    if following is None and hotspot.identified_on:
        hotspot.last_event_on = hotspot.identified_on
    link_changed = (hotspot.establishment_id, hotspot.unit_id) != previous_link
    _validate_hotspot(hotspot, link_changed=link_changed, errors=errors)
    hotspot.version += 1
    hotspot.save()
    if identification is not None and identification.occurred_on != hotspot.identified_on:
        identification.occurred_on = hotspot.identified_on
        identification.save(update_fields=["occurred_on", "updated_at"])
    refresh_linked_establishments([previous_establishment, hotspot.establishment])
    return hotspot


def _refuse_transition(hotspot: Hotspot, kind: str) -> None:
    allowed = lifecycle.allowed_event_kinds(hotspot.status)
    labels = ", ".join(f"«{HotspotEvent.Kind(k).label}»" for k in allowed) or str(NOTHING_ALLOWED)
    raise ValidationError(
        {
            "kind": [
                ValidationError(
                    TRANSITION_REFUSED,
                    code="transition_refused",
                    params={
                        "event": HotspotEvent.Kind(kind).label,
                        "status": hotspot.get_status_display(),
                        "allowed": labels,
                    },
                )
            ]
        }
    )


@service
def hotspot_event_record(
    *,
    actor: User,
    hotspot: Hotspot,
    kind: str,
    occurred_on: datetime.date,
    version: int | str | None,
    note: str = "",
) -> HotspotEvent:
    """Record a dated event: a status change of the lifecycle table, a monitoring check or a reactivation.

    `version` is the hotspot version the user saw (a stale one is refused: someone recorded an event in
    between). Refused: a move the table does not allow (a field error on "kind" listing what is allowed), a
    date in the future or before the latest event. A reactivation sends the hotspot back to "under action"
    and adds one to its reactivation count.
    """
    if not can_manage_hotspot(actor, hotspot):
        raise PermissionDenied
    if hotspot.is_deleted:
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(ALREADY_DELETED, code="deleted")]})
    if kind == HotspotEvent.Kind.IDENTIFIED:
        raise ValidationError(
            {"kind": [ValidationError(IDENTIFICATION_NOT_RECORDABLE, code="not_recordable")]}
        )
    if kind not in HotspotEvent.Kind.values:
        raise ValidationError(
            {"kind": [ValidationError(UNKNOWN_EVENT_KIND, code="invalid_choice", params={"kind": kind})]}
        )
    check_stale(hotspot, version)
    hotspot.refresh_from_db()  # check_stale locked the row: decide on its current status
    to_status = lifecycle.status_after(hotspot.status, kind)
    if to_status is None:
        _refuse_transition(hotspot, kind)
    errors: Errors = {}
    _check_not_future(errors, "occurred_on", occurred_on)
    if occurred_on < hotspot.last_event_on:
        add_error(
            errors,
            "occurred_on",
            EVENT_BEFORE_PREVIOUS,
            "before_previous",
            day=format_day(hotspot.last_event_on),
        )
    raise_if(errors)

    from_status = hotspot.status
    was_active = hotspot.is_active
    assert to_status is not None  # refused above
    hotspot.status = to_status
    hotspot.last_event_on = occurred_on
    if kind == HotspotEvent.Kind.REACTIVATED:
        hotspot.reactivation_count += 1
    hotspot.version += 1
    validate_instance(hotspot, {})
    hotspot.save()
    event = _event(
        hotspot, actor=actor, kind=kind, occurred_on=occurred_on, from_status=from_status, note=note
    )
    if was_active != hotspot.is_active:
        refresh_linked_establishments([hotspot.establishment])
    return event


@service
def hotspot_delete(*, actor: User, hotspot: Hotspot, version: int | str | None, reason: str) -> Hotspot:
    """Soft-delete a hotspot recorded by mistake: it leaves lists, maps and indicators; the row, its events
    and the audit trail stay. A reason is required."""
    if not can_manage_hotspot(actor, hotspot):
        raise PermissionDenied
    if hotspot.is_deleted:
        raise ValidationError({NON_FIELD_ERRORS: [ValidationError(ALREADY_DELETED, code="deleted")]})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"deletion_reason": [ValidationError(DELETION_REASON_REQUIRED, code="required")]}
        )
    check_stale(hotspot, version)
    hotspot.is_deleted = True
    hotspot.deleted_at = timezone.now()
    hotspot.deleted_by = actor
    hotspot.deletion_reason = reason
    hotspot.version += 1
    validate_instance(hotspot, {})
    hotspot.save()
    refresh_linked_establishments([hotspot.establishment])
    return hotspot
