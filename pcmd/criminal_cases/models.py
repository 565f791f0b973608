"""Criminal cases (vụ án) about prostitution and human trafficking: the case, its stage timeline and its
offenders.

A case is handled by a unit (a current province or commune) and an agency (police, procuracy or court). Its
stage moves one step at a time uncovered → khởi tố → truy tố → xét xử → bản án (pcmd.criminal_cases.stages);
every step is a dated CaseStageEvent. Offenders keep the minimum of personal data (name encrypted at rest,
birth year, sex) and are shown only to CRIMINAL_CASE_MANAGE holders, each view logged with a reason.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pcmd.core.encryption import EncryptedTextField
from pcmd.core.models import TimestampedModel, VersionedModel


class Article(models.TextChoices):
    """Articles of the Criminal Code (Bộ luật Hình sự 2015) the programme tracks."""

    ART_327 = "327", _("Điều 327 — Chứa mại dâm")
    ART_328 = "328", _("Điều 328 — Môi giới mại dâm")
    ART_329 = "329", _("Điều 329 — Mua dâm người dưới 18 tuổi")
    ART_150 = "150", _("Điều 150 — Mua bán người")
    ART_151 = "151", _("Điều 151 — Mua bán người dưới 16 tuổi")
    OTHER = "other", _("Điều khác")


class Stage(models.TextChoices):
    """Stages in procedural order (the order of the members is the order of the timeline)."""

    UNCOVERED = "uncovered", _("Phát hiện")
    PROSECUTED = "prosecuted", _("Khởi tố")
    INDICTED = "indicted", _("Truy tố")
    TRIED = "tried", _("Xét xử")
    JUDGED = "judged", _("Đã có bản án")


class CriminalCase(VersionedModel):
    # The unit whose authorities handle the case (a current-era province or commune); jurisdiction uses it.
    unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="criminal_cases",
        verbose_name=_("đơn vị thụ lý"),
    )
    # The agency handling the case now (police while investigating, procuracy once indicted, court at trial).
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="criminal_cases",
        verbose_name=_("cơ quan thụ lý"),
    )
    number = models.CharField(_("số vụ án"), max_length=60)
    article = models.CharField(_("điều luật"), max_length=8, choices=Article.choices)
    # Only with Article.OTHER: which article ("Điều 168 — Cướp tài sản").
    article_other = models.CharField(_("điều luật khác"), max_length=255, blank=True)
    # Free text about the facts: may name people, so encrypted at rest.
    summary = EncryptedTextField(_("tóm tắt vụ án"), blank=True)
    uncovered_on = models.DateField(_("ngày phát hiện"))
    # The stage reached and its date (the latest CaseStageEvent), kept on the case for lists and filters.
    stage = models.CharField(_("giai đoạn"), max_length=12, choices=Stage.choices, default=Stage.UNCOVERED)
    stage_on = models.DateField(_("ngày của giai đoạn"))
    victims_count = models.PositiveIntegerField(_("số nạn nhân"), default=0)
    minor_victims_count = models.PositiveIntegerField(_("trong đó dưới 18 tuổi"), default=0)
    hotspots = models.ManyToManyField(
        "hotspots.Hotspot",
        blank=True,
        related_name="criminal_cases",
        verbose_name=_("điểm phức tạp liên quan"),
    )
    establishments = models.ManyToManyField(
        "establishments.Establishment",
        blank=True,
        related_name="criminal_cases",
        verbose_name=_("cơ sở kinh doanh dịch vụ liên quan"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người tạo"),
    )

    class Meta:
        verbose_name = _("vụ án")
        verbose_name_plural = _("vụ án")
        ordering = ["-uncovered_on", "-id"]
        indexes = [models.Index(fields=["unit", "stage"]), models.Index(fields=["uncovered_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "number"],
                name="criminal_case_unique_number_per_unit",
                violation_error_message=_("Đơn vị thụ lý này đã có vụ án cùng số."),
            ),
            models.CheckConstraint(
                condition=Q(minor_victims_count__lte=F("victims_count")),
                name="criminal_case_minors_within_victims",
                violation_error_message=_("Số nạn nhân dưới 18 tuổi không được lớn hơn tổng số nạn nhân."),
            ),
            models.CheckConstraint(
                condition=Q(stage_on__gte=F("uncovered_on")),
                name="criminal_case_stage_not_before_uncovering",
                violation_error_message=_("Ngày của giai đoạn không được trước ngày phát hiện."),
            ),
            models.CheckConstraint(
                condition=Q(article="other") | Q(article_other=""),
                name="criminal_case_other_article_only_with_other",
                violation_error_message=_("Chỉ ghi điều luật khác khi chọn «Điều khác»."),
            ),
        ]

    def __str__(self) -> str:
        # Never the summary: this text is what the change log keeps (auditlog's object_repr).
        return _("Vụ án số %(number)s") % {"number": self.number}

    def get_absolute_url(self) -> str:
        return reverse("criminal_cases:detail", kwargs={"case_id": self.pk})

    @property
    def article_label(self) -> str:
        if self.article == Article.OTHER and self.article_other:
            return self.article_other
        return str(self.get_article_display())

    @property
    def had_mobile_trial(self) -> bool:
        return any(event.mobile_trial for event in self.stage_events.all())


class CaseStageEvent(TimestampedModel):
    """One step of the case's timeline: the stage reached, when, by which decision and agency."""

    case = models.ForeignKey(
        CriminalCase, on_delete=models.CASCADE, related_name="stage_events", verbose_name=_("vụ án")
    )
    stage = models.CharField(_("giai đoạn"), max_length=12, choices=Stage.choices)
    # The stage before this step (empty for the first event, the uncovering).
    from_stage = models.CharField(_("từ giai đoạn"), max_length=12, choices=Stage.choices, blank=True)
    occurred_on = models.DateField(_("ngày"))
    # Số quyết định khởi tố, cáo trạng, bản án...
    decision_number = models.CharField(_("số quyết định, cáo trạng, bản án"), max_length=60, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criminal_case_events",
        verbose_name=_("cơ quan"),
    )
    # Xét xử lưu động: the trial held in the community, for its deterrent effect (an indicator of the plans).
    mobile_trial = models.BooleanField(_("xét xử lưu động"), default=False)
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
        verbose_name = _("giai đoạn tố tụng")
        verbose_name_plural = _("giai đoạn tố tụng")
        ordering = ["case_id", "occurred_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "stage"], name="criminal_case_stage_once"),
            models.CheckConstraint(
                condition=Q(mobile_trial=False) | Q(stage="tried"),
                name="criminal_case_mobile_only_at_trial",
                violation_error_message=_("Chỉ đánh dấu xét xử lưu động ở giai đoạn xét xử."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.get_stage_display()} ({self.occurred_on:%d/%m/%Y})"


class CaseOffender(TimestampedModel):
    """A person prosecuted in the case, with the minimum of personal data (DESIGN.md §4)."""

    class Role(models.TextChoices):
        OWNER_MANAGER = "owner_manager", _("Chủ, người quản lý cơ sở kinh doanh")
        BROKER = "broker", _("Người môi giới")
        BUYER_OF_MINOR = "buyer_of_minor", _("Người mua dâm người dưới 18 tuổi")
        TRAFFICKER = "trafficker", _("Người mua bán người")
        OTHER = "other", _("Vai trò khác")

    class Sex(models.TextChoices):
        MALE = "male", _("Nam")
        FEMALE = "female", _("Nữ")

    case = models.ForeignKey(
        CriminalCase, on_delete=models.CASCADE, related_name="offenders", verbose_name=_("vụ án")
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    # Encrypted at rest and kept out of the change log (pcmd.core.privacy.keep_encrypted_fields_out_of_log).
    full_name = EncryptedTextField(_("họ và tên"))
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    sex = models.CharField(_("giới tính"), max_length=8, choices=Sex.choices)

    class Meta:
        verbose_name = _("đối tượng")
        verbose_name_plural = _("đối tượng")
        ordering = ["case_id", "id"]

    def __str__(self) -> str:
        # Never the name: this text is what the change log keeps (auditlog's object_repr).
        return _("Đối tượng #%(id)s (vụ án #%(case)s)") % {"id": self.pk, "case": self.case_id}
