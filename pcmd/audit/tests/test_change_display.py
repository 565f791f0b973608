import datetime

from auditlog.context import set_actor
from auditlog.models import LogEntry

from pcmd.agencies import services as agency_services
from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.audit.change_display import FieldChange, action_label, field_changes


def _last_update(obj):
    return LogEntry.objects.get_for_object(obj).filter(action=LogEntry.Action.UPDATE).latest("timestamp")


def test_changes_show_vietnamese_labels_dates_and_choice_names(province_officer, health_department):
    agency_services.agency_update(
        actor=province_officer,
        agency=health_department,
        version=1,
        changes={
            "kind": AgencyKind.LABOUR_SOCIAL,
            "valid_to": datetime.date(2025, 2, 28),
            "name": "Sở Y tế (cũ)",
        },
    )
    rows = field_changes(_last_update(health_department))
    assert (
        FieldChange("Loại cơ quan", "Y tế (Sở, Phòng, Trung tâm Y tế)", "Lao động - Thương binh và Xã hội")
        in rows
    )
    assert FieldChange("Hoạt động đến", "—", "28/02/2025") in rows
    assert FieldChange("Tên cơ quan", "Sở Y tế tỉnh Sơn La", "Sở Y tế (cũ)") in rows
    # derived keys and timestamps are not shown
    assert not [row for row in rows if row.label in ("Name search", "Cập nhật lúc", "name_search")]


def test_foreign_keys_show_the_related_name_and_booleans_read_in_vietnamese(province_officer, son_la):
    membership = province_officer.memberships.get()
    other = AgencyFactory.create(unit=son_la, kind=AgencyKind.POLICE, name="Công an tỉnh Sơn La")
    with set_actor(province_officer):
        membership.agency = other
        membership.is_active = False
        membership.save()
    rows = field_changes(_last_update(membership))
    assert FieldChange("Cơ quan", "Sở Y tế tỉnh Sơn La", "Công an tỉnh Sơn La") in rows
    assert FieldChange("Đang hiệu lực", "Có", "Không") in rows


def test_password_changes_never_reach_the_change_log(province_officer):
    with set_actor(province_officer):
        province_officer.set_password("mat-khau-moi-2026-rat-dai")
        province_officer.full_name = "Lò Thị Điều Phối Mới"
        province_officer.save()
    entry = _last_update(province_officer)
    assert "password" not in entry.changes_dict
    assert FieldChange("Họ và tên", "Lò Thị Điều Phối", "Lò Thị Điều Phối Mới") in field_changes(entry)


def test_a_secret_field_that_slipped_into_an_entry_is_masked(province_officer):
    # given an entry written before the secret fields were excluded from tracking
    with set_actor(province_officer):
        province_officer.full_name = "Tên mới"
        province_officer.save()
    entry = _last_update(province_officer)
    entry.changes = {**entry.changes_dict, "password": ["argon2$old", "argon2$new"]}
    # then
    row = next(row for row in field_changes(entry) if row.label.lower() in ("mật khẩu", "password"))
    assert (row.before, row.after) == ("(không hiển thị)", "(không hiển thị)")


def test_datetimes_are_shown_in_vietnam_time(province_officer):
    with set_actor(province_officer):
        province_officer.date_joined = datetime.datetime(2026, 1, 1, 17, 30, tzinfo=datetime.UTC)
        province_officer.save()
    rows = field_changes(_last_update(province_officer))
    assert [row.after for row in rows if row.after.startswith("02/01/2026")] == ["02/01/2026 00:30"]


def test_action_labels_are_vietnamese(province_officer, health_department):
    created = LogEntry.objects.get_for_object(health_department).get(action=LogEntry.Action.CREATE)
    assert action_label(created) == "Tạo mới"


def test_a_change_recorded_under_a_reverse_relation_name_is_shown_by_its_name(province_officer):
    # given an entry naming "memberships" (a reverse relation of the user, not a field)
    with set_actor(province_officer):
        province_officer.full_name = "Tên mới"
        province_officer.save()
    entry = _last_update(province_officer)
    entry.changes = {"memberships": ["1", "2"]}
    # then it is shown as recorded, without failing
    assert field_changes(entry) == [FieldChange("memberships", "1", "2")]
