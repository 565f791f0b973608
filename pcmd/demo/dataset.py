"""The demo data, written down as data: Sơn La (the 2026 seed plan) and one officer of Lai Châu.

Agency names follow the Sơn La plan "Phòng, chống mại dâm trên địa bàn năm 2026" (section V and "Nơi nhận");
unit codes are the official ones (vietnam-provinces, Quyết định 19/2025/QĐ-TTg). People are invented. Later
issues add their own demo records next to these.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pcmd.accounts.capabilities import Role
from pcmd.agencies.models import AgencyKind, TeamMember

K = AgencyKind
D = datetime.date

PROVINCE_CODE = "14"  # Tỉnh Sơn La
OTHER_PROVINCE_CODE = "12"  # Tỉnh Lai Châu

# Focal agency hand-over (Nghị định 42/2025/NĐ-CP: state management of PCMD moved to the health sector).
LABOUR_LAST_DAY = D(2025, 2, 28)
HEALTH_FIRST_DAY = D(2025, 3, 1)
FOCAL_LEGAL_BASIS = "Nghị định số 42/2025/NĐ-CP"


@dataclass(frozen=True)
class AgencySpec:
    key: str
    kind: str
    name: str
    short_name: str = ""
    valid_to: datetime.date | None = None


@dataclass(frozen=True)
class CommuneSpec:
    code: str
    name: str  # as in vietnam-provinces ("Phường Tô Hiệu")

    @property
    def styled(self) -> str:
        """ "phường Tô Hiệu": the unit's name as it follows an agency's name."""
        division, _, rest = self.name.partition(" ")
        return f"{division.lower()} {rest}"


@dataclass(frozen=True)
class MemberSpec:
    agency_key: str
    full_name: str
    position: str
    team_role: str = TeamMember.TeamRole.MEMBER
    username: str = ""  # linked to a demo account


@dataclass(frozen=True)
class TeamSpec:
    key: str
    unit: str  # "province" or a commune code
    name: str
    lead_key: str
    established_on: datetime.date | None
    members: tuple[MemberSpec, ...]


@dataclass(frozen=True)
class MembershipSpec:
    role: str
    unit: str | None  # "province", "other_province", a commune code, or None (national)
    agency_key: str | None = None
    team_key: str | None = None


@dataclass(frozen=True)
class AccountSpec:
    username: str
    full_name: str
    position: str
    memberships: tuple[MembershipSpec, ...]
    is_superuser: bool = False


PROVINCIAL_AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec("ubnd", K.PEOPLES_COMMITTEE, "Ủy ban nhân dân tỉnh Sơn La", "UBND tỉnh"),
    AgencySpec(
        "bcd",
        K.STEERING_COMMITTEE,
        "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh "
        "Tổ quốc tỉnh Sơn La",
        "Ban Chỉ đạo 138 tỉnh",
    ),
    AgencySpec("health", K.HEALTH, "Sở Y tế tỉnh Sơn La", "Sở Y tế"),
    AgencySpec(
        "labour",
        K.LABOUR_SOCIAL,
        "Sở Lao động - Thương binh và Xã hội tỉnh Sơn La",
        "Sở LĐ-TB&XH",
        valid_to=LABOUR_LAST_DAY,
    ),
    AgencySpec("police", K.POLICE, "Công an tỉnh Sơn La", "Công an tỉnh"),
    AgencySpec("border", K.BORDER_GUARD, "Ban Chỉ huy Bộ đội Biên phòng tỉnh Sơn La", "BCH BĐBP tỉnh"),
    AgencySpec(
        "culture", K.CULTURE_SPORTS_TOURISM, "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La", "Sở VH-TT-DL"
    ),
    AgencySpec("education", K.EDUCATION, "Sở Giáo dục và Đào tạo tỉnh Sơn La", "Sở GD-ĐT"),
    AgencySpec("justice", K.JUSTICE, "Sở Tư pháp tỉnh Sơn La", "Sở Tư pháp"),
    AgencySpec("finance", K.FINANCE, "Sở Tài chính tỉnh Sơn La", "Sở Tài chính"),
    AgencySpec("home", K.HOME_AFFAIRS, "Sở Nội vụ tỉnh Sơn La", "Sở Nội vụ"),
    AgencySpec("science", K.SCIENCE_TECHNOLOGY, "Sở Khoa học và Công nghệ tỉnh Sơn La", "Sở KH&CN"),
    AgencySpec("customs", K.CUSTOMS, "Hải quan Sơn La"),
    AgencySpec("customs_gate", K.CUSTOMS, "Hải quan cửa khẩu quốc tế Lóng Sập"),
    AgencySpec("press", K.PRESS_MEDIA, "Báo và Phát thanh, Truyền hình Sơn La"),
    AgencySpec("procuracy", K.PROCURACY, "Viện Kiểm sát nhân dân tỉnh Sơn La", "VKSND tỉnh"),
    AgencySpec("court", K.COURT, "Tòa án nhân dân tỉnh Sơn La", "TAND tỉnh"),
    AgencySpec(
        "front", K.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La", "Ủy ban MTTQ tỉnh"
    ),
    AgencySpec("women", K.WOMENS_UNION, "Hội Liên hiệp Phụ nữ tỉnh Sơn La", "Hội LHPN tỉnh"),
    AgencySpec("youth", K.YOUTH_UNION, "Tỉnh Đoàn Sơn La", "Tỉnh Đoàn"),
)

COMMUNES: tuple[CommuneSpec, ...] = (
    CommuneSpec("03646", "Phường Tô Hiệu"),
    CommuneSpec("03667", "Phường Chiềng An"),
    CommuneSpec("03847", "Xã Mường Bú"),
    CommuneSpec("04045", "Xã Lóng Sập"),
)
COMMUNE_TO_HIEU, COMMUNE_MUONG_BU = "03646", "03847"


def commune_agencies(commune: CommuneSpec) -> tuple[AgencySpec, ...]:
    """Every demo commune has its People's Committee, police and culture-social office."""
    return (
        AgencySpec(f"ubnd:{commune.code}", K.PEOPLES_COMMITTEE, f"Ủy ban nhân dân {commune.styled}"),
        AgencySpec(f"police:{commune.code}", K.POLICE, f"Công an {commune.styled}"),
        AgencySpec(
            f"vhxh:{commune.code}", K.CULTURE_SOCIAL_OFFICE, f"Phòng Văn hóa - Xã hội {commune.styled}"
        ),
    )


OTHER_PROVINCE_AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec("other:health", K.HEALTH, "Sở Y tế tỉnh Lai Châu", "Sở Y tế"),
    AgencySpec("other:police", K.POLICE, "Công an tỉnh Lai Châu", "Công an tỉnh"),
)

TEAMS: tuple[TeamSpec, ...] = (
    TeamSpec(
        "province_team",
        "province",
        "Đội kiểm tra liên ngành 178 tỉnh Sơn La",
        "health",
        D(2025, 3, 15),
        (
            MemberSpec(
                "health", "Lò Thị Hương", "Phó Giám đốc Sở Y tế", TeamMember.TeamRole.LEADER, "demo.tinh"
            ),
            MemberSpec(
                "police",
                "Lường Văn Dũng",
                "Phó Trưởng phòng Cảnh sát quản lý hành chính về trật tự xã hội",
                TeamMember.TeamRole.DEPUTY,
                "demo.congan",
            ),
            MemberSpec(
                "culture",
                "Hà Văn Thắng",
                "Thanh tra viên Sở Văn hóa, Thể thao và Du lịch",
                TeamMember.TeamRole.MEMBER,
                "demo.thanhtra",
            ),
            MemberSpec("health", "Cầm Thị Ngọc", "Chuyên viên phòng Bảo trợ xã hội"),
        ),
    ),
    TeamSpec(
        "commune_team",
        COMMUNE_TO_HIEU,
        "Đội kiểm tra liên ngành 178 phường Tô Hiệu",
        f"vhxh:{COMMUNE_TO_HIEU}",
        D(2025, 8, 1),
        (
            MemberSpec(
                f"ubnd:{COMMUNE_TO_HIEU}",
                "Cầm Văn Tuấn",
                "Phó Chủ tịch Ủy ban nhân dân phường",
                TeamMember.TeamRole.LEADER,
                "demo.xa",
            ),
            MemberSpec(
                f"police:{COMMUNE_TO_HIEU}",
                "Quàng Văn Hải",
                "Phó Trưởng Công an phường",
                TeamMember.TeamRole.DEPUTY,
            ),
            MemberSpec(f"vhxh:{COMMUNE_TO_HIEU}", "Lò Thị Thu", "Công chức Phòng Văn hóa - Xã hội"),
        ),
    ),
)

ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec(
        "demo.admin",
        "Nguyễn Minh Quân",
        "Quản trị hệ thống",
        (MembershipSpec(Role.SYSTEM_ADMIN, None),),
        is_superuser=True,
    ),
    AccountSpec(
        "demo.tinh",
        "Lò Thị Hương",
        "Phó Giám đốc Sở Y tế",
        (
            MembershipSpec(Role.PROVINCIAL_COORDINATOR, "province", "health"),
            # A second membership, to show switching: she also leads the provincial Đội 178.
            MembershipSpec(Role.INSPECTOR, "province", "health", "province_team"),
        ),
    ),
    AccountSpec(
        "demo.xa",
        "Cầm Văn Tuấn",
        "Phó Chủ tịch Ủy ban nhân dân phường Tô Hiệu",
        (MembershipSpec(Role.COMMUNE_OFFICER, COMMUNE_TO_HIEU, f"ubnd:{COMMUNE_TO_HIEU}"),),
    ),
    AccountSpec(
        "demo.xa2",
        "Quàng Thị Mai",
        "Công chức Văn hóa - Xã hội xã Mường Bú",
        (MembershipSpec(Role.COMMUNE_OFFICER, COMMUNE_MUONG_BU, f"ubnd:{COMMUNE_MUONG_BU}"),),
    ),
    AccountSpec(
        "demo.thanhtra",
        "Hà Văn Thắng",
        "Thanh tra viên Sở Văn hóa, Thể thao và Du lịch",
        (MembershipSpec(Role.INSPECTOR, "province", "culture", "province_team"),),
    ),
    AccountSpec(
        "demo.congan",
        "Lường Văn Dũng",
        "Cán bộ Công an tỉnh",
        (MembershipSpec(Role.POLICE_OFFICER, "province", "police"),),
    ),
    AccountSpec(
        "demo.ctxh", "Tòng Thị Lan", "Cán bộ công tác xã hội", (MembershipSpec(Role.CASE_WORKER, "province"),)
    ),
    AccountSpec(
        "demo.lanhdao",
        "Đinh Văn Hùng",
        "Lãnh đạo Ủy ban nhân dân tỉnh",
        (MembershipSpec(Role.LEADER, "province", "ubnd"),),
    ),
    AccountSpec(
        "demo.tinhkhac",
        "Vàng Thị Dung",
        "Chuyên viên Sở Y tế tỉnh Lai Châu",
        (MembershipSpec(Role.PROVINCIAL_COORDINATOR, "other_province", "other:health"),),
    ),
)
