"""Hotspots (điểm, tụ điểm phức tạp về tệ nạn mại dâm): where they are, their lifecycle and its dated events.

A hotspot belongs to a current-era commune (`unit`); jurisdiction is a prefix match on the commune's
scope_path. Its status moves identified → under action → eliminated (triệt xóa) → monitored, and back to
under action when it becomes active again (a reactivation, counted). The allowed moves are the table in
pcmd.hotspots.lifecycle; every move and every monitoring check is a HotspotEvent row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pcmd.core.models import TimestampedModel, VersionedModel
from pcmd.hotspots.querysets import HotspotQuerySet

# Vietnam's territory, islands included (Trường Sa reaches ~6.8° N and ~117.3° E): coordinates outside this
# box are typing mistakes (swapped latitude and longitude, a missing digit).
VIETNAM_MIN_LATITUDE = 6.5
VIETNAM_MAX_LATITUDE = 23.5
VIETNAM_MIN_LONGITUDE = 102.0
VIETNAM_MAX_LONGITUDE = 117.5


class Hotspot(VersionedModel):
    class Kind(models.TextChoices):
        ESTABLISHMENT = "establishment", _("Tại cơ sở kinh doanh dịch vụ")
        PUBLIC_PLACE = "public_place", _("Tại nơi công cộng")

    class Status(models.TextChoices):
        IDENTIFIED = "identified", _("Mới phát hiện")
        UNDER_ACTION = "under_action", _("Đang đấu tranh, xử lý")
        ELIMINATED = "eliminated", _("Đã triệt xóa")
        MONITORED = "monitored", _("Theo dõi sau triệt xóa")

    # The statuses in which the hotspot is still operating (counts as "active" in the indicators).
    ACTIVE_STATUSES = (Status.IDENTIFIED, Status.UNDER_ACTION)

    # The commune (current-era unit of level "commune") the hotspot is in.
    unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="hotspots",
        verbose_name=_("xã, phường"),
    )
    kind = models.CharField(_("loại điểm"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("tên, mô tả địa điểm"), max_length=255)
    description = models.TextField(_("tình hình, đặc điểm"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    latitude = models.FloatField(_("vĩ độ"), null=True, blank=True)
    longitude = models.FloatField(_("kinh độ"), null=True, blank=True)
    # Required for a hotspot in an establishment (of the same commune); optional for a public place next to
    # one. An establishment linked to an active hotspot is high-risk (pcmd.hotspots.risk).
    establishment = models.ForeignKey(
        "establishments.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hotspots",
        verbose_name=_("cơ sở kinh doanh dịch vụ"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status.choices, default=Status.IDENTIFIED
    )
    identified_on = models.DateField(_("ngày phát hiện"))
    identified_by = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="identified_hotspots",
        verbose_name=_("cơ quan phát hiện"),
    )
    # Times the hotspot became active again after elimination (targets: none reactivated).
    reactivation_count = models.PositiveIntegerField(_("số lần tái hoạt động"), default=0)
    # Date of the latest event (status change or check): a new event may not predate it.
    last_event_on = models.DateField(_("ngày sự kiện gần nhất"))
    # Soft delete: a hotspot recorded by mistake disappears from lists and indicators; the row and its
    # events stay for the audit trail.
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
    # Derived keys (pcmd.core.vietnamese): the search key of the name and address (search that ignores
    # diacritics), and the collation key of the name (Vietnamese order; 4 digits per character).
    name_search = models.CharField(max_length=600, db_index=True, editable=False, default="")
    name_sort = models.CharField(max_length=1100, editable=False, default="")

    objects = HotspotQuerySet.as_manager()

    class Meta:
        verbose_name = _("điểm phức tạp")
        verbose_name_plural = _("điểm phức tạp")
        ordering = ["unit_id", "name_sort", "id"]
        indexes = [models.Index(fields=["unit", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="hotspot_coordinates_together",
                violation_error_message=_("Phải nhập cả vĩ độ và kinh độ, hoặc để trống cả hai."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True)
                | Q(latitude__gte=VIETNAM_MIN_LATITUDE, latitude__lte=VIETNAM_MAX_LATITUDE),
                name="hotspot_latitude_in_vietnam",
                violation_error_message=_("Vĩ độ nằm ngoài lãnh thổ Việt Nam."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True)
                | Q(longitude__gte=VIETNAM_MIN_LONGITUDE, longitude__lte=VIETNAM_MAX_LONGITUDE),
                name="hotspot_longitude_in_vietnam",
                violation_error_message=_("Kinh độ nằm ngoài lãnh thổ Việt Nam."),
            ),
            models.CheckConstraint(
                condition=Q(is_deleted=False) | ~Q(deletion_reason=""),
                name="hotspot_deletion_has_reason",
                violation_error_message=_("Phải nêu lý do xóa điểm phức tạp."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="establishment") | Q(establishment__isnull=False),
                name="hotspot_in_establishment_names_it",
                violation_error_message=_("Điểm phức tạp tại cơ sở kinh doanh dịch vụ phải chỉ rõ cơ sở."),
            ),
            models.CheckConstraint(
                condition=Q(last_event_on__gte=models.F("identified_on")),
                name="hotspot_last_event_after_identification",
                violation_error_message=_("Ngày sự kiện không được trước ngày phát hiện."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("hotspots:detail", kwargs={"hotspot_id": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class HotspotEvent(TimestampedModel):
    """One dated fact in a hotspot's life: its identification, every status change, every monitoring check.

    `occurred_on` is when it happened (the row's created_at is when it was recorded). For a check the status
    does not change: from_status and to_status are equal.
    """

    class Kind(models.TextChoices):
        IDENTIFIED = "identified", _("Phát hiện")
        ACTION_STARTED = "action_started", _("Bắt đầu đấu tranh, xử lý")
        ELIMINATED = "eliminated", _("Triệt xóa")
        MONITORING_STARTED = "monitoring_started", _("Chuyển sang theo dõi")
        CHECK = "check", _("Kiểm tra theo dõi")
        REACTIVATED = "reactivated", _("Tái hoạt động")

    hotspot = models.ForeignKey(
        Hotspot, on_delete=models.CASCADE, related_name="events", verbose_name=_("điểm phức tạp")
    )
    kind = models.CharField(_("loại sự kiện"), max_length=20, choices=Kind.choices)
    occurred_on = models.DateField(_("ngày"))
    # Empty on the identification row.
    from_status = models.CharField(
        _("từ trạng thái"), max_length=16, choices=Hotspot.Status.choices, blank=True
    )
    to_status = models.CharField(_("sang trạng thái"), max_length=16, choices=Hotspot.Status.choices)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi nhận"),
    )

    class Meta:
        verbose_name = _("sự kiện của điểm phức tạp")
        verbose_name_plural = _("diễn biến của điểm phức tạp")
        ordering = ["hotspot_id", "occurred_on", "id"]
        indexes = [
            models.Index(fields=["hotspot", "occurred_on"]),
            models.Index(fields=["kind", "occurred_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.hotspot}: {self.get_kind_display()} ({self.occurred_on:%d/%m/%Y})"
