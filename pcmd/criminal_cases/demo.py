"""Demo criminal cases for Sơn La: one at every stage, one judged after a mobile trial, offenders with
invented names, minor victims in the cases under Điều 329 and 151, and links to the demo hotspots and
establishments of the commune when those demos created any. Dates are counted back from today, so the demo
always shows recent work. Idempotent: a case already there (same unit and number) is left as it is."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency, AgencyKind
from pcmd.core.services import today
from pcmd.criminal_cases import services
from pcmd.criminal_cases.models import Article, CaseOffender, CriminalCase, Stage
from pcmd.establishments.models import Establishment
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.models import Hotspot

if TYPE_CHECKING:
    from pcmd.demo.services import DemoReport

PROVINCE_CODE = "14"
R = CaseOffender.Role
M, F = CaseOffender.Sex.MALE, CaseOffender.Sex.FEMALE


@dataclass(frozen=True)
class DemoStage:
    stage: str
    days_ago: int
    agency: str = ""  # "police", "procuracy", "court": the provincial agency taking the step
    decision_number: str = ""
    mobile_trial: bool = False
    note: str = ""


@dataclass(frozen=True)
class DemoCase:
    unit: str  # a commune code, or the province code for a case of the province
    number: str
    article: str
    uncovered_days_ago: int
    summary: str
    victims: int = 0
    minor_victims: int = 0
    # (role, invented full name, birth year, sex)
    offenders: tuple[tuple[str, str, int, str], ...] = ()
    stages: tuple[DemoStage, ...] = ()
    link_local: bool = False  # link the commune's demo hotspot and establishment, if any


CASES: tuple[DemoCase, ...] = (
    DemoCase(
        "03646",
        "01/VA-CSHS",
        Article.ART_327,
        170,
        "Chủ nhà nghỉ bố trí phòng cho nhân viên bán dâm, thu tiền phòng và tiền môi giới.",
        victims=3,
        offenders=(
            (R.OWNER_MANAGER, "Lò Văn Hưởng", 1979, M),
            (R.OWNER_MANAGER, "Cầm Thị Duyên", 1988, F),
        ),
        stages=(
            DemoStage(Stage.PROSECUTED, 160, "police", "15/QĐ-CSĐT"),
            DemoStage(Stage.INDICTED, 100, "procuracy", "08/CT-VKS"),
            DemoStage(
                Stage.TRIED,
                50,
                "court",
                mobile_trial=True,
                note="Xét xử lưu động tại nhà văn hóa tổ 3, phường Tô Hiệu, khoảng 300 người dự.",
            ),
            DemoStage(Stage.JUDGED, 50, "court", "21/2026/HS-ST"),
        ),
        link_local=True,
    ),
    DemoCase(
        "03667",
        "02/VA-CSHS",
        Article.ART_328,
        90,
        "Môi giới mại dâm qua mạng xã hội cho khách tại các nhà nghỉ trên địa bàn.",
        victims=2,
        offenders=((R.BROKER, "Hà Thị Mến", 1994, F),),
        stages=(
            DemoStage(Stage.PROSECUTED, 80, "police", "22/QĐ-CSĐT"),
            DemoStage(Stage.INDICTED, 25, "procuracy", "14/CT-VKS"),
        ),
    ),
    DemoCase(
        "03847",
        "03/VA-CSHS",
        Article.ART_329,
        45,
        "Mua dâm người dưới 18 tuổi tại khu nhà trọ gần chợ.",
        victims=1,
        minor_victims=1,
        offenders=((R.BUYER_OF_MINOR, "Quàng Văn Thắng", 1983, M),),
        stages=(DemoStage(Stage.PROSECUTED, 35, "police", "27/QĐ-CSĐT"),),
        link_local=True,
    ),
    DemoCase(
        PROVINCE_CODE,
        "04/VA-PC02",
        Article.ART_151,
        12,
        "Dụ dỗ hai người dưới 16 tuổi sang bên kia biên giới qua khu vực cửa khẩu Lóng Sập.",
        victims=2,
        minor_victims=2,
        offenders=((R.TRAFFICKER, "Tòng Văn Lực", 1990, M), (R.TRAFFICKER, "Vì Thị Nga", 1992, F)),
    ),
    DemoCase(
        PROVINCE_CODE,
        "05/VA-PC02",
        Article.ART_150,
        260,
        "Đưa phụ nữ đi bán qua biên giới; phối hợp Bộ đội Biên phòng giải cứu nạn nhân.",
        victims=4,
        offenders=((R.TRAFFICKER, "Lường Văn Khánh", 1985, M),),
        stages=(
            DemoStage(Stage.PROSECUTED, 250, "police", "03/QĐ-ANĐT"),
            DemoStage(Stage.INDICTED, 180, "procuracy", "02/CT-VKS"),
            DemoStage(Stage.TRIED, 120, "court", note="Xét xử tại trụ sở Tòa án nhân dân tỉnh."),
        ),
    ),
)


def _provincial_agency(province: AdminUnit, key: str) -> Agency | None:
    kind = {"police": AgencyKind.POLICE, "procuracy": AgencyKind.PROCURACY, "court": AgencyKind.COURT}[key]
    return Agency.objects.filter(unit=province, kind=kind).order_by("id").first()


def _create(spec: DemoCase, *, actor: User, report: DemoReport, unit: AdminUnit, province: AdminUnit) -> None:
    if CriminalCase.objects.filter(unit=unit, number=spec.number).exists():
        return
    police = _provincial_agency(province, "police")
    if police is None:
        return
    day = today()
    hotspots: list[Hotspot] = []
    establishments: list[Establishment] = []
    if spec.link_local:
        hotspot = Hotspot.objects.filter(unit=unit, is_deleted=False).order_by("id").first()
        establishment = Establishment.objects.filter(unit=unit, is_deleted=False).order_by("id").first()
        hotspots = [hotspot] if hotspot else []
        establishments = [establishment] if establishment else []
    case = services.criminal_case_create(
        actor=actor,
        unit=unit,
        agency=police,
        number=spec.number,
        article=spec.article,
        uncovered_on=day - datetime.timedelta(days=spec.uncovered_days_ago),
        summary=spec.summary,
        victims_count=spec.victims,
        minor_victims_count=spec.minor_victims,
        hotspots=hotspots,
        establishments=establishments,
    )
    report.count("criminal_cases")
    for role, full_name, birth_year, sex in spec.offenders:
        services.case_offender_add(
            actor=actor, case=case, role=role, full_name=full_name, birth_year=birth_year, sex=sex
        )
        report.count("criminal_case_offenders")
    for step in spec.stages:
        services.case_stage_record(
            actor=actor,
            case=case,
            stage=step.stage,
            occurred_on=day - datetime.timedelta(days=step.days_ago),
            version=case.version,
            decision_number=step.decision_number,
            agency=_provincial_agency(province, step.agency) if step.agency else None,
            mobile_trial=step.mobile_trial,
            note=step.note,
        )
        report.count("criminal_case_stages")


def load_demo(*, actor: User, report: DemoReport) -> None:
    """Create the demo cases that are missing, through the services, acting as `actor`."""
    province = AdminUnit.objects.current().filter(level=AdminUnit.Level.PROVINCE, code=PROVINCE_CODE).first()
    if province is None:
        return
    communes = {
        unit.code: unit
        for unit in AdminUnit.objects.current().filter(
            level=AdminUnit.Level.COMMUNE, parent=province, code__in={spec.unit for spec in CASES}
        )
    }
    for spec in CASES:
        unit = province if spec.unit == PROVINCE_CODE else communes.get(spec.unit)
        if unit is not None:
            _create(spec, actor=actor, report=report, unit=unit, province=province)
