"""Pages of the establishment registry, thin: selector (404 outside the jurisdiction), form, service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pcmd.accounts.models import User
from pcmd.establishments import imports, policies, selectors, services
from pcmd.establishments.forms import (
    AttachmentForm,
    CommitmentForm,
    DeleteForm,
    EstablishmentFilterForm,
    EstablishmentForm,
    EstablishmentTypeForm,
    HealthCheckForm,
    ImportForm,
    LicenceForm,
    RiskOverrideForm,
    StatusChangeForm,
)
from pcmd.establishments.models import Establishment, ImportJob, Licence
from pcmd.establishments.spreadsheets import XLSX_CONTENT_TYPE, export_workbook, template_workbook

PAGE_SIZE = 25


def _user(request: HttpRequest) -> User:
    """The logged-in user (PcmdLoginRequiredMiddleware keeps anonymous visitors out of these pages)."""
    return cast(User, request.user)


def _require_view(request: HttpRequest) -> None:
    if not policies.can_view_establishments(_user(request)):
        raise PermissionDenied


def _managed(request: HttpRequest, establishment_id: int) -> Establishment:
    """The establishment (404 outside the jurisdiction), and 403 when the user may only look at it."""
    _require_view(request)
    establishment = selectors.establishment_get(_user(request), establishment_id)
    if not policies.can_manage_establishment(_user(request), establishment):
        raise PermissionDenied
    return establishment


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- list and export ----------------------------------------------------------------------------------------


@require_GET
def establishment_list(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = _user(request)
    form = EstablishmentFilterForm(request.GET or None, user=user)
    establishments = selectors.establishments_visible_to(user, **form.filters())
    page = Paginator(establishments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "establishments/establishment_list.html",
        {
            "form": form,
            "page": page,
            "can_manage": policies.can_manage_establishments(user),
            "can_manage_types": policies.can_manage_establishment_types(user),
            "export_query": request.GET.urlencode(),
        },
    )


@require_GET
def establishment_export(request: HttpRequest) -> HttpResponse:
    """The filtered list as .xlsx, in the import template's layout."""
    _require_view(request)
    user = _user(request)
    form = EstablishmentFilterForm(request.GET or None, user=user)
    establishments = selectors.establishments_visible_to(user, **form.filters()).prefetch_related(
        Prefetch("licences", queryset=Licence.objects.order_by("id"))
    )
    content = export_workbook(
        establishments,
        selectors.establishment_types(),
        selectors.communes_visible_to(user),
    )
    return _xlsx(content, f"co-so-kinh-doanh-dich-vu-{timezone.localdate():%Y%m%d}.xlsx")


# --- the establishment --------------------------------------------------------------------------------------


def _detail_context(request: HttpRequest, establishment: Establishment, **forms: Any) -> dict[str, Any]:
    user = _user(request)
    establishment = selectors.establishment_detail(user, establishment.pk)
    return {
        "establishment": establishment,
        "can_manage": policies.can_manage_establishment(user, establishment),
        "today": timezone.localdate(),
        "licence_form": forms.get("licence_form") or LicenceForm(),
        "commitment_form": forms.get("commitment_form") or CommitmentForm(),
        "health_check_form": forms.get("health_check_form") or HealthCheckForm(),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
        "open_form": next(iter(forms), ""),
        "duplicates": forms.get("duplicates", []),
    }


@require_GET
def establishment_detail(request: HttpRequest, establishment_id: int) -> HttpResponse:
    _require_view(request)
    establishment = selectors.establishment_get(_user(request), establishment_id)
    return render(
        request, "establishments/establishment_detail.html", _detail_context(request, establishment)
    )


def _establishment_form_page(
    request: HttpRequest,
    form: EstablishmentForm,
    *,
    save: Callable[[EstablishmentForm], Establishment],
    success: str,
    context: dict[str, Any],
) -> HttpResponse:
    """GET shows the form; a valid POST calls the service. Possible duplicates are listed above the form,
    with the confirmation box, and nothing is saved until the user ticks it."""
    duplicates: list[Any] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = save(form)
            except services.PossibleDuplicatesError as exc:
                duplicates = exc.duplicates
                form.show_confirm = True
            except ValidationError as exc:
                form.apply_service_errors(exc)
                status = 400
            else:
                messages.success(request, success % {"name": saved.name, "code": saved.registry_code})
                return redirect(saved.get_absolute_url())
        else:
            status = 400
            form.show_confirm = bool(form.data.get("confirm_duplicates"))
    return render(
        request,
        "establishments/establishment_form.html",
        {"form": form, "duplicates": duplicates, **context},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def establishment_create(request: HttpRequest) -> HttpResponse:
    _require_view(request)
    user = _user(request)
    if not policies.can_manage_establishments(user):
        raise PermissionDenied
    form = EstablishmentForm(request.POST or None, user=user, creating=True)
    return _establishment_form_page(
        request,
        form,
        save=lambda f: services.establishment_create(
            actor=user,
            **f.establishment_fields(),
            licences=f.licences(),
            confirm_duplicates=f.cleaned_data["confirm_duplicates"],
        ),
        success=_("Đã đăng ký cơ sở «%(name)s» (mã %(code)s)."),
        context={"page_title": _("Đăng ký cơ sở kinh doanh dịch vụ")},
    )


@require_http_methods(["GET", "POST"])
def establishment_edit(request: HttpRequest, establishment_id: int) -> HttpResponse:
    establishment = _managed(request, establishment_id)
    user = _user(request)
    form = EstablishmentForm(
        request.POST or None,
        initial=EstablishmentForm.initial_for(establishment),
        user=user,
        creating=False,
    )
    return _establishment_form_page(
        request,
        form,
        save=lambda f: services.establishment_update(
            actor=user,
            establishment=establishment,
            version=f.cleaned_data["version"],
            changes=f.establishment_fields(),
            confirm_duplicates=f.cleaned_data["confirm_duplicates"],
        ),
        success=_("Đã lưu thay đổi của cơ sở «%(name)s»."),
        context={"page_title": _("Sửa thông tin cơ sở"), "object": establishment},
    )


def _simple_form_page(
    request: HttpRequest,
    establishment: Establishment,
    form: Any,
    *,
    save: Callable[[dict[str, Any]], Any],
    success: str,
    page_title: str,
    intro: str = "",
    danger: bool = False,
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                save(dict(form.cleaned_data))
            except ValidationError as exc:
                form.apply_service_errors(exc)
                status = 400
            else:
                messages.success(request, success)
                return redirect(establishment.get_absolute_url())
        else:
            status = 400
    return render(
        request,
        "establishments/simple_form.html",
        {
            "form": form,
            "object": establishment,
            "page_title": page_title,
            "intro": intro,
            "danger": danger,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def establishment_status(request: HttpRequest, establishment_id: int) -> HttpResponse:
    establishment = _managed(request, establishment_id)
    initial = {"version": establishment.version, "effective_on": timezone.localdate()}
    return _simple_form_page(
        request,
        establishment,
        StatusChangeForm(request.POST or None, initial=initial),
        save=lambda data: services.establishment_status_change(
            actor=_user(request), establishment=establishment, **data
        ),
        success=_("Đã cập nhật tình trạng hoạt động."),
        page_title=_("Thay đổi tình trạng hoạt động"),
        intro=_("Tình trạng hiện tại: %(status)s.") % {"status": establishment.get_status_display()},
    )


@require_http_methods(["GET", "POST"])
def establishment_risk(request: HttpRequest, establishment_id: int) -> HttpResponse:
    establishment = _managed(request, establishment_id)
    initial = {
        "version": establishment.version,
        "level": establishment.risk_override,
        "reason": establishment.risk_override_reason,
    }
    return _simple_form_page(
        request,
        establishment,
        RiskOverrideForm(request.POST or None, initial=initial),
        save=lambda data: services.establishment_risk_override(
            actor=_user(request), establishment=establishment, **data
        ),
        success=_("Đã cập nhật mức độ nguy cơ."),
        page_title=_("Điều chỉnh mức độ nguy cơ"),
        intro=_("Mức đánh giá tự động: %(level)s.") % {"level": establishment.get_risk_computed_display()},
    )


@require_http_methods(["GET", "POST"])
def establishment_delete(request: HttpRequest, establishment_id: int) -> HttpResponse:
    establishment = _managed(request, establishment_id)
    form = DeleteForm(request.POST or None, initial={"version": establishment.version})
    status = 400 if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            services.establishment_delete(
                actor=_user(request),
                establishment=establishment,
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, _("Đã xóa cơ sở «%(name)s».") % {"name": establishment.name})
            return redirect("establishments:list")
    return render(
        request,
        "establishments/simple_form.html",
        {
            "form": form,
            "object": establishment,
            "page_title": _("Xóa cơ sở"),
            "intro": _(
                "Chỉ xóa cơ sở đăng ký nhầm hoặc trùng. Cơ sở đã ngừng hoạt động thì cập nhật tình trạng. "
                "Thông tin cơ sở vẫn được lưu trong nhật ký."
            ),
            "danger": True,
        },
        status=status,
    )


# --- licences, commitments, health checks, attachments ------------------------------------------------------


def _sub_form(
    request: HttpRequest,
    establishment_id: int,
    form_class: type,
    form_key: str,
    save: Callable[[Establishment, dict[str, Any]], Any],
    success: str,
    *,
    with_files: bool = False,
) -> HttpResponse:
    """POST of one of the detail page's add forms: back to the page, or the page again with the errors."""
    establishment = _managed(request, establishment_id)
    form = form_class(request.POST, request.FILES) if with_files else form_class(request.POST)
    extra: dict[str, Any] = {}
    if form.is_valid():
        try:
            save(establishment, dict(form.cleaned_data))
        except services.PossibleDuplicatesError as exc:
            form.apply_service_errors(exc)
            extra["duplicates"] = exc.duplicates
        except ValidationError as exc:
            form.apply_service_errors(exc)
        else:
            messages.success(request, success)
            return redirect(establishment.get_absolute_url())
    context = _detail_context(request, establishment, **{form_key: form}, **extra)
    return render(request, "establishments/establishment_detail.html", context, status=400)


@require_POST
def licence_add(request: HttpRequest, establishment_id: int) -> HttpResponse:
    return _sub_form(
        request,
        establishment_id,
        LicenceForm,
        "licence_form",
        lambda est, data: services.licence_add(actor=_user(request), establishment=est, **data),
        _("Đã thêm giấy phép."),
    )


@require_POST
def commitment_add(request: HttpRequest, establishment_id: int) -> HttpResponse:
    return _sub_form(
        request,
        establishment_id,
        CommitmentForm,
        "commitment_form",
        lambda est, data: services.commitment_add(actor=_user(request), establishment=est, **data),
        _("Đã thêm bản cam kết."),
    )


@require_POST
def health_check_add(request: HttpRequest, establishment_id: int) -> HttpResponse:
    return _sub_form(
        request,
        establishment_id,
        HealthCheckForm,
        "health_check_form",
        lambda est, data: services.health_check_add(actor=_user(request), establishment=est, **data),
        _("Đã ghi nhận đợt khám sức khỏe."),
    )


@require_POST
def attachment_add(request: HttpRequest, establishment_id: int) -> HttpResponse:
    return _sub_form(
        request,
        establishment_id,
        AttachmentForm,
        "attachment_form",
        lambda est, data: services.attachment_add(actor=_user(request), establishment=est, **data),
        _("Đã tải tệp lên."),
        with_files=True,
    )


@require_POST
def record_delete(request: HttpRequest, establishment_id: int, kind: str, record_id: int) -> HttpResponse:
    """Remove a licence, commitment, health check or attachment recorded by mistake."""
    establishment = _managed(request, establishment_id)
    user = _user(request)
    deleters: dict[str, tuple[Any, Callable[[Any], None], str]] = {
        "giay-phep": (
            establishment.licences,
            lambda r: services.licence_delete(actor=user, establishment=establishment, licence=r),
            _("Đã xóa giấy phép."),
        ),
        "cam-ket": (
            establishment.commitments,
            lambda r: services.commitment_delete(actor=user, establishment=establishment, commitment=r),
            _("Đã xóa bản cam kết."),
        ),
        "kham-suc-khoe": (
            establishment.health_checks,
            lambda r: services.health_check_delete(actor=user, establishment=establishment, health_check=r),
            _("Đã xóa đợt khám sức khỏe."),
        ),
        "tep": (
            establishment.attachments,
            lambda r: services.attachment_delete(actor=user, establishment=establishment, attachment=r),
            _("Đã xóa tệp đính kèm."),
        ),
    }
    if kind not in deleters:
        raise Http404
    related, delete, success = deleters[kind]
    delete(get_object_or_404(related.all(), pk=record_id))
    messages.success(request, success)
    return redirect(establishment.get_absolute_url())


@require_GET
def attachment_download(request: HttpRequest, establishment_id: int, attachment_id: int) -> FileResponse:
    """Files are served through this view (never straight from /media/), so the jurisdiction applies."""
    _require_view(request)
    establishment = selectors.establishment_get(_user(request), establishment_id)
    attachment = get_object_or_404(establishment.attachments.all(), pk=attachment_id)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


# --- establishment types (reference data) ----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def type_list(request: HttpRequest) -> HttpResponse:
    """The configurable list of types; administrators add types here."""
    user = _user(request)
    can_manage = policies.can_manage_establishment_types(user)
    if not (can_manage or policies.can_view_establishments(user)):
        raise PermissionDenied
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    form = EstablishmentTypeForm(request.POST or None, creating=True)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                created = services.establishment_type_create(actor=user, **form.cleaned_data)
            except ValidationError as exc:
                form.apply_service_errors(exc)
            else:
                messages.success(request, _("Đã thêm loại hình «%(name)s».") % {"name": created.name})
                return redirect("establishments:types")
        status = 400
    return render(
        request,
        "establishments/type_list.html",
        {"types": selectors.establishment_types(active_only=False), "form": form, "can_manage": can_manage},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def type_edit(request: HttpRequest, type_id: int) -> HttpResponse:
    user = _user(request)
    if not policies.can_manage_establishment_types(user):
        raise PermissionDenied
    establishment_type = get_object_or_404(selectors.establishment_types(active_only=False), pk=type_id)
    initial = {
        "name": establishment_type.name,
        "order": establishment_type.order,
        "is_active": establishment_type.is_active,
    }
    form = EstablishmentTypeForm(request.POST or None, initial=initial, creating=False)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.establishment_type_update(
                    actor=user, establishment_type=establishment_type, changes=form.cleaned_data
                )
            except ValidationError as exc:
                form.apply_service_errors(exc)
            else:
                messages.success(request, _("Đã lưu loại hình."))
                return redirect("establishments:types")
        status = 400
    return render(
        request,
        "establishments/type_form.html",
        {"form": form, "establishment_type": establishment_type},
        status=status,
    )


# --- Excel import -------------------------------------------------------------------------------------------


def _require_import(request: HttpRequest) -> User:
    user = _user(request)
    if not policies.can_manage_establishments(user):
        raise PermissionDenied
    return user


@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    user = _require_import(request)
    content = template_workbook(selectors.establishment_types(), selectors.communes_visible_to(user))
    return _xlsx(content, "mau-nhap-co-so-kinh-doanh-dich-vu.xlsx")


@require_http_methods(["GET", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    user = _require_import(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                job = imports.import_job_start(actor=user, file=form.cleaned_data["file"])
            except ValidationError as exc:
                form.apply_service_errors(exc)
                status = 400
            else:
                return redirect("establishments:import-job", job_id=job.pk)
        else:
            status = 400
    return render(
        request,
        "establishments/import.html",
        {
            "form": form,
            "jobs": selectors.import_jobs_of(user),
            "max_rows": imports.MAX_ROWS,
            "max_mb": imports.MAX_FILE_MB,
        },
        status=status,
    )


def _job_context(job: ImportJob) -> dict[str, Any]:
    done = imports.import_job_progress(job)
    percent = 100 if job.is_finished else (int(done * 100 / job.rows_total) if job.rows_total else 0)
    return {"job": job, "done": done, "percent": percent, "errors": job.result.get("errors", [])}


@require_GET
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    _require_import(request)
    job = selectors.import_job_get(_user(request), job_id)
    return render(request, "establishments/import_job.html", _job_context(job))


@require_GET
def import_job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """The progress block, polled by htmx every second until the job is finished."""
    _require_import(request)
    job = selectors.import_job_get(_user(request), job_id)
    return render(request, "establishments/_import_progress.html", _job_context(job))
