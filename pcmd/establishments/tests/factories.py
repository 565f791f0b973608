from __future__ import annotations

import datetime

import factory

from pcmd.core.vietnamese import sort_key
from pcmd.establishments.models import (
    Commitment,
    Establishment,
    EstablishmentType,
    HealthCheckRound,
    Licence,
)
from pcmd.establishments.selectors import address_key, licence_number_key, name_key
from pcmd.geography.tests.factories import AdminUnitFactory


def establishment_type(code: str = "karaoke") -> EstablishmentType:
    """One of the types seeded by migration 0002."""
    return EstablishmentType.objects.get(code=code)


class EstablishmentFactory(factory.django.DjangoModelFactory[Establishment]):
    """Created directly (not through the services): for the services, use them."""

    class Meta:
        model = Establishment

    unit = factory.SubFactory(AdminUnitFactory)
    type = factory.LazyFunction(lambda: establishment_type("karaoke"))
    name = factory.Sequence(lambda n: f"Karaoke Thử Nghiệm {n}")
    address = factory.Sequence(lambda n: f"Số {n} đường Tô Hiệu")
    owner_name = "Lò Văn Chủ"
    worker_count = 5
    opened_on = datetime.date(2020, 1, 1)
    registry_code = factory.Sequence(lambda n: f"CS-TEST-{n + 1}")
    name_search = factory.LazyAttribute(lambda o: name_key(o.name))
    name_sort = factory.LazyAttribute(lambda o: sort_key(o.name))
    address_key = factory.LazyAttribute(lambda o: address_key(o.address))


class LicenceFactory(factory.django.DjangoModelFactory[Licence]):
    class Meta:
        model = Licence

    establishment = factory.SubFactory(EstablishmentFactory)
    kind = Licence.Kind.SECURITY_ORDER
    number = factory.Sequence(lambda n: f"{n + 1}/GCN-CA")
    issuer = "Công an tỉnh Sơn La"
    issued_on = datetime.date(2022, 3, 1)
    number_key = factory.LazyAttribute(lambda o: licence_number_key(o.number))


class CommitmentFactory(factory.django.DjangoModelFactory[Commitment]):
    class Meta:
        model = Commitment

    establishment = factory.SubFactory(EstablishmentFactory)
    kind = Commitment.Kind.OWNER_COMMUNE
    signed_on = datetime.date(2025, 8, 1)
    party_name = "Lò Văn Chủ"


class HealthCheckRoundFactory(factory.django.DjangoModelFactory[HealthCheckRound]):
    class Meta:
        model = HealthCheckRound

    establishment = factory.SubFactory(EstablishmentFactory)
    checked_on = datetime.date(2025, 9, 1)
    workers_checked = 5
    provider = "Trung tâm Y tế khu vực Thành phố"
