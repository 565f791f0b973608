"""Users and their memberships: which unit, which agency, which role.

A user may hold several memberships (a Sở Y tế officer who is also a member of the provincial Đội 178); one is
active at a time and decides what they see (pcmd.accounts.scoping).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.capabilities import Role
from pcmd.core.models import TimestampedModel


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username


class Membership(TimestampedModel):
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("người dùng")
    )
    # The unit whose jurisdiction this membership covers (a current-era unit). Empty only for national roles.
    unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("đơn vị"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("cơ quan"),
    )
    # For inspectors: the Đội 178 they belong to (its area is the membership's unit).
    team = models.ForeignKey(
        "agencies.InspectionTeam",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("đội kiểm tra"),
    )
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    is_active = models.BooleanField(_("đang hiệu lực"), default=True)

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        ordering = ["user_id", "id"]
        constraints = [
            # Only a system administrator may hold a membership without a unit (national scope).
            models.CheckConstraint(
                condition=Q(unit__isnull=False) | Q(role=Role.SYSTEM_ADMIN),
                name="membership_unit_required_except_admin",
            ),
        ]

    def __str__(self) -> str:
        if self.agency is not None:
            where = self.agency.name
        elif self.unit is not None:
            where = self.unit.name
        else:
            where = str(_("Toàn quốc"))
        return f"{self.get_role_display()} — {where}"
