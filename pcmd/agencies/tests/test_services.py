import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from pcmd.agencies import services
from pcmd.agencies.models import Agency, AgencyKind, FocalAgencyAssignment, TeamMember
from pcmd.agencies.tests.factories import AgencyFactory, FocalAgencyAssignmentFactory, TeamMemberFactory
from pcmd.geography.models import AdminUnit
from pcmd.geography.tests.factories import make_legacy

D = datetime.date


# --- agency_create / agency_update / agency_close -----------------------------------------------------------


def test_coordinator_creates_an_agency_with_search_and_sort_keys(province_officer, son_la):
    # when
    agency = services.agency_create(
        actor=province_officer,
        unit=son_la,
        kind=AgencyKind.POLICE,
        name="  Công an   tỉnh Sơn La ",
        short_name="CA tỉnh",
    )
    # then
    agency.refresh_from_db()
    assert agency.name == "Công an tỉnh Sơn La"
    assert agency.name_search == "cong an tinh son la"
    assert agency.name_sort != ""
    assert agency.version == 1


def test_coordinator_creates_an_agency_of_a_commune_of_their_province(province_officer, commune):
    agency = services.agency_create(
        actor=province_officer, unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu"
    )
    assert agency.unit == commune


def test_coordinator_of_another_province_cannot_create_an_agency_in_son_la(other_province_officer, son_la):
    with pytest.raises(PermissionDenied):
        services.agency_create(
            actor=other_province_officer, unit=son_la, kind=AgencyKind.POLICE, name="Công an"
        )
    assert not Agency.objects.filter(name="Công an").exists()


@pytest.mark.parametrize("persona", ["commune_officer", "inspector", "case_worker", "no_membership_user"])
def test_roles_without_manage_agencies_cannot_create_agencies(persona, request, son_la, commune):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.agency_create(actor=actor, unit=commune, kind=AgencyKind.POLICE, name="Công an phường")


def test_system_admin_creates_agencies_anywhere(system_admin, other_province):
    agency = services.agency_create(
        actor=system_admin, unit=other_province, kind=AgencyKind.COURT, name="Tòa án nhân dân tỉnh Lai Châu"
    )
    assert agency.pk


def test_duplicate_agency_name_in_the_same_unit_is_refused_ignoring_case(
    province_officer, son_la, health_department
):
    # given health_department "Sở Y tế tỉnh Sơn La"
    # when
    with pytest.raises(ValidationError) as exc:
        services.agency_create(
            actor=province_officer, unit=son_la, kind=AgencyKind.HEALTH, name="SỞ Y TẾ TỈNH SƠN LA"
        )
    # then
    assert exc.value.message_dict["name"] == [
        "Đơn vị hành chính này đã có cơ quan tên «SỞ Y TẾ TỈNH SƠN LA»."
    ]
    assert Agency.objects.filter(unit=son_la).count() == 1


def test_same_agency_name_in_another_unit_is_allowed(province_officer, commune, other_commune):
    services.agency_create(
        actor=province_officer, unit=commune, kind=AgencyKind.PEOPLES_COMMITTEE, name="UBND"
    )
    services.agency_create(
        actor=province_officer, unit=other_commune, kind=AgencyKind.PEOPLES_COMMITTEE, name="UBND"
    )
    assert Agency.objects.filter(name="UBND").count() == 2


def test_agency_name_differing_only_by_diacritics_is_a_different_agency(province_officer, son_la):
    services.agency_create(actor=province_officer, unit=son_la, kind=AgencyKind.OTHER, name="Hội Ba")
    services.agency_create(actor=province_officer, unit=son_la, kind=AgencyKind.OTHER, name="Hội Bà")
    assert Agency.objects.filter(name_search="hoi ba").count() == 2


def test_agency_closing_before_it_opens_is_refused(province_officer, son_la):
    with pytest.raises(ValidationError) as exc:
        services.agency_create(
            actor=province_officer,
            unit=son_la,
            kind=AgencyKind.OTHER,
            name="Ban A",
            valid_from=D(2025, 3, 1),
            valid_to=D(2025, 2, 28),
        )
    assert exc.value.message_dict["valid_to"] == ["Ngày kết thúc không được trước ngày bắt đầu."]


def test_missing_name_and_unknown_kind_are_reported_together_in_vietnamese(province_officer, son_la):
    with pytest.raises(ValidationError) as exc:
        services.agency_create(actor=province_officer, unit=son_la, kind="bogus", name="   ")
    assert set(exc.value.message_dict) == {"name", "kind"}
    assert exc.value.message_dict["name"] == ["Trường này không được để trắng."]


def test_agency_of_a_legacy_unit_must_close_by_30_june_2025(system_admin, son_la):
    legacy = make_legacy("14", "Tỉnh Sơn La", AdminUnit.Level.PROVINCE, None, son_la.scope_path)
    with pytest.raises(ValidationError) as exc:
        services.agency_create(
            actor=system_admin,
            unit=legacy,
            kind=AgencyKind.LABOUR_SOCIAL,
            name="Sở Lao động - Thương binh và Xã hội",
        )
    assert "valid_to" in exc.value.message_dict
    agency = services.agency_create(
        actor=system_admin,
        unit=legacy,
        kind=AgencyKind.LABOUR_SOCIAL,
        name="Sở Lao động - Thương binh và Xã hội",
        valid_to=D(2025, 2, 28),
    )
    assert agency.pk


def test_agency_update_with_the_current_version_changes_it_and_bumps_the_version(
    province_officer, health_department
):
    # when
    services.agency_update(
        actor=province_officer,
        agency=health_department,
        version=1,
        changes={"short_name": "SYT", "name": "Sở Y tế Sơn La"},
    )
    # then
    health_department.refresh_from_db()
    assert (health_department.short_name, health_department.name, health_department.version) == (
        "SYT",
        "Sở Y tế Sơn La",
        2,
    )
    assert health_department.name_search == "so y te son la"


def test_stale_agency_update_is_refused_and_changes_nothing(province_officer, health_department):
    # given someone else saved in between
    services.agency_update(
        actor=province_officer, agency=health_department, version=1, changes={"short_name": "A"}
    )
    stale_copy = Agency.objects.get(pk=health_department.pk)
    stale_copy.version = 1
    # when
    with pytest.raises(ValidationError) as exc:
        services.agency_update(
            actor=province_officer, agency=stale_copy, version=1, changes={"short_name": "B"}
        )
    # then
    assert exc.value.message_dict["version"][0].startswith("Bản ghi đã được người khác sửa")
    health_department.refresh_from_db()
    assert health_department.short_name == "A"


def test_agency_update_by_an_outsider_is_refused(other_province_officer, health_department):
    with pytest.raises(PermissionDenied):
        services.agency_update(
            actor=other_province_officer, agency=health_department, version=1, changes={"short_name": "X"}
        )


def test_agency_update_cannot_move_an_agency_to_another_unit(province_officer, health_department, commune):
    with pytest.raises(ValueError, match="Not editable"):
        services.agency_update(
            actor=province_officer, agency=health_department, version=1, changes={"unit": commune}
        )


def test_closing_an_agency_keeps_the_row_with_its_last_day(province_officer, son_la):
    agency = AgencyFactory.create(unit=son_la, kind=AgencyKind.LABOUR_SOCIAL, name="Sở LĐ-TB&XH")
    services.agency_close(actor=province_officer, agency=agency, on=D(2025, 2, 28))
    agency.refresh_from_db()
    assert agency.valid_to == D(2025, 2, 28)
    assert not agency.is_active_on(D(2025, 3, 1))
    assert agency.is_active_on(D(2025, 2, 28))


def test_closing_an_agency_still_focal_afterwards_is_refused(province_officer, son_la, health_department):
    FocalAgencyAssignmentFactory.create(agency=health_department, valid_from=D(2025, 3, 1))
    with pytest.raises(ValidationError) as exc:
        services.agency_close(actor=province_officer, agency=health_department, on=D(2026, 1, 1))
    assert "cơ quan thường trực" in exc.value.message_dict["valid_to"][0]
    health_department.refresh_from_db()
    assert health_department.valid_to is None


def test_closing_an_already_closed_agency_is_refused(province_officer, son_la):
    agency = AgencyFactory.create(unit=son_la, valid_to=D(2025, 2, 28))
    with pytest.raises(ValidationError) as exc:
        services.agency_close(actor=province_officer, agency=agency, on=D(2025, 5, 1))
    assert exc.value.message_dict["valid_to"] == ["Cơ quan đã kết thúc hoạt động từ ngày 28/02/2025."]


# --- focal agency -------------------------------------------------------------------------------------------


@pytest.fixture
def labour_department(son_la):
    return AgencyFactory.create(
        unit=son_la,
        kind=AgencyKind.LABOUR_SOCIAL,
        name="Sở Lao động - Thương binh và Xã hội",
        valid_to=D(2025, 2, 28),
    )


def test_focal_agency_hand_over_ends_the_open_assignment_the_day_before(
    province_officer, son_la, health_department, labour_department
):
    # given Sở LĐ-TB&XH focal since before records, open-ended, closed as an agency on 28/02/2025
    FocalAgencyAssignment.objects.create(
        unit=son_la, agency=labour_department, valid_from=None, valid_to=D(2025, 2, 28)
    )
    old = AgencyFactory.create(unit=son_la, kind=AgencyKind.OTHER, name="Ban Chỉ đạo 138")
    # an open-ended assignment from a unit whose period is later replaced
    services.focal_agency_assign(actor=province_officer, unit=son_la, agency=old, valid_from=D(2025, 3, 1))
    # when
    services.focal_agency_assign(
        actor=province_officer,
        unit=son_la,
        agency=health_department,
        valid_from=D(2025, 6, 1),
        legal_basis="Nghị định 42/2025",
    )
    # then
    history = list(FocalAgencyAssignment.objects.filter(unit=son_la).order_by("id"))
    assert [(a.agency, a.valid_from, a.valid_to) for a in history] == [
        (labour_department, None, D(2025, 2, 28)),
        (old, D(2025, 3, 1), D(2025, 5, 31)),
        (health_department, D(2025, 6, 1), None),
    ]


def test_overlapping_focal_periods_for_the_same_unit_are_refused(
    province_officer, son_la, health_department, labour_department
):
    FocalAgencyAssignment.objects.create(unit=son_la, agency=labour_department, valid_to=D(2025, 2, 28))
    with pytest.raises(ValidationError) as exc:
        services.focal_agency_assign(
            actor=province_officer, unit=son_la, agency=health_department, valid_from=D(2025, 2, 1)
        )
    assert exc.value.message_dict["valid_from"] == [
        "Thời gian này trùng với thời gian Sở Lao động - Thương binh và Xã hội là cơ quan thường trực "
        "(… – 28/02/2025)."
    ]
    assert FocalAgencyAssignment.objects.count() == 1


def test_open_assignment_is_not_closed_when_asked_not_to(province_officer, son_la, health_department):
    other = AgencyFactory.create(unit=son_la, name="Ban Chỉ đạo")
    services.focal_agency_assign(actor=province_officer, unit=son_la, agency=other, valid_from=D(2024, 1, 1))
    with pytest.raises(ValidationError):
        services.focal_agency_assign(
            actor=province_officer,
            unit=son_la,
            agency=health_department,
            valid_from=D(2025, 3, 1),
            close_open_assignment=False,
        )
    assert FocalAgencyAssignment.objects.get().valid_to is None


def test_focal_period_ending_before_it_starts_is_refused(province_officer, son_la, health_department):
    with pytest.raises(ValidationError) as exc:
        services.focal_agency_assign(
            actor=province_officer,
            unit=son_la,
            agency=health_department,
            valid_from=D(2025, 3, 1),
            valid_to=D(2025, 1, 1),
        )
    assert exc.value.message_dict["valid_to"] == ["Ngày kết thúc không được trước ngày bắt đầu."]


def test_focal_agency_must_belong_to_the_unit(province_officer, commune, health_department):
    with pytest.raises(ValidationError) as exc:
        services.focal_agency_assign(
            actor=province_officer, unit=commune, agency=health_department, valid_from=D(2025, 3, 1)
        )
    assert exc.value.message_dict["agency"] == [
        "Cơ quan thường trực phải là cơ quan của chính đơn vị hành chính này."
    ]


def test_a_closed_agency_cannot_be_focal_after_closing(province_officer, son_la, labour_department):
    with pytest.raises(ValidationError) as exc:
        services.focal_agency_assign(
            actor=province_officer, unit=son_la, agency=labour_department, valid_from=D(2025, 1, 1)
        )
    assert "agency" in exc.value.message_dict


def test_outsider_cannot_assign_a_focal_agency(other_province_officer, son_la, health_department):
    with pytest.raises(PermissionDenied):
        services.focal_agency_assign(
            actor=other_province_officer, unit=son_la, agency=health_department, valid_from=D(2025, 3, 1)
        )


# --- teams --------------------------------------------------------------------------------------------------


def test_coordinator_creates_a_commune_team_led_by_a_provincial_agency(
    province_officer, commune, health_department
):
    team = services.team_create(
        actor=province_officer,
        unit=commune,
        name="Đội 178 phường Tô Hiệu",
        lead_agency=health_department,
        established_on=D(2025, 8, 1),
    )
    assert team.name_search == "doi 178 phuong to hieu"
    assert team.version == 1


def test_team_lead_agency_of_a_sibling_commune_is_refused(province_officer, commune, other_commune):
    sibling_agency = AgencyFactory.create(
        unit=other_commune, kind=AgencyKind.POLICE, name="Công an xã Mường Bú"
    )
    with pytest.raises(ValidationError) as exc:
        services.team_create(actor=province_officer, unit=commune, name="Đội 178", lead_agency=sibling_agency)
    assert exc.value.message_dict["lead_agency"] == [
        "Cơ quan chủ trì phải thuộc địa bàn của đội hoặc đơn vị hành chính cấp trên."
    ]


def test_duplicate_team_name_in_a_unit_is_refused(
    province_officer, son_la, provincial_team, health_department
):
    with pytest.raises(ValidationError) as exc:
        services.team_create(
            actor=province_officer,
            unit=son_la,
            name=provincial_team.name.upper(),
            lead_agency=health_department,
        )
    assert "name" in exc.value.message_dict


def test_outsider_cannot_create_a_team_in_son_la(other_province_officer, son_la, health_department):
    with pytest.raises(PermissionDenied):
        services.team_create(
            actor=other_province_officer, unit=son_la, name="Đội", lead_agency=health_department
        )


def test_stale_team_update_is_refused(province_officer, provincial_team):
    services.team_update(
        actor=province_officer, team=provincial_team, version=1, changes={"established_by": "QĐ 1/QĐ-UBND"}
    )
    with pytest.raises(ValidationError) as exc:
        services.team_update(
            actor=province_officer,
            team=provincial_team,
            version=1,
            changes={"established_by": "QĐ 2/QĐ-UBND"},
        )
    assert "version" in exc.value.message_dict
    provincial_team.refresh_from_db()
    assert (provincial_team.established_by, provincial_team.version) == ("QĐ 1/QĐ-UBND", 2)


def test_team_dissolved_before_it_was_established_is_refused(province_officer, provincial_team):
    with pytest.raises(ValidationError) as exc:
        services.team_update(
            actor=province_officer,
            team=provincial_team,
            version=1,
            changes={"established_on": D(2025, 1, 1), "dissolved_on": D(2024, 1, 1)},
        )
    assert "dissolved_on" in exc.value.message_dict


def test_member_from_a_provincial_agency_joins_a_commune_team(province_officer, commune, health_department):
    team = services.team_create(
        actor=province_officer, unit=commune, name="Đội 178 phường", lead_agency=health_department
    )
    police = AgencyFactory.create(unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu")
    services.team_member_add(
        actor=province_officer, team=team, agency=health_department, full_name="Lò Văn A"
    )
    services.team_member_add(
        actor=province_officer,
        team=team,
        agency=police,
        full_name="Cầm Thị B",
        team_role=TeamMember.TeamRole.DEPUTY,
    )
    assert team.members.count() == 2


def test_member_agency_of_a_commune_cannot_join_the_provincial_team(
    province_officer, provincial_team, commune
):
    commune_police = AgencyFactory.create(unit=commune, kind=AgencyKind.POLICE, name="Công an phường Tô Hiệu")
    with pytest.raises(ValidationError) as exc:
        services.team_member_add(
            actor=province_officer, team=provincial_team, agency=commune_police, full_name="Lò Văn A"
        )
    assert exc.value.message_dict["agency"] == [
        "Cơ quan cử thành viên phải thuộc địa bàn của đội hoặc đơn vị hành chính cấp trên."
    ]
    assert not provincial_team.members.exists()


def test_member_agency_of_another_province_is_refused(system_admin, provincial_team, other_province):
    outsider_agency = AgencyFactory.create(
        unit=other_province, kind=AgencyKind.POLICE, name="Công an tỉnh Lai Châu"
    )
    with pytest.raises(ValidationError):
        services.team_member_add(
            actor=system_admin, team=provincial_team, agency=outsider_agency, full_name="X"
        )


def test_the_same_person_of_the_same_agency_cannot_be_added_twice(province_officer, provincial_team):
    services.team_member_add(
        actor=province_officer, team=provincial_team, agency=provincial_team.lead_agency, full_name="Lò Văn A"
    )
    with pytest.raises(ValidationError) as exc:
        services.team_member_add(
            actor=province_officer,
            team=provincial_team,
            agency=provincial_team.lead_agency,
            full_name="lò văn a",
        )
    assert "full_name" in exc.value.message_dict


def test_no_member_joins_a_dissolved_team(province_officer, provincial_team):
    provincial_team.dissolved_on = D(2024, 12, 31)
    provincial_team.save()
    with pytest.raises(ValidationError) as exc:
        services.team_member_add(
            actor=province_officer,
            team=provincial_team,
            agency=provincial_team.lead_agency,
            full_name="Lò Văn A",
        )
    assert exc.value.message_dict[NON_FIELD_ERRORS] == [
        "Đội kiểm tra đã giải thể, không thể thêm thành viên."
    ]


def test_removing_a_member_keeps_the_row_with_the_day_they_left(province_officer, provincial_team):
    member = TeamMemberFactory.create(team=provincial_team, joined_on=D(2025, 1, 1))
    services.team_member_remove(actor=province_officer, member=member, left_on=D(2025, 12, 31))
    member.refresh_from_db()
    assert member.left_on == D(2025, 12, 31)
    with pytest.raises(ValidationError) as exc:
        services.team_member_remove(actor=province_officer, member=member)
    assert exc.value.message_dict["left_on"] == ["Thành viên đã rời đội từ ngày 31/12/2025."]


def test_member_cannot_leave_before_joining(province_officer, provincial_team):
    member = TeamMemberFactory.create(team=provincial_team, joined_on=D(2025, 6, 1))
    with pytest.raises(ValidationError) as exc:
        services.team_member_remove(actor=province_officer, member=member, left_on=D(2025, 5, 1))
    assert "left_on" in exc.value.message_dict


def test_outsider_cannot_change_team_members(other_province_officer, provincial_team):
    member = TeamMemberFactory.create(team=provincial_team)
    with pytest.raises(PermissionDenied):
        services.team_member_remove(actor=other_province_officer, member=member)
    with pytest.raises(PermissionDenied):
        services.team_member_add(
            actor=other_province_officer,
            team=provincial_team,
            agency=provincial_team.lead_agency,
            full_name="X",
        )


# --- change log ---------------------------------------------------------------------------------------------


def test_service_changes_are_logged_with_the_actor_and_before_after(province_officer, health_department):
    # when (no request: the service itself names the actor)
    services.agency_update(
        actor=province_officer, agency=health_department, version=1, changes={"short_name": "SYT"}
    )
    # then
    entry = LogEntry.objects.get_for_object(health_department).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == province_officer
    assert entry.changes_dict["short_name"] == ["Sở Y tế", "SYT"]
    assert entry.changes_dict["version"] == ["1", "2"]


def test_a_failed_service_writes_nothing_to_the_change_log(province_officer, son_la, health_department):
    before = LogEntry.objects.count()
    with pytest.raises(ValidationError):
        services.agency_create(
            actor=province_officer, unit=son_la, kind=AgencyKind.HEALTH, name=health_department.name
        )
    assert LogEntry.objects.count() == before


def test_service_inside_a_request_context_leaves_no_signal_receiver_behind(
    province_officer, health_department
):
    # given the request's auditlog context (as AuditlogMiddleware opens it)
    from auditlog.context import set_extra_data
    from django.db.models.signals import pre_save

    receivers_before = len(pre_save.receivers)
    with set_extra_data(context_data={"actor": None, "remote_addr": "10.0.0.7"}):
        # when
        services.agency_update(
            actor=province_officer, agency=health_department, version=1, changes={"short_name": "SYT"}
        )
    # then the request's remote address is kept, and every receiver is disconnected
    entry = LogEntry.objects.get_for_object(health_department).filter(action=LogEntry.Action.UPDATE).get()
    assert (entry.actor, entry.remote_addr) == (province_officer, "10.0.0.7")
    assert len(pre_save.receivers) == receivers_before
