import datetime

import pytest
from django.http import Http404

from pcmd.agencies import selectors
from pcmd.agencies.models import AgencyKind, FocalAgencyAssignment, TeamMember
from pcmd.agencies.tests.factories import AgencyFactory, InspectionTeamFactory, TeamMemberFactory
from pcmd.geography.models import AdminUnit
from pcmd.geography.tests.factories import make_commune, make_legacy

D = datetime.date


@pytest.fixture
def agencies(son_la, commune, other_commune, other_province, health_department):
    return {
        "police": AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La"),
        "commune_police": AgencyFactory.create(
            unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu"
        ),
        "other_commune_ubnd": AgencyFactory.create(
            unit=other_commune, kind=AgencyKind.PEOPLES_COMMITTEE, name="Ủy ban nhân dân xã Mường Bú"
        ),
        "lai_chau": AgencyFactory.create(
            unit=other_province, kind=AgencyKind.POLICE, name="Công an tỉnh Lai Châu"
        ),
        "health": health_department,
    }


def test_province_officer_sees_agencies_of_the_province_and_its_communes(province_officer, agencies):
    visible = set(selectors.agencies_visible_to(province_officer))
    assert visible == {
        agencies["police"],
        agencies["commune_police"],
        agencies["other_commune_ubnd"],
        agencies["health"],
    }


def test_commune_officer_sees_only_their_commune_agencies(commune_officer, agencies):
    assert list(selectors.agencies_visible_to(commune_officer)) == [agencies["commune_police"]]


def test_officer_of_another_province_sees_no_son_la_agency(other_province_officer, agencies):
    visible = list(selectors.agencies_visible_to(other_province_officer))
    assert agencies["lai_chau"] in visible
    assert not [a for a in visible if a.unit.scope_path.startswith("14")]


def test_user_without_membership_sees_no_agency(no_membership_user, agencies):
    assert not selectors.agencies_visible_to(no_membership_user).exists()


def test_agency_search_ignores_diacritics_and_case(province_officer, agencies):
    assert list(selectors.agencies_visible_to(province_officer, q="CONG AN to hieu")) == [
        agencies["commune_police"]
    ]
    assert list(selectors.agencies_visible_to(province_officer, q="Sở Y Tế")) == [agencies["health"]]


def test_agency_filter_by_kind_and_unit(province_officer, agencies, son_la):
    police = selectors.agencies_visible_to(province_officer, kind=AgencyKind.POLICE)
    assert set(police) == {agencies["police"], agencies["commune_police"]}
    assert list(selectors.agencies_visible_to(province_officer, kind=AgencyKind.POLICE, unit=son_la)) == [
        agencies["police"]
    ]


def test_agencies_are_listed_province_first_then_in_vietnamese_order(province_officer, son_la):
    for name in [
        "Tòa án nhân dân tỉnh",
        "Ban Chỉ đạo 138 tỉnh",
        "Ủy ban nhân dân tỉnh",
        "Công an tỉnh",
        "Đài PT-TH",
    ]:
        AgencyFactory.create(unit=son_la, name=name)
    names = [a.name for a in selectors.agencies_visible_to(province_officer, unit=son_la)]
    assert names == [
        "Ban Chỉ đạo 138 tỉnh",
        "Công an tỉnh",
        "Đài PT-TH",
        "Sở Y tế tỉnh Sơn La",
        "Tòa án nhân dân tỉnh",
        "Ủy ban nhân dân tỉnh",
    ]


def test_closed_agencies_are_dropped_when_asked_for_the_active_ones(
    province_officer, son_la, health_department
):
    closed = AgencyFactory.create(unit=son_la, name="Sở LĐ-TB&XH", valid_to=D(2025, 2, 28))
    assert closed in selectors.agencies_visible_to(province_officer)
    assert closed not in selectors.agencies_visible_to(province_officer, active_on=D(2026, 1, 1))


def test_agency_get_is_404_outside_the_jurisdiction(other_province_officer, commune_officer, agencies):
    with pytest.raises(Http404):
        selectors.agency_get(other_province_officer, agencies["health"].pk)
    with pytest.raises(Http404):
        selectors.agency_get(commune_officer, agencies["health"].pk)
    assert selectors.agency_get(commune_officer, agencies["commune_police"].pk) == agencies["commune_police"]


def test_unit_get_by_code_only_finds_units_in_the_jurisdiction(
    commune_officer, province_officer, commune, other_commune, other_province
):
    assert selectors.unit_get_by_code(province_officer, "04168") == other_commune
    assert selectors.unit_get_by_code(commune_officer, "04168") is None
    assert selectors.unit_get_by_code(province_officer, "12") is None
    assert selectors.unit_get_by_code(province_officer, "") is None


# --- focal agency -------------------------------------------------------------------------------------------


@pytest.fixture
def focal_history(son_la, health_department):
    labour = AgencyFactory.create(
        unit=son_la,
        kind=AgencyKind.LABOUR_SOCIAL,
        name="Sở Lao động - Thương binh và Xã hội",
        valid_to=D(2025, 2, 28),
    )
    FocalAgencyAssignment.objects.create(unit=son_la, agency=labour, valid_to=D(2025, 2, 28))
    FocalAgencyAssignment.objects.create(unit=son_la, agency=health_department, valid_from=D(2025, 3, 1))
    return labour, health_department


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2022, 6, 30), "labour"),
        (D(2025, 2, 28), "labour"),
        (D(2025, 3, 1), "health"),
        (D(2026, 5, 15), "health"),
    ],
)
def test_focal_agency_of_the_province_depends_on_the_date(son_la, focal_history, day, expected):
    labour, health = focal_history
    assert selectors.focal_agency_of(son_la, on=day) == {"labour": labour, "health": health}[expected]


def test_commune_without_its_own_focal_agency_falls_back_to_its_province(commune, focal_history):
    labour, health = focal_history
    assert selectors.focal_agency_of(commune, on=D(2026, 1, 1)) == health
    assert selectors.focal_agency_of(commune, on=D(2024, 1, 1)) == labour


def test_commune_with_its_own_focal_agency_uses_it(commune, focal_history):
    own = AgencyFactory.create(
        unit=commune, kind=AgencyKind.CULTURE_SOCIAL_OFFICE, name="Phòng Văn hóa - Xã hội"
    )
    FocalAgencyAssignment.objects.create(unit=commune, agency=own, valid_from=D(2025, 7, 1))
    assert selectors.focal_agency_of(commune, on=D(2025, 8, 1)) == own
    # before its own assignment the province's applies
    assert selectors.focal_agency_of(commune, on=D(2025, 6, 1)) == focal_history[1]


def test_legacy_commune_finds_the_focal_agency_of_the_current_province(son_la, commune, focal_history):
    legacy_district = make_legacy(
        "116", "Thành phố Sơn La", AdminUnit.Level.DISTRICT, None, son_la.scope_path
    )
    legacy_commune = make_legacy(
        "04105", "Phường Tô Hiệu", AdminUnit.Level.COMMUNE, legacy_district, commune.scope_path
    )
    assert selectors.focal_agency_of(legacy_commune, on=D(2023, 1, 1)) == focal_history[0]


def test_unit_without_any_focal_assignment_has_none(other_province):
    assert selectors.focal_agency_of(other_province, on=D(2026, 1, 1)) is None


def test_focal_agency_for_a_commune_officer_is_their_provinces(commune_officer, focal_history):
    assignment = selectors.focal_assignment_for_user(commune_officer, on=D(2026, 1, 1))
    assert assignment is not None and assignment.agency == focal_history[1]


def test_focal_agency_for_a_national_admin_is_none(system_admin, focal_history):
    assert selectors.focal_assignment_for_user(system_admin) is None


# --- teams --------------------------------------------------------------------------------------------------


@pytest.fixture
def commune_team(commune):
    lead = AgencyFactory.create(
        unit=commune, kind=AgencyKind.PEOPLES_COMMITTEE, name="Ủy ban nhân dân phường Tô Hiệu"
    )
    return InspectionTeamFactory.create(
        unit=commune, lead_agency=lead, name="Đội kiểm tra liên ngành phường Tô Hiệu"
    )


def test_teams_are_scoped_like_agencies(
    province_officer,
    commune_officer,
    other_commune_officer,
    other_province_officer,
    provincial_team,
    commune_team,
):
    assert set(selectors.teams_visible_to(province_officer)) == {provincial_team, commune_team}
    assert list(selectors.teams_visible_to(commune_officer)) == [commune_team]
    assert not selectors.teams_visible_to(other_commune_officer).exists()
    assert not selectors.teams_visible_to(other_province_officer).exists()


def test_team_get_is_404_outside_the_jurisdiction(
    other_province_officer, other_commune_officer, commune_team
):
    for outsider in (other_province_officer, other_commune_officer):
        with pytest.raises(Http404):
            selectors.team_get(outsider, commune_team.pk)


def test_team_search_ignores_diacritics(province_officer, provincial_team, commune_team):
    assert list(selectors.teams_visible_to(province_officer, q="to hieu")) == [commune_team]


def test_team_members_are_grouped_by_agency_lead_agency_first(son_la, provincial_team):
    police = AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")
    culture = AgencyFactory.create(unit=son_la, kind=AgencyKind.CULTURE_SPORTS_TOURISM, name="Ban Văn hóa")
    lead = provincial_team.lead_agency
    TeamMemberFactory.create(team=provincial_team, agency=police, full_name="Lường Văn Bình")
    TeamMemberFactory.create(team=provincial_team, agency=lead, full_name="Lò Thị Yến")
    TeamMemberFactory.create(
        team=provincial_team, agency=lead, full_name="Cầm Văn An", team_role=TeamMember.TeamRole.LEADER
    )
    TeamMemberFactory.create(team=provincial_team, agency=lead, full_name="Hà Văn Dũng")
    TeamMemberFactory.create(
        team=provincial_team, agency=culture, full_name="Tòng Văn Cũ", left_on=D(2025, 1, 1)
    )
    team = selectors.team_get(_admin(), provincial_team.pk)
    # when
    groups = selectors.team_members_by_agency(team, on=D(2026, 1, 1))
    # then
    assert [(g.agency, [m.full_name for m in g.members]) for g in groups] == [
        (lead, ["Cầm Văn An", "Hà Văn Dũng", "Lò Thị Yến"]),
        (police, ["Lường Văn Bình"]),
    ]
    assert [m.full_name for m in selectors.former_members_of(team, on=D(2026, 1, 1))] == ["Tòng Văn Cũ"]


def _admin():
    from pcmd.accounts.capabilities import Role
    from pcmd.accounts.tests.factories import MembershipFactory

    return MembershipFactory.create(role=Role.SYSTEM_ADMIN, unit=None).user


def test_units_visible_to_a_province_officer_are_current_province_and_communes(
    province_officer, son_la, commune, other_commune
):
    make_commune(son_la, "04200", "Xã Ảo")  # another commune of Sơn La
    units = list(selectors.units_visible_to(province_officer))
    assert units[0] == son_la
    assert [u.name for u in units[1:]] == ["Phường Tô Hiệu", "Xã Ảo", "Xã Mường Bú"]
