"""Agencies attached to administrative units, the focal agency over time, and the Đội 178 teams."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pcmd.agencies.querysets import AgencyQuerySet, InspectionTeamQuerySet
from pcmd.core.models import TimestampedModel, VersionedModel


class AgencyKind(models.TextChoices):
    PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
    PEOPLES_COUNCIL_OFFICE = "council_office", _("Văn phòng HĐND - UBND")
    STEERING_COMMITTEE = "steering_committee", _("Ban Chỉ đạo (138, phòng chống tội phạm...)")
    LABOUR_SOCIAL = "labour_social", _("Lao động - Thương binh và Xã hội")
    HEALTH = "health", _("Y tế (Sở, Phòng, Trung tâm Y tế)")
    POLICE = "police", _("Công an")
    BORDER_GUARD = "border_guard", _("Bộ đội Biên phòng")
    MILITARY = "military", _("Quân sự")
    CULTURE_SPORTS_TOURISM = "culture", _("Văn hóa - Thể thao - Du lịch")
    INFORMATION_COMMUNICATIONS = "information", _("Thông tin - Truyền thông")
    EDUCATION = "education", _("Giáo dục - Đào tạo")
    JUSTICE = "justice", _("Tư pháp")
    FINANCE = "finance", _("Tài chính")
    HOME_AFFAIRS = "home_affairs", _("Nội vụ")
    SCIENCE_TECHNOLOGY = "science", _("Khoa học và Công nghệ")
    INDUSTRY_TRADE = "industry_trade", _("Công Thương")
    PLANNING_INVESTMENT = "planning", _("Kế hoạch và Đầu tư")
    ETHNIC_AFFAIRS = "ethnic_affairs", _("Dân tộc và Tôn giáo")
    CUSTOMS = "customs", _("Hải quan")
    PROCURACY = "procuracy", _("Viện Kiểm sát nhân dân")
    COURT = "court", _("Tòa án nhân dân")
    PRESS_MEDIA = "press", _("Báo chí, Đài Phát thanh - Truyền hình")
    FATHERLAND_FRONT = "fatherland_front", _("Ủy ban Mặt trận Tổ quốc")
    WOMENS_UNION = "womens_union", _("Hội Liên hiệp Phụ nữ")
    YOUTH_UNION = "youth_union", _("Đoàn Thanh niên")
    FARMERS_UNION = "farmers_union", _("Hội Nông dân")
    VETERANS_ASSOCIATION = "veterans", _("Hội Cựu chiến binh")
    LABOUR_FEDERATION = "labour_federation", _("Liên đoàn Lao động")
    SOCIAL_PROTECTION_CENTRE = "social_centre", _("Cơ sở trợ giúp xã hội, cai nghiện")
    # The commune office that took over culture, health and labour work on 1 July 2025 (two-level government).
    CULTURE_SOCIAL_OFFICE = "culture_social", _("Phòng Văn hóa - Xã hội (cấp xã)")
    # Named in the Sơn La and Gia Lai plans as the commune's outreach arm.
    SOCIAL_WORK_VOLUNTEERS = "social_work_team", _("Đội công tác xã hội tình nguyện")
    OTHER = "other", _("Khác")


class Agency(VersionedModel):
    unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="agencies",
        verbose_name=_("đơn vị hành chính"),
    )
    kind = models.CharField(_("loại cơ quan"), max_length=32, choices=AgencyKind.choices)
    name = models.CharField(_("tên cơ quan"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    # Agencies are rarely deleted: a merged or renamed agency is closed with a date and a new one opened.
    valid_from = models.DateField(_("hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến"), null=True, blank=True)
    name_search = models.CharField(max_length=255, db_index=True, editable=False, default="")
    name_sort = models.CharField(max_length=1000, editable=False, default="")

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["unit_id", "name_sort"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="agency_unique_name_per_unit",
                violation_error_message=_("Đơn vị hành chính này đã có cơ quan cùng tên."),
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="agency_valid_period_ordered",
                violation_error_message=_("Ngày kết thúc hoạt động không được trước ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("agencies:agency-detail", kwargs={"agency_id": self.pk})

    def is_active_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class FocalAgencyAssignment(TimestampedModel):
    """Which agency is the unit's focal agency (cơ quan thường trực) for PCMD during a period.

    Sở LĐ-TB&XH until 28/02/2025, Sở Y tế from 01/03/2025 (Nghị định 42/2025) — kept as dated rows, never
    overwritten, so a 2022 report is still addressed to the agency of its time. Periods of one unit never
    overlap (checked by pcmd.agencies.services.focal_agency_assign: no portable DB constraint expresses it).
    """

    unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="focal_assignments",
        verbose_name=_("đơn vị hành chính"),
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="focal_assignments",
        verbose_name=_("cơ quan thường trực"),
    )
    # Empty valid_from: since before PCMD's records; empty valid_to: until further notice.
    valid_from = models.DateField(_("từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("cơ quan thường trực")
        verbose_name_plural = _("cơ quan thường trực")
        ordering = ["unit_id", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="focal_valid_period_ordered",
                violation_error_message=_("Ngày kết thúc không được trước ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.agency}"

    def covers(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class InspectionTeam(VersionedModel):
    """Đội kiểm tra liên ngành 178 (Nghị định 178/2004, Thông tư 05/2006) of a province or commune."""

    unit = models.ForeignKey(
        "geography.AdminUnit",
        on_delete=models.PROTECT,
        related_name="inspection_teams",
        verbose_name=_("địa bàn"),
    )
    name = models.CharField(_("tên đội"), max_length=255)
    # The agency that chairs the team (usually the focal agency); of the team's unit or a unit above it.
    lead_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="led_teams", verbose_name=_("cơ quan chủ trì")
    )
    established_by = models.CharField(_("quyết định thành lập"), max_length=255, blank=True)
    established_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    dissolved_on = models.DateField(_("ngày giải thể"), null=True, blank=True)
    name_search = models.CharField(max_length=255, db_index=True, editable=False, default="")
    name_sort = models.CharField(max_length=1000, editable=False, default="")

    objects = InspectionTeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("đội kiểm tra liên ngành")
        verbose_name_plural = _("đội kiểm tra liên ngành")
        ordering = ["unit_id", "name_sort"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="team_unique_name_per_unit",
                violation_error_message=_("Địa bàn này đã có đội kiểm tra cùng tên."),
            ),
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(established_on__isnull=True)
                | Q(dissolved_on__gte=F("established_on")),
                name="team_dissolved_after_established",
                violation_error_message=_("Ngày giải thể không được trước ngày thành lập."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("agencies:team-detail", kwargs={"team_id": self.pk})

    def is_active_on(self, day: datetime.date) -> bool:
        return (self.established_on is None or self.established_on <= day) and (
            self.dissolved_on is None or day < self.dissolved_on
        )


class TeamMember(TimestampedModel):
    class TeamRole(models.TextChoices):
        LEADER = "leader", _("Đội trưởng")
        DEPUTY = "deputy", _("Đội phó")
        MEMBER = "member", _("Thành viên")

    team = models.ForeignKey(
        InspectionTeam, on_delete=models.CASCADE, related_name="members", verbose_name=_("đội")
    )
    # The agency that sends the member: of the team's unit or a unit above it (a provincial police officer
    # may sit on a commune team).
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="team_members", verbose_name=_("cơ quan cử")
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    team_role = models.CharField(
        _("vai trò trong đội"), max_length=10, choices=TeamRole.choices, default=TeamRole.MEMBER
    )
    # A member who uses PCMD (to record inspections on a phone) is linked to their account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team_memberships",
        verbose_name=_("tài khoản"),
    )
    joined_on = models.DateField(_("tham gia từ"), null=True, blank=True)
    # Set when the member leaves: the row stays, so past inspections still name their members.
    left_on = models.DateField(_("rời đội"), null=True, blank=True)

    class Meta:
        verbose_name = _("thành viên đội")
        verbose_name_plural = _("thành viên đội")
        ordering = ["team_id", "team_role", "full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(joined_on__isnull=True)
                | Q(left_on__gte=F("joined_on")),
                name="team_member_left_after_joined",
                violation_error_message=_("Ngày rời đội không được trước ngày tham gia."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.team})"

    def has_left_by(self, day: datetime.date) -> bool:
        """Left the team on or before the day (a member appointed for a future date is not "left")."""
        return self.left_on is not None and self.left_on <= day
