"""The five seed plans: the data is complete and sane, and `load_seed_plans` puts every one of them in the
system on the right (legacy or current) units, idempotently and all or nothing.

The counts below were made by reading each original text: targets (one per measured quantity; a bullet
naming several populations with their own figures gives one target each), tasks (one per assigned item or
bullet of "Tổ chức thực hiện"), reporting rules (one per reporter group and period of "Chế độ báo cáo").
"""

from __future__ import annotations

import dataclasses
import datetime
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError

from pcmd.accounts.capabilities import Role
from pcmd.accounts.models import User
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import Agency, AgencyKind, FocalAgencyAssignment
from pcmd.agencies.selectors import focal_agency_of
from pcmd.agencies.services import agency_create
from pcmd.geography.models import LEGACY_LAST_DAY, AdminUnit
from pcmd.geography.services import LoadReport, admin_units_load
from pcmd.geography.sources import admin_unit_source
from pcmd.planning.models import (
    IndicatorKey,
    Plan,
    PlanArea,
    PlanEvent,
    ReportingDeadline,
    ReportingRule,
    Target,
    Task,
)
from pcmd.planning.seed_loader import SeedUnitMissing, seed_plans_load
from pcmd.planning.seed_plans import (
    ALL_SEED_PLANS,
    SeedPlan,
    cao_lanh_2021_2025,
    gia_lai_2021_2025,
    son_la_2026,
)
from pcmd.planning.selectors import plans_visible_to

D = datetime.date
# Current provinces holding the five issuing units: Sơn La, Thái Nguyên (Na Rì), Quảng Trị, Gia Lai,
# Đồng Tháp.
SEED_PROVINCES = ("14", "19", "44", "52", "82")

# (targets, tasks, reporting rules, recipient lines) counted in each original text.
COUNTS = {
    "gia_lai_2021_2025": (15, 26, 6, 10),
    "quang_tri_2022": (17, 39, 6, 10),
    "cao_lanh_2021_2025": (10, 18, 1, 8),
    "na_ri_2025": (9, 14, 4, 10),
    "son_la_2026": (7, 34, 6, 15),
}
# The seed README's table of report deadlines (day, month).
README_DEADLINES = {
    "gia_lai_2021_2025": {(25, 6), (15, 12)},
    "quang_tri_2022": {(15, 6), (15, 12)},
    "cao_lanh_2021_2025": {(15, 12)},
    "na_ri_2025": {(20, 6), (20, 12)},
    "son_la_2026": {(15, 5), (10, 11)},
}
UNITS = {
    "gia_lai_2021_2025": (AdminUnit.Era.LEGACY, AdminUnit.Level.PROVINCE, "64", "52"),
    "quang_tri_2022": (AdminUnit.Era.LEGACY, AdminUnit.Level.PROVINCE, "45", "44"),
    "cao_lanh_2021_2025": (AdminUnit.Era.LEGACY, AdminUnit.Level.DISTRICT, "873", "82"),
    "na_ri_2025": (AdminUnit.Era.LEGACY, AdminUnit.Level.DISTRICT, "066", "19"),
    "son_la_2026": (AdminUnit.Era.CURRENT, AdminUnit.Level.PROVINCE, "14", "14"),
}


def seed(key: str) -> SeedPlan:
    return next(plan for plan in ALL_SEED_PLANS if plan.key == key)


def loaded(key: str) -> Plan:
    spec = seed(key)
    return Plan.objects.get(title=spec.title, issuing_unit__path=spec.unit_path)


@pytest.fixture
def load_units(db) -> Callable[..., LoadReport]:
    def load(*province_codes: str) -> LoadReport:
        return admin_units_load(source=admin_unit_source().restricted_to(province_codes))

    return load


@pytest.fixture
def seed_units(load_units) -> None:
    load_units(*SEED_PROVINCES)


@pytest.fixture
def no_originals(settings, tmp_path) -> None:
    """The users' machines have no seed folder: nothing to attach."""
    settings.PCMD_SEED_ORIGINALS_DIR = tmp_path / "absent"


@pytest.fixture
def loaded_seeds(seed_units, system_admin, no_originals):
    return seed_plans_load(actor=system_admin)


def _counts() -> dict[str, int]:
    models = (Plan, Agency, FocalAgencyAssignment, Target, Task, ReportingRule, ReportingDeadline, PlanEvent)
    return {model.__name__: model.objects.count() for model in models}


def _officer_of(unit: AdminUnit, username: str) -> User:
    user = UserFactory.create(username=username)
    MembershipFactory.create(user=user, unit=unit, role=Role.PROVINCIAL_COORDINATOR)
    return user


# --- the data -----------------------------------------------------------------------------------------------


def test_there_are_five_seed_plans_each_with_the_counts_of_its_text():
    # given / when
    counts = {
        plan.key: (len(plan.targets), len(plan.tasks), len(plan.rules), len(plan.recipients) + 1)
        for plan in ALL_SEED_PLANS
    }
    # then
    assert counts == COUNTS


def test_report_deadlines_are_those_of_the_seed_readme():
    for plan in ALL_SEED_PLANS:
        # given / when
        deadlines = {(rule.due_day, rule.due_month) for rule in plan.rules if not rule.is_ad_hoc}
        # then
        assert deadlines == README_DEADLINES[plan.key], plan.key


@pytest.mark.parametrize("plan", ALL_SEED_PLANS, ids=lambda plan: plan.key)
def test_measurable_targets_have_a_value_and_a_unit_and_qualitative_ones_have_neither(plan: SeedPlan):
    for target in plan.targets:
        assert target.area in PlanArea.values
        assert target.indicator_key in ("", *IndicatorKey.values)
        assert target.applies_to in Target.AppliesTo.values
        if target.is_measurable:
            assert target.comparator in Target.Comparator.values
            assert target.value is not None and target.measure_unit in Target.MeasureUnit.values, target
            assert target.value_max is None or target.value_max >= target.value
        else:
            assert (target.value, target.value_max, target.measure_unit) == (None, None, ""), target
        if target.due_year is not None:
            assert plan.period_start.year <= target.due_year <= plan.period_end.year


@pytest.mark.parametrize("plan", ALL_SEED_PLANS, ids=lambda plan: plan.key)
def test_every_task_has_a_lead_agency_of_the_plan_and_real_dates(plan: SeedPlan):
    keys = {agency.key for agency in plan.agencies}
    for task in plan.tasks:
        assert task.area in PlanArea.values
        assert task.lead in keys, task
        assert set(task.coordinating) <= keys and task.lead not in task.coordinating, task
        assert task.recurrence in ("", *Task.Recurrence.values)
        assert task.due_date is None or plan.period_start <= task.due_date <= plan.period_end
        assert task.text.strip()


@pytest.mark.parametrize("plan", ALL_SEED_PLANS, ids=lambda plan: plan.key)
def test_every_rule_has_a_real_due_day_and_month_unless_ad_hoc(plan: SeedPlan):
    keys = {agency.key for agency in plan.agencies}
    for rule in plan.rules:
        assert rule.reporters in ReportingRule.Reporters.values
        assert rule.recipient in keys or rule.recipient_note, rule
        assert set(rule.named_reporters) <= keys
        if rule.is_ad_hoc:
            assert (rule.due_day, rule.due_month) == (None, None)
            continue
        assert rule.period_kind in ReportingRule.PeriodKind.values
        assert rule.due_day is not None and rule.due_month is not None
        # A real date in every year of the plan (datetime refuses 31/06 and 29/02 of a common year).
        for year in range(plan.period_start.year, plan.period_end.year + 1):
            assert plan.period_start <= D(year, rule.due_month, rule.due_day) <= plan.period_end


@pytest.mark.parametrize("plan", ALL_SEED_PLANS, ids=lambda plan: plan.key)
def test_plan_facts_are_complete(plan: SeedPlan):
    keys = [agency.key for agency in plan.agencies]
    names = [agency.name for agency in plan.agencies]
    assert len(set(keys)) == len(keys) and len(set(names)) == len(names)
    assert all(agency.kind in AgencyKind.values for agency in plan.agencies)
    assert plan.issuer in keys and plan.focal in keys
    assert plan.kind in Plan.Kind.values and plan.period_start < plan.period_end
    assert plan.title and plan.issued_place and plan.symbol.startswith("KH-")
    assert plan.signer.position and plan.signer.name
    assert plan.archive_line.startswith("Lưu:")
    assert not any(line.startswith("Lưu") for line in plan.recipients)
    assert all(section.area in PlanArea.values and section.body for section in plan.sections)


def test_the_son_la_plan_names_its_agencies_as_the_demo_data_does():
    from pcmd.demo.dataset import PROVINCIAL_AGENCIES

    # given
    demo_names = {agency.name for agency in PROVINCIAL_AGENCIES}
    # when
    seed_names = {agency.name for agency in son_la_2026.PLAN.agencies}
    # then
    assert seed_names <= demo_names, seed_names - demo_names


def test_the_original_file_of_every_seed_plan_is_in_the_seed_folder_when_there_is_one(settings):
    folder = Path(settings.PCMD_SEED_ORIGINALS_DIR)
    if not folder.is_dir():
        pytest.skip("no seed folder on this machine")
    for plan in ALL_SEED_PLANS:
        assert (folder / plan.original_file).is_file(), plan.original_file


# --- loading ------------------------------------------------------------------------------------------------


def test_all_five_plans_load_with_every_target_task_and_rule(loaded_seeds, system_admin):
    # then
    assert len(loaded_seeds.plans_created) == 5
    for key, (targets, tasks, rules, recipients) in COUNTS.items():
        plan = loaded(key)
        assert plan.status == Plan.Status.ISSUED
        assert (plan.targets.count(), plan.tasks.count(), plan.reporting_rules.count()) == (
            targets,
            tasks,
            rules,
        )
        assert plan.recipients.count() == recipients
        assert plan.recipients.get(is_archive=True).order == recipients
        event = plan.events.get()
        assert (event.actor, event.to_status, event.note) == (
            system_admin,
            Plan.Status.ISSUED,
            "Nạp từ văn bản gốc",
        )


def test_each_plan_sits_on_its_unit_with_its_agencies(loaded_seeds):
    for key, (era, level, code, current_province) in UNITS.items():
        plan = loaded(key)
        unit = plan.issuing_unit
        assert (unit.era, unit.level, unit.code, unit.scope_path.split(".")[0]) == (
            era,
            level,
            code,
            current_province,
        )
        assert plan.issuing_agency.unit == unit
        assert set(Task.objects.filter(plan=plan).values_list("lead_agency__unit", flat=True)) == {unit.pk}


def test_the_cao_lanh_plan_keeps_its_number_and_date(loaded_seeds):
    plan = loaded("cao_lanh_2021_2025")
    assert (plan.reference, plan.issued_on, plan.issued_place) == ("166/KH-UBND", D(2021, 9, 22), "Cao Lãnh")
    assert plan.implements_reference.startswith("Kế hoạch số 208/KH-UBND ngày 07/7/2021")


def test_a_target_keeps_its_comparator_value_range_and_unit(loaded_seeds):
    # "+3–5% crimes handled per year" and "50 outreach contacts"
    crimes = loaded("gia_lai_2021_2025").targets.get(indicator_key=IndicatorKey.CRIMES_HANDLED_CHANGE)
    assert (crimes.comparator, crimes.value, crimes.value_max, crimes.measure_unit) == (
        Target.Comparator.INCREASE_BY,
        3,
        5,
        Target.MeasureUnit.PERCENT_PER_YEAR,
    )
    outreach = loaded("quang_tri_2022").targets.get(indicator_key=IndicatorKey.OUTREACH_CONTACTS)
    assert (outreach.value, outreach.measure_unit) == (50, Target.MeasureUnit.COUNT)
    no_new = loaded("quang_tri_2022").targets.get(indicator_key=IndicatorKey.HOTSPOTS_NEW)
    assert not no_new.is_measurable


def test_a_task_keeps_its_lead_and_coordinating_agencies(loaded_seeds):
    plan = loaded("son_la_2026")
    task = plan.tasks.get(text__startswith="Chủ trì phối hợp với Viện Kiểm sát")
    assert task.lead_agency.name == "Công an tỉnh Sơn La"
    assert sorted(task.coordinating_agencies.values_list("name", flat=True)) == [
        "Tòa án nhân dân tỉnh Sơn La",
        "Viện Kiểm sát nhân dân tỉnh Sơn La",
    ]


def test_the_son_la_calendar_has_deadlines_on_15_05_2026_and_10_11_2026(loaded_seeds):
    # given
    plan = loaded("son_la_2026")
    communes = AdminUnit.objects.filter(parent=plan.issuing_unit).count()
    deadlines = ReportingDeadline.objects.filter(rule__plan=plan)
    # then
    assert set(deadlines.values_list("due_on", flat=True)) == {D(2026, 5, 15), D(2026, 11, 10)}
    semiannual_communes = deadlines.filter(due_on=D(2026, 5, 15), reporter_unit__isnull=False)
    assert semiannual_communes.count() == communes > 0
    assert deadlines.filter(due_on=D(2026, 11, 10), reporter_agency__name="Công an tỉnh Sơn La").exists()


def test_every_plan_calendar_falls_on_its_readme_deadlines(loaded_seeds):
    for key, wanted in README_DEADLINES.items():
        days = ReportingDeadline.objects.filter(rule__plan=loaded(key)).values_list("due_on", flat=True)
        assert {(day.day, day.month) for day in days} == wanted, key


def test_a_second_run_creates_nothing(loaded_seeds, system_admin):
    # given
    before = _counts()
    # when
    report = seed_plans_load(actor=system_admin)
    # then
    assert _counts() == before
    assert not report.changed and len(report.plans_existing) == 5


def test_agencies_of_legacy_units_closed_with_their_unit(loaded_seeds):
    legacy = Agency.objects.filter(unit__era=AdminUnit.Era.LEGACY)
    assert legacy.count() == sum(len(seed(key).agencies) for key in COUNTS if key != "son_la_2026")
    assert not legacy.filter(valid_to__isnull=True).exists()
    assert not legacy.filter(valid_to__gt=LEGACY_LAST_DAY).exists()
    # Sở LĐ-TB&XH handed PCMD to the health sector on 01/03/2025.
    assert legacy.get(name="Sở Lao động - Thương binh và Xã hội tỉnh Gia Lai").valid_to == D(2025, 2, 28)


def test_the_focal_agency_of_a_legacy_plan_is_on_record_for_its_time(loaded_seeds):
    gia_lai = loaded("gia_lai_2021_2025").issuing_unit
    labour = focal_agency_of(gia_lai, on=D(2023, 6, 1))
    assert labour is not None and labour.name == "Sở Lao động - Thương binh và Xã hội tỉnh Gia Lai"
    assert focal_agency_of(gia_lai, on=D(2025, 6, 1)) is None
    na_ri = loaded("na_ri_2025").issuing_unit
    office = focal_agency_of(na_ri, on=D(2025, 4, 1))
    assert office is not None and office.kind == AgencyKind.PEOPLES_COUNCIL_OFFICE


def test_legacy_plans_are_visible_to_an_officer_of_the_current_province(loaded_seeds):
    # given
    gia_lai_officer = _officer_of(
        AdminUnit.objects.current().get(level="province", code="52"), "dieuphoi.gialai"
    )
    thai_nguyen_officer = _officer_of(AdminUnit.objects.current().get(level="province", code="19"), "dp.tn")
    # when
    gia_lai_sees = set(plans_visible_to(gia_lai_officer))
    thai_nguyen_sees = set(plans_visible_to(thai_nguyen_officer))
    # then
    assert gia_lai_sees == {loaded("gia_lai_2021_2025")}
    assert thai_nguyen_sees == {loaded("na_ri_2025")}


def test_an_officer_of_another_province_does_not_see_the_legacy_plans(loaded_seeds):
    # given
    son_la_officer = _officer_of(AdminUnit.objects.current().get(level="province", code="14"), "dieuphoi.sl")
    # when
    seen = set(plans_visible_to(son_la_officer))
    # then
    assert seen == {loaded("son_la_2026")}


def test_a_plan_whose_agency_is_missing_is_created_with_it(seed_units, system_admin, no_originals):
    # given: the district police is already on record, the other agencies of the Cao Lãnh plan are not
    district = AdminUnit.objects.legacy().get(level="district", code="873")
    police = agency_create(
        actor=system_admin,
        unit=district,
        kind=AgencyKind.POLICE,
        name="Công an huyện Cao Lãnh",
        valid_to=LEGACY_LAST_DAY,
    )
    # when
    report = seed_plans_load(actor=system_admin, plans=(cao_lanh_2021_2025.PLAN,))
    # then
    created = {agency.name for agency in report.agencies_created}
    assert created == {a.name for a in cao_lanh_2021_2025.PLAN.agencies} - {"Công an huyện Cao Lãnh"}
    plan = loaded("cao_lanh_2021_2025")
    assert plan.issuing_agency.name == "Ủy ban nhân dân huyện Cao Lãnh"
    assert plan.tasks.filter(lead_agency=police).count() == 3
    assert Agency.objects.filter(name="Công an huyện Cao Lãnh").count() == 1


def test_without_the_originals_no_file_is_attached(loaded_seeds):
    assert loaded_seeds.originals_attached == 0
    assert not any(plan.original_text for plan in Plan.objects.all())


def test_the_original_text_is_attached_when_its_file_is_in_the_folder(seed_units, system_admin, tmp_path):
    # given: only the Sơn La original is at hand
    (tmp_path / son_la_2026.PLAN.original_file).write_text("Văn bản gốc thử nghiệm", encoding="utf-8")
    # when
    report = seed_plans_load(actor=system_admin, originals_dir=tmp_path)
    # then
    assert report.originals_attached == 1
    son_la = loaded("son_la_2026")
    with son_la.original_text.open("rb") as original:
        assert original.read().decode("utf-8") == "Văn bản gốc thử nghiệm"
    assert not loaded("gia_lai_2021_2025").original_text


def test_loading_is_all_or_nothing(seed_units, system_admin, no_originals):
    # given: a last plan whose unit is not in the database
    broken = dataclasses.replace(son_la_2026.PLAN, key="broken", unit_path="L99.999")
    before = _counts()
    # when
    with pytest.raises(SeedUnitMissing, match="load_admin_units"):
        seed_plans_load(actor=system_admin, plans=(gia_lai_2021_2025.PLAN, broken))
    # then
    assert _counts() == before


def test_an_actor_who_may_not_write_every_unit_is_refused(seed_units, no_originals):
    # given: a coordinator of Sơn La tries to load the Gia Lai plan
    officer = _officer_of(AdminUnit.objects.current().get(level="province", code="14"), "dieuphoi.sonla2")
    before = _counts()
    # when / then
    with pytest.raises(PermissionDenied):
        seed_plans_load(actor=officer, plans=(gia_lai_2021_2025.PLAN,))
    assert _counts() == before


# --- with the demo data -------------------------------------------------------------------------------------


@pytest.fixture
def demo(load_units, no_originals):
    from pcmd.demo.services import demo_data_load

    load_units(*SEED_PROVINCES, "12")
    return demo_data_load()


def test_the_son_la_plan_uses_the_demo_agencies_and_focal_agency(demo):
    from pcmd.demo import dataset

    # given the demo data, which loads the seed plans after its own agencies
    plan = Plan.objects.get(issuing_unit__code="14", issuing_unit__era=AdminUnit.Era.CURRENT)
    demo_names = {spec.name for spec in dataset.PROVINCIAL_AGENCIES}
    # then every agency the plan names is one of the demo's, and no focal agency was added
    used = {plan.issuing_agency.name} | {task.lead_agency.name for task in plan.tasks.all()}
    assert used <= demo_names
    assert FocalAgencyAssignment.objects.filter(unit=plan.issuing_unit).count() == 2


def test_the_demo_loads_the_seed_plans_and_a_second_load_creates_nothing(demo):
    from pcmd.demo.services import DemoReport
    from pcmd.planning.demo import load_demo

    # given the demo data (which includes planning's load_demo)
    assert demo.created["plans"] == 5 and Plan.objects.count() == 5
    admin = User.objects.get(username="demo.admin")
    # when planning's part runs again
    again = DemoReport()
    load_demo(actor=admin, report=again)
    # then
    assert again.created == {}


# --- the command --------------------------------------------------------------------------------------------


def test_the_command_loads_as_the_first_administrator_and_says_so_in_vietnamese(
    seed_units, system_admin, no_originals
):
    # when
    out = io.StringIO()
    call_command("load_seed_plans", stdout=out)
    # then
    assert Plan.objects.count() == 5
    text = out.getvalue()
    assert "Đã tạo kế hoạch 166/KH-UBND «Phòng, chống mại dâm trên địa bàn huyện Cao Lãnh" in text
    assert "18 nhiệm vụ" in text
    assert PlanEvent.objects.filter(actor=system_admin).count() == 5
    # and a second run says there is nothing to do
    again = io.StringIO()
    call_command("load_seed_plans", stdout=again)
    assert "không tạo gì thêm" in again.getvalue()


def test_the_command_acts_as_the_named_administrator(seed_units, system_admin, no_originals):
    other = UserFactory.create(username="quantri2")
    MembershipFactory.create(user=other, unit=None, role=Role.SYSTEM_ADMIN)
    call_command("load_seed_plans", "--actor", "quantri2", stdout=io.StringIO())
    assert set(PlanEvent.objects.values_list("actor__username", flat=True)) == {"quantri2"}


def test_the_command_without_an_administrator_stops_with_a_vietnamese_message(seed_units):
    with pytest.raises(CommandError, match="Chưa có tài khoản quản trị hệ thống"):
        call_command("load_seed_plans", stdout=io.StringIO())
    assert not Plan.objects.exists()


def test_the_command_refuses_an_unknown_actor(seed_units, system_admin):
    with pytest.raises(CommandError, match=r"Không có tài khoản đang hoạt động nào tên «khong\.co»"):
        call_command("load_seed_plans", "--actor", "khong.co", stdout=io.StringIO())


def test_the_command_refuses_an_actor_without_the_right_to_write_every_unit(seed_units, no_originals):
    _officer_of(AdminUnit.objects.current().get(level="province", code="14"), "dieuphoi.sonla3")
    with pytest.raises(CommandError, match="không có quyền"):
        call_command("load_seed_plans", "--actor", "dieuphoi.sonla3", stdout=io.StringIO())
    assert not Plan.objects.exists()
