from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from pcmd.agencies.tests.factories import InspectionTeamFactory
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.inspections.models import (
    FollowUp,
    Inspection,
    InspectionMode,
    InspectionPlan,
    SanctionDecision,
    Violation,
)
from pcmd.legal.tests.factories import LegalProvisionFactory


def at(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    """A local (Asia/Ho_Chi_Minh) moment on the day."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class InspectionPlanFactory(factory.django.DjangoModelFactory[InspectionPlan]):
    class Meta:
        model = InspectionPlan

    team = factory.SubFactory(InspectionTeamFactory)
    year = 2026
    announced_quota = 2
    unannounced_quota = 3


class InspectionFactory(factory.django.DjangoModelFactory[Inspection]):
    """Created directly (not through the services): for coverage and list fixtures."""

    class Meta:
        model = Inspection

    team = factory.SubFactory(InspectionTeamFactory)
    establishment = factory.SubFactory(EstablishmentFactory)
    mode = InspectionMode.UNANNOUNCED
    started_at = factory.LazyFunction(lambda: at(datetime.date(2026, 3, 10)))


class ViolationFactory(factory.django.DjangoModelFactory[Violation]):
    class Meta:
        model = Violation

    inspection = factory.SubFactory(InspectionFactory)
    act = factory.Sequence(lambda n: f"Vi phạm thử nghiệm {n}")
    provision = factory.SubFactory(LegalProvisionFactory)


class SanctionDecisionFactory(factory.django.DjangoModelFactory[SanctionDecision]):
    class Meta:
        model = SanctionDecision

    inspection = factory.SubFactory(InspectionFactory)
    number = factory.Sequence(lambda n: f"{n + 1}/QĐ-XPHC")
    decided_on = datetime.date(2026, 3, 20)
    authority = "Chủ tịch Ủy ban nhân dân tỉnh"
    agency = factory.SelfAttribute("inspection.team.lead_agency")
    fine_total = 5_000_000


class FollowUpFactory(factory.django.DjangoModelFactory[FollowUp]):
    class Meta:
        model = FollowUp

    violation = factory.SubFactory(ViolationFactory)
    inspection = factory.SelfAttribute("violation.inspection")
    due_on = datetime.date(2026, 4, 30)
