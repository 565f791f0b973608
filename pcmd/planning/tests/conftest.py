"""Planning fixtures: Sơn La's People's Committee and departments, and plans in each state, built through the
services (so every test starts from a state the system itself can reach)."""

from __future__ import annotations

import datetime

import pytest

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import Agency, AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.planning import services
from pcmd.planning.models import Plan, PlanArea, ReportingRule, Target

D = datetime.date


@pytest.fixture
def provincial_committee(son_la) -> Agency:
    return AgencyFactory.create(
        unit=son_la, kind=AgencyKind.PEOPLES_COMMITTEE, name="Ủy ban nhân dân tỉnh Sơn La"
    )


@pytest.fixture
def culture_department(son_la) -> Agency:
    return AgencyFactory.create(
        unit=son_la,
        kind=AgencyKind.CULTURE_SPORTS_TOURISM,
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
    )


@pytest.fixture
def police(son_la) -> Agency:
    return AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")


@pytest.fixture
def commune_committee(commune) -> Agency:
    return AgencyFactory.create(
        unit=commune, kind=AgencyKind.PEOPLES_COMMITTEE, name="Ủy ban nhân dân phường Tô Hiệu"
    )


@pytest.fixture
def culture_reporter(son_la, culture_department):
    """A reporter of the culture department (an agency that is assigned tasks)."""
    user = UserFactory.create(username="baocao.vhttdl", full_name="Lường Văn Báo Cáo")
    MembershipFactory.create(user=user, unit=son_la, agency=culture_department, role=Role.AGENCY_REPORTER)
    return user


@pytest.fixture
def police_reporter(son_la, police):
    user = UserFactory.create(username="baocao.congan", full_name="Lò Văn Công An")
    MembershipFactory.create(user=user, unit=son_la, agency=police, role=Role.AGENCY_REPORTER)
    return user


def make_draft(actor, unit, agency, **overrides) -> Plan:
    fields = {
        "issuing_agency": agency,
        "parent_body_name": "",
        "symbol": "KH-UBND",
        "issued_place": "Sơn La",
        "title": "Kế hoạch thực hiện công tác phòng, chống mại dâm năm 2026",
        "kind": Plan.Kind.ANNUAL,
        "period_start": D(2026, 1, 1),
        "period_end": D(2026, 12, 31),
        "purpose": "Nâng cao hiệu quả phòng, chống mại dâm.",
        "signer_on_behalf_of": "ỦY BAN NHÂN DÂN",
        "signer_authority": Plan.Authority.ON_BEHALF,
        "signer_principal_title": "CHỦ TỊCH",
        "signer_position": "PHÓ CHỦ TỊCH",
        "signer_name": "Đặng Ngọc Hậu",
    }
    fields.update(overrides)
    return services.plan_create(actor=actor, issuing_unit=unit, **fields)


@pytest.fixture
def draft_plan(province_officer, son_la, provincial_committee) -> Plan:
    return make_draft(province_officer, son_la, provincial_committee)


@pytest.fixture
def plan_with_content(draft_plan, province_officer, culture_department, police, health_department) -> Plan:
    """The draft with a measurable target, two tasks and the Sơn La 2026 reporting regime (15/5 and 10/11)."""
    services.target_save(
        actor=province_officer,
        plan=draft_plan,
        area=PlanArea.INSPECTION,
        statement="Ít nhất 20% cơ sở kinh doanh dịch vụ được kiểm tra trong năm",
        indicator_key="establishments_inspected_year",
        comparator=Target.Comparator.AT_LEAST,
        value=20,
        measure_unit=Target.MeasureUnit.PERCENT,
        due_year=2026,
        applies_to=Target.AppliesTo.EACH_COMMUNE,
    )
    services.task_save(
        actor=province_officer,
        plan=draft_plan,
        area=PlanArea.COMMUNICATION,
        text="Tuyên truyền phòng, chống mại dâm tại các cơ sở kinh doanh dịch vụ",
        lead_agency=culture_department,
        coordinating_agencies=[police],
        due_date=D(2026, 3, 31),
    )
    services.task_save(
        actor=province_officer,
        plan=draft_plan,
        area=PlanArea.HOTSPOTS,
        text="Triệt xóa các điểm phức tạp về mại dâm",
        lead_agency=police,
        recurrence="continuous",
    )
    for kind, day, month in (
        (ReportingRule.PeriodKind.SEMIANNUAL, 15, 5),
        (ReportingRule.PeriodKind.ANNUAL, 10, 11),
    ):
        services.reporting_rule_save(
            actor=province_officer,
            plan=draft_plan,
            reporters=ReportingRule.Reporters.ASSIGNED_AGENCIES,
            recipient_agency=health_department,
            period_kind=kind,
            due_day=day,
            due_month=month,
        )
    services.plan_recipients_set(
        actor=province_officer, plan=draft_plan, lines=["Bộ Y tế;", "Lưu: VT, KGVX.", "Sở Y tế;"]
    )
    draft_plan.refresh_from_db()
    return draft_plan


@pytest.fixture
def issued_plan(plan_with_content, province_officer) -> Plan:
    return services.plan_issue(
        actor=province_officer,
        plan=plan_with_content,
        version=plan_with_content.version,
        number="35",
        issued_on=D(2026, 2, 10),
    )
