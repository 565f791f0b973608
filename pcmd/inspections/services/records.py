"""Writes on the checklist, inspection plans, inspections and their photos."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.models import InspectionTeam, TeamMember
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
from pcmd.establishments.models import Establishment
from pcmd.inspections import policies
from pcmd.inspections.models import (
    ChecklistItem,
    ChecklistResult,
    Inspection,
    InspectionPhoto,
    InspectionPlan,
    PlannedInspection,
)

INSPECTION_IN_FUTURE = _("Ngày kiểm tra không được sau ngày hôm nay.")
INSPECTION_BEFORE_OPENING = _("Ngày kiểm tra không được trước ngày cơ sở bắt đầu hoạt động (%(day)s).")
INSPECTION_ENDS_BEFORE_START = _("Thời điểm kết thúc không được trước thời điểm bắt đầu.")
ESTABLISHMENT_OUTSIDE_TEAM_AREA = _("Cơ sở «%(establishment)s» không thuộc địa bàn của %(team)s.")
ESTABLISHMENT_DELETED = _("Cơ sở đã bị xóa khỏi danh sách.")
TEAM_NOT_ACTIVE = _("%(team)s không hoạt động vào ngày %(day)s.")
MEMBERS_REQUIRED = _("Chọn ít nhất một thành viên của đội có mặt khi kiểm tra.")
MEMBER_NOT_IN_TEAM = _("%(name)s không phải là thành viên của đội vào ngày %(day)s.")
MINUTES_NUMBER_TAKEN = _("Đội đã có biên bản số «%(number)s».")
PLAN_OF_OTHER_TEAM_OR_YEAR = _("Kế hoạch được chọn không phải của đội này trong năm %(year)s.")
CHECKLIST_ITEM_RETIRED = _("Nội dung «%(item)s» không còn được dùng.")
CHECKLIST_ITEM_TWICE = _("Nội dung «%(item)s» được nhập hai lần.")
CHECKLIST_OUTCOME_INVALID = _("Kết quả «%(outcome)s» không hợp lệ.")
PROVISION_NO_LONGER_VALID = _(
    "Vi phạm «%(act)s» dựa trên căn cứ không áp dụng vào ngày %(day)s: sửa căn cứ của vi phạm trước."
)
PLAN_TAKEN = _("%(team)s đã có kế hoạch kiểm tra năm %(year)s.")
PLAN_YEAR_INVALID = _("Năm kế hoạch phải từ 2000 đến 2100.")
PLAN_ENTRY_TWICE = _("Cơ sở «%(establishment)s» đã có trong kế hoạch.")
PLAN_ENTRY_CLOSED = _("Cơ sở «%(establishment)s» đã ngừng hoạt động.")
PHOTO_TOO_LARGE = _("Ảnh quá lớn (tối đa %(max)s MB).")
PHOTO_TYPE = _("Chỉ nhận ảnh JPG, PNG hoặc WebP.")
CHECKLIST_NAME_TAKEN = _("Đã có nội dung kiểm tra «%(name)s».")

PHOTO_MAX_MB = 10
INSPECTION_EDITABLE_FIELDS = frozenset(
    {
        "mode",
        "started_at",
        "ended_at",
        "members_present",
        "checklist",
        "findings",
        "minutes_number",
        "representative_name",
        "representative_role",
    }
)
PLAN_EDITABLE_FIELDS = frozenset({"announced_quota", "unannounced_quota", "note"})
CHECKLIST_EDITABLE_FIELDS = frozenset({"name", "description", "order", "is_active"})


@dataclass(frozen=True)
class ChecklistEntry:
    item: ChecklistItem
    outcome: str
    note: str = ""


def _local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


# --- checklist ----------------------------------------------------------------------------------------------


def _validate_checklist_item(item: ChecklistItem) -> None:
    errors: Errors = {}
    item.name = normalise_spaces(item.name)
    wanted = item.name.casefold()
    if item.name and any(
        other.name.casefold() == wanted for other in ChecklistItem.objects.exclude(pk=item.pk)
    ):
        add_error(errors, "name", CHECKLIST_NAME_TAKEN, "duplicate", name=item.name)
    validate_instance(item, errors)


@service
def checklist_item_create(
    *, actor: User, code: str, name: str, description: str = "", order: int = 0
) -> ChecklistItem:
    if not policies.can_manage_checklist(actor):
        raise PermissionDenied
    item = ChecklistItem(code=code, name=name, description=(description or "").strip(), order=order)
    _validate_checklist_item(item)
    item.save()
    return item


@service
def checklist_item_update(*, actor: User, item: ChecklistItem, changes: Mapping[str, Any]) -> ChecklistItem:
    """Rename, reorder, describe or retire an item (past inspections keep their results)."""
    if not policies.can_manage_checklist(actor):
        raise PermissionDenied
    unknown = set(changes) - CHECKLIST_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    for name, value in changes.items():
        setattr(item, name, value)
    _validate_checklist_item(item)
    item.save()
    return item


# --- plans --------------------------------------------------------------------------------------------------


@service
def inspection_plan_create(
    *,
    actor: User,
    team: InspectionTeam,
    year: int,
    announced_quota: int = 0,
    unannounced_quota: int = 0,
    note: str = "",
) -> InspectionPlan:
    """The team's plan for the year (one per team and year), with its quotas."""
    if not policies.can_manage_plan(actor, team):
        raise PermissionDenied
    errors: Errors = {}
    if not 2000 <= year <= 2100:
        add_error(errors, "year", PLAN_YEAR_INVALID, "invalid")
    elif InspectionPlan.objects.filter(team=team, year=year).exists():
        add_error(errors, "year", PLAN_TAKEN, "duplicate", team=team.name, year=year)
    plan = InspectionPlan(
        team=team,
        year=year,
        announced_quota=announced_quota or 0,
        unannounced_quota=unannounced_quota or 0,
        note=(note or "").strip(),
        created_by=actor,
    )
    validate_instance(plan, errors)
    plan.save()
    return plan


@service
def inspection_plan_update(
    *, actor: User, plan: InspectionPlan, version: int | str | None, changes: Mapping[str, Any]
) -> InspectionPlan:
    if not policies.can_manage_plan(actor, plan.team):
        raise PermissionDenied
    unknown = set(changes) - PLAN_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(plan, version)
    for name, value in changes.items():
        setattr(plan, name, (value or "").strip() if name == "note" else (value or 0))
    validate_instance(plan, {})
    plan.version += 1
    plan.save()
    return plan


@service
def plan_entry_add(
    *,
    actor: User,
    plan: InspectionPlan,
    establishment: Establishment,
    mode: str,
    planned_month: int | None = None,
) -> PlannedInspection:
    """Put an establishment of the team's area on the year's plan, announced or unannounced."""
    if not policies.can_add_to_plan(actor, plan.team, establishment):
        raise PermissionDenied
    errors: Errors = {}
    if not policies.team_covers(plan.team, establishment):
        add_error(
            errors,
            "establishment",
            ESTABLISHMENT_OUTSIDE_TEAM_AREA,
            "outside_area",
            establishment=establishment.name,
            team=plan.team.name,
        )
    elif establishment.is_deleted or establishment.status == Establishment.Status.CLOSED:
        add_error(errors, "establishment", PLAN_ENTRY_CLOSED, "closed", establishment=establishment.name)
    elif plan.entries.filter(establishment=establishment).exists():
        add_error(errors, "establishment", PLAN_ENTRY_TWICE, "duplicate", establishment=establishment.name)
    entry = PlannedInspection(plan=plan, establishment=establishment, mode=mode, planned_month=planned_month)
    validate_instance(entry, errors)
    entry.save()
    return entry


@service
def plan_entry_remove(*, actor: User, entry: PlannedInspection) -> None:
    if not policies.can_manage_plan(actor, entry.plan.team):
        raise PermissionDenied
    entry.delete()


# --- inspections --------------------------------------------------------------------------------------------


def _check_members(
    team: InspectionTeam, members: Iterable[TeamMember], day: datetime.date, errors: Errors
) -> list[TeamMember]:
    members = list(members)
    if not members:
        add_error(errors, "members_present", MEMBERS_REQUIRED, "required")
    for member in members:
        joined_late = member.joined_on is not None and member.joined_on > day
        if member.team_id != team.pk or member.has_left_by(day) or joined_late:
            add_error(
                errors,
                "members_present",
                MEMBER_NOT_IN_TEAM,
                "not_member",
                name=member.full_name,
                day=format_day(day),
            )
    return members


def _check_checklist(
    entries: Iterable[ChecklistEntry], errors: Errors, *, existing: set[int]
) -> list[ChecklistEntry]:
    entries = list(entries)
    seen: set[int] = set()
    for entry in entries:
        if entry.item.pk in seen:
            add_error(errors, "checklist", CHECKLIST_ITEM_TWICE, "duplicate", item=entry.item.name)
        seen.add(entry.item.pk)
        if not entry.item.is_active and entry.item.pk not in existing:
            add_error(errors, "checklist", CHECKLIST_ITEM_RETIRED, "retired", item=entry.item.name)
        if entry.outcome not in ChecklistResult.Outcome.values:
            add_error(errors, "checklist", CHECKLIST_OUTCOME_INVALID, "invalid", outcome=entry.outcome)
    return entries


def _validate_inspection(inspection: Inspection, members: list[TeamMember] | None, errors: Errors) -> None:
    """The record's dates, team, establishment, plan and minutes number; all problems reported at once."""
    inspection.findings = (inspection.findings or "").strip()
    for name in ("minutes_number", "representative_name", "representative_role"):
        setattr(inspection, name, normalise_spaces(getattr(inspection, name)))
    team, establishment = inspection.team, inspection.establishment
    if establishment.is_deleted:
        add_error(errors, "establishment", ESTABLISHMENT_DELETED, "deleted")
    elif not policies.team_covers(team, establishment):
        add_error(
            errors,
            "establishment",
            ESTABLISHMENT_OUTSIDE_TEAM_AREA,
            "outside_area",
            establishment=establishment.name,
            team=team.name,
        )
    if inspection.started_at is None:
        validate_instance(inspection, errors)  # reports the missing start in Django's words
        return
    day = _local_day(inspection.started_at)
    if day > today():
        add_error(errors, "started_at", INSPECTION_IN_FUTURE, "in_future")
    elif establishment.opened_on and day < establishment.opened_on:
        add_error(
            errors,
            "started_at",
            INSPECTION_BEFORE_OPENING,
            "before_opening",
            day=format_day(establishment.opened_on),
        )
    elif (team.established_on and day < team.established_on) or not team.is_active_on(day):
        add_error(errors, "team", TEAM_NOT_ACTIVE, "team_inactive", team=team.name, day=format_day(day))
    if inspection.ended_at is not None and inspection.ended_at < inspection.started_at:
        add_error(errors, "ended_at", INSPECTION_ENDS_BEFORE_START, "ends_before_start")
    if members is not None:
        _check_members(team, members, day, errors)
    plan = inspection.plan
    if plan is not None and (plan.team_id != team.pk or plan.year != day.year):
        add_error(errors, "plan", PLAN_OF_OTHER_TEAM_OR_YEAR, "other_plan", year=day.year)
    if inspection.minutes_number:
        same = Inspection.objects.filter(team=team).exclude(pk=inspection.pk)
        wanted = inspection.minutes_number.casefold()
        if any(
            n.casefold() == wanted
            for n in same.exclude(minutes_number="").values_list("minutes_number", flat=True)
        ):
            add_error(
                errors, "minutes_number", MINUTES_NUMBER_TAKEN, "duplicate", number=inspection.minutes_number
            )
    validate_instance(inspection, errors)


def _save_checklist(inspection: Inspection, entries: list[ChecklistEntry]) -> None:
    """Replace the inspection's checklist results with these (items left out are removed)."""
    keep = {entry.item.pk for entry in entries}
    inspection.checklist_results.exclude(item_id__in=keep).delete()
    for entry in entries:
        ChecklistResult.objects.update_or_create(
            inspection=inspection,
            item=entry.item,
            defaults={"outcome": entry.outcome, "note": normalise_spaces(entry.note)[:500]},
        )


@service
def inspection_record(
    *,
    actor: User,
    team: InspectionTeam,
    establishment: Establishment,
    mode: str,
    started_at: datetime.datetime,
    members_present: Iterable[TeamMember],
    ended_at: datetime.datetime | None = None,
    checklist: Iterable[ChecklistEntry] = (),
    findings: str = "",
    minutes_number: str = "",
    representative_name: str = "",
    representative_role: str = "",
    plan: InspectionPlan | None = None,
) -> Inspection:
    """Record an inspection by the actor's team. Refused: a date in the future or before the establishment
    opened, an establishment outside the team's area, members who were not in the team that day.

    Without an explicit plan, the inspection counts towards the team's plan of that year when there is one.
    """
    if not policies.can_record_for_team(actor, team, establishment):
        raise PermissionDenied
    errors: Errors = {}
    entries = _check_checklist(checklist, errors, existing=set())
    members = list(members_present)
    inspection = Inspection(
        team=team,
        establishment=establishment,
        plan=plan,
        mode=mode,
        started_at=started_at,
        ended_at=ended_at,
        findings=findings or "",
        minutes_number=minutes_number or "",
        representative_name=representative_name or "",
        representative_role=representative_role or "",
        recorded_by=actor,
    )
    if plan is None and started_at is not None:
        inspection.plan = InspectionPlan.objects.filter(team=team, year=_local_day(started_at).year).first()
    _validate_inspection(inspection, members, errors)
    inspection.save()
    inspection.members_present.set(members)
    _save_checklist(inspection, entries)
    return inspection


@service
def inspection_update(
    *, actor: User, inspection: Inspection, version: int | str | None, changes: Mapping[str, Any]
) -> Inspection:
    """Correct the record; `members_present` and `checklist` replace the earlier ones when given."""
    if not policies.can_edit_inspection(actor, inspection):
        raise PermissionDenied
    unknown = set(changes) - INSPECTION_EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    check_stale(inspection, version)
    errors: Errors = {}
    existing = set(inspection.checklist_results.values_list("item_id", flat=True))
    entries = (
        _check_checklist(changes["checklist"], errors, existing=existing) if "checklist" in changes else None
    )
    members = list(changes["members_present"]) if "members_present" in changes else None
    for name, value in changes.items():
        if name not in {"checklist", "members_present"}:
            setattr(inspection, name, value if value is not None or name == "ended_at" else "")
    if members is None:
        members = list(inspection.members_present.all())
    if inspection.started_at is not None:
        day = _local_day(inspection.started_at)
        for violation in inspection.violations.select_related("provision"):
            if not violation.provision.is_valid_on(day):
                add_error(
                    errors,
                    "started_at",
                    PROVISION_NO_LONGER_VALID,
                    "provision_invalid",
                    act=violation.act,
                    day=format_day(day),
                )
    _validate_inspection(inspection, members, errors)
    raise_if(errors)
    inspection.version += 1
    inspection.save()
    inspection.members_present.set(members)
    if entries is not None:
        _save_checklist(inspection, entries)
    return inspection


# --- photos -------------------------------------------------------------------------------------------------

_PHOTO_SIGNATURES: tuple[tuple[str, bytes, int], ...] = (
    ("image/jpeg", b"\xff\xd8\xff", 0),
    ("image/png", b"\x89PNG\r\n\x1a\n", 0),
    ("image/webp", b"WEBP", 8),
)


def photo_content_type(upload: UploadedFile) -> str:
    """The image type read from the first bytes (what the browser claims is not trusted); "" if none."""
    head = upload.read(16)
    upload.seek(0)
    for content_type, signature, offset in _PHOTO_SIGNATURES:
        if head[offset : offset + len(signature)] == signature and (offset == 0 or head[:4] == b"RIFF"):
            return content_type
    return ""


@service
def inspection_photo_add(
    *, actor: User, inspection: Inspection, file: UploadedFile, caption: str = ""
) -> InspectionPhoto:
    """A photo taken at the inspection (JPEG, PNG or WebP, at most PHOTO_MAX_MB)."""
    if not policies.can_edit_inspection(actor, inspection):
        raise PermissionDenied
    errors: Errors = {}
    content_type = ""
    if (file.size or 0) > PHOTO_MAX_MB * 1024 * 1024:
        add_error(errors, "file", PHOTO_TOO_LARGE, "too_large", max=PHOTO_MAX_MB)
    else:
        content_type = photo_content_type(file)
        if not content_type:
            add_error(errors, "file", PHOTO_TYPE, "type")
    raise_if(errors)
    photo = InspectionPhoto(
        inspection=inspection,
        file=file,
        original_name=(file.name or "anh")[-255:],
        caption=normalise_spaces(caption),
        content_type=content_type,
        size=file.size or 0,
        uploaded_by=actor,
    )
    validate_instance(photo, {})
    photo.save()
    return photo


@service
def inspection_photo_delete(*, actor: User, photo: InspectionPhoto) -> None:
    if not policies.can_edit_inspection(actor, photo.inspection):
        raise PermissionDenied
    photo.file.delete(save=False)
    photo.delete()
