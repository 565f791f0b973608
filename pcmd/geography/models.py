"""Administrative units before and after the 1 July 2025 reorganisation, and the old → new mapping.

A unit is identified by its era *and* its code: 3,316 of the 3,321 current commune codes were also codes of
(different) legacy communes. `path` orders units within one era; `scope_path` places every unit, legacy ones
included, in the current hierarchy so that jurisdiction scoping is one prefix match.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pcmd.core.models import TimestampedModel

# The two-level local government took effect on this day (Nghị quyết 202/2025/QH15, Luật TCCQĐP 2025).
REORGANISATION_DATE = datetime.date(2025, 7, 1)
LEGACY_LAST_DAY = datetime.date(2025, 6, 30)


class AdminUnitQuerySet(models.QuerySet["AdminUnit"]):
    def current(self) -> AdminUnitQuerySet:
        return self.filter(era=AdminUnit.Era.CURRENT)

    def legacy(self) -> AdminUnitQuerySet:
        return self.filter(era=AdminUnit.Era.LEGACY)

    def valid_on(self, day: datetime.date) -> AdminUnitQuerySet:
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def within_path(self, path: str) -> AdminUnitQuerySet:
        """The unit with this path and every unit below it (same era)."""
        return self.filter(Q(path=path) | Q(path__startswith=f"{path}."))

    def within_scope(self, scope_path: str) -> AdminUnitQuerySet:
        """Every unit, of either era, that lies in the current unit with this path."""
        return self.filter(Q(scope_path=scope_path) | Q(scope_path__startswith=f"{scope_path}."))


class AdminUnit(TimestampedModel):
    class Era(models.TextChoices):
        CURRENT = "current", _("Từ 01/07/2025 (chính quyền hai cấp)")
        LEGACY = "legacy", _("Đến 30/06/2025 (ba cấp)")

    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố")
        DISTRICT = "district", _("Quận, huyện, thị xã")
        COMMUNE = "commune", _("Xã, phường, đặc khu")

    era = models.CharField(_("thời kỳ"), max_length=8, choices=Era.choices)
    level = models.CharField(_("cấp"), max_length=8, choices=Level.choices)
    # Official GSO code: 2 digits for a province, 3 for a legacy district, 5 for a commune.
    code = models.CharField(_("mã"), max_length=5)
    name = models.CharField(_("tên"), max_length=120)
    # "Tỉnh", "Thành phố", "Huyện", "Xã", "Phường", "Đặc khu", ... as the unit is officially styled.
    division_type = models.CharField(_("loại"), max_length=40, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path within the era: "14", "14.04105"; legacy units are prefixed "L": "L14.116.04105".
    path = models.CharField(_("đường dẫn"), max_length=40, unique=True)
    # Path of the current unit this unit lies in (itself for current units; for a legacy commune its default
    # successor commune; for a legacy district or province the current province). Jurisdiction uses this.
    scope_path = models.CharField(_("thuộc phạm vi"), max_length=40, db_index=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    latitude = models.FloatField(_("vĩ độ"), null=True, blank=True)
    longitude = models.FloatField(_("kinh độ"), null=True, blank=True)
    # Derived keys stored for portable search and sort (see pcmd.core.vietnamese).
    name_search = models.CharField(max_length=120, db_index=True, editable=False)
    name_sort = models.CharField(max_length=500, db_index=True, editable=False)

    objects = AdminUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["era", "path"]
        constraints = [
            models.UniqueConstraint(fields=["era", "level", "code"], name="unit_unique_code_per_era_level"),
        ]
        indexes = [models.Index(fields=["era", "level", "name_sort"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_legacy(self) -> bool:
        return self.era == self.Era.LEGACY

    def get_absolute_url(self) -> str:
        name = "geography:legacy-unit-detail" if self.is_legacy else "geography:unit-detail"
        return reverse(name, kwargs={"code": self.code})

    @property
    def ancestor_paths(self) -> list[str]:
        """Paths of the units above this one, top first: "L14.116.04105" → ["L14", "L14.116"]."""
        parts = self.path.split(".")
        return [".".join(parts[:i]) for i in range(1, len(parts))]

    @property
    def province_code(self) -> str:
        return self.path.removeprefix("L").split(".")[0]

    def contains(self, other: AdminUnit) -> bool:
        """True when `other` is this unit or lies below it in the current hierarchy."""
        return other.scope_path == self.scope_path or other.scope_path.startswith(f"{self.scope_path}.")


class UnitSuccession(models.Model):
    """A legacy unit became (all or part of) a current unit on 1 July 2025."""

    legacy_unit = models.ForeignKey(
        AdminUnit, on_delete=models.CASCADE, related_name="successions", verbose_name=_("đơn vị cũ")
    )
    successor = models.ForeignKey(
        AdminUnit, on_delete=models.CASCADE, related_name="predecessions", verbose_name=_("đơn vị mới")
    )
    # A legacy commune split among several new communes: data with no finer location goes to the default one.
    is_default = models.BooleanField(_("đơn vị tiếp nhận mặc định"), default=False)

    class Meta:
        verbose_name = _("sáp nhập đơn vị")
        verbose_name_plural = _("sáp nhập đơn vị")
        ordering = ["legacy_unit_id", "-is_default", "successor_id"]
        constraints = [
            models.UniqueConstraint(fields=["legacy_unit", "successor"], name="succession_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.legacy_unit} → {self.successor}"
