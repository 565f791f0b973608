"""Plans (kế hoạch), their targets (chỉ tiêu), tasks (nhiệm vụ) and reporting regimes (chế độ báo cáo).

A plan is issued by a unit (and the body that signs for it), cites the plan it implements, and once issued is
changed only through an amendment that keeps the earlier text (PlanAmendment.snapshot).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pcmd.core.models import TimestampedModel, VersionedModel
from pcmd.core.vietnamese import search_key


class PlanArea(models.TextChoices):
    """Areas of work used to group targets and tasks (the seed plans' headings)."""

    LEADERSHIP = "leadership", _("Lãnh đạo, chỉ đạo")
    COMMUNICATION = "communication", _("Thông tin, tuyên truyền")
    PREVENTION = "prevention", _("Phòng ngừa, lồng ghép")
    INSPECTION = "inspection", _("Thanh tra, kiểm tra, xử lý vi phạm")
    HOTSPOTS = "hotspots", _("Triệt xóa điểm phức tạp")
    HARM_REDUCTION = "harm_reduction", _("Giảm hại, hỗ trợ hòa nhập cộng đồng")
    TRAINING = "training", _("Đào tạo, tập huấn")
    OTHER = "other", _("Khác")


class IndicatorKey(models.TextChoices):
    """Measurable quantities a target can be checked against; the indicators issue computes each one."""

    # A leading "%" is literal: without the xgettext comments "% xã" would be read as a format directive and
    # the English catalogue would not compile.
    # xgettext:no-python-format
    COMMUNES_WITH_COMMUNICATION = "communes_with_communication", _("% xã có ít nhất 1 hoạt động tuyên truyền")
    # xgettext:no-python-format
    DISTRICTS_WITH_COMMUNICATION = "districts_with_communication", _("% huyện có hoạt động tuyên truyền")
    MEDIA_POSTS_PER_MONTH = "media_posts_per_month", _("Số tin, bài trên báo chí mỗi tháng")
    WORKERS_AT_ESTABLISHMENTS_REACHED = (
        "workers_reached",
        # xgettext:no-python-format
        _("% người lao động tại cơ sở KDDV được tuyên truyền"),
    )
    INDUSTRIAL_WORKERS_REACHED = (
        "industrial_workers_reached",
        # xgettext:no-python-format
        _("% người lao động khu công nghiệp được tuyên truyền"),
    )
    # xgettext:no-python-format
    STUDENTS_REACHED = "students_reached", _("% học sinh, sinh viên được tuyên truyền")
    # xgettext:no-python-format
    OFFICIALS_BRIEFED = "officials_briefed", _("% cơ quan, đơn vị được quán triệt, phổ biến")
    # xgettext:no-python-format
    UNITS_WITH_PLAN = "units_with_plan", _("% đơn vị cấp dưới có kế hoạch PCMD")
    # xgettext:no-python-format
    UNITS_INTEGRATING_PCMD = "units_integrating", _("% đơn vị lồng ghép PCMD vào chương trình KT-XH")
    # xgettext:no-python-format
    COMMUNES_REGISTERED_HEALTHY = "communes_registered_healthy", _("% xã đăng ký xã lành mạnh không tệ nạn")
    # xgettext:no-python-format
    COMMUNES_WITHOUT_PROSTITUTION = "communes_without_prostitution", _("% xã không tệ nạn mại dâm")
    # xgettext:no-python-format
    TIPS_HANDLED_ON_TIME = "tips_handled_on_time", _("% tố giác, tin báo được xử lý kịp thời")
    CRIMES_HANDLED_CHANGE = "crimes_handled_change", _("Mức tăng số tội phạm liên quan mại dâm được xử lý")
    # xgettext:no-python-format
    OFFENDERS_HANDLED = "offenders_handled", _("% đối tượng vi phạm được xử lý")
    # xgettext:no-python-format
    ESTABLISHMENTS_LISTED = "establishments_listed", _("% cơ sở KDDV được rà soát, đưa vào danh sách quản lý")
    # xgettext:no-python-format
    ESTABLISHMENTS_INSPECTED_YEAR = "establishments_inspected_year", _("% cơ sở KDDV được kiểm tra trong năm")
    ESTABLISHMENTS_EVER_INSPECTED = (
        "establishments_ever_inspected",
        # xgettext:no-python-format
        _("% cơ sở KDDV được kiểm tra ít nhất 1 lần"),
    )
    # xgettext:no-python-format
    HOTSPOTS_ELIMINATED = "hotspots_eliminated", _("% điểm phức tạp được triệt xóa")
    HOTSPOTS_NEW = "hotspots_new", _("Số điểm phức tạp phát sinh mới")
    HOTSPOTS_REACTIVATED = "hotspots_reactivated", _("Số điểm phức tạp tái hoạt động")
    # xgettext:no-python-format
    SEX_WORKERS_SERVED = "sex_workers_served", _("% người bán dâm có nhu cầu được hỗ trợ dịch vụ")
    OUTREACH_CONTACTS = "outreach_contacts", _("Số lượt tiếp cận người bán dâm")
    # xgettext:no-python-format
    PILOT_MODEL_UNITS = "pilot_model_units", _("% địa bàn triển khai mô hình")
    # xgettext:no-python-format
    OFFICIALS_TRAINED_PROVINCE = "officials_trained_province", _("% cán bộ cấp tỉnh được tập huấn")
    # xgettext:no-python-format
    OFFICIALS_TRAINED_LOCAL = "officials_trained_local", _("% cán bộ cấp huyện, xã được tập huấn")


class Plan(VersionedModel):
    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Kế hoạch giai đoạn (nhiều năm)")
        ANNUAL = "annual", _("Kế hoạch năm")
        THEMATIC = "thematic", _("Kế hoạch chuyên đề (kiểm tra, tuyên truyền...)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")
        CLOSED = "closed", _("Đã kết thúc")
        SUPERSEDED = "superseded", _("Đã được thay thế")

    class Authority(models.TextChoices):
        """How the signer signs (Nghị định 30/2020, Điều 13)."""

        DIRECT = "", _("Ký trực tiếp")
        ON_BEHALF = "KT.", _("KT. (ký thay)")
        ACTING = "Q.", _("Q. (quyền)")
        BY_ORDER = "TL.", _("TL. (thừa lệnh)")
        BY_AUTHORISATION = "TUQ.", _("TUQ. (thừa ủy quyền)")

    issuing_unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("đơn vị ban hành"),
    )
    # The body that signs: UBND tỉnh, Ban Chỉ đạo 138 tỉnh ... (its name heads the document).
    issuing_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="issued_plans",
        verbose_name=_("cơ quan ban hành"),
    )
    # The line above the issuing body in the header when it is not a top-level body ("UBND TỈNH QUẢNG TRỊ").
    parent_body_name = models.CharField(_("cơ quan chủ quản (dòng trên)"), max_length=200, blank=True)
    # "166" of "166/KH-UBND"; empty until the plan is numbered at issue.
    number = models.CharField(_("số"), max_length=20, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=40, default="KH-UBND")
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issued_place = models.CharField(_("địa danh"), max_length=80)
    title = models.CharField(_("trích yếu"), max_length=500)
    kind = models.CharField(_("loại kế hoạch"), max_length=16, choices=Kind.choices)
    period_start = models.DateField(_("thời gian thực hiện từ"))
    period_end = models.DateField(_("đến"))
    implements = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implementing_plans",
        verbose_name=_("thực hiện kế hoạch"),
    )
    # A plan outside PCMD that this one implements (QĐ 1629/QĐ-TTg, a ministry plan) as cited in the text.
    implements_reference = models.TextField(_("thực hiện văn bản (ngoài hệ thống)"), blank=True)
    preamble = models.TextField(_("phần mở đầu"), blank=True)
    purpose = models.TextField(_("mục đích"), blank=True)
    requirements = models.TextField(_("yêu cầu"), blank=True)
    budget_clause = models.TextField(_("kinh phí thực hiện"), blank=True)
    closing_text = models.TextField(_("đoạn kết"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    # Signature block: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name.
    signer_on_behalf_of = models.CharField(_("thay mặt (TM.)"), max_length=120, blank=True)
    signer_authority = models.CharField(
        _("thẩm quyền ký"), max_length=5, choices=Authority.choices, blank=True
    )
    signer_principal_title = models.CharField(_("chức danh người đứng đầu"), max_length=120, blank=True)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=120)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    original_text = models.FileField(_("văn bản gốc"), upload_to="plans/originals/", blank=True)
    # Reference and title without diacritics or case (decision 0004), kept by save(): "ke hoach 166" finds it.
    title_search = models.CharField(max_length=700, editable=False, default="", db_index=False)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-period_start", "issuing_unit_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="plan_period_ordered"
            ),
            models.CheckConstraint(condition=~Q(implements=F("id")), name="plan_does_not_implement_itself"),
            models.UniqueConstraint(
                fields=["issuing_agency", "number", "symbol", "issued_on"],
                condition=~Q(number=""),
                name="plan_number_unique_per_issuer_and_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}" if self.number else self.title

    @property
    def reference(self) -> str:
        """ "166/KH-UBND" (or "…/KH-UBND" while unnumbered)."""
        return f"{self.number or '...'}/{self.symbol}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.title_search = plan_search_key(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "number", "symbol"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "title_search"}
        super().save(*args, **kwargs)


def plan_search_key(plan: Plan) -> str:
    return search_key(f"{plan.number}/{plan.symbol} {plan.title}")


class PlanLegalBasis(models.Model):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="legal_bases", verbose_name=_("kế hoạch")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.TextField(_("căn cứ"))

    class Meta:
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")
        ordering = ["plan_id", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="legal_basis_order_unique")]

    def __str__(self) -> str:
        return self.text[:80]


class PlanSection(models.Model):
    """Free-text sections of the body that are neither targets nor assigned tasks ("Nhiệm vụ, giải pháp")."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="sections", verbose_name=_("kế hoạch")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    area = models.CharField(_("lĩnh vực"), max_length=16, choices=PlanArea.choices, default=PlanArea.OTHER)
    heading = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("mục nội dung")
        verbose_name_plural = _("mục nội dung")
        ordering = ["plan_id", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="section_order_unique")]

    def __str__(self) -> str:
        return self.heading


class PlanRecipient(models.Model):
    """One line of "Nơi nhận:", in order; the archive line ("Lưu: VT, ...") is last."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("kế hoạch")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.CharField(_("nơi nhận"), max_length=300)
    is_archive = models.BooleanField(_("dòng lưu"), default=False)

    class Meta:
        verbose_name = _("nơi nhận")
        verbose_name_plural = _("nơi nhận")
        ordering = ["plan_id", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="recipient_order_unique")]

    def __str__(self) -> str:
        return self.text


class PlanEvent(models.Model):
    """Every status change of a plan: who, when, from, to, note."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="events", verbose_name=_("kế hoạch")
    )
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("người thực hiện")
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    from_status = models.CharField(_("từ"), max_length=12, choices=Plan.Status.choices, blank=True)
    to_status = models.CharField(_("sang"), max_length=12, choices=Plan.Status.choices)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("sự kiện kế hoạch")
        verbose_name_plural = _("sự kiện kế hoạch")
        ordering = ["plan_id", "at", "id"]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.from_status} → {self.to_status}"


class PlanAmendment(models.Model):
    """An amendment to an issued plan: the reason, the amending document, and the plan as it was before."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="amendments", verbose_name=_("kế hoạch")
    )
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("người sửa đổi")
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    document_reference = models.CharField(_("văn bản sửa đổi"), max_length=200, blank=True)
    reason = models.TextField(_("lý do"))
    # The plan with its targets, tasks, rules and recipients as they were before this amendment.
    snapshot = models.JSONField(_("nội dung trước khi sửa"))
    # While an amendment is open (not completed) the issued plan's content may be edited; completing it
    # regenerates the reporting calendar. At most one amendment of a plan is open at a time.
    completed_at = models.DateTimeField(_("hoàn tất lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("sửa đổi kế hoạch")
        verbose_name_plural = _("sửa đổi kế hoạch")
        ordering = ["plan_id", "at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=Q(completed_at__isnull=True), name="one_open_amendment_per_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} @ {self.at:%d/%m/%Y}"


class Target(TimestampedModel):
    class Comparator(models.TextChoices):
        QUALITATIVE = "", _("Định tính (không đo bằng số)")
        AT_LEAST = "gte", _("≥ (ít nhất, trên)")
        AT_MOST = "lte", _("≤ (không quá)")
        EQUAL = "eq", _("= (đúng bằng)")
        INCREASE_BY = "increase", _("tăng thêm")
        DECREASE_BY = "decrease", _("giảm")

    class MeasureUnit(models.TextChoices):
        PERCENT = "percent", _("%")
        COUNT = "count", _("số lượng")
        # xgettext:no-python-format
        PERCENT_PER_YEAR = "percent_per_year", _("% mỗi năm")
        COUNT_PER_MONTH = "count_per_month", _("lần mỗi tháng")

    class AppliesTo(models.TextChoices):
        ISSUING_UNIT = "issuing_unit", _("Toàn địa bàn đơn vị ban hành")
        EACH_DISTRICT = "each_district", _("Từng huyện (trước 01/07/2025)")
        EACH_COMMUNE = "each_commune", _("Từng xã, phường")
        EACH_AGENCY = "each_agency", _("Từng cơ quan được giao")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="targets", verbose_name=_("kế hoạch")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    area = models.CharField(_("lĩnh vực"), max_length=16, choices=PlanArea.choices)
    statement = models.TextField(_("chỉ tiêu (nguyên văn)"))
    indicator_key = models.CharField(_("chỉ số đo"), max_length=40, choices=IndicatorKey.choices, blank=True)
    comparator = models.CharField(_("so sánh"), max_length=8, choices=Comparator.choices, blank=True)
    value = models.DecimalField(_("giá trị"), max_digits=12, decimal_places=2, null=True, blank=True)
    # Upper end of a range ("tăng 3 - 5% mỗi năm": value 3, value_max 5).
    value_max = models.DecimalField(
        _("giá trị tối đa"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    measure_unit = models.CharField(_("đơn vị tính"), max_length=16, choices=MeasureUnit.choices, blank=True)
    due_year = models.PositiveSmallIntegerField(_("năm cần đạt"), null=True, blank=True)
    due_date = models.DateField(_("hạn đạt"), null=True, blank=True)
    applies_to = models.CharField(
        _("áp dụng cho"), max_length=16, choices=AppliesTo.choices, default=AppliesTo.ISSUING_UNIT
    )
    # A lower unit's target inherited from the plan it implements (it may aim higher).
    inherited_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inherited_by",
        verbose_name=_("kế thừa từ chỉ tiêu"),
    )

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["plan_id", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="target_order_unique"),
            # Measurable (a comparator) ⇔ a value and a unit; qualitative ⇔ none of them.
            models.CheckConstraint(
                condition=(Q(comparator="") & Q(value__isnull=True) & Q(measure_unit=""))
                | (~Q(comparator="") & Q(value__isnull=False) & ~Q(measure_unit="")),
                name="target_measurable_has_value_and_unit",
            ),
            models.CheckConstraint(
                condition=Q(value_max__isnull=True) | Q(value_max__gte=F("value")),
                name="target_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.statement[:80]

    @property
    def is_measurable(self) -> bool:
        return bool(self.comparator)


class Task(VersionedModel):
    class Recurrence(models.TextChoices):
        ONCE = "", _("Một lần / theo hạn")
        CONTINUOUS = "continuous", _("Thường xuyên")
        MONTHLY = "monthly", _("Hằng tháng")
        QUARTERLY = "quarterly", _("Hằng quý")
        SEMIANNUAL = "semiannual", _("6 tháng")
        YEARLY = "yearly", _("Hằng năm")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Hoàn thành")
        CANCELLED = "cancelled", _("Không thực hiện")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("kế hoạch"))
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    area = models.CharField(_("lĩnh vực"), max_length=16, choices=PlanArea.choices)
    text = models.TextField(_("nội dung nhiệm vụ"))
    lead_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="led_tasks",
        verbose_name=_("cơ quan chủ trì"),
    )
    coordinating_agencies = models.ManyToManyField(
        "agencies.Agency", blank=True, related_name="coordinated_tasks", verbose_name=_("cơ quan phối hợp")
    )
    # Coordinators named as a group in the text ("các sở, ngành liên quan", "UBND các xã, phường").
    coordinating_note = models.CharField(_("phối hợp (ghi chú)"), max_length=300, blank=True)
    due_date = models.DateField(_("thời hạn"), null=True, blank=True)
    recurrence = models.CharField(_("định kỳ"), max_length=12, choices=Recurrence.choices, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan_id", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="task_order_unique")]

    def __str__(self) -> str:
        return self.text[:80]

    def is_overdue_on(self, day: datetime.date) -> bool:
        """Past its due date and neither done nor cancelled."""
        open_statuses = (self.Status.NOT_STARTED, self.Status.IN_PROGRESS)
        return self.due_date is not None and self.due_date < day and self.status in open_statuses


class TaskProgress(TimestampedModel):
    """A dated progress update on a task, with optional evidence."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="progress_updates", verbose_name=_("nhiệm vụ")
    )
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("người cập nhật")
    )
    reported_on = models.DateField(_("ngày cập nhật"))
    status = models.CharField(_("trạng thái"), max_length=12, choices=Task.Status.choices)
    note = models.TextField(_("kết quả, tiến độ"))
    evidence = models.FileField(_("minh chứng"), upload_to="plans/evidence/", blank=True)

    class Meta:
        verbose_name = _("tiến độ nhiệm vụ")
        verbose_name_plural = _("tiến độ nhiệm vụ")
        ordering = ["task_id", "reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.task_id} {self.reported_on:%d/%m/%Y}"


class ReportingRule(TimestampedModel):
    """Who reports, to whom, for which period, by which day and month ("6 tháng trước ngày 25/6")."""

    class PeriodKind(models.TextChoices):
        SEMIANNUAL = "semiannual", _("6 tháng")
        ANNUAL = "annual", _("Năm")
        QUARTERLY = "quarterly", _("Quý")
        AD_HOC = "ad_hoc", _("Đột xuất")

    class Reporters(models.TextChoices):
        ASSIGNED_AGENCIES = "assigned_agencies", _("Các cơ quan được giao nhiệm vụ trong kế hoạch")
        LOWER_UNITS = "lower_units", _("UBND các đơn vị cấp dưới")
        NAMED_AGENCIES = "named_agencies", _("Các cơ quan được nêu tên")
        FOCAL_AGENCY = "focal_agency", _("Cơ quan thường trực (báo cáo lên cấp trên)")

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="reporting_rules", verbose_name=_("kế hoạch")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    reporters = models.CharField(_("đơn vị báo cáo"), max_length=20, choices=Reporters.choices)
    named_reporters = models.ManyToManyField(
        "agencies.Agency",
        blank=True,
        related_name="reporting_rules",
        verbose_name=_("cơ quan báo cáo (nêu tên)"),
    )
    recipient_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_reporting_rules",
        verbose_name=_("gửi về cơ quan"),
    )
    # Recipient above PCMD's agencies ("Bộ Y tế", "UBND tỉnh") when it is not an agency in the system.
    recipient_note = models.CharField(_("gửi về (ghi chú)"), max_length=300, blank=True)
    period_kind = models.CharField(_("kỳ báo cáo"), max_length=12, choices=PeriodKind.choices)
    # Day and month of the deadline within the period's year; empty for ad hoc reports.
    due_day = models.PositiveSmallIntegerField(_("hạn: ngày"), null=True, blank=True)
    due_month = models.PositiveSmallIntegerField(_("hạn: tháng"), null=True, blank=True)
    statement = models.TextField(_("quy định (nguyên văn)"), blank=True)

    class Meta:
        verbose_name = _("chế độ báo cáo")
        verbose_name_plural = _("chế độ báo cáo")
        ordering = ["plan_id", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "order"], name="reporting_rule_order_unique"),
            models.CheckConstraint(
                condition=Q(period_kind="ad_hoc")
                | (Q(due_day__gte=1) & Q(due_day__lte=31) & Q(due_month__gte=1) & Q(due_month__lte=12)),
                name="reporting_rule_has_due_day_and_month",
            ),
        ]

    def __str__(self) -> str:
        if self.due_day and self.due_month:
            return gettext("%(period)s — trước %(day)02d/%(month)02d") % {
                "period": self.get_period_kind_display(),
                "day": self.due_day,
                "month": self.due_month,
            }
        return self.get_period_kind_display()


class ReportingDeadline(TimestampedModel):
    """One concrete deadline of the reporting calendar: this reporter owes this period's report by this date.

    Generated from the plan's reporting rules when the plan is issued (and again after an amendment); the
    reporting app attaches report forms and submissions to these rows.
    """

    rule = models.ForeignKey(
        ReportingRule, on_delete=models.CASCADE, related_name="deadlines", verbose_name=_("chế độ báo cáo")
    )
    reporter_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reporting_deadlines",
        verbose_name=_("cơ quan báo cáo"),
    )
    reporter_unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reporting_deadlines",
        verbose_name=_("đơn vị báo cáo"),
    )
    period_label = models.CharField(_("kỳ"), max_length=60)
    period_start = models.DateField(_("kỳ từ"))
    period_end = models.DateField(_("kỳ đến"))
    due_on = models.DateField(_("hạn nộp"), db_index=True)

    class Meta:
        verbose_name = _("hạn báo cáo")
        verbose_name_plural = _("lịch báo cáo")
        ordering = ["due_on", "rule_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reporter_agency__isnull=False) | Q(reporter_unit__isnull=False),
                name="deadline_has_a_reporter",
            ),
            models.UniqueConstraint(
                fields=["rule", "reporter_agency", "reporter_unit", "period_start"],
                name="deadline_unique_per_reporter_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period_label}: {self.due_on:%d/%m/%Y}"
