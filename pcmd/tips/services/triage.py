"""Handling a tip: the workflow moves with their SLA clock, transfers between units, messages to the
citizen, the informant's identity behind a logged reason, and turning a verified tip into an inspection or a
hotspot."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency, InspectionTeam, TeamMember
from pcmd.audit.models import AccessLog
from pcmd.audit.services import access_log_record
from pcmd.core.services import Errors, add_error, check_stale, raise_if, service, today, validate_instance
from pcmd.criminal_cases import services as case_services
from pcmd.criminal_cases.models import CriminalCase
from pcmd.criminal_cases.selectors import criminal_cases_visible_to
from pcmd.establishments.models import Establishment
from pcmd.geography.models import AdminUnit
from pcmd.hotspots import services as hotspot_services
from pcmd.hotspots.models import Hotspot
from pcmd.inspections import services as inspection_services
from pcmd.inspections.models import Inspection
from pcmd.inspections.selectors import inspections_visible_to
from pcmd.tips import workflow
from pcmd.tips.models import (
    Informant,
    Tip,
    TipCategory,
    TipEvent,
    TipMessage,
    TipOutcome,
    TipStatus,
)
from pcmd.tips.policies import can_handle_tip, can_view_informant
from pcmd.tips.services.common import (
    MESSAGE_MAX,
    UNIT_NOT_CURRENT,
    agency_for,
    clean_text,
    province_of,
    record_event,
)

TRANSITION_REFUSED = _(
    "Không thể chuyển tin từ «%(from)s» sang «%(to)s». Bước tiếp theo được phép: %(allowed)s."
)
NOTHING_ALLOWED = _("không có (tin đã đóng)")
UNKNOWN_CATEGORY = _("Hãy chọn loại tin.")
OUTCOME_REQUIRED = _("Hãy chọn kết quả xử lý.")
INSPECTION_LINK_REQUIRED = _(
    "Kết quả «Đã tổ chức kiểm tra» cần liên kết cuộc kiểm tra trước (ghi nhận hoặc liên kết ở mục bên dưới)."
)
REFERENCE_REQUIRED = _("Hãy ghi số hiệu vụ án hoặc cơ quan nhận (kết quả «%(outcome)s»).")
NOTE_REQUIRED_UNFOUNDED = _("Hãy ghi rõ lý do kết luận tin không có cơ sở.")
ESTABLISHMENT_OUTSIDE = _("Cơ sở «%(name)s» không thuộc tỉnh, thành phố của tin.")
ESTABLISHMENT_DELETED = _("Cơ sở «%(name)s» đã bị xóa khỏi danh sách.")
HOTSPOT_OUTSIDE = _("Điểm phức tạp «%(name)s» không thuộc tỉnh, thành phố của tin.")
PERSONS_COUNT_INVALID = _("Số người liên quan phải từ 0 đến 10.000.")
TRANSFER_REASON_REQUIRED = _("Hãy ghi lý do chuyển.")
TRANSFER_SAME_UNIT = _("Tin đang thuộc đơn vị này.")
TIP_CLOSED = _("Tin đã đóng.")
NOT_VERIFIED_YET = _("Chỉ tạo hồ sơ từ tin đã xác minh, phân loại (trạng thái hiện tại: «%(status)s»).")
ALREADY_HAS_HOTSPOT = _("Tin đã liên kết với điểm phức tạp «%(name)s».")
ALREADY_HAS_INSPECTION = _("Tin đã liên kết với một cuộc kiểm tra.")
NO_COMMUNE_FOR_HOTSPOT = _("Tin chưa xác định xã, phường nơi xảy ra: không tạo được điểm phức tạp.")
INSPECTION_NOT_VISIBLE = _("Không tìm thấy cuộc kiểm tra này trong phạm vi của bạn.")
INSPECTION_OUTSIDE = _("Cuộc kiểm tra không thuộc tỉnh, thành phố của tin.")
ALREADY_HAS_CASE = _("Tin đã liên kết với vụ án %(number)s.")
CASE_NOT_VISIBLE = _("Không tìm thấy vụ án này trong phạm vi của bạn.")
CASE_OUTSIDE = _("Vụ án không thuộc tỉnh, thành phố của tin.")


def _allowed_text(status: str) -> str:
    labels = [str(TipStatus(target).label) for target in workflow.allowed_targets(status)]
    return ", ".join(labels) or str(NOTHING_ALLOWED)


def _require_handler(actor: User, tip: Tip) -> None:
    if not can_handle_tip(actor, tip):
        raise PermissionDenied


def _within_tip_province(tip: Tip, unit: AdminUnit) -> bool:
    return tip.province.contains(unit)


def _check_classification(
    tip: Tip,
    errors: Errors,
    *,
    category: str | None,
    establishment: Establishment | None,
    hotspot: Hotspot | None,
    persons_count: int | None,
) -> None:
    if category is not None:
        if category not in TipCategory.values:
            add_error(errors, "category", UNKNOWN_CATEGORY, "invalid_choice")
        else:
            tip.category = category
    if establishment is not None and establishment.pk != tip.establishment_id:
        if establishment.is_deleted:
            add_error(errors, "establishment", ESTABLISHMENT_DELETED, "deleted", name=establishment.name)
        elif not _within_tip_province(tip, establishment.unit):
            add_error(errors, "establishment", ESTABLISHMENT_OUTSIDE, "outside", name=establishment.name)
        else:
            tip.establishment = establishment
    if hotspot is not None and hotspot.pk != tip.hotspot_id:
        if hotspot.is_deleted or not _within_tip_province(tip, hotspot.unit):
            add_error(errors, "hotspot", HOTSPOT_OUTSIDE, "outside", name=hotspot.name)
        else:
            tip.hotspot = hotspot
    if persons_count is not None:
        if not 0 <= persons_count <= 10000:
            add_error(errors, "persons_count", PERSONS_COUNT_INVALID, "out_of_range")
        else:
            tip.persons_count = persons_count


def _check_outcome(tip: Tip, errors: Errors, *, outcome: str, outcome_reference: str, note: str) -> None:
    if outcome not in TipOutcome.values:
        add_error(errors, "outcome", OUTCOME_REQUIRED, "required")
        return
    tip.outcome = outcome
    tip.outcome_reference = outcome_reference
    if outcome == TipOutcome.INSPECTION_OPENED and tip.inspection_id is None:
        add_error(errors, "outcome", INSPECTION_LINK_REQUIRED, "inspection_required")
    if outcome in {TipOutcome.CRIMINAL_CASE_OPENED, TipOutcome.TRANSFERRED} and not outcome_reference:
        add_error(
            errors,
            "outcome_reference",
            REFERENCE_REQUIRED,
            "required",
            outcome=str(TipOutcome(outcome).label),
        )
    if outcome == TipOutcome.UNFOUNDED and not note:
        add_error(errors, "note", NOTE_REQUIRED_UNFOUNDED, "required")


@service
def tip_transition(
    *,
    actor: User,
    tip: Tip,
    to_status: str,
    version: int | str | None,
    note: str = "",
    category: str | None = None,
    establishment: Establishment | None = None,
    hotspot: Hotspot | None = None,
    persons_count: int | None = None,
    outcome: str = "",
    outcome_reference: str = "",
) -> Tip:
    """Move the tip one step along the workflow (pcmd.tips.workflow.TRANSITIONS), with an event.

    Classifying may set the category, the linked establishment and hotspot and the number of persons;
    handling needs an outcome (an inspection outcome needs the inspection linked, a criminal case or a
    transfer its reference, "unfounded" a note). The stage left is marked on time or late against its
    deadline; the next stage's deadline is set from the province's settings.
    """
    _require_handler(actor, tip)
    check_stale(tip, version)
    errors: Errors = {}
    note = clean_text(note, errors=errors, field="note", maximum=MESSAGE_MAX)
    outcome_reference = clean_text(outcome_reference, errors=errors, field="outcome_reference", maximum=255)
    from_status = tip.status
    if not workflow.can_move(from_status, to_status):
        add_error(
            errors,
            "to_status",
            TRANSITION_REFUSED,
            "transition_refused",
            **{
                "from": str(TipStatus(from_status).label),
                "to": str(TipStatus(to_status).label) if to_status in TipStatus.values else to_status,
                "allowed": _allowed_text(from_status),
            },
        )
        raise_if(errors)
    if to_status == TipStatus.CLASSIFIED:
        _check_classification(
            tip,
            errors,
            category=category,
            establishment=establishment,
            hotspot=hotspot,
            persons_count=persons_count,
        )
    elif to_status == TipStatus.HANDLED:
        _check_outcome(tip, errors, outcome=outcome, outcome_reference=outcome_reference, note=note)
    raise_if(errors)

    now = timezone.now()
    on_time = None if tip.stage_due_at is None else now <= tip.stage_due_at
    if on_time is False:
        tip.late_stages += 1
    tip.status = to_status
    tip.stage_started_at = now
    tip.stage_due_at = workflow.stage_due(province_of(tip.routed_unit), to_status, now)
    if to_status == TipStatus.HANDLED:
        tip.handled_at = now
    elif to_status == TipStatus.CLOSED:
        tip.closed_at = now
    validate_instance(tip, {})
    tip.version += 1
    tip.save()
    record_event(
        tip,
        actor=actor,
        kind=TipEvent.Kind.STATUS_CHANGED,
        from_status=from_status,
        to_status=to_status,
        note=note,
        stage_on_time=on_time,
    )
    return tip


@service
def tip_transfer(
    *, actor: User, tip: Tip, to_unit: AdminUnit | None, version: int | str | None, reason: str
) -> Tip:
    """Move the tip to another unit's queue (a commune, a province, another province), with the reason.

    The agency follows the routing rules of the new unit's province. The status and the clock stay.
    """
    _require_handler(actor, tip)
    check_stale(tip, version)
    errors: Errors = {}
    reason = clean_text(reason, errors=errors, field="reason", maximum=MESSAGE_MAX)
    if not reason:
        add_error(errors, "reason", TRANSFER_REASON_REQUIRED, "required")
    if (
        to_unit is None
        or to_unit.era != AdminUnit.Era.CURRENT
        or to_unit.level not in {AdminUnit.Level.PROVINCE, AdminUnit.Level.COMMUNE}
    ):
        add_error(errors, "to_unit", UNIT_NOT_CURRENT, "invalid_unit")
    elif to_unit.pk == tip.routed_unit_id:
        add_error(errors, "to_unit", TRANSFER_SAME_UNIT, "same_unit")
    if tip.status == TipStatus.CLOSED:
        add_error(errors, "to_unit", TIP_CLOSED, "closed")
    raise_if(errors)
    assert to_unit is not None
    from_unit = tip.routed_unit
    tip.routed_unit = to_unit
    tip.routed_agency = agency_for(to_unit, tip.category)
    validate_instance(tip, {})
    tip.version += 1
    tip.save()
    record_event(
        tip, actor=actor, kind=TipEvent.Kind.TRANSFERRED, from_unit=from_unit, to_unit=to_unit, note=reason
    )
    return tip


@service
def tip_message_send(*, actor: User, tip: Tip, body: str) -> TipMessage:
    """A message to the citizen, who reads it with the receipt. The officer's name is never shown to them."""
    _require_handler(actor, tip)
    errors: Errors = {}
    body = clean_text(body, errors=errors, field="body", maximum=MESSAGE_MAX, required=True)
    if tip.status == TipStatus.CLOSED:
        add_error(errors, "body", TIP_CLOSED, "closed")
    raise_if(errors)
    message = TipMessage(tip=tip, sender=TipMessage.Sender.OFFICER, author=actor, body=body)
    validate_instance(message, {})
    message.save()
    return message


@service
def tip_view_record(*, actor: User, tip: Tip) -> None:
    """Log that the actor read the tip's content (its page, an attachment, the API detail)."""
    _require_handler(actor, tip)
    access_log_record(actor=actor, obj_or_type_and_id=tip, purpose=AccessLog.Purpose.VIEW)


@service
def informant_reveal(*, actor: User, tip: Tip, reason: str) -> Informant | None:
    """The informant's identity and contact, for INFORMANT_VIEW holders, each time with a reason written to
    the access log (before anything is shown). None when the informant stayed anonymous."""
    if not can_view_informant(actor, tip):
        raise PermissionDenied
    access_log_record(
        actor=actor, obj_or_type_and_id=tip, purpose=AccessLog.Purpose.VIEW_IDENTITY, reason=reason
    )
    return Informant.objects.filter(tip=tip).first()


def _require_linkable(tip: Tip, errors: Errors) -> None:
    if tip.status not in workflow.LINKABLE_STATUSES:
        add_error(
            errors, "__all__", NOT_VERIFIED_YET, "not_verified", status=str(TipStatus(tip.status).label)
        )


def _link(tip: Tip, actor: User, note: str) -> None:
    validate_instance(tip, {})
    tip.version += 1
    tip.save()
    record_event(tip, actor=actor, kind=TipEvent.Kind.LINKED, note=note)


@service
def tip_create_hotspot(
    *,
    actor: User,
    tip: Tip,
    version: int | str | None,
    kind: str,
    name: str,
    identified_by: Agency,
    identified_on: datetime.date | None = None,
    description: str = "",
    address: str = "",
    establishment: Establishment | None = None,
) -> Hotspot:
    """Record a hotspot (pcmd.hotspots.services) in the tip's commune from a verified tip, and link it.

    The tip's content is not copied into the hotspot (it stays encrypted here): the officer describes it.
    """
    _require_handler(actor, tip)
    check_stale(tip, version)
    errors: Errors = {}
    _require_linkable(tip, errors)
    if tip.hotspot_id is not None:
        add_error(errors, "__all__", ALREADY_HAS_HOTSPOT, "linked", name=tip.hotspot.name)  # type: ignore[union-attr]
    commune = tip.location_unit
    if commune is None and tip.routed_unit.level == AdminUnit.Level.COMMUNE:
        commune = tip.routed_unit
    if commune is None:
        add_error(errors, "__all__", NO_COMMUNE_FOR_HOTSPOT, "no_commune")
    raise_if(errors)
    assert commune is not None
    hotspot = hotspot_services.hotspot_create(
        actor=actor,
        unit=commune,
        kind=kind,
        name=name,
        identified_on=identified_on or today(),
        identified_by=identified_by,
        description=description,
        address=address,
        establishment=establishment or tip.establishment,
        note=str(_("Phát hiện từ tin báo %(reference)s.") % {"reference": tip.reference}),
    )
    tip.hotspot = hotspot
    _link(tip, actor, str(_("Tạo điểm phức tạp «%(name)s».") % {"name": hotspot.name}))
    return hotspot


@service
def tip_create_inspection(
    *,
    actor: User,
    tip: Tip,
    version: int | str | None,
    team: InspectionTeam,
    establishment: Establishment,
    mode: str,
    started_at: datetime.datetime,
    members_present: Iterable[TeamMember],
    ended_at: datetime.datetime | None = None,
    findings: str = "",
    minutes_number: str = "",
) -> Inspection:
    """Record the inspection made on a verified tip (pcmd.inspections.services, whose rules apply: the
    actor records for their own team) and link it; the establishment becomes the tip's when it had none."""
    _require_handler(actor, tip)
    check_stale(tip, version)
    errors: Errors = {}
    _require_linkable(tip, errors)
    if tip.inspection_id is not None:
        add_error(errors, "__all__", ALREADY_HAS_INSPECTION, "linked")
    raise_if(errors)
    inspection = inspection_services.inspection_record(
        actor=actor,
        team=team,
        establishment=establishment,
        mode=mode,
        started_at=started_at,
        members_present=members_present,
        ended_at=ended_at,
        findings=findings,
        minutes_number=minutes_number,
    )
    tip.inspection = inspection
    if tip.establishment_id is None:
        tip.establishment = establishment
    _link(tip, actor, str(_("Ghi nhận cuộc kiểm tra %(inspection)s.") % {"inspection": inspection}))
    return inspection


@service
def tip_link_inspection(*, actor: User, tip: Tip, version: int | str | None, inspection: Inspection) -> Tip:
    """Link an inspection the team has recorded (one the actor can see, in the tip's province)."""
    _require_handler(actor, tip)
    check_stale(tip, version)
    errors: Errors = {}
    _require_linkable(tip, errors)
    if tip.inspection_id is not None:
        add_error(errors, "__all__", ALREADY_HAS_INSPECTION, "linked")
    elif not inspections_visible_to(actor).filter(pk=inspection.pk).exists():
        add_error(errors, "inspection", INSPECTION_NOT_VISIBLE, "not_visible")
    elif not _within_tip_province(tip, inspection.establishment.unit):
        add_error(errors, "inspection", INSPECTION_OUTSIDE, "outside")
    raise_if(errors)
    tip.inspection = inspection
    if tip.establishment_id is None:
        tip.establishment = inspection.establishment
    _link(tip, actor, str(_("Liên kết cuộc kiểm tra %(inspection)s.") % {"inspection": inspection}))
    return tip


def _check_case_linkable(tip: Tip, errors: Errors) -> None:
    _require_linkable(tip, errors)
    if tip.criminal_case_id is not None:
        add_error(errors, "__all__", ALREADY_HAS_CASE, "linked", number=tip.criminal_case.number)  # type: ignore[union-attr]


@service
def tip_open_criminal_case(
    *,
    actor: User,
    tip: Tip,
    version: int | str | None,
    unit: AdminUnit,
    agency: Agency,
    number: str,
    article: str,
    uncovered_on: datetime.date | None = None,
    article_other: str = "",
    victims_count: int = 0,
    minor_victims_count: int = 0,
) -> CriminalCase:
    """Open a criminal case (pcmd.criminal_cases.services, whose rules apply: CRIMINAL_CASE_MANAGE over the
    unit) on a verified tip and link it. The tip's content is not copied into the case: it stays encrypted
    here, and the case summary is written by the investigator."""
    _require_handler(actor, tip)
    check_stale(tip, version)
    errors: Errors = {}
    _check_case_linkable(tip, errors)
    if not _within_tip_province(tip, unit):
        add_error(errors, "unit", CASE_OUTSIDE, "outside")
    raise_if(errors)
    case = case_services.criminal_case_create(
        actor=actor,
        unit=unit,
        agency=agency,
        number=number,
        article=article,
        article_other=article_other,
        uncovered_on=uncovered_on or today(),
        victims_count=victims_count,
        minor_victims_count=minor_victims_count,
        hotspots=[tip.hotspot] if tip.hotspot is not None else [],
        establishments=[tip.establishment] if tip.establishment is not None else [],
        note=str(_("Phát hiện từ tin báo %(reference)s.") % {"reference": tip.reference}),
    )
    tip.criminal_case = case
    _link(tip, actor, str(_("Khởi tạo vụ án %(number)s.") % {"number": case.number}))
    return case


@service
def tip_link_criminal_case(*, actor: User, tip: Tip, version: int | str | None, case: CriminalCase) -> Tip:
    """Link a case already recorded (one the actor can see, in the tip's province)."""
    _require_handler(actor, tip)
    check_stale(tip, version)
    errors: Errors = {}
    _check_case_linkable(tip, errors)
    if not errors:
        if not criminal_cases_visible_to(actor).filter(pk=case.pk).exists():
            add_error(errors, "case", CASE_NOT_VISIBLE, "not_visible")
        elif not _within_tip_province(tip, case.unit):
            add_error(errors, "case", CASE_OUTSIDE, "outside")
    raise_if(errors)
    tip.criminal_case = case
    _link(tip, actor, str(_("Liên kết vụ án %(number)s.") % {"number": case.number}))
    return tip
