from __future__ import annotations

import factory

from pcmd.agencies.models import Agency, AgencyKind, FocalAgencyAssignment, InspectionTeam, TeamMember
from pcmd.core.vietnamese import search_key, sort_key
from pcmd.geography.tests.factories import AdminUnitFactory


class AgencyFactory(factory.django.DjangoModelFactory[Agency]):
    class Meta:
        model = Agency

    unit = factory.SubFactory(AdminUnitFactory)
    kind = AgencyKind.HEALTH
    name = factory.Sequence(lambda n: f"Sở Y tế thử {n}")
    name_search = factory.LazyAttribute(lambda o: search_key(o.name))
    name_sort = factory.LazyAttribute(lambda o: sort_key(o.name))


class InspectionTeamFactory(factory.django.DjangoModelFactory[InspectionTeam]):
    class Meta:
        model = InspectionTeam

    unit = factory.SubFactory(AdminUnitFactory)
    lead_agency = factory.SubFactory(AgencyFactory, unit=factory.SelfAttribute("..unit"))
    name = factory.Sequence(lambda n: f"Đội kiểm tra liên ngành 178 số {n}")
    name_search = factory.LazyAttribute(lambda o: search_key(o.name))
    name_sort = factory.LazyAttribute(lambda o: sort_key(o.name))


class TeamMemberFactory(factory.django.DjangoModelFactory[TeamMember]):
    class Meta:
        model = TeamMember

    team = factory.SubFactory(InspectionTeamFactory)
    agency = factory.SelfAttribute("team.lead_agency")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")


class FocalAgencyAssignmentFactory(factory.django.DjangoModelFactory[FocalAgencyAssignment]):
    class Meta:
        model = FocalAgencyAssignment

    agency = factory.SubFactory(AgencyFactory)
    unit = factory.SelfAttribute("agency.unit")
