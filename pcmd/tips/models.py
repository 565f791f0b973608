"""Tip-offs (tố giác, tin báo): what citizens and officers report, where it is routed, how it is handled.

- A tip is routed to a competent unit (the commune of the location, else the province) and, by the province's
  routing rules, to an agency; jurisdiction is a prefix match on `routed_unit__scope_path`.
- Its status moves received → verifying → classified → handled → closed (pcmd.tips.workflow); every move,
  transfer and link is a TipEvent. Each stage has a deadline configured per province (StageDeadline).
- What was reported, the attachments and everything about the informant are encrypted at rest
  (pcmd.core.encryption). The informant lives in its own table so that lists and exports never load it.
- The citizen follows the tip with a receipt code that is never stored: only a slow hash of it, and an HMAC
  of its first part to find the row (pcmd.tips.receipts).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.agencies.models import AgencyKind
from pcmd.core.encryption import EncryptedFileSystemStorage, EncryptedTextField
from pcmd.core.models import TimestampedModel, VersionedModel


class TipCategory(models.TextChoices):
    PROSTITUTION = "prostitution", _("Hoạt động mua bán dâm")
    BROTHEL = "brothel", _("Chứa mại dâm, tổ chức hoạt động mại dâm")
    BROKERING = "brokering", _("Môi giới mại dâm")
    MINOR = "minor", _("Mua dâm, mại dâm liên quan đến người dưới 18 tuổi")
    TRAFFICKING = "trafficking", _("Mua bán người")
    ESTABLISHMENT = "establishment", _("Cơ sở kinh doanh dịch vụ có dấu hiệu vi phạm")
    ONLINE = "online", _("Quảng cáo, môi giới mại dâm trên mạng")
    OTHER = "other", _("Khác")


class TipChannel(models.TextChoices):
    ONLINE = "online", _("Cổng tố giác trực tuyến")
    HOTLINE = "hotline", _("Đường dây nóng")
    TIP_BOX = "tip_box", _("Hòm thư tố giác")
    IN_PERSON = "in_person", _("Trực tiếp")
    LETTER = "letter", _("Thư, đơn")
    TRANSFERRED = "transferred", _("Cơ quan khác chuyển đến")


# The channels an officer records on the intake form (online tips come from the portal only).
INTAKE_CHANNELS = [choice for choice in TipChannel.choices if choice[0] != TipChannel.ONLINE]


class TipStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    VERIFYING = "verifying", _("Đang xác minh")
    CLASSIFIED = "classified", _("Đã phân loại")
    HANDLED = "handled", _("Đã xử lý")
    CLOSED = "closed", _("Đã đóng")


class TipOutcome(models.TextChoices):
    INSPECTION_OPENED = "inspection_opened", _("Đã tổ chức kiểm tra")
    SANCTION = "sanction", _("Xử phạt vi phạm hành chính")
    CRIMINAL_CASE_OPENED = "criminal_case_opened", _("Khởi tố vụ án hình sự")
    TRANSFERRED = "transferred", _("Chuyển cơ quan có thẩm quyền")
    UNFOUNDED = "unfounded", _("Không có cơ sở")


class TipQuerySet(models.QuerySet["Tip"]):
    def open(self) -> TipQuerySet:
        return self.exclude(status=TipStatus.CLOSED)

    def overdue(self, at: object | None = None) -> TipQuerySet:
        """Tips whose current stage passed its deadline (closed and handled tips have none)."""
        return self.filter(stage_due_at__isnull=False, stage_due_at__lt=at or timezone.now())

    def routed_within(self, scope_path: str) -> TipQuerySet:
        return self.filter(
            Q(routed_unit__scope_path=scope_path) | Q(routed_unit__scope_path__startswith=f"{scope_path}.")
        )


class Tip(VersionedModel):
    channel = models.CharField(_("kênh tiếp nhận"), max_length=16, choices=TipChannel.choices)
    category = models.CharField(_("loại tin"), max_length=16, choices=TipCategory.choices)
    # The province the tip is about (chosen by the citizen or the officer), and the commune when known.
    province = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="tips_in_province",
        verbose_name=_("tỉnh, thành phố"),
    )
    location_unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tips_located",
        verbose_name=_("xã, phường nơi xảy ra"),
    )
    place = EncryptedTextField(_("địa chỉ, địa điểm"), blank=True)
    content = EncryptedTextField(_("nội dung"))
    # The competent unit whose queue holds the tip (scoping), and the agency in charge when a rule names one.
    routed_unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="tips_routed",
        verbose_name=_("đơn vị thụ lý"),
    )
    routed_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tips",
        verbose_name=_("cơ quan thụ lý"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=TipStatus.choices, default=TipStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("tiếp nhận lúc"))
    # Empty for tips sent through the portal.
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tips_received",
        verbose_name=_("cán bộ tiếp nhận"),
    )
    # For tips transferred from another agency: who sent it and their document.
    source_reference = models.CharField(_("nơi chuyển đến, số văn bản"), max_length=255, blank=True)
    # Classification.
    establishment = models.ForeignKey(
        "establishments.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tips",
        verbose_name=_("cơ sở kinh doanh dịch vụ liên quan"),
    )
    hotspot = models.ForeignKey(
        "hotspots.Hotspot",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tips",
        verbose_name=_("điểm phức tạp liên quan"),
    )
    persons_count = models.PositiveIntegerField(_("số người liên quan"), null=True, blank=True)
    # Handling.
    outcome = models.CharField(_("kết quả xử lý"), max_length=24, choices=TipOutcome.choices, blank=True)
    # The receiving agency of a transfer, the sanction decision number, a case handled outside PCMD...
    outcome_reference = models.CharField(_("số hiệu, nơi nhận"), max_length=255, blank=True)
    # The criminal case opened on this tip (pcmd.criminal_cases), when it is recorded in PCMD.
    criminal_case = models.ForeignKey(
        "criminal_cases.CriminalCase",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tips",
        verbose_name=_("vụ án"),
    )
    inspection = models.ForeignKey(
        "inspections.Inspection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tips",
        verbose_name=_("cuộc kiểm tra"),
    )
    # The SLA clock: when the current stage began and when it is due (empty once handled: no further
    # deadline), how many stages finished after their deadline, and when the tip was handled and closed.
    stage_started_at = models.DateTimeField(_("bắt đầu giai đoạn lúc"))
    stage_due_at = models.DateTimeField(_("hạn giai đoạn"), null=True, blank=True, db_index=True)
    late_stages = models.PositiveSmallIntegerField(_("số giai đoạn quá hạn"), default=0)
    handled_at = models.DateTimeField(_("xử lý xong lúc"), null=True, blank=True, db_index=True)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    # The receipt: an HMAC of its first part (to find the row) and a slow hash of the whole code.
    receipt_lookup = models.CharField(max_length=64, unique=True, editable=False)
    receipt_hash = models.CharField(max_length=255, editable=False)

    objects = TipQuerySet.as_manager()

    class Meta:
        verbose_name = _("tin báo, tố giác")
        verbose_name_plural = _("tin báo, tố giác")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["routed_unit", "status"]),
            models.Index(fields=["status", "stage_due_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["handled", "closed"]) | ~Q(outcome=""),
                name="tip_handled_has_outcome",
                violation_error_message=_("Tin đã xử lý phải có kết quả xử lý."),
            ),
            models.CheckConstraint(
                condition=Q(persons_count__isnull=True) | Q(persons_count__lte=10000),
                name="tip_persons_count_plausible",
                violation_error_message=_("Số người liên quan không hợp lý."),
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        """The number officers quote ("TB-000123"); it says nothing about the tip."""
        return f"TB-{self.pk:06d}" if self.pk else "TB-?"

    def get_absolute_url(self) -> str:
        return reverse("tips:detail", kwargs={"tip_id": self.pk})

    @property
    def is_overdue(self) -> bool:
        return self.stage_due_at is not None and self.stage_due_at < timezone.now()


class Informant(TimestampedModel):
    """Who sent the tip, when they chose to say (confidential by law). Every field is encrypted; reading it
    needs INFORMANT_VIEW and a reason, and writes the access log (pcmd.tips.services.informant_reveal)."""

    tip = models.OneToOneField(Tip, on_delete=models.CASCADE, related_name="informant", verbose_name=_("tin"))
    full_name = EncryptedTextField(_("họ và tên"), blank=True)
    phone = EncryptedTextField(_("điện thoại"), blank=True)
    email = EncryptedTextField(_("thư điện tử"), blank=True)
    address = EncryptedTextField(_("địa chỉ liên hệ"), blank=True)

    class Meta:
        verbose_name = _("người cung cấp thông tin")
        verbose_name_plural = _("người cung cấp thông tin")

    def __str__(self) -> str:
        return str(_("Người cung cấp thông tin của %(tip)s")) % {"tip": self.tip_id}


def _attachment_name(instance: TipAttachment, filename: str) -> str:
    """A random name: the original one (often a person's name or a date) is kept encrypted in the row."""
    return f"tips/{timezone.now():%Y}/{uuid.uuid4().hex}"


tip_file_storage = EncryptedFileSystemStorage()


class TipAttachment(TimestampedModel):
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("tin"))
    file = models.FileField(_("tệp"), upload_to=_attachment_name, storage=tip_file_storage, max_length=200)
    original_name = EncryptedTextField(_("tên tệp"), blank=True)
    # The type found from the file's first bytes (never the browser's claim).
    content_type = models.CharField(_("loại tệp"), max_length=100)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["tip_id", "id"]

    def __str__(self) -> str:
        return f"{self.tip_id}#{self.pk}"


class TipMessage(TimestampedModel):
    """The thread between the handling unit and the citizen, who reads and answers it with the receipt."""

    class Sender(models.TextChoices):
        CITIZEN = "citizen", _("Người báo tin")
        OFFICER = "officer", _("Cơ quan tiếp nhận")

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="messages", verbose_name=_("tin"))
    sender = models.CharField(_("người gửi"), max_length=8, choices=Sender.choices)
    # The officer who wrote it (never shown to the citizen); empty for the citizen's messages.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cán bộ"),
    )
    body = EncryptedTextField(_("nội dung"))

    class Meta:
        verbose_name = _("trao đổi với người báo tin")
        verbose_name_plural = _("trao đổi với người báo tin")
        ordering = ["tip_id", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.tip_id}: {self.get_sender_display()}"


class TipEvent(TimestampedModel):
    """One fact in a tip's life: received, a status change, a transfer, a link. `created_at` is when."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Tiếp nhận")
        STATUS_CHANGED = "status_changed", _("Chuyển trạng thái")
        TRANSFERRED = "transferred", _("Chuyển đơn vị thụ lý")
        LINKED = "linked", _("Liên kết hồ sơ")

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="events", verbose_name=_("tin"))
    kind = models.CharField(_("loại sự kiện"), max_length=16, choices=Kind.choices)
    from_status = models.CharField(_("từ trạng thái"), max_length=12, choices=TipStatus.choices, blank=True)
    to_status = models.CharField(_("sang trạng thái"), max_length=12, choices=TipStatus.choices, blank=True)
    from_unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("từ đơn vị"),
    )
    to_unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sang đơn vị"),
    )
    # Empty for the portal (the citizen) and for automatic steps.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    # Notes may quote what was reported: encrypted like the content.
    note = EncryptedTextField(_("ghi chú"), blank=True)
    # For a status change: whether the stage left was finished by its deadline (empty: it had none).
    stage_on_time = models.BooleanField(_("đúng hạn"), null=True, blank=True)

    class Meta:
        verbose_name = _("sự kiện của tin")
        verbose_name_plural = _("diễn biến xử lý tin")
        ordering = ["tip_id", "created_at", "id"]
        indexes = [models.Index(fields=["tip", "created_at"])]

    def __str__(self) -> str:
        return f"{self.tip_id}: {self.get_kind_display()}"


class RoutingRule(TimestampedModel):
    """In a province, tips of a category go to the agency of this kind (of the commune, else the province)."""

    province = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.CASCADE,
        related_name="tip_routing_rules",
        verbose_name=_("tỉnh, thành phố"),
    )
    category = models.CharField(_("loại tin"), max_length=16, choices=TipCategory.choices)
    agency_kind = models.CharField(_("loại cơ quan thụ lý"), max_length=32, choices=AgencyKind.choices)

    class Meta:
        verbose_name = _("quy tắc chuyển tin")
        verbose_name_plural = _("quy tắc chuyển tin")
        ordering = ["province_id", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "category"],
                name="tip_routing_one_rule_per_category",
                violation_error_message=_("Tỉnh đã có quy tắc cho loại tin này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.province}: {self.get_category_display()} → {self.get_agency_kind_display()}"


# The stages that have a deadline: the time allowed to leave them.
DEADLINE_STAGES = [
    (TipStatus.RECEIVED.value, _("Tiếp nhận → bắt đầu xác minh")),
    (TipStatus.VERIFYING.value, _("Xác minh → phân loại")),
    (TipStatus.CLASSIFIED.value, _("Phân loại → xử lý xong")),
]


class StageDeadline(TimestampedModel):
    """Days allowed for a stage. A row without province is the default for every province; a province's own
    row overrides it. The seeded defaults are local settings, not time limits set by law."""

    province = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="tip_stage_deadlines",
        verbose_name=_("tỉnh, thành phố"),
        help_text=_("Để trống: mặc định cho mọi tỉnh chưa đặt riêng."),
    )
    stage = models.CharField(_("giai đoạn"), max_length=12, choices=DEADLINE_STAGES)
    days = models.PositiveSmallIntegerField(
        _("số ngày"),
        help_text=_(
            "Ngày theo lịch, tính từ khi bắt đầu giai đoạn. Đây là thiết lập của địa phương (quy chế "
            "tiếp nhận, xử lý tin báo), không phải thời hạn do hệ thống suy ra từ văn bản pháp luật: "
            "hãy đặt theo quy định áp dụng tại tỉnh."
        ),
    )

    class Meta:
        verbose_name = _("thời hạn giai đoạn")
        verbose_name_plural = _("thời hạn giai đoạn xử lý tin")
        ordering = ["province_id", "stage"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "stage"],
                name="tip_deadline_one_per_province_stage",
                violation_error_message=_("Tỉnh đã có thời hạn cho giai đoạn này."),
            ),
            models.UniqueConstraint(
                fields=["stage"],
                condition=Q(province__isnull=True),
                name="tip_deadline_one_default_per_stage",
                violation_error_message=_("Đã có thời hạn mặc định cho giai đoạn này."),
            ),
            models.CheckConstraint(
                condition=Q(days__gte=1, days__lte=365),
                name="tip_deadline_days_in_range",
                violation_error_message=_("Số ngày phải từ 1 đến 365."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.province or _('Mặc định')}: {self.get_stage_display()} — {self.days}"
