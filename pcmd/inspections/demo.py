"""Demo inspections for Sơn La in 2026: the plans of the provincial and Tô Hiệu teams, inspections of demo
establishments with their checklists, violations, sanction decisions (one suspending a karaoke, one unpaid)
and follow-ups (one done, one overdue, one pending).

The seeded legal table has only the confirmed Nghị định 282/2025 Điều 32 (buying sex). The acts an
establishment commits are therefore cited from a **demo document** whose number, title and every act say
they are demo data, never real law. Establishments come from pcmd.establishments.demo: an inspection whose
establishment (or team, or agency) is missing is skipped. Idempotent: records are matched by the team's
minutes number, the violation's act, the agency's decision number and the follow-up's due date; everything
is created through the services, acting as the given actor (the demo administrator).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import timezone

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency, InspectionTeam
from pcmd.core.services import today
from pcmd.establishments.models import Establishment
from pcmd.inspections import selectors, services
from pcmd.inspections.models import (
    ChecklistItem,
    FollowUp,
    Inspection,
    InspectionMode,
    InspectionPlan,
    SanctionDecision,
    Violation,
)
from pcmd.legal import services as legal_services
from pcmd.legal.models import LegalDocument, LegalProvision

if TYPE_CHECKING:
    from pcmd.demo.services import DemoReport

D = datetime.date
YEAR = 2026
PROVINCE_TEAM = ("14", "Đội kiểm tra liên ngành 178 tỉnh Sơn La")
COMMUNE_TEAM = ("03646", "Đội kiểm tra liên ngành 178 phường Tô Hiệu")
TO_HIEU, CHIENG_AN, MUONG_BU, LONG_SAP = "03646", "03667", "03847", "04045"
ANNOUNCED, UNANNOUNCED = InspectionMode.ANNOUNCED, InspectionMode.UNANNOUNCED

DEMO_DOCUMENT = "TRÌNH-DIỄN/2026"
DEMO_TITLE = "DỮ LIỆU TRÌNH DIỄN — không phải văn bản pháp luật, không dùng để xử phạt thật"
DEMO_NOTE = (
    "Văn bản giả lập để trình diễn phần mềm. Các hành vi và mức phạt dưới đây là dữ liệu minh họa; "
    "quản trị viên nhập căn cứ xử phạt thật theo văn bản gốc."
)
REAL_ARTICLE_32 = ("282/2025/NĐ-CP", "Mua dâm")


@dataclass(frozen=True)
class DemoProvision:
    key: str
    act: str
    fine_min: int
    fine_max: int


DEMO_PROVISIONS: tuple[DemoProvision, ...] = (
    DemoProvision(
        "D1", "[Trình diễn] Kinh doanh dịch vụ karaoke khi giấy phép đã hết hạn", 10_000_000, 15_000_000
    ),
    DemoProvision("D2", "[Trình diễn] Hoạt động kinh doanh quá giờ quy định", 5_000_000, 10_000_000),
    DemoProvision(
        "D3", "[Trình diễn] Sử dụng người lao động không có hợp đồng lao động", 5_000_000, 10_000_000
    ),
    DemoProvision(
        "D4", "[Trình diễn] Không tổ chức khám sức khỏe định kỳ cho người lao động", 3_000_000, 5_000_000
    ),
)


@dataclass(frozen=True)
class DemoPlan:
    team: tuple[str, str]
    announced_quota: int
    unannounced_quota: int
    # (commune, establishment name, mode, planned month)
    entries: tuple[tuple[str, str, str, int], ...]


PLANS: tuple[DemoPlan, ...] = (
    DemoPlan(
        PROVINCE_TEAM,
        20,
        40,
        (
            (TO_HIEU, "Karaoke Ánh Dương", UNANNOUNCED, 3),
            (TO_HIEU, "Khách sạn Hoa Ban Trắng", ANNOUNCED, 4),
            (CHIENG_AN, "Karaoke Hoa Sơn", UNANNOUNCED, 5),
            (MUONG_BU, "Nhà nghỉ Mường Bú", ANNOUNCED, 6),
            (CHIENG_AN, "Xông hơi Thảo Dược Chiềng An", UNANNOUNCED, 9),
            (LONG_SAP, "Karaoke Biên Cương", UNANNOUNCED, 10),
            (LONG_SAP, "Massage chân Cửa Khẩu", UNANNOUNCED, 11),
        ),
    ),
    DemoPlan(
        COMMUNE_TEAM,
        5,
        10,
        (
            (TO_HIEU, "Nhà nghỉ Bình An", ANNOUNCED, 8),
            (TO_HIEU, "Quán bar Đêm Xanh", UNANNOUNCED, 7),
            (TO_HIEU, "Spa Hương Sen", UNANNOUNCED, 12),
        ),
    ),
)


@dataclass(frozen=True)
class DemoDecision:
    agency: tuple[str, str]  # (unit code, agency name)
    number: str
    decided_on: datetime.date
    authority: str
    fine: int
    suspension_months: int | None = None
    paid_on: datetime.date | None = None
    remedy_measures: str = ""
    remedy_deadline: datetime.date | None = None


@dataclass(frozen=True)
class DemoFollowUp:
    due_on: datetime.date
    done_on: datetime.date | None = None
    result: str = ""


@dataclass(frozen=True)
class DemoViolation:
    provision: str  # a DEMO_PROVISIONS key, or "A32" for Nghị định 282/2025 Điều 32
    act: str
    persons: int = 1
    decision: DemoDecision | None = None
    follow_up: DemoFollowUp | None = None


@dataclass(frozen=True)
class DemoInspection:
    team: tuple[str, str]
    commune: str
    establishment: str
    mode: str
    day: datetime.date
    start: tuple[int, int]
    end: tuple[int, int]
    minutes_number: str
    # (name, role) of whoever signs for the establishment; an empty name stands for the registered owner.
    representative: tuple[str, str]
    # checklist item code → (outcome, note)
    checklist: dict[str, tuple[str, str]]
    findings: str
    violations: tuple[DemoViolation, ...] = field(default_factory=tuple)


POLICE = ("14", "Công an tỉnh Sơn La")
UBND_TO_HIEU = (TO_HIEU, "Ủy ban nhân dân phường Tô Hiệu")
ALL_OK = {
    code: ("ok", "") for code in ("luat-pcmd", "dieu-kien-antt", "van-hoa-thong-tin", "hop-dong-lao-dong")
}

INSPECTIONS: tuple[DemoInspection, ...] = (
    DemoInspection(
        PROVINCE_TEAM,
        TO_HIEU,
        "Karaoke Ánh Dương",
        UNANNOUNCED,
        D(YEAR, 3, 14),
        (22, 15),
        (23, 30),
        "01/BB-ĐKTLN",
        ("Hoàng Văn Dũng", "Chủ cơ sở"),
        {
            "luat-pcmd": ("ok", ""),
            "dieu-kien-antt": ("ok", ""),
            "van-hoa-thong-tin": ("not_ok", "Giấy phép kinh doanh karaoke hết hạn từ 01/03/2024"),
            "hop-dong-lao-dong": ("ok", ""),
            "kham-suc-khoe": ("ok", "Đợt khám gần nhất 05/10/2024"),
        },
        "Cơ sở vẫn kinh doanh karaoke khi giấy phép đã hết hạn. Không phát hiện hoạt động mại dâm.",
        (
            DemoViolation(
                "D1",
                "Kinh doanh karaoke khi giấy phép số 12/GP-SVHTTDL đã hết hạn",
                decision=DemoDecision(
                    UBND_TO_HIEU,
                    "15/QĐ-XPHC",
                    D(YEAR, 3, 20),
                    "Chủ tịch Ủy ban nhân dân phường Tô Hiệu",
                    12_000_000,
                    suspension_months=3,
                    paid_on=D(YEAR, 3, 30),
                    remedy_measures="Làm thủ tục cấp lại giấy phép karaoke trước khi hoạt động lại.",
                    remedy_deadline=D(YEAR, 6, 20),
                ),
                follow_up=DemoFollowUp(
                    D(YEAR, 6, 25),
                    D(YEAR, 6, 23),
                    "Cơ sở đã được cấp lại giấy phép, chấp hành thời gian hoạt động.",
                ),
            ),
        ),
    ),
    DemoInspection(
        PROVINCE_TEAM,
        TO_HIEU,
        "Khách sạn Hoa Ban Trắng",
        ANNOUNCED,
        D(YEAR, 4, 8),
        (9, 0),
        (10, 30),
        "02/BB-ĐKTLN",
        ("Lò Văn Thành", "Chủ cơ sở"),
        {**ALL_OK, "kham-suc-khoe": ("ok", ""), "cam-ket": ("ok", "")},
        "Cơ sở chấp hành tốt các quy định; sổ theo dõi lưu trú ghi đầy đủ.",
    ),
    DemoInspection(
        PROVINCE_TEAM,
        CHIENG_AN,
        "Karaoke Hoa Sơn",
        UNANNOUNCED,
        D(YEAR, 5, 23),
        (23, 0),
        (23, 50),
        "03/BB-ĐKTLN",
        ("Trần Văn Sơn", "Quản lý ca"),
        {
            "luat-pcmd": ("not_ok", "Phát hiện 2 khách mua dâm tại phòng số 5"),
            "dieu-kien-antt": ("ok", ""),
            "van-hoa-thong-tin": ("ok", ""),
            "hop-dong-lao-dong": ("not_ok", "3 nhân viên phục vụ chưa có hợp đồng lao động"),
        },
        "Phát hiện 2 khách có hành vi mua dâm; 3 nhân viên phục vụ chưa ký hợp đồng lao động.",
        (
            DemoViolation(
                "D3",
                "Sử dụng 3 nhân viên phục vụ không có hợp đồng lao động",
                decision=DemoDecision(
                    POLICE,
                    "42/QĐ-XPHC",
                    D(YEAR, 5, 29),
                    "Giám đốc Công an tỉnh Sơn La",
                    6_000_000,
                    remedy_measures="Ký hợp đồng lao động với người lao động.",
                    remedy_deadline=D(YEAR, 6, 28),
                ),
                follow_up=DemoFollowUp(D(YEAR, 6, 30)),
            ),
            DemoViolation(
                "A32",
                "Khách hàng mua dâm tại phòng hát của cơ sở",
                persons=2,
                decision=DemoDecision(
                    POLICE,
                    "43/QĐ-XPHC",
                    D(YEAR, 5, 29),
                    "Giám đốc Công an tỉnh Sơn La",
                    1_500_000,
                    paid_on=D(YEAR, 6, 5),
                ),
            ),
        ),
    ),
    DemoInspection(
        COMMUNE_TEAM,
        TO_HIEU,
        "Quán bar Đêm Xanh",
        UNANNOUNCED,
        D(YEAR, 7, 19),
        (22, 30),
        (23, 15),
        "01/BB-ĐKT",
        ("Phạm Thị Xuân", "Quản lý"),
        {**ALL_OK, "van-hoa-thong-tin": ("not_ok", "Còn phục vụ khách lúc 22 giờ 50")},
        "Cơ sở hoạt động quá giờ quy định.",
        (
            DemoViolation(
                "D2",
                "Hoạt động kinh doanh quá giờ quy định",
                follow_up=DemoFollowUp(D(YEAR, 12, 31)),
            ),
        ),
    ),
    DemoInspection(
        PROVINCE_TEAM,
        MUONG_BU,
        "Nhà nghỉ Mường Bú",
        ANNOUNCED,
        D(YEAR, 9, 10),
        (8, 30),
        (9, 45),
        "04/BB-ĐKTLN",
        ("", "Chủ cơ sở"),
        {**ALL_OK, "kham-suc-khoe": ("not_applicable", "Cơ sở do gia đình tự quản lý, không thuê lao động")},
        "Không phát hiện vi phạm.",
    ),
    DemoInspection(
        PROVINCE_TEAM,
        LONG_SAP,
        "Karaoke Biên Cương",
        UNANNOUNCED,
        D(YEAR, 10, 2),
        (21, 45),
        (22, 40),
        "05/BB-ĐKTLN",
        ("", "Chủ cơ sở"),
        {**ALL_OK, "kham-suc-khoe": ("not_ok", "Chưa tổ chức khám sức khỏe năm 2026")},
        "Cơ sở chưa tổ chức khám sức khỏe định kỳ cho người lao động.",
        (DemoViolation("D4", "Không tổ chức khám sức khỏe định kỳ cho 4 người lao động"),),
    ),
)


class _Loader:
    def __init__(self, actor: User, report: DemoReport) -> None:
        self.actor = actor
        self.report = report
        self.provisions: dict[str, LegalProvision] = {}
        self.items = {item.code: item for item in ChecklistItem.objects.all()}

    # --- lookups ------------------------------------------------------------------------------------------

    @staticmethod
    def team(spec: tuple[str, str]) -> InspectionTeam | None:
        return InspectionTeam.objects.filter(unit__code=spec[0], unit__era="current", name=spec[1]).first()

    @staticmethod
    def establishment(commune: str, name: str) -> Establishment | None:
        return Establishment.objects.filter(
            unit__code=commune, unit__era="current", unit__level="commune", name=name, is_deleted=False
        ).first()

    @staticmethod
    def agency(spec: tuple[str, str]) -> Agency | None:
        return Agency.objects.filter(unit__code=spec[0], unit__era="current", name=spec[1]).first()

    # --- legal references ---------------------------------------------------------------------------------

    def legal(self) -> None:
        document = LegalDocument.objects.filter(number=DEMO_DOCUMENT).first()
        if document is None:
            document = legal_services.legal_document_create(
                actor=self.actor,
                number=DEMO_DOCUMENT,
                kind=LegalDocument.Kind.OTHER,
                title=DEMO_TITLE,
                issuer="PCMD (dữ liệu trình diễn)",
                effective_from=D(YEAR, 1, 1),
                note=DEMO_NOTE,
            )
            self.report.count("legal_documents")
        for spec in DEMO_PROVISIONS:
            provision = document.provisions.filter(article=spec.key).first()
            if provision is None:
                provision = legal_services.legal_provision_create(
                    actor=self.actor,
                    document=document,
                    article=spec.key,
                    act=spec.act,
                    applies_to=LegalProvision.AppliesTo.ORGANISATION,
                    fine_min=spec.fine_min,
                    fine_max=spec.fine_max,
                    valid_from=D(YEAR, 1, 1),
                )
                self.report.count("legal_provisions")
            self.provisions[spec.key] = provision
        number, act = REAL_ARTICLE_32
        article_32 = LegalProvision.objects.filter(document__number=number, article="32", act=act).first()
        if article_32 is not None:
            self.provisions["A32"] = article_32

    # --- plans --------------------------------------------------------------------------------------------

    def plan(self, spec: DemoPlan) -> None:
        team = self.team(spec.team)
        if team is None:
            return
        plan = InspectionPlan.objects.filter(team=team, year=YEAR).first()
        if plan is None:
            plan = services.inspection_plan_create(
                actor=self.actor,
                team=team,
                year=YEAR,
                announced_quota=spec.announced_quota,
                unannounced_quota=spec.unannounced_quota,
            )
            self.report.count("inspection_plans")
        for commune, name, mode, month in spec.entries:
            establishment = self.establishment(commune, name)
            if establishment is None or plan.entries.filter(establishment=establishment).exists():
                continue
            if establishment.status == Establishment.Status.CLOSED:
                continue
            services.plan_entry_add(
                actor=self.actor, plan=plan, establishment=establishment, mode=mode, planned_month=month
            )
            self.report.count("planned_inspections")

    # --- inspections --------------------------------------------------------------------------------------

    def inspection(self, spec: DemoInspection) -> None:
        team = self.team(spec.team)
        establishment = self.establishment(spec.commune, spec.establishment)
        if team is None or establishment is None or spec.day > today():
            return
        inspection = Inspection.objects.filter(team=team, minutes_number=spec.minutes_number).first()
        if inspection is None:
            zone = timezone.get_current_timezone()
            start = timezone.make_aware(datetime.datetime.combine(spec.day, datetime.time(*spec.start)), zone)
            end = timezone.make_aware(datetime.datetime.combine(spec.day, datetime.time(*spec.end)), zone)
            inspection = services.inspection_record(
                actor=self.actor,
                team=team,
                establishment=establishment,
                mode=spec.mode,
                started_at=start,
                ended_at=end,
                members_present=selectors.current_members(team, spec.day),
                checklist=[
                    services.ChecklistEntry(self.items[code], outcome, note)
                    for code, (outcome, note) in spec.checklist.items()
                    if code in self.items
                ],
                findings=spec.findings,
                minutes_number=spec.minutes_number,
                representative_name=spec.representative[0] or establishment.owner_name,
                representative_role=spec.representative[1],
            )
            self.report.count("inspections")
        for violation_spec in spec.violations:
            self.violation(inspection, violation_spec)

    def violation(self, inspection: Inspection, spec: DemoViolation) -> None:
        provision = self.provisions.get(spec.provision)
        if provision is None:
            return
        violation = inspection.violations.filter(act=spec.act).first()
        if violation is None:
            violation = services.violation_record(
                actor=self.actor,
                inspection=inspection,
                act=spec.act,
                provision=provision,
                persons_involved=spec.persons,
            )
            self.report.count("violations")
        decision = self.decision(inspection, violation, spec.decision) if spec.decision else None
        if spec.follow_up is not None:
            self.follow_up(violation, decision, spec.follow_up)

    def decision(
        self, inspection: Inspection, violation: Violation, spec: DemoDecision
    ) -> SanctionDecision | None:
        agency = self.agency(spec.agency)
        if agency is None or spec.decided_on > today():
            return None
        decision = SanctionDecision.objects.filter(agency=agency, number=spec.number).first()
        if decision is None:
            decision = services.sanction_decision_record(
                actor=self.actor,
                inspection=inspection,
                number=spec.number,
                decided_on=spec.decided_on,
                authority=spec.authority,
                agency=agency,
                fines={violation: spec.fine},
                suspension_months=spec.suspension_months,
                remedy_measures=spec.remedy_measures,
                remedy_deadline=spec.remedy_deadline,
            )
            self.report.count("sanction_decisions")
        if spec.paid_on is not None and spec.paid_on <= today() and decision.paid_on is None:
            services.sanction_payment_record(actor=self.actor, decision=decision, paid_on=spec.paid_on)
        return decision

    def follow_up(self, violation: Violation, decision: SanctionDecision | None, spec: DemoFollowUp) -> None:
        """A follow-up of the decision when there is one, else of the violation."""
        if decision is not None:
            follow_up = FollowUp.objects.filter(due_on=spec.due_on, decision=decision).first()
        else:
            follow_up = FollowUp.objects.filter(due_on=spec.due_on, violation=violation).first()
        if follow_up is None:
            follow_up = services.follow_up_schedule(
                actor=self.actor,
                due_on=spec.due_on,
                violation=None if decision is not None else violation,
                decision=decision,
            )
            self.report.count("follow_ups")
        if spec.done_on is not None and spec.done_on <= today() and follow_up.done_on is None:
            services.follow_up_record(
                actor=self.actor,
                follow_up=follow_up,
                done_on=spec.done_on,
                outcome=FollowUp.Outcome.REMEDIED,
                result=spec.result,
            )

    def run(self) -> None:
        self.legal()
        for plan in PLANS:
            self.plan(plan)
        for inspection in INSPECTIONS:
            self.inspection(inspection)


def load_demo(*, actor: User, report: DemoReport) -> None:
    """Create what is missing of the 2026 demo inspections (run after the establishments demo)."""
    _Loader(actor, report).run()
