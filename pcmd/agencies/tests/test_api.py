import pytest
from auditlog.models import LogEntry
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from pcmd.agencies.models import Agency, AgencyKind, InspectionTeam, TeamMember
from pcmd.agencies.tests.factories import AgencyFactory, TeamMemberFactory


@pytest.fixture
def api():
    def _as(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return _as


@pytest.fixture
def son_la_agencies(son_la, commune, health_department):
    police = AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")
    commune_police = AgencyFactory.create(unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu")
    return {"health": health_department, "police": police, "commune_police": commune_police}


# --- agencies: read -----------------------------------------------------------------------------------------


def test_agency_list_is_scoped_and_paginated(api, province_officer, son_la_agencies, other_province_officer):
    response = api(province_officer).get("/api/v1/agencies/")
    assert response.status_code == 200
    names = [row["name"] for row in response.json()["results"]]
    assert set(names) == {"Sở Y tế tỉnh Sơn La", "Công an tỉnh Sơn La", "Công an phường Tô Hiệu"}
    assert response.json()["count"] == 3
    first = response.json()["results"][0]
    assert first["unit"] == {"code": "14", "name": "Tỉnh Sơn La", "level": "province"}
    assert {"kind_display", "is_active", "version"} <= set(first)


def test_agency_list_filters_by_unit_kind_and_text(api, province_officer, son_la_agencies, commune):
    client = api(province_officer)
    by_unit = client.get("/api/v1/agencies/", {"unit": commune.code}).json()["results"]
    assert [a["name"] for a in by_unit] == ["Công an phường Tô Hiệu"]
    by_kind = client.get("/api/v1/agencies/", {"kind": "police", "unit": "14"}).json()["results"]
    assert [a["name"] for a in by_kind] == ["Công an tỉnh Sơn La"]
    by_text = client.get("/api/v1/agencies/", {"q": "SO Y TE"}).json()["results"]
    assert [a["name"] for a in by_text] == ["Sở Y tế tỉnh Sơn La"]


def test_another_provinces_officer_sees_no_son_la_agency(api, other_province_officer, son_la_agencies):
    names = [a["name"] for a in api(other_province_officer).get("/api/v1/agencies/").json()["results"]]
    assert names == ["Sở Y tế tỉnh Lai Châu"]


def test_unknown_or_outside_unit_code_is_a_400_in_vietnamese(
    api, province_officer, other_province, son_la_agencies
):
    client = api(province_officer)
    for code in ("99", other_province.code):
        response = client.get("/api/v1/agencies/", {"unit": code})
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "invalid"
        assert body["errors"]["unit"] == [
            f"Không tìm thấy đơn vị hành chính có mã «{code}» trong phạm vi của bạn."
        ]


def test_unknown_kind_is_a_400_in_vietnamese(api, province_officer):
    response = api(province_officer).get("/api/v1/agencies/", {"kind": "ufo"})
    assert response.status_code == 400
    assert response.json()["errors"]["kind"] == ["«ufo» không phải là lựa chọn hợp lệ."]


def test_agency_detail_of_another_province_is_404(
    api, other_province_officer, province_officer, son_la_agencies
):
    agency_id = son_la_agencies["health"].pk
    assert api(province_officer).get(f"/api/v1/agencies/{agency_id}/").status_code == 200
    response = api(other_province_officer).get(f"/api/v1/agencies/{agency_id}/")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy."


def test_commune_officer_gets_404_for_a_provincial_agency(api, commune_officer, son_la_agencies):
    assert api(commune_officer).get(f"/api/v1/agencies/{son_la_agencies['health'].pk}/").status_code == 404
    assert (
        api(commune_officer).get(f"/api/v1/agencies/{son_la_agencies['commune_police'].pk}/").status_code
        == 200
    )


def test_anonymous_gets_401_or_403(api):
    assert api().get("/api/v1/agencies/").status_code in (401, 403)


def test_user_without_membership_is_refused(api, no_membership_user):
    assert api(no_membership_user).get("/api/v1/agencies/").status_code == 403


# --- agencies: write ----------------------------------------------------------------------------------------


def test_coordinator_creates_an_agency(api, province_officer, commune):
    response = api(province_officer).post(
        "/api/v1/agencies/",
        {
            "unit": commune.code,
            "kind": "peoples_committee",
            "name": "Ủy ban nhân dân phường Tô Hiệu",
            "valid_from": "01/07/2025",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    agency = Agency.objects.get(pk=response.json()["id"])
    assert (agency.unit, str(agency.valid_from)) == (commune, "2025-07-01")


def test_create_with_bad_input_gives_vietnamese_field_errors_and_writes_nothing(
    api, province_officer, son_la
):
    before = Agency.objects.count()
    response = api(province_officer).post(
        "/api/v1/agencies/",
        {
            "unit": "14",
            "kind": "nope",
            "valid_from": "31/02/2025",
        },
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["name"] == ["Trường này là bắt buộc."]
    assert errors["kind"] == ["«nope» không phải là lựa chọn hợp lệ."]
    assert errors["valid_from"] == ["Ngày không hợp lệ. Dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd."]
    assert Agency.objects.count() == before


def test_create_with_a_service_rule_broken_gives_400_with_the_field(api, province_officer, health_department):
    response = api(province_officer).post(
        "/api/v1/agencies/",
        {
            "unit": "14",
            "kind": "health",
            "name": "Sở Y tế tỉnh Sơn La",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["name"] == [
        "Đơn vị hành chính này đã có cơ quan tên «Sở Y tế tỉnh Sơn La»."
    ]


def test_create_body_that_is_not_an_object_is_a_400(api, province_officer):
    response = api(province_officer).post("/api/v1/agencies/", ["x"], format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == ["Dữ liệu gửi lên phải là một đối tượng JSON."]


def test_coordinator_cannot_create_in_another_province(api, other_province_officer, son_la):
    response = api(other_province_officer).post(
        "/api/v1/agencies/",
        {
            "unit": "14",
            "kind": "police",
            "name": "Công an tỉnh Sơn La",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "unit" in response.json()["errors"]
    assert not Agency.objects.filter(name="Công an tỉnh Sơn La").exists()


def test_commune_officer_cannot_create_agencies(api, commune_officer, commune):
    response = api(commune_officer).post(
        "/api/v1/agencies/",
        {
            "unit": commune.code,
            "kind": "police",
            "name": "Công an phường",
        },
        format="json",
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Bạn không có quyền thực hiện thao tác này."


def test_patch_with_the_current_version_updates_and_a_stale_one_is_refused(
    api, province_officer, health_department
):
    client = api(province_officer)
    url = f"/api/v1/agencies/{health_department.pk}/"
    response = client.patch(url, {"version": 1, "short_name": "SYT"}, format="json")
    assert response.status_code == 200 and response.json()["version"] == 2
    response = client.patch(url, {"version": 1, "short_name": "Sở YT"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["version"][0].startswith("Bản ghi đã được người khác sửa")
    health_department.refresh_from_db()
    assert health_department.short_name == "SYT"


def test_patch_of_another_provinces_agency_is_404(api, other_province_officer, health_department):
    response = api(other_province_officer).patch(
        f"/api/v1/agencies/{health_department.pk}/", {"version": 1, "short_name": "X"}, format="json"
    )
    assert response.status_code == 404


def test_token_api_change_is_logged_with_the_actor(province_officer, health_department):
    # given a token client (no session: the actor is not known to the request middleware)
    token = Token.objects.create(user=province_officer)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    # when
    response = client.patch(
        f"/api/v1/agencies/{health_department.pk}/", {"version": 1, "short_name": "SYT"}, format="json"
    )
    # then
    assert response.status_code == 200
    entry = LogEntry.objects.get_for_object(health_department).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == province_officer


# --- teams --------------------------------------------------------------------------------------------------


def test_team_list_and_detail_include_members(api, province_officer, provincial_team):
    TeamMemberFactory.create(
        team=provincial_team, full_name="Lò Thị Hương", team_role=TeamMember.TeamRole.LEADER
    )
    client = api(province_officer)
    listing = client.get("/api/v1/teams/").json()
    assert listing["count"] == 1
    assert listing["results"][0]["members"][0]["full_name"] == "Lò Thị Hương"
    detail = client.get(f"/api/v1/teams/{provincial_team.pk}/").json()
    assert detail["lead_agency"]["name"] == "Sở Y tế tỉnh Sơn La"
    assert detail["members"][0]["team_role_display"] == "Đội trưởng"


def test_team_of_another_province_is_invisible(api, other_province_officer, provincial_team):
    client = api(other_province_officer)
    assert client.get("/api/v1/teams/").json()["count"] == 0
    assert client.get(f"/api/v1/teams/{provincial_team.pk}/").status_code == 404


def test_coordinator_creates_a_team_and_adds_members(api, province_officer, son_la, health_department):
    client = api(province_officer)
    response = client.post(
        "/api/v1/teams/",
        {
            "unit": "14",
            "name": "Đội kiểm tra liên ngành 178 tỉnh Sơn La",
            "lead_agency": health_department.pk,
            "established_on": "2025-03-15",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    team_id = response.json()["id"]
    response = client.post(
        f"/api/v1/teams/{team_id}/members/",
        {
            "agency": health_department.pk,
            "full_name": "Lò Thị Hương",
            "team_role": "leader",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert InspectionTeam.objects.get(pk=team_id).members.get().full_name == "Lò Thị Hương"


def test_team_with_a_lead_agency_of_another_province_is_refused(
    api, province_officer, son_la, other_province_officer
):
    lai_chau_agency = Agency.objects.get(name="Sở Y tế tỉnh Lai Châu")
    response = api(province_officer).post(
        "/api/v1/teams/",
        {
            "unit": "14",
            "name": "Đội 178",
            "lead_agency": lai_chau_agency.pk,
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["lead_agency"] == [
        f"Không tìm thấy cơ quan có mã {lai_chau_agency.pk} trong phạm vi của bạn."
    ]


def test_adding_a_member_to_another_provinces_team_is_404(api, other_province_officer, provincial_team):
    response = api(other_province_officer).post(
        f"/api/v1/teams/{provincial_team.pk}/members/",
        {"agency": provincial_team.lead_agency_id, "full_name": "X"},
        format="json",
    )
    assert response.status_code == 404
    assert not provincial_team.members.exists()


def test_member_from_a_commune_agency_on_the_provincial_team_is_a_400(
    api, province_officer, provincial_team, son_la_agencies
):
    response = api(province_officer).post(
        f"/api/v1/teams/{provincial_team.pk}/members/",
        {
            "agency": son_la_agencies["commune_police"].pk,
            "full_name": "Cầm Văn A",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "agency" in response.json()["errors"]


def test_inspector_cannot_add_members(api, inspector, provincial_team):
    response = api(inspector).post(
        f"/api/v1/teams/{provincial_team.pk}/members/",
        {"agency": provincial_team.lead_agency_id, "full_name": "X"},
        format="json",
    )
    assert response.status_code == 403
