import datetime

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from pcmd.audit import selectors
from pcmd.audit.models import AccessLog
from pcmd.audit.selectors import LogFilters
from pcmd.audit.services import access_log_record


def test_coordinator_sees_changes_by_people_of_their_province_only(province_officer, change_log):
    visible = set(selectors.change_entries_visible_to(province_officer))
    assert change_log["coordinator"] in visible
    assert change_log["commune"] in visible
    assert change_log["other_province"] not in visible
    assert change_log["system"] not in visible


def test_coordinator_of_another_province_sees_nothing_of_son_la(other_province_officer, change_log):
    visible = set(selectors.change_entries_visible_to(other_province_officer))
    assert change_log["other_province"] in visible
    assert not visible & {change_log["coordinator"], change_log["commune"]}


def test_system_admin_sees_every_change_including_those_without_actor(system_admin, change_log):
    visible = set(selectors.change_entries_visible_to(system_admin))
    assert set(change_log.values()) <= visible


@pytest.mark.parametrize("persona", ["commune_officer", "inspector", "case_worker", "no_membership_user"])
def test_roles_without_view_audit_see_no_change(persona, request, change_log):
    assert not selectors.change_entries_visible_to(request.getfixturevalue(persona)).exists()


def test_changes_filter_by_actor_name_ignoring_diacritics(province_officer, change_log):
    entries = selectors.change_entries_visible_to(province_officer, LogFilters(actor="cam van xa"))
    assert list(entries) == [change_log["commune"]]
    by_username = selectors.change_entries_visible_to(province_officer, LogFilters(actor="DIEUPHOI.SONLA"))
    assert change_log["coordinator"] in by_username and change_log["commune"] not in by_username


def test_filtering_by_an_outsiders_name_finds_nothing(province_officer, change_log):
    assert not selectors.change_entries_visible_to(
        province_officer, LogFilters(actor="Tòng Văn Khác")
    ).exists()


def test_changes_filter_by_object_type_id_and_action(province_officer, health_department, change_log):
    entries = selectors.change_entries_visible_to(
        province_officer,
        LogFilters(
            object_type="agencies.agency", object_id=str(health_department.pk), action=LogEntry.Action.UPDATE
        ),
    )
    assert list(entries) == [change_log["coordinator"]]
    assert not selectors.change_entries_visible_to(
        province_officer, LogFilters(object_type="accounts.membership")
    ).exists()


def test_changes_filter_by_local_date_range(province_officer, change_log):
    # given the coordinator's change happened at 00:30 on 02/01/2026 Vietnam time (17:30 UTC the day before)
    local = timezone.make_aware(datetime.datetime(2026, 1, 2, 0, 30))
    LogEntry.objects.filter(pk=change_log["coordinator"].pk).update(timestamp=local)
    # then it belongs to 02/01/2026, not 01/01/2026
    day = datetime.date(2026, 1, 2)
    on_day = selectors.change_entries_visible_to(province_officer, LogFilters(date_from=day, date_to=day))
    assert list(on_day) == [change_log["coordinator"]]
    before = selectors.change_entries_visible_to(
        province_officer, LogFilters(date_to=datetime.date(2026, 1, 1))
    )
    assert change_log["coordinator"] not in before


def test_access_log_is_scoped_like_the_change_log(
    province_officer, commune_officer, other_province_officer, system_admin
):
    mine = access_log_record(actor=commune_officer, obj_or_type_and_id=("tips.tip", 1))
    theirs = access_log_record(actor=other_province_officer, obj_or_type_and_id=("tips.tip", 2))
    assert list(selectors.access_logs_visible_to(province_officer)) == [mine]
    assert list(selectors.access_logs_visible_to(other_province_officer)) == [theirs]
    assert set(selectors.access_logs_visible_to(system_admin)) == {mine, theirs}
    assert not selectors.access_logs_visible_to(commune_officer).exists()


def test_access_log_filters(province_officer, commune_officer):
    access_log_record(actor=commune_officer, obj_or_type_and_id=("tips.tip", 1))
    identity = access_log_record(
        actor=commune_officer,
        obj_or_type_and_id=("tips.tip", 2),
        purpose=AccessLog.Purpose.VIEW_IDENTITY,
        reason="xác minh",
    )
    found = selectors.access_logs_visible_to(
        province_officer,
        LogFilters(
            object_type="TIPS.TIP",
            object_id="2",
            purpose=AccessLog.Purpose.VIEW_IDENTITY,
            actor="canbo.tohieu",
        ),
    )
    assert list(found) == [identity]


def test_tracked_object_types_are_named_in_vietnamese_without_link_tables(db):
    types = dict(selectors.tracked_object_types())
    assert types["agencies.agency"] == "Cơ quan"
    assert types["accounts.membership"] == "Phân công"
    assert not [label for label in types if label.endswith("_groups")]
