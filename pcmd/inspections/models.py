"""Inspections by the Đội 178 teams: yearly plans, the inspection record (members present, checklist,
findings, minutes number, photos), violations with their legal basis, sanction decisions with their fines
per violation, and follow-up checks (hậu kiểm).

Every record hangs off an inspection, which hangs off an establishment of a commune: jurisdiction is a prefix
match on `establishment__unit__scope_path` (pcmd.inspections.selectors).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.core.models import TimestampedModel, VersionedModel


class InspectionMode(models.TextChoices):
    ANNOUNCED = "announced", _("Có thông báo trước")
    UNANNOUNCED = "unannounced", _("Đột xuất (không báo trước)")


class ChecklistItem(TimestampedModel):
    """What a team checks at an establishment: configurable, seeded by migration, edited by administrators."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("nội dung kiểm tra"), max_length=255, unique=True)
    description = models.TextField(_("hướng dẫn"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    # A retired item stays on past inspections but is no longer offered on the form.
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("nội dung kiểm tra")
        verbose_name_plural = _("danh mục nội dung kiểm tra")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class InspectionPlan(VersionedModel):
    """A team's plan for a year: quotas (e.g. 20 announced + 40 unannounced), establishments planned."""

    team = models.ForeignKey(
        "agencies.InspectionTeam",
        on_delete=models.PROTECT,
        related_name="inspection_plans",
        verbose_name=_("đội kiểm tra"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    announced_quota = models.PositiveIntegerField(_("chỉ tiêu kiểm tra có thông báo"), default=0)
    unannounced_quota = models.PositiveIntegerField(_("chỉ tiêu kiểm tra đột xuất"), default=0)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người lập"),
    )

    class Meta:
        verbose_name = _("kế hoạch kiểm tra")
        verbose_name_plural = _("kế hoạch kiểm tra")
        ordering = ["-year", "team_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "year"],
                name="inspection_plan_one_per_team_year",
                violation_error_message=_("Đội đã có kế hoạch kiểm tra của năm này."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="inspection_plan_year_plausible",
                violation_error_message=_("Năm kế hoạch không hợp lệ."),
            ),
        ]

    def __str__(self) -> str:
        return _("Kế hoạch kiểm tra năm %(year)s — %(team)s") % {"year": self.year, "team": self.team}

    def get_absolute_url(self) -> str:
        return reverse("inspections:plan-detail", kwargs={"plan_id": self.pk})


class PlannedInspection(TimestampedModel):
    plan = models.ForeignKey(
        InspectionPlan, on_delete=models.CASCADE, related_name="entries", verbose_name=_("kế hoạch")
    )
    establishment = models.ForeignKey(
        "establishments.Establishment",
        on_delete=models.PROTECT,
        related_name="planned_inspections",
        verbose_name=_("cơ sở"),
    )
    mode = models.CharField(_("hình thức"), max_length=12, choices=InspectionMode.choices)
    planned_month = models.PositiveSmallIntegerField(_("tháng dự kiến"), null=True, blank=True)

    class Meta:
        verbose_name = _("cơ sở trong kế hoạch")
        verbose_name_plural = _("cơ sở trong kế hoạch")
        ordering = ["plan_id", "planned_month", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "establishment"],
                name="planned_inspection_once_per_plan",
                violation_error_message=_("Cơ sở đã có trong kế hoạch."),
            ),
            models.CheckConstraint(
                condition=Q(planned_month__isnull=True) | Q(planned_month__gte=1, planned_month__lte=12),
                name="planned_inspection_month_valid",
                violation_error_message=_("Tháng dự kiến phải từ 1 đến 12."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan}: {self.establishment}"


class Inspection(VersionedModel):
    team = models.ForeignKey(
        "agencies.InspectionTeam",
        on_delete=models.PROTECT,
        related_name="inspections",
        verbose_name=_("đội kiểm tra"),
    )
    establishment = models.ForeignKey(
        "establishments.Establishment",
        on_delete=models.PROTECT,
        related_name="inspections",
        verbose_name=_("cơ sở được kiểm tra"),
    )
    plan = models.ForeignKey(
        InspectionPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name=_("theo kế hoạch"),
    )
    mode = models.CharField(_("hình thức"), max_length=12, choices=InspectionMode.choices)
    started_at = models.DateTimeField(_("bắt đầu lúc"))
    ended_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    members_present = models.ManyToManyField(
        "agencies.TeamMember",
        related_name="inspections_attended",
        blank=True,
        verbose_name=_("thành viên có mặt"),
    )
    # Who signs the minutes for the establishment (owner or manager present).
    representative_name = models.CharField(_("đại diện cơ sở"), max_length=150, blank=True)
    representative_role = models.CharField(_("chức vụ, vai trò của đại diện"), max_length=150, blank=True)
    findings = models.TextField(_("kết quả kiểm tra, nội dung phát hiện"), blank=True)
    minutes_number = models.CharField(_("số biên bản"), max_length=60, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi nhận"),
    )

    class Meta:
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["establishment", "started_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="inspection_ends_after_start",
                violation_error_message=_("Thời điểm kết thúc không được trước thời điểm bắt đầu."),
            ),
            models.UniqueConstraint(
                fields=["team", "minutes_number"],
                condition=~Q(minutes_number=""),
                name="inspection_minutes_number_unique_per_team",
                violation_error_message=_("Đội đã có biên bản mang số này."),
            ),
        ]

    def __str__(self) -> str:
        return _("Kiểm tra %(establishment)s ngày %(day)s") % {
            "establishment": self.establishment,
            "day": self.day.strftime("%d/%m/%Y") if self.started_at else "",
        }

    def get_absolute_url(self) -> str:
        return reverse("inspections:inspection-detail", kwargs={"inspection_id": self.pk})

    @property
    def day(self) -> datetime.date:
        """The local date of the inspection (what legal validity and coverage are judged by)."""
        return timezone.localdate(self.started_at)


class ChecklistResult(TimestampedModel):
    class Outcome(models.TextChoices):
        OK = "ok", _("Đạt")
        NOT_OK = "not_ok", _("Không đạt")
        NOT_APPLICABLE = "not_applicable", _("Không áp dụng")

    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.CASCADE,
        related_name="checklist_results",
        verbose_name=_("cuộc kiểm tra"),
    )
    item = models.ForeignKey(
        ChecklistItem, on_delete=models.PROTECT, related_name="results", verbose_name=_("nội dung kiểm tra")
    )
    outcome = models.CharField(_("kết quả"), max_length=16, choices=Outcome.choices)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("kết quả theo nội dung kiểm tra")
        verbose_name_plural = _("kết quả theo nội dung kiểm tra")
        ordering = ["inspection_id", "item__order", "item_id"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "item"], name="checklist_result_once_per_item"),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_outcome_display()}"


class InspectionPhoto(TimestampedModel):
    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="photos", verbose_name=_("cuộc kiểm tra")
    )
    file = models.FileField(_("ảnh"), upload_to="inspections/photos/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    caption = models.CharField(_("chú thích"), max_length=255, blank=True)
    # Checked by the service from the file's first bytes; stored for the download's Content-Type.
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
        verbose_name = _("ảnh kiểm tra")
        verbose_name_plural = _("ảnh kiểm tra")
        ordering = ["inspection_id", "created_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.original_name


class Violation(VersionedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Chưa khắc phục")
        CLOSED = "closed", _("Đã khắc phục, kết thúc")

    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="violations", verbose_name=_("cuộc kiểm tra")
    )
    act = models.TextField(_("hành vi vi phạm (mô tả)"))
    # Chosen among the provisions valid on the inspection day (checked by the service).
    provision = models.ForeignKey(
        "legal.LegalProvision",
        on_delete=models.PROTECT,
        related_name="violations",
        verbose_name=_("căn cứ xử phạt"),
    )
    persons_involved = models.PositiveIntegerField(_("số người vi phạm"), default=1)
    status = models.CharField(_("tình trạng"), max_length=8, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    closing_note = models.TextField(_("ghi chú khi kết thúc"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi nhận"),
    )

    class Meta:
        verbose_name = _("vi phạm")
        verbose_name_plural = _("vi phạm")
        ordering = ["inspection_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", closed_on__isnull=True)
                | Q(status="closed", closed_on__isnull=False),
                name="violation_closed_has_date",
                violation_error_message=_("Vi phạm đã kết thúc phải có ngày kết thúc."),
            ),
            models.CheckConstraint(
                condition=Q(persons_involved__gte=1),
                name="violation_has_someone_involved",
                violation_error_message=_("Số người vi phạm ít nhất là 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.act

    def get_absolute_url(self) -> str:
        return f"{self.inspection.get_absolute_url()}#vi-pham-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class SanctionDecision(VersionedModel):
    """Quyết định xử phạt vi phạm hành chính: the fines per violation are its lines (SanctionLine)."""

    class PaymentStatus(models.TextChoices):
        UNPAID = "unpaid", _("Chưa nộp phạt")
        PAID = "paid", _("Đã nộp phạt")
        NO_FINE = "no_fine", _("Không phạt tiền")

    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.PROTECT,
        related_name="sanction_decisions",
        verbose_name=_("cuộc kiểm tra"),
    )
    number = models.CharField(_("số quyết định"), max_length=60)
    decided_on = models.DateField(_("ngày quyết định"))
    # The signing authority as written on the decision ("Chủ tịch Ủy ban nhân dân phường Tô Hiệu").
    authority = models.CharField(_("người ra quyết định (chức danh)"), max_length=255)
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="sanction_decisions",
        verbose_name=_("cơ quan ra quyết định"),
    )
    violations: models.ManyToManyField[Violation, SanctionLine] = models.ManyToManyField(
        Violation, through="SanctionLine", related_name="sanction_decisions", verbose_name=_("vi phạm")
    )
    # Sum of the lines, kept for lists and totals (set by the service).
    fine_total = models.PositiveBigIntegerField(_("tổng số tiền phạt (đồng)"), default=0)
    # Tước quyền sử dụng giấy phép / đình chỉ hoạt động có thời hạn: the establishment becomes suspended.
    suspension_months = models.PositiveSmallIntegerField(
        _("tước quyền sử dụng giấy phép, đình chỉ hoạt động (số tháng)"), null=True, blank=True
    )
    # Thu hồi giấy phép: the establishment can no longer operate and becomes closed.
    licence_withdrawn = models.BooleanField(_("thu hồi giấy phép"), default=False)
    confiscation = models.TextField(_("tịch thu tang vật, phương tiện"), blank=True)
    remedy_measures = models.TextField(_("biện pháp khắc phục hậu quả"), blank=True)
    remedy_deadline = models.DateField(_("thời hạn khắc phục"), null=True, blank=True)
    payment_status = models.CharField(
        _("tình trạng nộp phạt"), max_length=8, choices=PaymentStatus.choices, default=PaymentStatus.UNPAID
    )
    paid_on = models.DateField(_("ngày nộp phạt"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi nhận"),
    )

    class Meta:
        verbose_name = _("quyết định xử phạt")
        verbose_name_plural = _("quyết định xử phạt")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "number"],
                name="sanction_number_unique_per_agency",
                violation_error_message=_("Cơ quan đã có quyết định mang số này."),
            ),
            models.CheckConstraint(
                condition=Q(payment_status="paid", paid_on__isnull=False)
                | (~Q(payment_status="paid") & Q(paid_on__isnull=True)),
                name="sanction_paid_has_date",
                violation_error_message=_("Ngày nộp phạt chỉ ghi khi đã nộp phạt."),
            ),
            models.CheckConstraint(
                condition=Q(suspension_months__isnull=True) | Q(suspension_months__gte=1),
                name="sanction_suspension_at_least_a_month",
                violation_error_message=_("Thời hạn tước giấy phép, đình chỉ ít nhất 1 tháng."),
            ),
            models.CheckConstraint(
                condition=Q(suspension_months__isnull=True) | Q(licence_withdrawn=False),
                name="sanction_suspension_or_withdrawal",
                violation_error_message=_("Không thể vừa tước có thời hạn vừa thu hồi giấy phép."),
            ),
            models.CheckConstraint(
                condition=Q(remedy_deadline__isnull=True) | Q(remedy_deadline__gte=F("decided_on")),
                name="sanction_remedy_after_decision",
                violation_error_message=_("Thời hạn khắc phục không được trước ngày quyết định."),
            ),
        ]

    def __str__(self) -> str:
        return _("Quyết định số %(number)s") % {"number": self.number}

    def get_absolute_url(self) -> str:
        return reverse("inspections:sanction-detail", kwargs={"decision_id": self.pk})

    @property
    def is_unpaid(self) -> bool:
        return self.payment_status == self.PaymentStatus.UNPAID and self.fine_total > 0


class SanctionLine(TimestampedModel):
    """The fine for one violation in a decision; it lies within the range of the violation's provision."""

    decision = models.ForeignKey(
        SanctionDecision, on_delete=models.CASCADE, related_name="lines", verbose_name=_("quyết định")
    )
    # A violation is sanctioned once.
    violation = models.OneToOneField(
        Violation, on_delete=models.PROTECT, related_name="sanction_line", verbose_name=_("vi phạm")
    )
    fine_amount = models.PositiveBigIntegerField(_("số tiền phạt (đồng)"), default=0)

    class Meta:
        verbose_name = _("mức phạt theo vi phạm")
        verbose_name_plural = _("mức phạt theo vi phạm")
        ordering = ["decision_id", "violation_id"]

    def __str__(self) -> str:
        return f"{self.decision}: {self.violation}"


class FollowUp(VersionedModel):
    """Hậu kiểm: a later check that a violation (or a decision's violations) was remedied."""

    class Outcome(models.TextChoices):
        REMEDIED = "remedied", _("Đã khắc phục")
        NOT_REMEDIED = "not_remedied", _("Chưa khắc phục")

    # Denormalised from the violation or decision: scoping and lists go through it.
    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("cuộc kiểm tra")
    )
    violation = models.ForeignKey(
        Violation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("vi phạm"),
    )
    decision = models.ForeignKey(
        SanctionDecision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("quyết định xử phạt"),
    )
    due_on = models.DateField(_("hạn hậu kiểm"))
    done_on = models.DateField(_("ngày hậu kiểm"), null=True, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=14, choices=Outcome.choices, blank=True)
    result = models.TextField(_("nội dung kết quả"), blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người lên lịch"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ghi kết quả"),
    )

    class Meta:
        verbose_name = _("hậu kiểm")
        verbose_name_plural = _("hậu kiểm")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(violation__isnull=False) & Q(decision__isnull=True))
                | (Q(violation__isnull=True) & Q(decision__isnull=False)),
                name="follow_up_from_violation_or_decision",
                violation_error_message=_("Hậu kiểm theo một vi phạm hoặc một quyết định xử phạt."),
            ),
            models.CheckConstraint(
                condition=(Q(done_on__isnull=True) & Q(outcome=""))
                | (Q(done_on__isnull=False) & ~Q(outcome="")),
                name="follow_up_done_has_outcome",
                violation_error_message=_("Hậu kiểm đã thực hiện phải có kết quả."),
            ),
        ]

    def __str__(self) -> str:
        source = self.violation if self.violation_id else self.decision
        return _("Hậu kiểm %(source)s") % {"source": source}

    def get_absolute_url(self) -> str:
        return reverse("inspections:follow-up-detail", kwargs={"follow_up_id": self.pk})

    def is_overdue(self, on: datetime.date) -> bool:
        return self.done_on is None and self.due_on < on
