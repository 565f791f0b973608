"""Fixtures of the inspections tests: Sơn La's provincial team with two members, establishments in two
communes and in another province, a legal basis valid in 2026, and an inspection recorded by the inspector."""

import datetime

import pytest
from rest_framework.test import APIClient

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import AgencyKind, TeamMember
from pcmd.agencies.tests.factories import AgencyFactory, InspectionTeamFactory, TeamMemberFactory
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.geography.tests.factories import make_commune
from pcmd.inspections import services
from pcmd.inspections.models import InspectionMode
from pcmd.inspections.selectors import checklist_items
from pcmd.inspections.tests.factories import at
from pcmd.legal.models import LegalProvision
from pcmd.legal.tests.factories import LegalDocumentFactory, LegalProvisionFactory

D = datetime.date
INSPECTION_DAY = D(2026, 3, 10)


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def api():
    def _as(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return _as


@pytest.fixture
def police_agency(son_la):
    return AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")


@pytest.fixture
def police_officer(son_la, police_agency):
    """Records sanction decisions (SANCTION_RECORD) in Sơn La."""
    user = UserFactory.create(username="congan.sonla", full_name="Lường Văn Dũng")
    MembershipFactory.create(user=user, unit=son_la, agency=police_agency, role=Role.POLICE_OFFICER)
    return user


@pytest.fixture
def other_province_police(other_province):
    agency = AgencyFactory.create(unit=other_province, kind=AgencyKind.POLICE, name="Công an tỉnh Lai Châu")
    user = UserFactory.create(username="congan.laichau")
    MembershipFactory.create(user=user, unit=other_province, agency=agency, role=Role.POLICE_OFFICER)
    return user


@pytest.fixture
def leader(provincial_team, inspector):
    return TeamMemberFactory.create(
        team=provincial_team,
        full_name="Hà Văn Kiểm",
        position="Phó Giám đốc Sở Y tế",
        team_role=TeamMember.TeamRole.LEADER,
        user=inspector,
    )


@pytest.fixture
def member(provincial_team, police_agency):
    return TeamMemberFactory.create(
        team=provincial_team, agency=police_agency, full_name="Quàng Văn Hải", position="Cán bộ Công an tỉnh"
    )


@pytest.fixture
def commune_team(commune):
    return InspectionTeamFactory.create(unit=commune, name="Đội kiểm tra liên ngành 178 phường Tô Hiệu")


@pytest.fixture
def commune_inspector(commune, commune_team):
    """An inspector of another team: the Tô Hiệu commune team."""
    user = UserFactory.create(username="thanhtra.tohieu")
    MembershipFactory.create(user=user, unit=commune, team=commune_team, role=Role.INSPECTOR)
    return user


@pytest.fixture
def hoa_hong(commune):
    return EstablishmentFactory.create(
        unit=commune, name="Karaoke Hoa Hồng", address="Số 12 đường Tô Hiệu", opened_on=D(2019, 5, 1)
    )


@pytest.fixture
def suoi_bu(other_commune):
    return EstablishmentFactory.create(
        unit=other_commune, name="Nhà nghỉ Suối Bú", address="Bản Bó", opened_on=D(2021, 3, 1)
    )


@pytest.fixture
def lai_chau_bar(other_province):
    commune = make_commune(other_province, "03400", "Phường Tân Phong")
    return EstablishmentFactory.create(unit=commune, name="Quán bar Lai Châu", opened_on=D(2020, 1, 1))


@pytest.fixture
def karaoke_hours(db):
    """An organisation's act, fine 5–10 million đồng, valid through 2026."""
    document = LegalDocumentFactory.create(number="901/2025/NĐ-CP", effective_from=D(2025, 1, 1))
    return LegalProvisionFactory.create(
        document=document,
        article="15",
        clause="2",
        point="a",
        act="Kinh doanh karaoke quá giờ quy định",
        applies_to=LegalProvision.AppliesTo.ORGANISATION,
        fine_min=5_000_000,
        fine_max=10_000_000,
        valid_from=D(2025, 1, 1),
    )


@pytest.fixture
def inspection(inspector, provincial_team, hoa_hong, leader, member):
    """An unannounced inspection of Karaoke Hoa Hồng on 10/03/2026 by the provincial team."""
    items = list(checklist_items())
    return services.inspection_record(
        actor=inspector,
        team=provincial_team,
        establishment=hoa_hong,
        mode=InspectionMode.UNANNOUNCED,
        started_at=at(INSPECTION_DAY, 20, 30),
        ended_at=at(INSPECTION_DAY, 22, 0),
        members_present=[leader, member],
        checklist=[
            services.ChecklistEntry(items[0], "ok"),
            services.ChecklistEntry(items[2], "not_ok", "Hoạt động sau 00:00"),
        ],
        findings="Cơ sở hoạt động quá giờ quy định.",
        minutes_number="12/BB-ĐKT",
        representative_name="Lò Văn Hồng",
        representative_role="Chủ cơ sở",
    )


@pytest.fixture
def violation(inspector, inspection, karaoke_hours):
    return services.violation_record(
        actor=inspector, inspection=inspection, act="Hoạt động karaoke sau 00:00", provision=karaoke_hours
    )
