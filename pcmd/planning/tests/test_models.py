"""Database invariants of plans, targets and reporting rules (the services build on these)."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.planning.models import Plan, PlanArea, ReportingDeadline, ReportingRule, Target


@pytest.fixture
def plan(son_la):
    committee = AgencyFactory.create(
        unit=son_la, kind=AgencyKind.PEOPLES_COMMITTEE, name="Ủy ban nhân dân tỉnh Sơn La"
    )
    return Plan.objects.create(
        issuing_unit=son_la,
        issuing_agency=committee,
        issued_place="Sơn La",
        title="Kế hoạch phòng, chống mại dâm trên địa bàn năm 2026",
        kind=Plan.Kind.ANNUAL,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        signer_position="PHÓ CHỦ TỊCH",
    )


def _violates(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(**fields)


def test_an_unnumbered_plan_shows_dots_in_its_reference(plan):
    assert plan.reference == ".../KH-UBND"
    plan.number = "166"
    assert plan.reference == "166/KH-UBND"


def test_a_plan_cannot_end_before_it_starts(plan):
    plan.period_end = datetime.date(2025, 12, 31)
    with pytest.raises(IntegrityError), transaction.atomic():
        plan.save()


def test_a_measurable_target_needs_a_value_and_a_unit(plan):
    base = {"plan": plan, "area": PlanArea.COMMUNICATION, "statement": "100% xã, phường tuyên truyền"}
    _violates(order=1, comparator=Target.Comparator.AT_LEAST, **base)
    _violates(order=2, comparator=Target.Comparator.AT_LEAST, value=Decimal(100), **base)
    # a qualitative target carries no value
    _violates(order=3, value=Decimal(100), **base)
    # when complete, it is accepted
    target = Target.objects.create(
        order=4,
        comparator=Target.Comparator.AT_LEAST,
        value=Decimal(100),
        measure_unit=Target.MeasureUnit.PERCENT,
        **base,
    )
    assert target.is_measurable


def test_a_target_range_cannot_be_upside_down(plan):
    _violates(
        plan=plan,
        order=1,
        area=PlanArea.INSPECTION,
        statement="tăng 3 - 5% mỗi năm",
        comparator=Target.Comparator.INCREASE_BY,
        value=Decimal(5),
        value_max=Decimal(3),
        measure_unit=Target.MeasureUnit.PERCENT_PER_YEAR,
    )


def test_a_periodic_reporting_rule_needs_a_real_day_and_month(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportingRule.objects.create(
            plan=plan,
            order=1,
            reporters=ReportingRule.Reporters.LOWER_UNITS,
            period_kind=ReportingRule.PeriodKind.SEMIANNUAL,
            due_day=32,
            due_month=6,
        )
    ad_hoc = ReportingRule.objects.create(
        plan=plan,
        order=2,
        reporters=ReportingRule.Reporters.LOWER_UNITS,
        period_kind=ReportingRule.PeriodKind.AD_HOC,
    )
    assert str(ad_hoc) == "Đột xuất"
    rule = ReportingRule.objects.create(
        plan=plan,
        order=3,
        reporters=ReportingRule.Reporters.LOWER_UNITS,
        period_kind=ReportingRule.PeriodKind.SEMIANNUAL,
        due_day=15,
        due_month=5,
    )
    assert str(rule) == "6 tháng — trước 15/05"


def test_a_deadline_must_name_its_reporter(plan):
    rule = ReportingRule.objects.create(
        plan=plan,
        order=1,
        reporters=ReportingRule.Reporters.LOWER_UNITS,
        period_kind=ReportingRule.PeriodKind.ANNUAL,
        due_day=10,
        due_month=11,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportingDeadline.objects.create(
            rule=rule,
            period_label="Năm 2026",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 12, 31),
            due_on=datetime.date(2026, 11, 10),
        )
