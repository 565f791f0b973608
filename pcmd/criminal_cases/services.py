"""Writes on criminal cases. Views, the API and the demo loader all call these functions: each is atomic,
checks the policy, validates with Vietnamese messages and is recorded by django-auditlog under the acting user
(without the encrypted summary and names). Every stage is a CaseStageEvent row; the steps allowed are the
table in pcmd.criminal_cases.stages. Reading the offenders' identities is logged with a reason."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency, AgencyKind
from pcmd.audit.models import AccessLog
from pcmd.audit.services import access_log_record
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
from pcmd.criminal_cases import stages
from pcmd.criminal_cases.models import Article, CaseOffender, CaseStageEvent, CriminalCase, Stage
from pcmd.criminal_cases.policies import (
    can_manage_criminal_case,
    can_manage_criminal_cases_in,
    can_view_case_offenders,
)
from pcmd.establishments.models import Establishment
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.models import Hotspot

NOT_A_HANDLING_UNIT = _("Đơn vị thụ lý phải là một tỉnh, thành phố hoặc xã, phường, đặc khu hiện hành.")
NUMBER_TAKEN = _("Đơn vị thụ lý này đã có vụ án số «%(number)s».")
AGENCY_KIND_REFUSED = _("Ở giai đoạn «%(stage)s», cơ quan thụ lý phải là: %(kinds)s.")
AGENCY_OUT_OF_AREA = _("Cơ quan phải thuộc đơn vị thụ lý hoặc tỉnh, thành phố cấp trên.")
AGENCY_CLOSED_ON_DAY = _("Cơ quan «%(agency)s» không hoạt động vào ngày %(day)s.")
OTHER_ARTICLE_REQUIRED = _("Ghi rõ điều luật khi chọn «Điều khác».")
OTHER_ARTICLE_ONLY_WITH_OTHER = _("Chỉ ghi điều luật khác khi chọn «Điều khác».")
DATE_IN_FUTURE = _("Ngày không được sau ngày hôm nay (%(today)s).")
UNCOVERED_AFTER_STAGES = _("Ngày phát hiện không được sau ngày của giai đoạn tiếp theo (%(day)s).")
MINORS_EXCEED_VICTIMS = _("Số nạn nhân dưới 18 tuổi không được lớn hơn tổng số nạn nhân (%(victims)s).")
HOTSPOT_OUT_OF_UNIT = _("Điểm phức tạp «%(name)s» không thuộc địa bàn của đơn vị thụ lý.")
ESTABLISHMENT_OUT_OF_UNIT = _("Cơ sở «%(name)s» không thuộc địa bàn của đơn vị thụ lý.")
LINK_DELETED = _("«%(name)s» đã bị xóa khỏi danh sách.")
STAGE_NOT_NEXT = _(
    "Không thể ghi nhận «%(stage)s» khi vụ án đang ở giai đoạn «%(current)s». Giai đoạn tiếp theo: %(next)s."
)
STAGE_FINISHED = _("Vụ án đã có bản án: không còn giai đoạn nào để ghi nhận.")
STAGE_BEFORE_PREVIOUS = _("Ngày không được trước ngày của giai đoạn trước (%(stage)s, %(day)s).")
MOBILE_TRIAL_ONLY_AT_TRIAL = _("Chỉ đánh dấu xét xử lưu động ở giai đoạn xét xử.")
BIRTH_YEAR_OUT_OF_RANGE = _("Năm sinh phải trong khoảng %(min)s đến %(max)s.")
FULL_NAME_REQUIRED = _("Nhập họ và tên.")
REASON_REQUIRED = _("Cần ghi lý do xem danh sách đối tượng.")

CASE_EDITABLE_FIELDS = frozenset(
    {
        "number",
        "agency",
        "article",
        "article_other",
        "summary",
        "uncovered_on",
        "victims_count",
        "minor_victims_count",
        "hotspots",
        "establishments",
    }
)
EARLIEST_BIRTH_YEAR = 1900


def _kinds_text(kinds: Iterable[str]) -> str:
    return ", ".join(str(AgencyKind(kind).label) for kind in sorted(kinds))


def _is_in_or_above(agency: Agency, unit: AdminUnit) -> bool:
    """The agency belongs to the unit or to a unit above it (same era: paths are prefixes)."""
    return unit.path == agency.unit.path or unit.path.startswith(f"{agency.unit.path}.")


def _check_agency(
    errors: Errors, field: str, agency: Agency | None, unit: AdminUnit, stage: str, day: datetime.date
) -> None:
    if agency is None:
        return
    allowed = stages.STEP_AGENCY_KINDS[stage]
    if agency.kind not in allowed:
        add_error(
            errors,
            field,
            AGENCY_KIND_REFUSED,
            "agency_kind",
            stage=Stage(stage).label,
            kinds=_kinds_text(allowed),
        )
    elif not _is_in_or_above(agency, unit):
        add_error(errors, field, AGENCY_OUT_OF_AREA, "out_of_area")
    elif not agency.is_active_on(day):
        add_error(
            errors, field, AGENCY_CLOSED_ON_DAY, "agency_closed", agency=agency.name, day=format_day(day)
        )


def _check_not_future(errors: Errors, field: str, day: datetime.date | None) -> None:
    if day is not None and day > today():
        add_error(errors, field, DATE_IN_FUTURE, "future", today=format_day(today()))


def _check_links(
    errors: Errors, unit: AdminUnit, hotspots: Iterable[Hotspot], establishments: Iterable[Establishment]
) -> None:
    for hotspot in hotspots:
        if hotspot.is_deleted:
            add_error(errors, "hotspots", LINK_DELETED, "deleted", name=hotspot.name)
        elif not unit.contains(hotspot.unit):
            add_error(errors, "hotspots", HOTSPOT_OUT_OF_UNIT, "out_of_unit", name=hotspot.name)
    for establishment in establishments:
        if establishment.is_deleted:
            add_error(errors, "establishments", LINK_DELETED, "deleted", name=establishment.name)
        elif not unit.contains(establishment.unit):
            add_error(
                errors, "establishments", ESTABLISHMENT_OUT_OF_UNIT, "out_of_unit", name=establishment.name
            )


def _validate_case(
    case: CriminalCase,
    *,
    agency_changed: bool,
    hotspots: Iterable[Hotspot] = (),
    establishments: Iterable[Establishment] = (),
) -> None:
    errors: Errors = {}
    case.number = normalise_spaces(case.number)
    case.article_other = normalise_spaces(case.article_other)
    case.summary = (case.summary or "").strip()
    unit: AdminUnit | None = case.unit if case.unit_id else None
    if unit is not None and (
        unit.is_legacy or unit.level not in (AdminUnit.Level.PROVINCE, AdminUnit.Level.COMMUNE)
    ):
        add_error(errors, "unit", NOT_A_HANDLING_UNIT, "not_handling_unit")
    if unit is not None and case.number:
        same_unit = (
            CriminalCase.objects.filter(unit=unit).exclude(pk=case.pk).values_list("number", flat=True)
        )
        if any(number.casefold() == case.number.casefold() for number in same_unit):
            add_error(errors, "number", NUMBER_TAKEN, "duplicate", number=case.number)
    if unit is not None and agency_changed and case.agency_id:
        _check_agency(errors, "agency", case.agency, unit, case.stage, today())
    if case.article == Article.OTHER and not case.article_other:
        add_error(errors, "article_other", OTHER_ARTICLE_REQUIRED, "required")
    elif case.article and case.article != Article.OTHER and case.article_other:
        add_error(errors, "article_other", OTHER_ARTICLE_ONLY_WITH_OTHER, "not_other")
    _check_not_future(errors, "uncovered_on", case.uncovered_on)
    if case.pk and case.uncovered_on:
        later_days = case.stage_events.exclude(stage=Stage.UNCOVERED).values_list("occurred_on", flat=True)
        later = later_days.order_by("occurred_on").first()
        if later is not None and case.uncovered_on > later:
            add_error(errors, "uncovered_on", UNCOVERED_AFTER_STAGES, "after_stages", day=format_day(later))
    if (
        case.victims_count is not None
        and case.minor_victims_count is not None
        and case.minor_victims_count > case.victims_count
    ):
        add_error(
            errors, "minor_victims_count", MINORS_EXCEED_VICTIMS, "minors_exceed", victims=case.victims_count
        )
    if unit is not None:
        _check_links(errors, unit, hotspots, establishments)
    if not case.pk or case.stage == Stage.UNCOVERED:
        case.stage_on = case.uncovered_on
    validate_instance(case, errors)


@service
def criminal_case_create(
    *,
    actor: User,
    unit: AdminUnit,
    agency: Agency,
    number: str,
    article: str,
    uncovered_on: datetime.date,
    article_other: str = "",
    summary: str = "",
    victims_count: int = 0,
    minor_victims_count: int = 0,
    hotspots: Iterable[Hotspot] = (),
    establishments: Iterable[Establishment] = (),
    note: str = "",
) -> CriminalCase:
    """A new case at the "uncovered" stage, with its first timeline event. Refused without
    CRIMINAL_CASE_MANAGE over the unit."""
    if not can_manage_criminal_cases_in(actor, unit):
        raise PermissionDenied
    hotspots, establishments = list(hotspots), list(establishments)
    case = CriminalCase(
        unit=unit,
        agency=agency,
        number=number,
        article=article,
        article_other=article_other,
        summary=summary,
        uncovered_on=uncovered_on,
        stage=Stage.UNCOVERED,
        stage_on=uncovered_on,
        victims_count=victims_count,
        minor_victims_count=minor_victims_count,
        created_by=actor,
    )
    _validate_case(case, agency_changed=True, hotspots=hotspots, establishments=establishments)
    case.save()
    case.hotspots.set(hotspots)
    case.establishments.set(establishments)
    CaseStageEvent.objects.create(
        case=case,
        stage=Stage.UNCOVERED,
        from_stage="",
        occurred_on=uncovered_on,
        agency=agency,
        note=normalise_spaces(note),
        recorded_by=actor,
    )
    return case


@service
def criminal_case_update(
    *, actor: User, case: CriminalCase, version: int | None, changes: Mapping[str, Any]
) -> CriminalCase:
    """Change the case's editable fields; a stale edit is refused (ValidationError on "version").

    The unit and the stage never change here: the stage moves through case_stage_record.
    """
    if not can_manage_criminal_case(actor, case):
        raise PermissionDenied
    unknown = set(changes) - CASE_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(case, version)
    values = dict(changes)
    hotspots = list(values.pop("hotspots")) if "hotspots" in values else None
    establishments = list(values.pop("establishments")) if "establishments" in values else None
    agency_changed = "agency" in values and getattr(values["agency"], "pk", None) != case.agency_id
    for field_name, value in values.items():
        if value is None and field_name in {"number", "article_other", "summary"}:
            value = ""
        setattr(case, field_name, value)
    # Only links added now are checked: one made earlier stays even if its hotspot was deleted since.
    new_hotspots = [h for h in hotspots or () if not case.hotspots.filter(pk=h.pk).exists()]
    new_establishments = [e for e in establishments or () if not case.establishments.filter(pk=e.pk).exists()]
    _validate_case(
        case, agency_changed=agency_changed, hotspots=new_hotspots, establishments=new_establishments
    )
    case.version += 1
    case.save()
    if hotspots is not None:
        case.hotspots.set(hotspots)
    if establishments is not None:
        case.establishments.set(establishments)
    if "uncovered_on" in values:
        case.stage_events.filter(stage=Stage.UNCOVERED).update(occurred_on=case.uncovered_on)
    return case


@service
def case_stage_record(
    *,
    actor: User,
    case: CriminalCase,
    stage: str,
    occurred_on: datetime.date,
    version: int | None,
    decision_number: str = "",
    agency: Agency | None = None,
    mobile_trial: bool = False,
    note: str = "",
) -> CaseStageEvent:
    """The case reaches its next stage on `occurred_on`. An agency given becomes the case's handling agency
    (the procuracy once indicted, the court at trial)."""
    if not can_manage_criminal_case(actor, case):
        raise PermissionDenied
    check_stale(case, version)
    errors: Errors = {}
    expected = stages.next_stage(case.stage)
    if expected is None:
        add_error(errors, "stage", STAGE_FINISHED, "finished")
    elif stage != expected:
        add_error(
            errors,
            "stage",
            STAGE_NOT_NEXT,
            "not_next",
            stage=Stage(stage).label if stage in Stage.values else stage,
            current=case.get_stage_display(),
            next=Stage(expected).label,
        )
    _check_not_future(errors, "occurred_on", occurred_on)
    if occurred_on is not None and occurred_on < case.stage_on:
        add_error(
            errors,
            "occurred_on",
            STAGE_BEFORE_PREVIOUS,
            "before_previous",
            stage=case.get_stage_display(),
            day=format_day(case.stage_on),
        )
    if mobile_trial and stage != Stage.TRIED:
        add_error(errors, "mobile_trial", MOBILE_TRIAL_ONLY_AT_TRIAL, "mobile_not_trial")
    if stage in Stage.values and occurred_on is not None:
        _check_agency(errors, "agency", agency, case.unit, stage, occurred_on)
    raise_if(errors)
    event = CaseStageEvent(
        case=case,
        stage=stage,
        from_stage=case.stage,
        occurred_on=occurred_on,
        decision_number=normalise_spaces(decision_number),
        agency=agency,
        mobile_trial=mobile_trial,
        note=(note or "").strip(),
        recorded_by=actor,
    )
    validate_instance(event, {})
    event.save()
    case.stage = stage
    case.stage_on = occurred_on
    if agency is not None:
        case.agency = agency
    case.version += 1
    validate_instance(case, {})
    case.save()
    return event


# --- offenders ----------------------------------------------------------------------------------------------


@service
def case_offender_add(
    *,
    actor: User,
    case: CriminalCase,
    role: str,
    full_name: str,
    sex: str,
    birth_year: int | None = None,
) -> CaseOffender:
    """Add an offender with the minimum of personal data (the name is encrypted at rest)."""
    if not can_manage_criminal_case(actor, case):
        raise PermissionDenied
    errors: Errors = {}
    offender = CaseOffender(
        case=case, role=role, full_name=normalise_spaces(full_name), sex=sex, birth_year=birth_year
    )
    if not offender.full_name:
        add_error(errors, "full_name", FULL_NAME_REQUIRED, "required")
    if birth_year is not None and not EARLIEST_BIRTH_YEAR <= birth_year <= today().year:
        add_error(
            errors,
            "birth_year",
            BIRTH_YEAR_OUT_OF_RANGE,
            "out_of_range",
            min=EARLIEST_BIRTH_YEAR,
            max=today().year,
        )
    validate_instance(offender, errors)
    offender.save()
    return offender


@service
def case_offender_remove(*, actor: User, offender: CaseOffender) -> None:
    """Remove an offender entered by mistake: the personal data goes; the change log keeps that a row of the
    case was deleted (never the name)."""
    if not can_manage_criminal_case(actor, offender.case):
        raise PermissionDenied
    offender.delete()


@service
def case_offenders_reveal(*, actor: User, case: CriminalCase, reason: str) -> list[CaseOffender]:
    """The case's offenders with their names, for a holder of CRIMINAL_CASE_MANAGE over the case; the view is
    written to the access log with its reason (refused without one)."""
    if not can_view_case_offenders(actor, case):
        raise PermissionDenied
    if not normalise_spaces(reason):
        raise ValidationError({"reason": [ValidationError(REASON_REQUIRED, code="reason_required")]})
    access_log_record(
        actor=actor, obj_or_type_and_id=case, purpose=AccessLog.Purpose.VIEW_IDENTITY, reason=reason
    )
    return list(case.offenders.order_by("id"))
