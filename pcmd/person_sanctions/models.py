"""Statistics of administrative sanctions of persons (buying sex, selling sex, related acts) as counts.

No person is recorded: a tally is how many sanctions of an act, under one legal provision, a unit's
authorities imposed in a period, with the number of decisions and the fines. The provision comes from the
versioned legal table (pcmd.legal) and must apply to individuals during the period.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pcmd.core.models import VersionedModel


class SanctionedAct(models.TextChoices):
    BUYING_SEX = "buying_sex", _("Mua dâm")
    SELLING_SEX = "selling_sex", _("Bán dâm")
    RELATED = "related", _("Hành vi khác liên quan đến mại dâm")


class PersonSanctionTally(VersionedModel):
    # The unit whose authorities imposed the sanctions (a current-era province or commune).
    unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="person_sanction_tallies",
        verbose_name=_("đơn vị"),
    )
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    act = models.CharField(_("hành vi"), max_length=16, choices=SanctionedAct.choices)
    provision = models.ForeignKey(
        "legal.LegalProvision",
        on_delete=models.PROTECT,
        related_name="person_sanction_tallies",
        verbose_name=_("căn cứ xử phạt"),
    )
    # Lượt người bị xử phạt: a person sanctioned twice in the period counts twice (each sanction is fined
    # within the provision's range, hence the check on the total of the fines).
    persons_count = models.PositiveIntegerField(_("số lượt người bị xử phạt"))
    # One decision may sanction several persons (never more decisions than persons).
    decisions_count = models.PositiveIntegerField(_("số quyết định xử phạt"))
    total_fines = models.PositiveBigIntegerField(_("tổng tiền phạt (đồng)"), default=0)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhập"),
    )

    class Meta:
        verbose_name = _("số liệu xử phạt hành chính cá nhân")
        verbose_name_plural = _("số liệu xử phạt hành chính cá nhân")
        ordering = ["-period_start", "unit_id", "act", "id"]
        indexes = [models.Index(fields=["unit", "period_start"])]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period_start", "period_end", "act", "provision"],
                name="person_sanction_tally_unique",
                violation_error_message=_(
                    "Đơn vị đã có số liệu của hành vi này theo căn cứ này trong cùng kỳ."
                ),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="person_sanction_period_ordered",
                violation_error_message=_("Ngày kết thúc kỳ không được trước ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=Q(decisions_count__lte=F("persons_count")),
                name="person_sanction_decisions_within_persons",
                violation_error_message=_("Số quyết định không được lớn hơn số lượt người bị xử phạt."),
            ),
        ]

    def __str__(self) -> str:
        return _("%(act)s — %(unit)s, %(start)s–%(end)s") % {
            "act": self.get_act_display(),
            "unit": self.unit,
            "start": f"{self.period_start:%d/%m/%Y}",
            "end": f"{self.period_end:%d/%m/%Y}",
        }

    def get_absolute_url(self) -> str:
        return reverse("person_sanctions:edit", kwargs={"tally_id": self.pk})
