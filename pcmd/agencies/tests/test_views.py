import datetime

import pytest
from django.urls import reverse

from pcmd.agencies.models import Agency, AgencyKind, FocalAgencyAssignment, InspectionTeam, TeamMember
from pcmd.agencies.tests.factories import AgencyFactory, TeamMemberFactory

D = datetime.date


def table(body: str, testid: str) -> str:
    """The HTML of the table with this data-testid (the page header also names the user's agency)."""
    start = body.find(f'data-testid="{testid}"')
    return body[start : body.index("</table>", start)] if start >= 0 else ""


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def focal(son_la, health_department):
    return FocalAgencyAssignment.objects.create(
        unit=son_la, agency=health_department, valid_from=D(2025, 3, 1), legal_basis="Nghị định 42/2025/NĐ-CP"
    )


# --- lists --------------------------------------------------------------------------------------------------


def test_agency_list_shows_agencies_of_the_jurisdiction_and_todays_focal_agency(
    login, province_officer, son_la, commune, focal
):
    AgencyFactory.create(unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu")
    AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")
    # when
    response = login(province_officer).get(reverse("agencies:agency-list"))
    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert "Công an phường Tô Hiệu" in body and "Công an tỉnh Sơn La" in body
    assert "Cơ quan thường trực về phòng, chống mại dâm của Tỉnh Sơn La" in body
    assert "từ 01/03/2025" in body
    assert "Thêm cơ quan" in body


def test_agency_list_of_another_province_shows_nothing_of_son_la(
    login, other_province_officer, health_department
):
    body = table(
        login(other_province_officer).get(reverse("agencies:agency-list")).content.decode(), "agency-table"
    )
    assert "Sở Y tế tỉnh Sơn La" not in body
    assert "Sở Y tế tỉnh Lai Châu" in body


def test_commune_officer_sees_the_provincial_focal_agency_but_no_add_button(login, commune_officer, focal):
    body = login(commune_officer).get(reverse("agencies:agency-list")).content.decode()
    assert "Cơ quan thường trực về phòng, chống mại dâm của Tỉnh Sơn La" in body
    assert (
        "<strong>Sở Y tế tỉnh Sơn La</strong>" in body
    )  # named, not linked: its page is outside the commune
    assert "Sở Y tế tỉnh Sơn La" not in table(body, "agency-table")  # but not listed: not in their commune
    assert "Thêm cơ quan" not in body


def test_agency_list_search_ignores_diacritics_and_filters_by_kind(
    login, province_officer, son_la, health_department
):
    AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")
    client = login(province_officer)
    body = table(
        client.get(reverse("agencies:agency-list"), {"q": "cong an"}).content.decode(), "agency-table"
    )
    assert "Công an tỉnh Sơn La" in body and "Sở Y tế tỉnh Sơn La" not in body
    body = table(
        client.get(reverse("agencies:agency-list"), {"kind": AgencyKind.HEALTH}).content.decode(),
        "agency-table",
    )
    assert "Sở Y tế tỉnh Sơn La" in body and "Công an tỉnh Sơn La" not in body


def test_agency_list_with_a_bad_filter_shows_a_vietnamese_error(login, province_officer, health_department):
    response = login(province_officer).get(reverse("agencies:agency-list"), {"kind": "bogus", "unit": "99"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in body


def test_agency_list_is_paginated_keeping_the_filters(login, province_officer, son_la):
    for i in range(55):
        AgencyFactory.create(unit=son_la, kind=AgencyKind.OTHER, name=f"Hội {i:02d}")
    client = login(province_officer)
    first = client.get(reverse("agencies:agency-list"), {"q": "hoi"}).content.decode()
    assert "Trang 1/2" in first and "q=hoi&amp;page=2" in first
    second = client.get(reverse("agencies:agency-list"), {"q": "hoi", "page": 2}).content.decode()
    assert "Hội 54" in second and "Hội 00" not in second


def test_anonymous_is_sent_to_login(anonymous):
    response = anonymous.get(reverse("agencies:agency-list"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_user_without_membership_is_refused_the_lists(login, no_membership_user):
    client = login(no_membership_user)
    assert client.get(reverse("agencies:agency-list")).status_code == 403
    assert client.get(reverse("agencies:team-list")).status_code == 403


# --- detail -------------------------------------------------------------------------------------------------


def test_agency_detail_shows_the_focal_history(login, province_officer, health_department, focal):
    response = login(province_officer).get(reverse("agencies:agency-detail", args=[health_department.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nghị định 42/2025/NĐ-CP" in body
    assert "01/03/2025" in body


def test_agency_detail_of_another_province_is_404(login, other_province_officer, health_department):
    response = login(other_province_officer).get(
        reverse("agencies:agency-detail", args=[health_department.pk])
    )
    assert response.status_code == 404


def test_agency_detail_of_the_province_is_404_for_a_commune_officer(
    login, commune_officer, health_department
):
    assert (
        login(commune_officer).get(reverse("agencies:agency-detail", args=[health_department.pk])).status_code
        == 404
    )


# --- create / edit ------------------------------------------------------------------------------------------


def test_coordinator_creates_an_agency_through_the_form(login, province_officer, commune):
    response = login(province_officer).post(
        reverse("agencies:agency-create"),
        {
            "unit": commune.code,
            "kind": AgencyKind.POLICE,
            "name": "Công an phường Tô Hiệu",
            "short_name": "",
            "valid_from": "01/07/2025",
            "valid_to": "",
        },
    )
    agency = Agency.objects.get(name="Công an phường Tô Hiệu")
    assert response.status_code == 302 and response["Location"] == agency.get_absolute_url()
    assert agency.valid_from == D(2025, 7, 1)


def test_agency_form_shows_vietnamese_field_errors(login, province_officer, son_la, health_department):
    response = login(province_officer).post(
        reverse("agencies:agency-create"),
        {
            "unit": son_la.code,
            "kind": AgencyKind.HEALTH,
            "name": health_department.name,
            "valid_from": "31/02/2025",
            "valid_to": "",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nhập một ngày hợp lệ." in body
    # the duplicate is reported once the dates are valid
    response = login(province_officer).post(
        reverse("agencies:agency-create"),
        {
            "unit": son_la.code,
            "kind": AgencyKind.HEALTH,
            "name": health_department.name,
            "valid_from": "",
            "valid_to": "",
        },
    )
    assert "Đơn vị hành chính này đã có cơ quan tên «Sở Y tế tỉnh Sơn La»." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert Agency.objects.filter(unit=son_la).count() == 1


def test_agency_form_refuses_a_unit_outside_the_jurisdiction(login, province_officer, other_province):
    response = login(province_officer).post(
        reverse("agencies:agency-create"),
        {
            "unit": other_province.code,
            "kind": AgencyKind.POLICE,
            "name": "Công an tỉnh Lai Châu",
        },
    )
    assert response.status_code == 200
    assert not Agency.objects.filter(name="Công an tỉnh Lai Châu").exists()


@pytest.mark.parametrize("persona", ["commune_officer", "inspector", "case_worker"])
def test_roles_without_manage_agencies_get_403_on_the_create_form(login, request, persona):
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("agencies:agency-create")).status_code == 403
    assert client.get(reverse("agencies:team-create")).status_code == 403


def test_commune_officer_gets_403_editing_an_agency_of_their_commune(login, commune_officer, commune):
    agency = AgencyFactory.create(unit=commune, name="Công an phường Tô Hiệu")
    assert login(commune_officer).get(reverse("agencies:agency-edit", args=[agency.pk])).status_code == 403


def test_outsider_gets_404_editing_an_agency(login, other_province_officer, health_department):
    client = login(other_province_officer)
    assert client.get(reverse("agencies:agency-edit", args=[health_department.pk])).status_code == 404
    assert (
        client.post(
            reverse("agencies:agency-close", args=[health_department.pk]), {"on": "01/01/2026"}
        ).status_code
        == 404
    )


def test_stale_edit_is_refused_with_a_vietnamese_message(login, province_officer, health_department):
    client = login(province_officer)
    url = reverse("agencies:agency-edit", args=[health_department.pk])
    form = {
        "kind": AgencyKind.HEALTH,
        "name": "Sở Y tế tỉnh Sơn La",
        "short_name": "SYT",
        "valid_from": "",
        "valid_to": "",
        "version": "1",
    }
    assert client.post(url, form).status_code == 302
    # when the same (now stale) form is sent again with another change
    response = client.post(url, {**form, "short_name": "Sở YT"})
    # then
    assert response.status_code == 200
    assert "Bản ghi đã được người khác sửa sau khi bạn mở" in response.content.decode()
    health_department.refresh_from_db()
    assert health_department.short_name == "SYT"


def test_closing_an_agency_from_its_page(login, province_officer, son_la):
    agency = AgencyFactory.create(unit=son_la, kind=AgencyKind.LABOUR_SOCIAL, name="Sở LĐ-TB&XH")
    response = login(province_officer).post(
        reverse("agencies:agency-close", args=[agency.pk]), {"on": "28/02/2025", "version": "1"}
    )
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.valid_to == D(2025, 2, 28)


def test_closing_with_a_bad_date_shows_the_error_on_the_page(login, province_officer, health_department):
    response = login(province_officer).post(
        reverse("agencies:agency-close", args=[health_department.pk]), {"on": "hôm qua", "version": "1"}
    )
    assert response.status_code == 400
    assert "Nhập một ngày hợp lệ." in response.content.decode()


def test_assigning_the_focal_agency_from_its_page(login, province_officer, son_la, health_department):
    response = login(province_officer).post(
        reverse("agencies:focal-assign", args=[health_department.pk]),
        {"valid_from": "01/03/2025", "legal_basis": "NĐ 42/2025"},
    )
    assert response.status_code == 302
    assert FocalAgencyAssignment.objects.get().agency == health_department


def test_overlapping_focal_assignment_is_shown_as_a_field_error(
    login, province_officer, son_la, health_department, focal
):
    other = AgencyFactory.create(unit=son_la, kind=AgencyKind.OTHER, name="Ban Chỉ đạo 138")
    response = login(province_officer).post(
        reverse("agencies:focal-assign", args=[other.pk]),
        {"valid_from": "01/01/2025", "valid_to": "01/06/2025"},
    )
    assert response.status_code == 400
    assert "trùng với thời gian Sở Y tế tỉnh Sơn La là cơ quan thường trực" in response.content.decode()


# --- teams --------------------------------------------------------------------------------------------------


def test_team_list_and_detail_group_members_by_agency(login, province_officer, son_la, provincial_team):
    police = AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")
    TeamMemberFactory.create(team=provincial_team, agency=police, full_name="Lường Văn Bình")
    TeamMemberFactory.create(
        team=provincial_team, full_name="Lò Thị Yến", team_role=TeamMember.TeamRole.LEADER
    )
    client = login(province_officer)
    # list
    body = client.get(reverse("agencies:team-list")).content.decode()
    assert provincial_team.name in body
    # detail
    body = client.get(reverse("agencies:team-detail", args=[provincial_team.pk])).content.decode()
    assert (
        body.index("Sở Y tế tỉnh Sơn La")
        < body.index("Lò Thị Yến")
        < body.index("Công an tỉnh Sơn La")
        < body.index("Lường Văn Bình")
    )
    assert body.count('data-testid="member-group"') == 2


def test_team_detail_of_another_province_is_404(login, other_province_officer, provincial_team):
    assert (
        login(other_province_officer)
        .get(reverse("agencies:team-detail", args=[provincial_team.pk]))
        .status_code
        == 404
    )


def test_coordinator_creates_a_team_and_adds_a_member(login, province_officer, son_la, health_department):
    client = login(province_officer)
    response = client.post(
        reverse("agencies:team-create"),
        {
            "unit": son_la.code,
            "name": "Đội kiểm tra liên ngành 178 tỉnh",
            "lead_agency": health_department.pk,
            "established_by": "12/QĐ-UBND",
            "established_on": "15/03/2025",
        },
    )
    team = InspectionTeam.objects.get()
    assert response.status_code == 302 and team.established_on == D(2025, 3, 15)
    response = client.post(
        reverse("agencies:team-member-add", args=[team.pk]),
        {
            "agency": health_department.pk,
            "full_name": "Lò Thị Hương",
            "position": "Phó Giám đốc",
            "team_role": TeamMember.TeamRole.LEADER,
            "joined_on": "",
        },
    )
    assert response.status_code == 302
    assert team.members.get().full_name == "Lò Thị Hương"


def test_member_form_does_not_offer_agencies_of_a_commune_for_the_provincial_team(
    login, province_officer, commune, provincial_team
):
    AgencyFactory.create(unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu")
    body = (
        login(province_officer)
        .get(reverse("agencies:team-member-add", args=[provincial_team.pk]))
        .content.decode()
    )
    assert "Sở Y tế tỉnh Sơn La" in body
    assert "Công an phường Tô Hiệu" not in body


def test_member_leaves_the_team_from_its_page(login, province_officer, provincial_team):
    member = TeamMemberFactory.create(team=provincial_team, full_name="Lò Văn Cũ")
    client = login(province_officer)
    response = client.post(
        reverse("agencies:team-member-remove", args=[provincial_team.pk, member.pk]),
        {"left_on": "31/12/2025"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.left_on == D(2025, 12, 31)
    body = client.get(reverse("agencies:team-detail", args=[provincial_team.pk])).content.decode()
    assert "Thành viên đã rời đội" in body


def test_stale_team_edit_is_refused(login, province_officer, provincial_team, health_department):
    client = login(province_officer)
    url = reverse("agencies:team-edit", args=[provincial_team.pk])
    form = {
        "name": provincial_team.name,
        "lead_agency": health_department.pk,
        "established_by": "A",
        "established_on": "",
        "dissolved_on": "",
        "version": "1",
    }
    assert client.post(url, form).status_code == 302
    response = client.post(url, {**form, "established_by": "B"})
    assert "Bản ghi đã được người khác sửa" in response.content.decode()


def test_outsider_cannot_add_members_to_a_son_la_team(login, other_province_officer, provincial_team):
    response = login(other_province_officer).post(
        reverse("agencies:team-member-add", args=[provincial_team.pk]), {"full_name": "X"}
    )
    assert response.status_code == 404
    assert not provincial_team.members.exists()
