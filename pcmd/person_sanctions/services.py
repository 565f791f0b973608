"""Writes on the statistics of administrative sanctions of persons. Views, the API and the demo loader all
call these functions: each is atomic, checks the policy, validates with Vietnamese messages and is recorded by
django-auditlog under the acting user."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.core.services import (
    Errors,
    add_error,
    check_stale,
    format_day,
    service,
    today,
    validate_instance,
)
from pcmd.geography.models import AdminUnit
from pcmd.legal.models import LegalProvision
from pcmd.person_sanctions.models import PersonSanctionTally
from pcmd.person_sanctions.policies import can_manage_person_sanctions_in, can_manage_tally

NOT_A_UNIT = _("Đơn vị phải là một tỉnh, thành phố hoặc xã, phường, đặc khu hiện hành.")
PERIOD_REVERSED = _("Ngày kết thúc kỳ không được trước ngày bắt đầu.")
PERIOD_NOT_STARTED = _("Kỳ thống kê chưa bắt đầu: ngày bắt đầu không được sau ngày hôm nay (%(today)s).")
PROVISION_NOT_FOR_INDIVIDUALS = _("Căn cứ «%(reference)s» áp dụng cho tổ chức, không áp dụng cho cá nhân.")
PROVISION_NOT_IN_FORCE = _(
    "Căn cứ «%(reference)s» không được áp dụng trong kỳ %(period)s (thời gian áp dụng: %(valid)s)."
)
DECISIONS_EXCEED_PERSONS = _("Số quyết định không được lớn hơn số lượt người bị xử phạt (%(persons)s).")
DECISIONS_REQUIRED = _("Có người bị xử phạt thì phải có ít nhất một quyết định xử phạt.")
FINES_OUT_OF_RANGE = _(
    "Tổng tiền phạt của %(persons)s lượt người theo căn cứ này phải từ %(min)s đến %(max)s đồng."
)
FINES_WITHOUT_FINE = _("Căn cứ «%(reference)s» không quy định phạt tiền: tổng tiền phạt phải bằng 0.")
TALLY_DUPLICATE = _("Đơn vị đã có số liệu của hành vi này theo căn cứ này trong cùng kỳ.")
PERIOD_OVERLAPS = _(
    "Kỳ này trùng với kỳ %(period)s đã nhập cho cùng đơn vị, hành vi và căn cứ: số liệu sẽ bị tính hai lần. "
    "Hãy sửa số liệu đã nhập hoặc chọn kỳ không trùng."
)

TALLY_EDITABLE_FIELDS = frozenset(
    {
        "period_start",
        "period_end",
        "act",
        "provision",
        "persons_count",
        "decisions_count",
        "total_fines",
        "note",
    }
)


def money(amount: int | None) -> str:
    """1.234.567 — Vietnamese thousands separators."""
    return f"{amount or 0:,}".replace(",", ".")


def _period_text(start: datetime.date, end: datetime.date | None) -> str:
    return f"{format_day(start)} – {format_day(end) if end else gettext('nay')}"


def _check_provision(errors: Errors, tally: PersonSanctionTally) -> None:
    provision: LegalProvision = tally.provision
    if provision.applies_to != LegalProvision.AppliesTo.INDIVIDUAL:
        add_error(
            errors,
            "provision",
            PROVISION_NOT_FOR_INDIVIDUALS,
            "not_for_individuals",
            reference=provision.reference,
        )
        return
    start, end = tally.period_start, tally.period_end
    if start is None or end is None or end < start:
        return
    # The provision applies on at least one day of the period: a period across a change of decree has one
    # tally per provision (Nghị định 144/2021 until 14/12/2025, 282/2025 from 15/12/2025).
    if provision.valid_from > end or (provision.valid_to is not None and provision.valid_to < start):
        add_error(
            errors,
            "provision",
            PROVISION_NOT_IN_FORCE,
            "not_in_force",
            reference=provision.reference,
            period=_period_text(start, end),
            valid=_period_text(provision.valid_from, provision.valid_to),
        )


def _check_counts(errors: Errors, tally: PersonSanctionTally) -> None:
    persons, decisions, fines = tally.persons_count, tally.decisions_count, tally.total_fines
    if persons is None or decisions is None:
        return
    if decisions > persons:
        add_error(errors, "decisions_count", DECISIONS_EXCEED_PERSONS, "exceeds_persons", persons=persons)
    elif persons > 0 and decisions == 0:
        add_error(errors, "decisions_count", DECISIONS_REQUIRED, "required")
    if fines is None or not tally.provision_id:
        return
    provision = tally.provision
    if provision.has_fine:
        assert provision.fine_min is not None and provision.fine_max is not None
        low, high = provision.fine_min * persons, provision.fine_max * persons
        if not low <= fines <= high:
            add_error(
                errors,
                "total_fines",
                FINES_OUT_OF_RANGE,
                "out_of_range",
                persons=persons,
                min=money(low),
                max=money(high),
            )
    elif fines:
        add_error(errors, "total_fines", FINES_WITHOUT_FINE, "no_fine", reference=provision.reference)


def _check_overlap(errors: Errors, tally: PersonSanctionTally) -> None:
    start, end = tally.period_start, tally.period_end
    if (
        start is None
        or end is None
        or end < start
        or not (tally.unit_id and tally.provision_id and tally.act)
    ):
        return
    same = PersonSanctionTally.objects.filter(
        unit_id=tally.unit_id, act=tally.act, provision_id=tally.provision_id
    ).exclude(pk=tally.pk)
    if same.filter(period_start=start, period_end=end).exists():
        add_error(errors, "provision", TALLY_DUPLICATE, "duplicate")
        return
    other = same.filter(period_start__lte=end, period_end__gte=start).order_by("period_start").first()
    if other is not None:
        add_error(
            errors,
            "period_start",
            PERIOD_OVERLAPS,
            "overlap",
            period=_period_text(other.period_start, other.period_end),
        )


def _validate_tally(tally: PersonSanctionTally) -> None:
    errors: Errors = {}
    tally.note = (tally.note or "").strip()
    unit: AdminUnit | None = tally.unit if tally.unit_id else None
    if unit is not None and (
        unit.is_legacy or unit.level not in (AdminUnit.Level.PROVINCE, AdminUnit.Level.COMMUNE)
    ):
        add_error(errors, "unit", NOT_A_UNIT, "not_a_unit")
    if tally.period_start and tally.period_end and tally.period_end < tally.period_start:
        add_error(errors, "period_end", PERIOD_REVERSED, "period_reversed")
    if tally.period_start and tally.period_start > today():
        add_error(errors, "period_start", PERIOD_NOT_STARTED, "not_started", today=format_day(today()))
    if tally.provision_id:
        _check_provision(errors, tally)
    _check_counts(errors, tally)
    _check_overlap(errors, tally)
    validate_instance(tally, errors)


@service
def tally_create(
    *,
    actor: User,
    unit: AdminUnit,
    period_start: datetime.date,
    period_end: datetime.date,
    act: str,
    provision: LegalProvision,
    persons_count: int,
    decisions_count: int,
    total_fines: int = 0,
    note: str = "",
) -> PersonSanctionTally:
    """Record the sanctions of an act under a provision imposed by the unit in the period. Refused without
    PERSON_SANCTION_MANAGE over the unit."""
    if not can_manage_person_sanctions_in(actor, unit):
        raise PermissionDenied
    tally = PersonSanctionTally(
        unit=unit,
        period_start=period_start,
        period_end=period_end,
        act=act,
        provision=provision,
        persons_count=persons_count,
        decisions_count=decisions_count,
        total_fines=total_fines,
        note=note,
        created_by=actor,
    )
    _validate_tally(tally)
    tally.save()
    return tally


@service
def tally_update(
    *, actor: User, tally: PersonSanctionTally, version: int | None, changes: Mapping[str, Any]
) -> PersonSanctionTally:
    """Correct a tally; a stale edit is refused (ValidationError on "version"). The unit never changes."""
    if not can_manage_tally(actor, tally):
        raise PermissionDenied
    unknown = set(changes) - TALLY_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(tally, version)
    for field_name, value in changes.items():
        setattr(tally, field_name, "" if value is None and field_name == "note" else value)
    _validate_tally(tally)
    tally.version += 1
    tally.save()
    return tally


@service
def tally_delete(*, actor: User, tally: PersonSanctionTally, version: int | None) -> None:
    """Remove a tally entered by mistake (the change log keeps its values)."""
    if not can_manage_tally(actor, tally):
        raise PermissionDenied
    check_stale(tally, version)
    tally.delete()
