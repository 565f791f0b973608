"""Officers' pages for tips (/tin-bao/): the queue, intake from other channels, the tip's page with its
timeline, the next workflow step, transfer, messages to the citizen, the informant behind a logged reason,
links to hotspots and inspections, and a province's settings. Thin: selector (404 outside the jurisdiction),
form, service. Every page showing a tip's content writes the access log."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership, jurisdiction_of
from pcmd.criminal_cases.policies import can_manage_criminal_cases
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.policies import can_manage_hotspots
from pcmd.tips import policies, selectors, services, workflow
from pcmd.tips.forms import (
    HotspotFromTipForm,
    IntakeForm,
    LinkCriminalCaseForm,
    LinkInspectionForm,
    MessageForm,
    RevealForm,
    TipConfigForm,
    TipFilterForm,
    TransferForm,
    TransitionForm,
)
from pcmd.tips.models import DEADLINE_STAGES, Tip, TipCategory
from pcmd.tips.services.common import province_of

PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _require_handler(request: HttpRequest) -> None:
    if not policies.can_handle_tips(_user(request)):
        raise PermissionDenied


def _own_province(user: User) -> AdminUnit | None:
    membership = active_membership(user)
    if membership is None or membership.unit is None:
        return None
    return province_of(membership.unit)


@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    _require_handler(request)
    user = _user(request)
    form = TipFilterForm(request.GET or None, user=user)
    tips = selectors.tips_visible_to(user, **form.filters())
    today = timezone.localdate()
    return render(
        request,
        "tips/queue.html",
        {
            "form": form,
            "page": Paginator(tips, PAGE_SIZE).get_page(request.GET.get("page")),
            "overdue_count": selectors.tips_visible_to(user, overdue=True).count(),
            "on_time": selectors.tip_on_time_rate(user, start=datetime.date(today.year, 1, 1), end=today),
            "year": today.year,
            "can_configure": (province := _own_province(user)) is not None
            and policies.can_configure_tips(user, province),
        },
    )


@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    _require_handler(request)
    user = _user(request)
    province = _own_province(user)
    default = province.code if province is not None else ""
    if request.method == "POST" and "cap_nhat_xa" in request.POST:
        initial = {key: request.POST.get(key, "") for key in request.POST if key != "csrfmiddlewaretoken"}
        form = IntakeForm(initial=initial, default_province=default)
        return render(request, "tips/intake.html", {"form": form})
    form = IntakeForm(request.POST or None, request.FILES or None, default_province=default)
    if request.method == "POST" and form.is_valid():
        chosen_province, commune = form.location()
        try:
            submitted = services.tip_intake(
                actor=user,
                channel=form.cleaned_data["channel"],
                received_at=form.cleaned_data["received_at"],
                category=form.cleaned_data["category"],
                province=chosen_province,
                location_unit=commune,
                place=form.cleaned_data["place"],
                content=form.cleaned_data["content"],
                source_reference=form.cleaned_data["source_reference"],
                attachments=form.cleaned_data["attachments"],
                contact=form.contact(),
            )
        except ValidationError as exc:
            form.apply_service_errors(_renamed(exc))
        else:
            tip = submitted.tip
            response = render(
                request,
                "tips/intake_done.html",
                {
                    "tip": tip,
                    "receipt": submitted.receipt,
                    "visible": policies.can_handle_tip(user, tip),
                },
            )
            add_never_cache_headers(response)  # the receipt is shown once
            return response
    if not form.is_bound:
        form.initial.setdefault("received_at", timezone.localtime().strftime("%d/%m/%Y %H:%M"))
    return render(request, "tips/intake.html", {"form": form})


def _renamed(exc: ValidationError) -> ValidationError:
    """The service names the commune `location_unit`; the form calls it `commune`."""
    if not hasattr(exc, "error_dict"):
        return exc
    return ValidationError(
        {
            ("commune" if field == "location_unit" else field): errors
            for field, errors in exc.error_dict.items()
        }
    )


def _detail(request: HttpRequest, tip: Tip, *, status: int = 200, **extra: Any) -> HttpResponse:
    user = _user(request)
    services.tip_view_record(actor=user, tip=tip)
    targets = workflow.allowed_targets(tip.status)
    linkable = tip.status in workflow.LINKABLE_STATUSES
    context: dict[str, Any] = {
        "tip": tip,
        "events": selectors.tip_events(tip),
        "thread": selectors.tip_messages(tip),
        "attachments": selectors.tip_attachments(tip),
        "has_informant": selectors.tip_has_informant(tip),
        "can_view_informant": policies.can_view_informant(user, tip),
        "transition_form": extra.pop("transition_form", None)
        or (TransitionForm(tip=tip, user=user, target=targets[0]) if targets else None),
        "transfer_form": extra.pop("transfer_form", None)
        or (TransferForm(initial={"version": tip.version}) if tip.status != "closed" else None),
        "message_form": extra.pop("message_form", None)
        or (MessageForm() if tip.status != "closed" else None),
        "reveal_form": extra.pop("reveal_form", None) or RevealForm(),
        "hotspot_form": extra.pop("hotspot_form", None)
        or (
            HotspotFromTipForm(tip=tip, user=user)
            if linkable and tip.hotspot_id is None and can_manage_hotspots(user)
            else None
        ),
        "inspection_form": extra.pop("inspection_form", None)
        or (LinkInspectionForm(tip=tip, user=user) if linkable and tip.inspection_id is None else None),
        "can_see_cases": can_manage_criminal_cases(user),
        "case_form": extra.pop("case_form", None)
        or (
            LinkCriminalCaseForm(tip=tip, user=user)
            if linkable and tip.criminal_case_id is None and can_manage_criminal_cases(user)
            else None
        ),
        **extra,
    }
    response = render(request, "tips/detail.html", context, status=status)
    add_never_cache_headers(response)
    return response


@require_GET
def detail(request: HttpRequest, tip_id: int) -> HttpResponse:
    tip = selectors.tip_get(_user(request), tip_id)
    return _detail(request, tip)


@require_POST
def transition(request: HttpRequest, tip_id: int) -> HttpResponse:
    user = _user(request)
    tip = selectors.tip_get(user, tip_id)
    target = str(request.POST.get("to_status", ""))
    form = TransitionForm(request.POST, tip=tip, user=user, target=target)
    if form.is_valid():
        try:
            services.tip_transition(actor=user, tip=tip, **form.service_kwargs())
        except ValidationError as exc:
            form.apply_service_errors(exc)
            tip.refresh_from_db()
        else:
            messages.success(
                request, _("Đã chuyển tin sang «%(status)s».") % {"status": tip.get_status_display()}
            )
            return redirect(tip.get_absolute_url())
    return _detail(request, tip, transition_form=form)


@require_POST
def transfer(request: HttpRequest, tip_id: int) -> HttpResponse:
    user = _user(request)
    tip = selectors.tip_get(user, tip_id)
    form = TransferForm(request.POST)
    if form.is_valid():
        try:
            services.tip_transfer(actor=user, tip=tip, **form.cleaned_data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
            tip.refresh_from_db()
        else:
            messages.success(request, _("Đã chuyển tin đến %(unit)s.") % {"unit": tip.routed_unit.name})
            if policies.can_handle_tip(user, tip):
                return redirect(tip.get_absolute_url())
            return redirect("tips:queue")
    return _detail(request, tip, transfer_form=form)


@require_POST
def message(request: HttpRequest, tip_id: int) -> HttpResponse:
    user = _user(request)
    tip = selectors.tip_get(user, tip_id)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.tip_message_send(actor=user, tip=tip, body=form.cleaned_data["body"])
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã gửi tin nhắn cho người báo tin."))
            return redirect(f"{tip.get_absolute_url()}#trao-doi")
    return _detail(request, tip, message_form=form)


@require_POST
def informant(request: HttpRequest, tip_id: int) -> HttpResponse:
    """Show the informant once, in this response only, after the reason is logged."""
    user = _user(request)
    tip = selectors.tip_get(user, tip_id)
    if not policies.can_view_informant(user, tip):
        raise PermissionDenied
    form = RevealForm(request.POST)
    if form.is_valid():
        try:
            person = services.informant_reveal(actor=user, tip=tip, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            return _detail(request, tip, informant=person, revealed=True)
    return _detail(request, tip, reveal_form=form)


@require_GET
def attachment(request: HttpRequest, tip_id: int, attachment_id: int) -> HttpResponse:
    user = _user(request)
    stored = selectors.attachment_get(user, tip_id, attachment_id)
    services.tip_view_record(actor=user, tip=stored.tip)
    with stored.file.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type=stored.content_type)
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=stored.original_name or f"tep-{stored.pk}")
        or ""
    )
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


@require_POST
def create_hotspot(request: HttpRequest, tip_id: int) -> HttpResponse:
    user = _user(request)
    tip = selectors.tip_get(user, tip_id)
    form = HotspotFromTipForm(request.POST, tip=tip, user=user)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            hotspot = services.tip_create_hotspot(actor=user, tip=tip, **data)
        except ValidationError as exc:
            form.apply_service_errors(exc)
            tip.refresh_from_db()
        else:
            messages.success(request, _("Đã tạo điểm phức tạp «%(name)s» từ tin.") % {"name": hotspot.name})
            return redirect(tip.get_absolute_url())
    return _detail(request, tip, hotspot_form=form)


@require_POST
def link_inspection(request: HttpRequest, tip_id: int) -> HttpResponse:
    user = _user(request)
    tip = selectors.tip_get(user, tip_id)
    form = LinkInspectionForm(request.POST, tip=tip, user=user)
    if form.is_valid():
        try:
            services.tip_link_inspection(
                actor=user,
                tip=tip,
                version=form.cleaned_data["version"],
                inspection=form.cleaned_data["inspection"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
            tip.refresh_from_db()
        else:
            messages.success(request, _("Đã liên kết cuộc kiểm tra với tin."))
            return redirect(tip.get_absolute_url())
    return _detail(request, tip, inspection_form=form)


def _configured_province(request: HttpRequest) -> AdminUnit:
    """The user's province, or for a national user the province chosen with ?tinh=<code>."""
    user = _user(request)
    code = request.GET.get("tinh", "")
    if code and jurisdiction_of(user).everything:
        province = AdminUnit.objects.current().filter(level=AdminUnit.Level.PROVINCE, code=code).first()
    else:
        province = _own_province(user)
    if province is None:
        raise Http404
    if not policies.can_configure_tips(user, province):
        raise PermissionDenied
    return province


@require_http_methods(["GET", "POST"])
def config(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    province = _configured_province(request)
    form = TipConfigForm(request.POST or None, province=province)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            for category in TipCategory.values:
                services.routing_rule_set(
                    actor=user, province=province, category=category, agency_kind=data[f"rule_{category}"]
                )
            for stage, _label in DEADLINE_STAGES:
                services.stage_deadline_set(
                    actor=user, province=province, stage=stage, days=data[f"days_{stage}"]
                )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(
                request, _("Đã lưu cấu hình tiếp nhận tin của %(province)s.") % {"province": province.name}
            )
            return redirect(request.get_full_path())
    return render(request, "tips/config.html", {"form": form, "province": province})


@require_POST
def link_criminal_case(request: HttpRequest, tip_id: int) -> HttpResponse:
    user = _user(request)
    tip = selectors.tip_get(user, tip_id)
    form = LinkCriminalCaseForm(request.POST, tip=tip, user=user)
    if form.is_valid():
        try:
            services.tip_link_criminal_case(
                actor=user, tip=tip, version=form.cleaned_data["version"], case=form.cleaned_data["case"]
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
            tip.refresh_from_db()
        else:
            messages.success(request, _("Đã liên kết vụ án với tin."))
            return redirect(tip.get_absolute_url())
    return _detail(request, tip, case_form=form)
