"""Inspection pages: the list, recording and correcting an inspection (phone first), its detail, photos, the
minutes (.docx), and the checklist maintained by administrators."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pcmd.agencies.models import InspectionTeam
from pcmd.agencies.selectors import units_visible_to
from pcmd.core.services import today
from pcmd.inspections import policies, selectors, services
from pcmd.inspections.forms import (
    ChecklistItemForm,
    InspectionForm,
    PhotoForm,
    TeamChoiceForm,
    ViolationCloseForm,
    YearUnitFilterForm,
)
from pcmd.inspections.minutes import DOCX_CONTENT_TYPE, minutes_document, minutes_filename
from pcmd.inspections.models import Inspection
from pcmd.inspections.views.common import int_param, paginate, require, user_of


def inspection_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(policies.can_view_inspections(user))
    form = YearUnitFilterForm(request.GET or None, units=units_visible_to(user))
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {"year": form.cleaned_data["year"], "unit": form.cleaned_data["unit"]}
    inspections = selectors.inspections_visible_to(user, **filters).prefetch_related("violations")
    return render(
        request,
        "inspections/inspection_list.html",
        {
            "form": form,
            "page": paginate(request, inspections),
            "can_record": policies.can_record_inspections(user),
        },
    )


def _team_for_recording(request: HttpRequest) -> tuple[InspectionTeam | None, Any]:
    teams = selectors.teams_for_recording(user_of(request))
    wanted = int_param(request, "team")
    if wanted is not None:
        return teams.filter(pk=wanted).first(), teams
    return (teams.first() if teams.count() == 1 else None), teams


def _inspection_form_page(
    request: HttpRequest, form: InspectionForm, context: dict[str, Any]
) -> HttpResponse:
    return render(request, "inspections/inspection_form.html", {"form": form, **context})


@require_http_methods(["GET", "POST"])
def inspection_create(request: HttpRequest) -> HttpResponse:
    """Record an inspection for the user's team; a national administrator first chooses the team."""
    user = user_of(request)
    require(policies.can_record_inspections(user))
    team, teams = _team_for_recording(request)
    if team is None:
        return render(
            request,
            "inspections/choose_team.html",
            {"form": TeamChoiceForm(request.GET or None, teams=teams), "has_teams": teams.exists()},
        )
    establishments = selectors.establishments_in_team_area(user, team)
    members = selectors.current_members(team)
    now = timezone.localtime()
    initial: dict[str, Any] = {
        "day": now.date(),
        "start_time": now.time().replace(second=0, microsecond=0),
        "members_present": [m.pk for m in members if m.user_id == user.pk],
        "establishment": int_param(request, "establishment"),
    }
    if (mode := request.GET.get("mode")) in {"announced", "unannounced"}:
        initial["mode"] = mode
    form = InspectionForm(
        request.POST or None,
        initial=initial,
        establishments=establishments,
        members=members,
        items=list(selectors.checklist_items()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            inspection = services.inspection_record(
                actor=user,
                team=team,
                establishment=form.cleaned_data["establishment"],
                **form.service_values(),
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã ghi nhận cuộc kiểm tra."))
            return redirect(inspection.get_absolute_url())
    return _inspection_form_page(
        request, form, {"team": team, "page_title": _("Ghi nhận kết quả kiểm tra"), "creating": True}
    )


@require_http_methods(["GET", "POST"])
def inspection_edit(request: HttpRequest, inspection_id: int) -> HttpResponse:
    user = user_of(request)
    inspection = selectors.inspection_get(user, inspection_id)
    require(policies.can_edit_inspection(user, inspection))
    present = list(inspection.members_present.all())
    members = selectors.current_members(inspection.team, inspection.day)
    members += [m for m in present if m not in members]
    existing = {r.item_id for r in inspection.checklist_results.all()}
    items = [i for i in selectors.checklist_items(active_only=False) if i.is_active or i.pk in existing]
    form = InspectionForm(
        request.POST or None,
        initial=InspectionForm.initial_for(inspection),
        members=members,
        items=items,
        inspection=inspection,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.inspection_update(
                actor=user,
                inspection=inspection,
                version=form.cleaned_data["version"],
                changes=form.service_values(),
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect(inspection.get_absolute_url())
    return _inspection_form_page(
        request,
        form,
        {"team": inspection.team, "inspection": inspection, "page_title": _("Sửa kết quả kiểm tra")},
    )


def inspection_detail(request: HttpRequest, inspection_id: int) -> HttpResponse:
    user = user_of(request)
    inspection = selectors.inspection_get(user, inspection_id)
    can_edit = policies.can_edit_inspection(user, inspection)
    can_sanction = policies.can_record_sanction(user, inspection)
    violations = list(inspection.violations.all())
    unsanctioned = [v for v in violations if not hasattr(v, "sanction_line")]
    return render(
        request,
        "inspections/inspection_detail.html",
        {
            "inspection": inspection,
            "violations": violations,
            "can_edit": can_edit,
            "can_sanction": can_sanction and bool(unsanctioned),
            "can_close": policies.can_close_violation(user, inspection),
            "can_follow_up": policies.can_manage_follow_ups(user, inspection),
            "photo_form": PhotoForm(),
            "close_form": ViolationCloseForm(initial={"closed_on": today()}),
            "today": today(),
        },
    )


def inspection_minutes(request: HttpRequest, inspection_id: int) -> HttpResponse:
    """The biên bản as a Word document."""
    inspection = selectors.inspection_get(user_of(request), inspection_id)
    response = HttpResponse(minutes_document(inspection), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{minutes_filename(inspection)}"'
    return response


@require_POST
def photo_add(request: HttpRequest, inspection_id: int) -> HttpResponse:
    user = user_of(request)
    inspection = selectors.inspection_get(user, inspection_id)
    require(policies.can_edit_inspection(user, inspection))
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.inspection_photo_add(
                actor=user,
                inspection=inspection,
                file=form.cleaned_data["file"],
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã thêm ảnh."))
            return redirect(f"{inspection.get_absolute_url()}#anh")
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))
    return redirect(f"{inspection.get_absolute_url()}#anh")


def photo_download(request: HttpRequest, photo_id: int) -> FileResponse:
    photo = selectors.photo_get(user_of(request), photo_id)
    return FileResponse(photo.file.open("rb"), content_type=photo.content_type, filename=photo.original_name)


@require_POST
def photo_delete(request: HttpRequest, photo_id: int) -> HttpResponse:
    user = user_of(request)
    photo = selectors.photo_get(user, photo_id)
    inspection: Inspection = photo.inspection
    require(policies.can_edit_inspection(user, inspection))
    services.inspection_photo_delete(actor=user, photo=photo)
    messages.success(request, _("Đã xóa ảnh."))
    return redirect(f"{inspection.get_absolute_url()}#anh")


# --- checklist ----------------------------------------------------------------------------------------------


def checklist_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(policies.can_view_inspections(user) or policies.can_manage_checklist(user))
    return render(
        request,
        "inspections/checklist_list.html",
        {
            "items": selectors.checklist_items(active_only=False),
            "can_manage": policies.can_manage_checklist(user),
        },
    )


@require_http_methods(["GET", "POST"])
def checklist_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require(policies.can_manage_checklist(user))
    form = ChecklistItemForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.checklist_item_create(actor=user, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã thêm nội dung kiểm tra."))
            return redirect("inspections:checklist-list")
    return render(
        request, "inspections/simple_form.html", {"form": form, "page_title": _("Thêm nội dung kiểm tra")}
    )


@require_http_methods(["GET", "POST"])
def checklist_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    user = user_of(request)
    require(policies.can_manage_checklist(user))
    item = selectors.checklist_item_get(item_id)
    initial = {
        "name": item.name,
        "description": item.description,
        "order": item.order,
        "is_active": item.is_active,
    }
    form = ChecklistItemForm(request.POST or None, initial=initial, creating=False)
    if request.method == "POST" and form.is_valid():
        try:
            services.checklist_item_update(actor=user, item=item, changes=form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("inspections:checklist-list")
    return render(
        request, "inspections/simple_form.html", {"form": form, "page_title": _("Sửa nội dung kiểm tra")}
    )
