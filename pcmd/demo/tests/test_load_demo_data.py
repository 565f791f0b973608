import datetime
import io
from unittest import mock

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import HttpRequest
from django.test import override_settings
from django.urls import reverse

from pcmd.accounts import scoping
from pcmd.accounts.capabilities import Capability, Role
from pcmd.accounts.models import Membership, User
from pcmd.agencies.models import Agency, FocalAgencyAssignment, InspectionTeam, TeamMember
from pcmd.agencies.selectors import agencies_visible_to, focal_agency_of, teams_visible_to
from pcmd.demo import dataset
from pcmd.geography.models import AdminUnit
from pcmd.geography.tests.factories import make_commune, make_province

D = datetime.date
DEMO_PASSWORD = "mat-khau-trinh-dien-thu"


def _make_demo_units() -> None:
    """The units the demo needs, as load_admin_units names them (the loader has its own tests)."""
    son_la = make_province("14", "Tỉnh Sơn La")
    make_province("12", "Tỉnh Lai Châu")
    for commune in dataset.COMMUNES:
        make_commune(son_la, commune.code, commune.name)
    make_commune(son_la, "03670", "Phường Chiềng Cơi")  # a Sơn La commune without demo data


@pytest.fixture
def demo_units(db):
    _make_demo_units()


@pytest.fixture
def demo(demo_units, settings):
    settings.PCMD_DEMO_PASSWORD = DEMO_PASSWORD
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def user(username: str) -> User:
    return User.objects.get(username=username)


def _counts() -> dict[str, int]:
    models = (Agency, FocalAgencyAssignment, InspectionTeam, TeamMember, User, Membership, LogEntry)
    return {model.__name__: model.objects.count() for model in models}


# --- the command --------------------------------------------------------------------------------------------


def test_demo_creates_son_la_agencies_named_in_the_2026_plan(demo):
    son_la = AdminUnit.objects.get(code="14")
    names = set(Agency.objects.filter(unit=son_la).values_list("name", flat=True))
    assert {
        "Sở Y tế tỉnh Sơn La",
        "Công an tỉnh Sơn La",
        "Ban Chỉ huy Bộ đội Biên phòng tỉnh Sơn La",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
        "Báo và Phát thanh, Truyền hình Sơn La",
        "Hải quan cửa khẩu quốc tế Lóng Sập",
        "Viện Kiểm sát nhân dân tỉnh Sơn La",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sơn La",
    } <= names
    for commune in dataset.COMMUNES:
        unit = AdminUnit.objects.get(code=commune.code)
        assert Agency.objects.filter(unit=unit, name=f"Ủy ban nhân dân {commune.styled}").exists()
        assert Agency.objects.filter(unit=unit, name=f"Công an {commune.styled}").exists()


def _focal_name(code: str, day: datetime.date) -> str | None:
    agency = focal_agency_of(AdminUnit.objects.current().get(code=code), on=day)
    return agency.name if agency else None


def test_focal_agency_is_labour_until_28_february_2025_then_health(demo):
    assert _focal_name("14", D(2025, 2, 28)) == "Sở Lao động - Thương binh và Xã hội tỉnh Sơn La"
    assert _focal_name("14", D(2025, 3, 1)) == "Sở Y tế tỉnh Sơn La"
    labour = Agency.objects.get(name="Sở Lao động - Thương binh và Xã hội tỉnh Sơn La")
    assert labour.valid_to == D(2025, 2, 28)
    assert _focal_name(dataset.COMMUNE_TO_HIEU, D(2026, 5, 15)) == "Sở Y tế tỉnh Sơn La"
    assert _focal_name("12", D(2026, 1, 1)) == "Sở Y tế tỉnh Lai Châu"


def test_provincial_team_has_members_from_three_agencies(demo):
    team = InspectionTeam.objects.get(name="Đội kiểm tra liên ngành 178 tỉnh Sơn La")
    assert team.lead_agency.name == "Sở Y tế tỉnh Sơn La"
    agencies = set(team.members.values_list("agency__name", flat=True))
    assert agencies == {
        "Sở Y tế tỉnh Sơn La",
        "Công an tỉnh Sơn La",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Sơn La",
    }
    assert team.members.get(full_name="Hà Văn Thắng").user == user("demo.thanhtra")
    commune_team = InspectionTeam.objects.get(name="Đội kiểm tra liên ngành 178 phường Tô Hiệu")
    assert commune_team.unit.code == dataset.COMMUNE_TO_HIEU
    assert commune_team.members.count() == 3


def test_the_command_prints_every_account_its_role_and_the_password(demo):
    for spec in dataset.ACCOUNTS:
        assert spec.username in demo
    assert "Cán bộ đầu mối cấp tỉnh (cơ quan thường trực)" in demo
    assert "Phường Tô Hiệu — Ủy ban nhân dân phường Tô Hiệu" in demo
    assert f"Mật khẩu chung của mọi tài khoản trình diễn: {DEMO_PASSWORD}" in demo


def test_running_it_again_changes_nothing(demo):
    before = _counts()
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    assert _counts() == before
    assert "không thay đổi gì" in out.getvalue()
    assert "demo.tinhkhac" in out.getvalue()  # the table is printed every time


def test_running_it_again_restores_a_changed_demo_password(demo):
    account = user("demo.xa")
    account.set_password("mat-khau-khac-hoan-toan")
    account.save()
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    assert "demo.xa" in out.getvalue().split("Đã đặt lại mật khẩu trình diễn cho:")[1].splitlines()[0]
    assert user("demo.xa").check_password(DEMO_PASSWORD)


def test_demo_changes_are_logged_as_made_by_the_demo_administrator(demo):
    health = Agency.objects.get(name="Sở Y tế tỉnh Sơn La")
    assert LogEntry.objects.get_for_object(health).get(action=LogEntry.Action.CREATE).actor == user(
        "demo.admin"
    )


@override_settings(PCMD_ENVIRONMENT="production")
def test_it_refuses_to_run_with_production_settings(demo_units):
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo_data", stdout=io.StringIO())
    assert not User.objects.exists()
    assert not Agency.objects.exists()


def test_it_loads_the_administrative_units_when_there_are_none(db, settings):
    settings.PCMD_DEMO_PASSWORD = DEMO_PASSWORD
    with mock.patch(
        "pcmd.demo.services.call_command", side_effect=lambda *a, **k: _make_demo_units()
    ) as loader:
        call_command("load_demo_data", stdout=io.StringIO())
    assert loader.call_args.args == ("load_admin_units",)
    assert User.objects.filter(username="demo.tinh").exists()


def test_it_does_not_reload_units_that_are_there(demo_units):
    with mock.patch("pcmd.demo.services.call_command") as loader:
        call_command("load_demo_data", stdout=io.StringIO())
    loader.assert_not_called()


def test_missing_units_are_reported_in_vietnamese_and_nothing_is_created(db):
    make_province("14", "Tỉnh Sơn La")
    with pytest.raises(CommandError) as exc:
        call_command("load_demo_data", stdout=io.StringIO())
    assert "Thiếu đơn vị hành chính: Tỉnh Lai Châu (12)" in str(exc.value)
    assert "load_admin_units" in str(exc.value)
    assert not User.objects.exists()


# --- the accounts -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("username", [spec.username for spec in dataset.ACCOUNTS])
def test_every_demo_account_logs_in_with_the_demo_password(demo, client, username):
    # axes needs the request to count failures; the login page is what people use
    assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD)
    assert client.get(reverse("home")).status_code == 200


def test_demo_admin_is_a_national_superuser(demo):
    admin = user("demo.admin")
    assert admin.is_staff and admin.is_superuser
    assert scoping.jurisdiction_of(admin).everything


def test_demo_xa_sees_only_their_commune(demo):
    units = scoping.scope_queryset(AdminUnit.objects.current(), user("demo.xa"), "scope_path")
    assert [u.name for u in units] == ["Phường Tô Hiệu"]
    assert {a.unit.code for a in agencies_visible_to(user("demo.xa"))} == {dataset.COMMUNE_TO_HIEU}
    assert [t.name for t in teams_visible_to(user("demo.xa"))] == [
        "Đội kiểm tra liên ngành 178 phường Tô Hiệu"
    ]


def test_demo_xa2_sees_another_commune_and_not_demo_xas(demo):
    units = scoping.scope_queryset(AdminUnit.objects.current(), user("demo.xa2"), "scope_path")
    assert [u.name for u in units] == ["Xã Mường Bú"]
    assert not teams_visible_to(user("demo.xa2")).exists()


def test_demo_tinh_sees_the_whole_province_and_can_switch_to_inspector(demo):
    coordinator = user("demo.tinh")
    units = scoping.scope_queryset(AdminUnit.objects.current(), coordinator, "scope_path")
    assert units.count() == 1 + len(dataset.COMMUNES) + 1
    assert scoping.has_capability(coordinator, Capability.MANAGE_AGENCIES)
    memberships = list(scoping.active_memberships(coordinator))
    assert [m.role for m in memberships] == [Role.PROVINCIAL_COORDINATOR, Role.INSPECTOR]
    assert str(memberships[1].team) == "Đội kiểm tra liên ngành 178 tỉnh Sơn La"


def test_demo_tinhkhac_sees_nothing_of_son_la(demo):
    outsider = user("demo.tinhkhac")
    son_la_units = AdminUnit.objects.within_scope("14")
    assert not scoping.scope_queryset(son_la_units, outsider, "scope_path").exists()
    assert [a.name for a in agencies_visible_to(outsider)] == [
        "Công an tỉnh Lai Châu",
        "Sở Y tế tỉnh Lai Châu",
    ]
    assert not teams_visible_to(outsider).exists()


@pytest.mark.parametrize(
    ("username", "role", "capability", "has_it"),
    [
        ("demo.thanhtra", Role.INSPECTOR, Capability.INSPECTION_RECORD, True),
        ("demo.congan", Role.POLICE_OFFICER, Capability.CRIMINAL_CASE_MANAGE, True),
        ("demo.ctxh", Role.CASE_WORKER, Capability.SUPPORT_CASE_MANAGE, True),
        ("demo.ctxh", Role.CASE_WORKER, Capability.ESTABLISHMENT_VIEW, False),
        ("demo.lanhdao", Role.LEADER, Capability.VIEW_DASHBOARD, True),
        ("demo.lanhdao", Role.LEADER, Capability.MANAGE_AGENCIES, False),
    ],
)
def test_each_role_gets_its_capabilities_over_son_la(demo, username, role, capability, has_it):
    account = user(username)
    membership = scoping.active_membership(account)
    assert membership is not None and membership.role == role
    assert scoping.has_capability(account, capability) is has_it
    assert scoping.jurisdiction_of(account).paths == ("14",)
