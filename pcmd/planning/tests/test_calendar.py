"""The reporting calendar: rules → concrete deadlines per reporter and period."""

import datetime

import pytest

from pcmd.geography.tests.factories import make_commune
from pcmd.planning.calendar import reporting_deadlines_regenerate, rule_periods, safe_date
from pcmd.planning.models import ReportingDeadline, ReportingRule
from pcmd.planning.tests.factories import PlanFactory, ReportingRuleFactory, TaskFactory

D = datetime.date
pytestmark = pytest.mark.django_db


def test_a_date_that_does_not_exist_is_none():
    assert safe_date(2026, 6, 31) is None
    assert safe_date(2026, 2, 29) is None
    assert safe_date(2028, 2, 29) == D(2028, 2, 29)


def test_a_semiannual_rule_of_an_annual_plan_gives_the_first_half_due_on_its_day(son_la):
    # given the Sơn La 2026 regime: 6-month report before 15/5
    rule = ReportingRuleFactory.create(plan=PlanFactory.create(issuing_unit=son_la), due_day=15, due_month=5)
    # when
    periods = rule_periods(rule)
    # then
    assert [(p.label, p.start, p.end, p.due_on) for p in periods] == [
        ("6 tháng đầu năm 2026", D(2026, 1, 1), D(2026, 6, 30), D(2026, 5, 15))
    ]


def test_a_multi_year_programme_has_one_deadline_a_year_per_rule(son_la):
    plan = PlanFactory.create(issuing_unit=son_la, period_start=D(2021, 1, 1), period_end=D(2025, 12, 31))
    rule = ReportingRuleFactory.create(
        plan=plan, period_kind=ReportingRule.PeriodKind.ANNUAL, due_day=15, due_month=12
    )
    assert [p.due_on for p in rule_periods(rule)] == [D(y, 12, 15) for y in range(2021, 2026)]


def test_deadlines_before_the_plan_starts_are_dropped_and_periods_are_clipped(son_la):
    # given a plan issued for September 2021 → 2022
    plan = PlanFactory.create(issuing_unit=son_la, period_start=D(2021, 9, 22), period_end=D(2022, 12, 31))
    semiannual = ReportingRuleFactory.create(plan=plan, due_day=25, due_month=6)
    annual = ReportingRuleFactory.create(
        plan=plan, period_kind=ReportingRule.PeriodKind.ANNUAL, due_day=15, due_month=12
    )
    # then no report for the first half of 2021; the 2021 annual period starts with the plan
    assert [p.due_on for p in rule_periods(semiannual)] == [D(2022, 6, 25)]
    first_annual = rule_periods(annual)[0]
    assert (first_annual.start, first_annual.end, first_annual.due_on) == (
        D(2021, 9, 22),
        D(2021, 12, 31),
        D(2021, 12, 15),
    )


def test_a_quarterly_rule_repeats_every_three_months_and_clips_the_day_to_the_month(son_la):
    rule = ReportingRuleFactory.create(
        plan=PlanFactory.create(issuing_unit=son_la),
        period_kind=ReportingRule.PeriodKind.QUARTERLY,
        due_day=31,
        due_month=3,
    )
    periods = rule_periods(rule)
    assert [p.label for p in periods] == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    assert [p.due_on for p in periods] == [D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30), D(2026, 12, 31)]


def test_ad_hoc_reports_have_no_calendar(son_la):
    rule = ReportingRuleFactory.create(
        plan=PlanFactory.create(issuing_unit=son_la),
        period_kind=ReportingRule.PeriodKind.AD_HOC,
        due_day=None,
        due_month=None,
    )
    assert rule_periods(rule) == []


def test_assigned_agencies_report_except_the_recipient_itself(son_la, health_department):
    # given two tasks: one led by the recipient (Sở Y tế), one by another agency coordinated by the recipient
    plan = PlanFactory.create(issuing_unit=son_la)
    own = TaskFactory.create(plan=plan, lead_agency=health_department)
    other = TaskFactory.create(plan=plan)
    other.coordinating_agencies.add(health_department)
    ReportingRuleFactory.create(plan=plan, recipient_agency=health_department)
    # when
    count = reporting_deadlines_regenerate(plan)
    # then only the other lead agency owes the report
    deadlines = list(ReportingDeadline.objects.filter(rule__plan=plan))
    assert count == 1
    assert deadlines[0].reporter_agency == other.lead_agency
    assert own.lead_agency == health_department


def test_lower_units_report_once_each(son_la, commune, other_commune):
    plan = PlanFactory.create(issuing_unit=son_la)
    ReportingRuleFactory.create(plan=plan, reporters=ReportingRule.Reporters.LOWER_UNITS)
    reporting_deadlines_regenerate(plan)
    units = set(
        ReportingDeadline.objects.filter(rule__plan=plan).values_list("reporter_unit__code", flat=True)
    )
    assert units == {commune.code, other_commune.code}


def test_lower_units_that_ended_before_the_plan_are_not_asked(son_la, commune):
    ended = make_commune(son_la, "09999", "Xã Đã Giải Thể")
    ended.valid_to = D(2025, 12, 31)
    ended.save()
    plan = PlanFactory.create(issuing_unit=son_la)
    ReportingRuleFactory.create(plan=plan, reporters=ReportingRule.Reporters.LOWER_UNITS)
    reporting_deadlines_regenerate(plan)
    units = set(
        ReportingDeadline.objects.filter(rule__plan=plan).values_list("reporter_unit__code", flat=True)
    )
    assert units == {commune.code}


def test_regenerating_keeps_rows_that_still_apply_and_follows_a_changed_due_day(son_la, commune):
    # given a generated calendar
    plan = PlanFactory.create(issuing_unit=son_la)
    rule = ReportingRuleFactory.create(plan=plan, reporters=ReportingRule.Reporters.LOWER_UNITS)
    reporting_deadlines_regenerate(plan)
    before = ReportingDeadline.objects.get(rule=rule)
    # when the due day moves and the calendar is regenerated
    rule.due_day = 20
    rule.save()
    reporting_deadlines_regenerate(plan)
    # then the same row carries the new date (reports attached to it stay attached)
    after = ReportingDeadline.objects.get(rule=rule)
    assert after.pk == before.pk
    assert after.due_on == D(2026, 5, 20)


def test_regenerating_removes_deadlines_no_rule_gives(son_la, commune):
    plan = PlanFactory.create(issuing_unit=son_la)
    rule = ReportingRuleFactory.create(plan=plan, reporters=ReportingRule.Reporters.LOWER_UNITS)
    reporting_deadlines_regenerate(plan)
    rule.period_kind = ReportingRule.PeriodKind.AD_HOC
    rule.save()
    assert reporting_deadlines_regenerate(plan) == 0


def test_the_issuing_body_does_not_report_to_its_own_department(son_la, health_department):
    # given a task handed to every commune, led by the issuing People's Committee itself
    plan = PlanFactory.create(issuing_unit=son_la)
    TaskFactory.create(plan=plan, lead_agency=plan.issuing_agency)
    other = TaskFactory.create(plan=plan)
    ReportingRuleFactory.create(plan=plan, recipient_agency=health_department)
    # when
    reporting_deadlines_regenerate(plan)
    # then only the department with a task owes the report
    deadlines = ReportingDeadline.objects.filter(rule__plan=plan)
    assert set(deadlines.values_list("reporter_agency", flat=True)) == {other.lead_agency_id}


def test_period_labels_are_stored_in_vietnamese_whatever_the_interface_language(son_la):
    from django.utils import translation

    rule = ReportingRuleFactory.create(plan=PlanFactory.create(issuing_unit=son_la), due_day=15, due_month=5)
    with translation.override("en"):
        assert [p.label for p in rule_periods(rule)] == ["6 tháng đầu năm 2026"]
