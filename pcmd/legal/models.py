"""The versioned table of legal references: documents (decrees...) and the provisions a violation is
sanctioned under, each with its fine range and validity period.

Fine amounts are data entered by an administrator, never constants in code: decrees replace each other
(Nghị định 167/2013 → 144/2021 → 282/2025 from 15/12/2025) and a violation is judged by the provision valid on
the day it was found.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pcmd.core.models import VersionedModel


class LegalDocumentQuerySet(models.QuerySet["LegalDocument"]):
    def in_force_on(self, day: datetime.date) -> LegalDocumentQuerySet:
        return self.filter(Q(effective_from__isnull=True) | Q(effective_from__lte=day)).filter(
            Q(effective_to__isnull=True) | Q(effective_to__gte=day)
        )


class LegalProvisionQuerySet(models.QuerySet["LegalProvision"]):
    def valid_on(self, day: datetime.date) -> LegalProvisionQuerySet:
        """Provisions in force on the day (valid_to is the last day of application, inclusive)."""
        return self.filter(valid_from__lte=day).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class LegalDocument(VersionedModel):
    class Kind(models.TextChoices):
        LAW = "law", _("Luật")
        CODE = "code", _("Bộ luật")
        RESOLUTION = "resolution", _("Nghị quyết")
        DECREE = "decree", _("Nghị định")
        DECISION = "decision", _("Quyết định")
        CIRCULAR = "circular", _("Thông tư")
        JOINT_CIRCULAR = "joint_circular", _("Thông tư liên tịch")
        OTHER = "other", _("Văn bản khác")

    number = models.CharField(_("số, ký hiệu"), max_length=60, unique=True)
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("trích yếu"), max_length=500)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    # Dates stay empty when not known from a confirmed source: the administrator completes them.
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    # The last day the document applies (inclusive); empty while in force.
    effective_to = models.DateField(_("hiệu lực đến hết ngày"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supersedes",
        verbose_name=_("được thay thế bởi"),
    )
    note = models.TextField(_("ghi chú"), blank=True)

    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản pháp luật")
        verbose_name_plural = _("văn bản pháp luật")
        ordering = [F("effective_from").desc(nulls_last=True), "number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(effective_to__gte=F("effective_from")),
                name="legal_document_effective_period_ordered",
                violation_error_message=_("Ngày hết hiệu lực không được trước ngày có hiệu lực."),
            ),
            models.CheckConstraint(
                condition=~Q(superseded_by=F("pk")),
                name="legal_document_not_superseding_itself",
                violation_error_message=_("Văn bản không thể thay thế chính nó."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("legal:document-detail", kwargs={"document_id": self.pk})


class LegalProvision(VersionedModel):
    """One sanctionable act of a document: article, clause, point, who it applies to, fine range."""

    class AppliesTo(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        ORGANISATION = "organisation", _("Tổ chức")

    document = models.ForeignKey(
        LegalDocument, on_delete=models.PROTECT, related_name="provisions", verbose_name=_("văn bản")
    )
    article = models.CharField(_("điều"), max_length=20)
    clause = models.CharField(_("khoản"), max_length=20, blank=True)
    point = models.CharField(_("điểm"), max_length=10, blank=True)
    act = models.TextField(_("hành vi vi phạm"))
    applies_to = models.CharField(_("đối tượng áp dụng"), max_length=20, choices=AppliesTo.choices)
    # In đồng. Both empty when the provision sets no fine (only additional measures, or a criminal act).
    fine_min = models.PositiveBigIntegerField(_("mức phạt tiền từ (đồng)"), null=True, blank=True)
    fine_max = models.PositiveBigIntegerField(_("mức phạt tiền đến (đồng)"), null=True, blank=True)
    additional_measures = models.TextField(
        _("hình thức xử phạt bổ sung, biện pháp khắc phục hậu quả"), blank=True
    )
    valid_from = models.DateField(_("áp dụng từ ngày"))
    # The last day the provision applies (inclusive); empty while it applies.
    valid_to = models.DateField(_("áp dụng đến hết ngày"), null=True, blank=True)

    objects = LegalProvisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("căn cứ xử phạt")
        verbose_name_plural = _("căn cứ xử phạt")
        ordering = ["document_id", "article", "clause", "point", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fine_min__isnull=True, fine_max__isnull=True)
                | Q(fine_min__isnull=False, fine_max__isnull=False),
                name="legal_provision_fine_range_complete",
                violation_error_message=_("Nhập đủ cả mức phạt tối thiểu và tối đa, hoặc để trống cả hai."),
            ),
            models.CheckConstraint(
                condition=Q(fine_min__isnull=True) | Q(fine_max__gte=F("fine_min")),
                name="legal_provision_fine_range_ordered",
                violation_error_message=_("Mức phạt tối đa không được nhỏ hơn mức phạt tối thiểu."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="legal_provision_valid_period_ordered",
                violation_error_message=_("Ngày hết áp dụng không được trước ngày bắt đầu áp dụng."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.act}"

    def get_absolute_url(self) -> str:
        return reverse("legal:provision-detail", kwargs={"provision_id": self.pk})

    @property
    def reference(self) -> str:
        """ "Điểm a khoản 1 Điều 32 Nghị định 282/2025/NĐ-CP", as a legal citation is written."""
        parts = []
        if self.point:
            parts.append(_("Điểm %(point)s") % {"point": self.point})
        if self.clause:
            word = _("khoản %(clause)s") if parts else _("Khoản %(clause)s")
            parts.append(word % {"clause": self.clause})
        parts.append(_("Điều %(article)s") % {"article": self.article})
        parts.append(str(self.document))
        return " ".join(parts)

    @property
    def has_fine(self) -> bool:
        return self.fine_min is not None and self.fine_max is not None

    def fine_allows(self, amount: int | None) -> bool:
        """The amount lies in the range (a provision without a fine allows no fine)."""
        if not self.has_fine:
            return not amount
        assert self.fine_min is not None and self.fine_max is not None
        return amount is not None and self.fine_min <= amount <= self.fine_max

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
