from __future__ import annotations

import datetime

import factory

from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.geography.tests.factories import AdminUnitFactory
from pcmd.planning.models import (
    Plan,
    PlanArea,
    PlanLegalBasis,
    PlanRecipient,
    PlanSection,
    ReportingRule,
    Target,
    Task,
)


class PlanFactory(factory.django.DjangoModelFactory[Plan]):
    """A draft annual plan of 2026 issued by the unit's People's Committee."""

    class Meta:
        model = Plan

    issuing_unit = factory.SubFactory(AdminUnitFactory)
    issuing_agency = factory.SubFactory(
        AgencyFactory,
        unit=factory.SelfAttribute("..issuing_unit"),
        kind=AgencyKind.PEOPLES_COMMITTEE,
        name=factory.Sequence(lambda n: f"Ủy ban nhân dân thử {n}"),
    )
    symbol = "KH-UBND"
    issued_place = "Sơn La"
    title = "Kế hoạch phòng, chống mại dâm năm 2026"
    kind = Plan.Kind.ANNUAL
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 12, 31)
    purpose = "Nâng cao hiệu quả công tác phòng, chống mại dâm."
    requirements = "Các cơ quan, đơn vị triển khai nghiêm túc, đúng tiến độ."
    budget_clause = "Kinh phí bố trí trong dự toán ngân sách năm 2026 của các cơ quan, đơn vị."
    signer_on_behalf_of = "ỦY BAN NHÂN DÂN"
    signer_authority = Plan.Authority.ON_BEHALF
    signer_principal_title = "CHỦ TỊCH"
    signer_position = "PHÓ CHỦ TỊCH"
    signer_name = "Nguyễn Văn A"


class PlanLegalBasisFactory(factory.django.DjangoModelFactory[PlanLegalBasis]):
    class Meta:
        model = PlanLegalBasis

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = "Căn cứ Pháp lệnh Phòng, chống mại dâm ngày 14 tháng 3 năm 2003"


class PlanSectionFactory(factory.django.DjangoModelFactory[PlanSection]):
    class Meta:
        model = PlanSection

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    area = PlanArea.COMMUNICATION
    heading = "Công tác thông tin, tuyên truyền"
    body = "Đẩy mạnh tuyên truyền phòng, chống mại dâm trên các phương tiện thông tin đại chúng."


class PlanRecipientFactory(factory.django.DjangoModelFactory[PlanRecipient]):
    class Meta:
        model = PlanRecipient

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = "Sở Y tế"


class TargetFactory(factory.django.DjangoModelFactory[Target]):
    """A measurable target (≥ 20% of establishments inspected in the year)."""

    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    area = PlanArea.INSPECTION
    statement = "Ít nhất 20% cơ sở kinh doanh dịch vụ dễ bị lợi dụng được kiểm tra trong năm"
    indicator_key = "establishments_inspected_year"
    comparator = Target.Comparator.AT_LEAST
    value = 20
    measure_unit = Target.MeasureUnit.PERCENT
    due_year = 2026


class TaskFactory(factory.django.DjangoModelFactory[Task]):
    class Meta:
        model = Task

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    area = PlanArea.COMMUNICATION
    text = "Tổ chức tuyên truyền phòng, chống mại dâm tại các xã, phường"
    lead_agency = factory.SubFactory(AgencyFactory, unit=factory.SelfAttribute("..plan.issuing_unit"))
    due_date = datetime.date(2026, 6, 30)


class ReportingRuleFactory(factory.django.DjangoModelFactory[ReportingRule]):
    """Six-month reports of the agencies assigned tasks, due 15/5."""

    class Meta:
        model = ReportingRule

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    reporters = ReportingRule.Reporters.ASSIGNED_AGENCIES
    period_kind = ReportingRule.PeriodKind.SEMIANNUAL
    due_day = 15
    due_month = 5
