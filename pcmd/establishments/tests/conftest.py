import datetime

import pytest

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.establishments import services
from pcmd.establishments.models import Establishment, EstablishmentType, Licence


@pytest.fixture
def karaoke(db) -> EstablishmentType:
    return EstablishmentType.objects.get(code="karaoke")


@pytest.fixture
def guesthouse(db) -> EstablishmentType:
    return EstablishmentType.objects.get(code="nha-nghi")


@pytest.fixture
def hoa_hong(commune_officer, commune, karaoke) -> Establishment:
    """A karaoke of Phường Tô Hiệu registered by its officer, with a security-order certificate."""
    return services.establishment_create(
        actor=commune_officer,
        unit=commune,
        type=karaoke,
        name="Karaoke Hoa Hồng",
        address="Số 12 đường Tô Hiệu, tổ 3",
        owner_name="Lò Văn Hồng",
        owner_phone="0912 345 678",
        worker_count=6,
        opened_on=datetime.date(2019, 5, 1),
        licences=[
            {
                "kind": Licence.Kind.SECURITY_ORDER,
                "number": "15/GCN-ANTT",
                "issuer": "Công an tỉnh Sơn La",
                "issued_on": datetime.date(2023, 1, 10),
            }
        ],
    )


@pytest.fixture
def muong_bu_guesthouse(other_commune_officer, other_commune, guesthouse) -> Establishment:
    return services.establishment_create(
        actor=other_commune_officer,
        unit=other_commune,
        type=guesthouse,
        name="Nhà nghỉ Suối Bú",
        address="Bản Bó, xã Mường Bú",
        worker_count=3,
        opened_on=datetime.date(2021, 3, 1),
    )


@pytest.fixture
def police_officer(son_la):
    """Provincial police: sees establishments, records sanctions, does not manage the registry."""
    user = UserFactory(username="congan.sonla", full_name="Lường Văn Công")
    MembershipFactory(user=user, unit=son_la, role=Role.POLICE_OFFICER)
    return user
