"""Registry of service establishments at risk of prostitution (cơ sở kinh doanh dịch vụ dễ phát sinh tệ nạn
mại dâm): the establishment, its licences, commitments, worker health checks, attachments, status history, and
the Excel import jobs that fill the registry.

An establishment belongs to a commune (`unit`); jurisdiction is a prefix match on the commune's scope_path.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pcmd.core.models import TimestampedModel, VersionedModel
from pcmd.establishments.querysets import EstablishmentQuerySet


class RiskLevel(models.TextChoices):
    LOW = "low", _("Thấp")
    MEDIUM = "medium", _("Trung bình")
    HIGH = "high", _("Cao")


class EstablishmentType(models.Model):
    """Configurable list of establishment types (DOMAIN.md §2); seeded by migration 0002."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên loại hình"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    # A retired type stays for the establishments that have it but is no longer offered on forms.
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("loại hình cơ sở")
        verbose_name_plural = _("loại hình cơ sở")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Establishment(VersionedModel):
    class Status(models.TextChoices):
        OPERATING = "operating", _("Đang hoạt động")
        SUSPENDED = "suspended", _("Tạm ngừng hoạt động")
        CLOSED = "closed", _("Đã ngừng hoạt động")

    # The commune (current-era unit of level "commune") the establishment is in.
    unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="establishments",
        verbose_name=_("xã, phường"),
    )
    type = models.ForeignKey(
        EstablishmentType,
        on_delete=models.PROTECT,
        related_name="establishments",
        verbose_name=_("loại hình"),
    )
    name = models.CharField(_("tên cơ sở"), max_length=255)
    address = models.CharField(_("địa chỉ"), max_length=255)
    latitude = models.FloatField(_("vĩ độ"), null=True, blank=True)
    longitude = models.FloatField(_("kinh độ"), null=True, blank=True)
    owner_name = models.CharField(_("chủ cơ sở"), max_length=150, blank=True)
    owner_phone = models.CharField(_("điện thoại chủ cơ sở"), max_length=30, blank=True)
    # "CS-<commune code>-<n>", given by the service on creation and never changed (imports match on it).
    registry_code = models.CharField(_("mã cơ sở"), max_length=40, unique=True, editable=False)
    worker_count = models.PositiveIntegerField(_("số người lao động"), default=0)
    # When the establishment started operating: an inspection may not predate it.
    opened_on = models.DateField(_("ngày bắt đầu hoạt động"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=Status.choices, default=Status.OPERATING
    )
    # Effective risk level: the override when one is set, else the level computed by pcmd.establishments.risk.
    risk_level = models.CharField(
        _("mức độ nguy cơ"), max_length=8, choices=RiskLevel.choices, default=RiskLevel.LOW
    )
    risk_computed = models.CharField(
        _("mức độ nguy cơ (tính toán)"), max_length=8, choices=RiskLevel.choices, default=RiskLevel.LOW
    )
    risk_reasons = models.JSONField(_("căn cứ đánh giá nguy cơ"), default=list, blank=True)
    risk_override = models.CharField(
        _("mức độ nguy cơ (điều chỉnh)"), max_length=8, choices=RiskLevel.choices, blank=True
    )
    risk_override_reason = models.TextField(_("lý do điều chỉnh mức độ nguy cơ"), blank=True)
    risk_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người điều chỉnh"),
    )
    risk_override_at = models.DateTimeField(_("điều chỉnh lúc"), null=True, blank=True)
    risk_refreshed_at = models.DateTimeField(_("đánh giá nguy cơ lúc"), null=True, blank=True)
    # Soft delete: the row stays (inspections refer to it) but disappears from lists.
    is_deleted = models.BooleanField(_("đã xóa"), default=False)
    deleted_at = models.DateTimeField(_("xóa lúc"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xóa"),
    )
    deletion_reason = models.TextField(_("lý do xóa"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tạo"),
    )
    # Derived keys (pcmd.core.vietnamese) for search that ignores diacritics, Vietnamese order and duplicates.
    name_search = models.CharField(max_length=255, db_index=True, editable=False, default="")
    name_sort = models.CharField(max_length=1000, editable=False, default="")
    address_key = models.CharField(max_length=255, db_index=True, editable=False, default="")

    objects = EstablishmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ sở kinh doanh dịch vụ")
        verbose_name_plural = _("cơ sở kinh doanh dịch vụ")
        ordering = ["unit_id", "name_sort", "id"]
        indexes = [
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["unit", "name_search", "address_key"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(risk_override="") | ~Q(risk_override_reason=""),
                name="establishment_risk_override_has_reason",
                violation_error_message=_("Phải nêu lý do khi điều chỉnh mức độ nguy cơ."),
            ),
            models.CheckConstraint(
                condition=Q(is_deleted=False) | ~Q(deletion_reason=""),
                name="establishment_deletion_has_reason",
                violation_error_message=_("Phải nêu lý do xóa cơ sở."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="establishment_latitude_range",
                violation_error_message=_("Vĩ độ phải trong khoảng -90 đến 90."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="establishment_longitude_range",
                violation_error_message=_("Kinh độ phải trong khoảng -180 đến 180."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("establishments:detail", kwargs={"establishment_id": self.pk})

    @property
    def is_risk_overridden(self) -> bool:
        return bool(self.risk_override)


class StatusChangeSource(models.TextChoices):
    REGISTRATION = "registration", _("Đăng ký ban đầu")
    MANUAL = "manual", _("Cán bộ cập nhật")
    IMPORT = "import", _("Nhập từ tệp Excel")
    # A sanction decision (licence suspension or withdrawal) recorded by the inspections app.
    SANCTION = "sanction", _("Theo quyết định xử phạt")


class EstablishmentStatusChange(TimestampedModel):
    """One row per status change: who, when, from, to, why, and where the change came from."""

    establishment = models.ForeignKey(
        Establishment,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("cơ sở"),
    )
    # Empty on the registration row.
    from_status = models.CharField(
        _("từ tình trạng"), max_length=12, choices=Establishment.Status.choices, blank=True
    )
    to_status = models.CharField(_("sang tình trạng"), max_length=12, choices=Establishment.Status.choices)
    # The day the change took effect (the row's created_at is when it was recorded).
    effective_on = models.DateField(_("ngày hiệu lực"))
    reason = models.TextField(_("lý do"), blank=True)
    source = models.CharField(
        _("nguồn"), max_length=16, choices=StatusChangeSource.choices, default=StatusChangeSource.MANUAL
    )
    # E.g. the number of the sanction decision that suspended the establishment.
    source_reference = models.CharField(_("văn bản căn cứ"), max_length=255, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người cập nhật"),
    )

    class Meta:
        verbose_name = _("thay đổi tình trạng cơ sở")
        verbose_name_plural = _("lịch sử tình trạng cơ sở")
        ordering = ["establishment_id", "-effective_on", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.establishment}: {self.from_status} → {self.to_status}"


class Licence(TimestampedModel):
    class Kind(models.TextChoices):
        SECURITY_ORDER = "security_order", _("Giấy chứng nhận đủ điều kiện về an ninh, trật tự")
        KARAOKE = "karaoke", _("Giấy phép kinh doanh karaoke")
        DANCE_HALL = "dance_hall", _("Giấy phép kinh doanh vũ trường")
        BUSINESS_REGISTRATION = "business_registration", _("Giấy chứng nhận đăng ký kinh doanh")
        OTHER = "other", _("Giấy tờ khác")

    establishment = models.ForeignKey(
        Establishment, on_delete=models.CASCADE, related_name="licences", verbose_name=_("cơ sở")
    )
    kind = models.CharField(_("loại giấy phép"), max_length=24, choices=Kind.choices)
    number = models.CharField(_("số"), max_length=80)
    issuer = models.CharField(_("cơ quan cấp"), max_length=255, blank=True)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    # Empty: no expiry (e.g. a business registration).
    expires_on = models.DateField(_("ngày hết hạn"), null=True, blank=True)
    # The number without spaces, dots or case, for duplicate detection ("12/GCN-CA" = "12 / gcn-ca").
    number_key = models.CharField(max_length=80, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = _("giấy phép")
        verbose_name_plural = _("giấy phép")
        ordering = ["establishment_id", "kind", "-issued_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(issued_on__isnull=True)
                | Q(expires_on__gte=F("issued_on")),
                name="licence_expires_after_issued",
                violation_error_message=_("Ngày hết hạn không được trước ngày cấp."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} số {self.number}"


class Commitment(TimestampedModel):
    class Kind(models.TextChoices):
        OWNER_COMMUNE = "owner_commune", _("Chủ cơ sở cam kết với UBND xã")
        WORKER_OWNER = "worker_owner", _("Người lao động cam kết với chủ cơ sở")

    establishment = models.ForeignKey(
        Establishment, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("cơ sở")
    )
    kind = models.CharField(_("loại cam kết"), max_length=16, choices=Kind.choices)
    signed_on = models.DateField(_("ngày ký"))
    # The owner (owner ↔ commune) or the worker (worker ↔ owner) who signed.
    party_name = models.CharField(_("người ký cam kết"), max_length=150)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("bản cam kết")
        verbose_name_plural = _("bản cam kết")
        ordering = ["establishment_id", "-signed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.party_name})"


class HealthCheckRound(TimestampedModel):
    """A periodic health check of the establishment's workers: aggregate counts only, no per-person data."""

    establishment = models.ForeignKey(
        Establishment, on_delete=models.CASCADE, related_name="health_checks", verbose_name=_("cơ sở")
    )
    checked_on = models.DateField(_("ngày khám"))
    workers_checked = models.PositiveIntegerField(_("số người được khám"))
    provider = models.CharField(_("cơ sở y tế thực hiện"), max_length=255)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("đợt khám sức khỏe định kỳ")
        verbose_name_plural = _("đợt khám sức khỏe định kỳ")
        ordering = ["establishment_id", "-checked_on", "id"]

    def __str__(self) -> str:
        return f"{self.establishment}: {self.checked_on:%d/%m/%Y}"


class EstablishmentAttachment(TimestampedModel):
    establishment = models.ForeignKey(
        Establishment, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("cơ sở")
    )
    file = models.FileField(_("tệp"), upload_to="establishments/attachments/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    description = models.CharField(_("mô tả"), max_length=255, blank=True)
    # Checked by the service against an allow-list; stored for the download's Content-Type.
    content_type = models.CharField(_("kiểu tệp"), max_length=100)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tải lên"),
    )

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["establishment_id", "-created_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class ImportJob(TimestampedModel):
    """An Excel import: validated as a whole, then written in one transaction by a Celery task."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ xử lý")
        VALIDATING = "validating", _("Đang kiểm tra dữ liệu")
        RUNNING = "running", _("Đang ghi dữ liệu")
        FAILED = "failed", _("Có lỗi, không nhập dòng nào")
        DONE = "done", _("Đã nhập xong")

    file = models.FileField(_("tệp Excel"), upload_to="establishments/imports/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.PENDING)
    rows_total = models.PositiveIntegerField(_("tổng số dòng"), default=0)
    rows_done = models.PositiveIntegerField(_("số dòng đã xử lý"), default=0)
    # {"errors": [{"row": 5, "column": "...", "message": "..."}], "created": n, "updated": n, "unchanged": n}
    result = models.JSONField(_("kết quả"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="establishment_import_jobs",
        verbose_name=_("người nhập"),
    )
    # The membership the user acted under when starting the import: the background task checks the same
    # jurisdiction (a user with several memberships may have switched since).
    membership = models.ForeignKey(
        "accounts.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phân công"),
    )
    finished_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt nhập cơ sở từ Excel")
        verbose_name_plural = _("lượt nhập cơ sở từ Excel")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rows_done__lte=F("rows_total")),
                name="import_job_progress_within_total",
            ),
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.FAILED, self.Status.DONE)

    @property
    def percent(self) -> int:
        if self.is_finished:
            return 100
        return int(self.rows_done * 100 / self.rows_total) if self.rows_total else 0
