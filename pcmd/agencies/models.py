"""Agencies attached to administrative units, the focal agency over time, and the Đội 178 teams."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from pcmd.core.models import TimestampedModel


class AgencyKind(models.TextChoices):
    PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân"
    PEOPLES_COUNCIL_OFFICE = "council_office", "Văn phòng HĐND - UBND"
    STEERING_COMMITTEE = "steering_committee", "Ban Chỉ đạo (138, phòng chống tội phạm...)"
    LABOUR_SOCIAL = "labour_social", "Lao động - Thương binh và Xã hội"
    HEALTH = "health", "Y tế (Sở, Phòng, Trung tâm Y tế)"
    POLICE = "police", "Công an"
    BORDER_GUARD = "border_guard", "Bộ đội Biên phòng"
    MILITARY = "military", "Quân sự"
    CULTURE_SPORTS_TOURISM = "culture", "Văn hóa - Thể thao - Du lịch"
    INFORMATION_COMMUNICATIONS = "information", "Thông tin - Truyền thông"
    EDUCATION = "education", "Giáo dục - Đào tạo"
    JUSTICE = "justice", "Tư pháp"
    FINANCE = "finance", "Tài chính"
    HOME_AFFAIRS = "home_affairs", "Nội vụ"
    SCIENCE_TECHNOLOGY = "science", "Khoa học và Công nghệ"
    INDUSTRY_TRADE = "industry_trade", "Công Thương"
    PLANNING_INVESTMENT = "planning", "Kế hoạch và Đầu tư"
    ETHNIC_AFFAIRS = "ethnic_affairs", "Dân tộc và Tôn giáo"
    CUSTOMS = "customs", "Hải quan"
    PROCURACY = "procuracy", "Viện Kiểm sát nhân dân"
    COURT = "court", "Tòa án nhân dân"
    PRESS_MEDIA = "press", "Báo chí, Đài Phát thanh - Truyền hình"
    FATHERLAND_FRONT = "fatherland_front", "Ủy ban Mặt trận Tổ quốc"
    WOMENS_UNION = "womens_union", "Hội Liên hiệp Phụ nữ"
    YOUTH_UNION = "youth_union", "Đoàn Thanh niên"
    FARMERS_UNION = "farmers_union", "Hội Nông dân"
    VETERANS_ASSOCIATION = "veterans", "Hội Cựu chiến binh"
    LABOUR_FEDERATION = "labour_federation", "Liên đoàn Lao động"
    SOCIAL_PROTECTION_CENTRE = "social_centre", "Cơ sở trợ giúp xã hội, cai nghiện"
    OTHER = "other", "Khác"


class Agency(TimestampedModel):
    unit = models.ForeignKey(
        "geography.AdminUnit", on_delete=models.PROTECT, related_name="agencies", verbose_name="đơn vị hành chính"
    )
    kind = models.CharField("loại cơ quan", max_length=32, choices=AgencyKind.choices)
    name = models.CharField("tên cơ quan", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=60, blank=True)
    # Agencies are rarely deleted: a merged or renamed agency is closed with a date and a new one opened.
    valid_from = models.DateField("hoạt động từ", null=True, blank=True)
    valid_to = models.DateField("hoạt động đến", null=True, blank=True)
    name_search = models.CharField(max_length=255, db_index=True, editable=False, default="")
    name_sort = models.CharField(max_length=1000, editable=False, default="")

    class Meta:
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"
        ordering = ["unit_id", "name_sort"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="agency_unique_name_per_unit"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="agency_valid_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class FocalAgencyAssignment(TimestampedModel):
    """Which agency is the unit's focal agency (cơ quan thường trực) for PCMD during a period.

    Sở LĐ-TB&XH until 28/02/2025, Sở Y tế from 01/03/2025 (Nghị định 42/2025) — kept as dated rows, never
    overwritten, so a 2022 report is still addressed to the agency of its time.
    """

    unit = models.ForeignKey(
        "geography.AdminUnit", on_delete=models.PROTECT, related_name="focal_assignments",
        verbose_name="đơn vị hành chính",
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="focal_assignments",
                               verbose_name="cơ quan thường trực")
    valid_from = models.DateField("từ ngày", null=True, blank=True)
    valid_to = models.DateField("đến ngày", null=True, blank=True)
    legal_basis = models.CharField("căn cứ", max_length=255, blank=True)

    class Meta:
        verbose_name = "cơ quan thường trực"
        verbose_name_plural = "cơ quan thường trực"
        ordering = ["unit_id", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="focal_valid_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.agency}"


class InspectionTeam(TimestampedModel):
    """Đội kiểm tra liên ngành 178 (Nghị định 178/2004, Thông tư 05/2006) of a province or commune."""

    unit = models.ForeignKey(
        "geography.AdminUnit", on_delete=models.PROTECT, related_name="inspection_teams",
        verbose_name="địa bàn",
    )
    name = models.CharField("tên đội", max_length=255)
    # The agency that chairs the team (usually the focal agency).
    lead_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="led_teams", verbose_name="cơ quan chủ trì"
    )
    established_by = models.CharField("quyết định thành lập", max_length=255, blank=True)
    established_on = models.DateField("ngày thành lập", null=True, blank=True)
    dissolved_on = models.DateField("ngày giải thể", null=True, blank=True)

    class Meta:
        verbose_name = "đội kiểm tra liên ngành"
        verbose_name_plural = "đội kiểm tra liên ngành"
        ordering = ["unit_id", "name"]

    def __str__(self) -> str:
        return self.name


class TeamMember(TimestampedModel):
    class TeamRole(models.TextChoices):
        LEADER = "leader", "Đội trưởng"
        DEPUTY = "deputy", "Đội phó"
        MEMBER = "member", "Thành viên"

    team = models.ForeignKey(InspectionTeam, on_delete=models.CASCADE, related_name="members", verbose_name="đội")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="team_members",
                               verbose_name="cơ quan cử")
    full_name = models.CharField("họ và tên", max_length=150)
    position = models.CharField("chức vụ", max_length=150, blank=True)
    team_role = models.CharField("vai trò trong đội", max_length=10, choices=TeamRole.choices,
                                 default=TeamRole.MEMBER)
    # A member who uses PCMD (to record inspections on a phone) is linked to their account.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="team_memberships", verbose_name="tài khoản")
    joined_on = models.DateField("tham gia từ", null=True, blank=True)
    left_on = models.DateField("rời đội", null=True, blank=True)

    class Meta:
        verbose_name = "thành viên đội"
        verbose_name_plural = "thành viên đội"
        ordering = ["team_id", "team_role", "full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.team})"
