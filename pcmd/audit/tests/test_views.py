import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from pcmd.audit.services import access_log_record


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


def _table(body: str, testid: str) -> str:
    start = body.find(f'data-testid="{testid}"')
    return body[start : body.index("</table>", start)] if start >= 0 else ""


def test_coordinator_browses_changes_with_before_and_after(login, province_officer, change_log):
    LogEntry.objects.filter(pk=change_log["coordinator"].pk).update(
        timestamp=timezone.make_aware(datetime.datetime(2026, 3, 5, 14, 7))
    )
    response = login(province_officer).get(reverse("audit:change-list"))
    body = response.content.decode()
    table = _table(body, "change-table")
    assert response.status_code == 200
    assert "05/03/2026 14:07" in table
    assert 'Tên viết tắt:</strong> <span class="text-secondary">Sở Y tế</span> → SYT' in table
    assert 'Hoạt động từ:</strong> <span class="text-secondary">—</span> → 01/03/2025' in table
    assert "Cầm Văn Xã" in table  # a commune officer of the province
    assert "SYT Lai Châu" not in table  # another province's change


def test_change_list_filters_through_the_get_form(login, province_officer, change_log, health_department):
    client = login(province_officer)
    table = _table(
        client.get(reverse("audit:change-list"), {"actor": "cam van"}).content.decode(), "change-table"
    )
    assert "Cầm Văn Xã" in table and "Sở Y tế tỉnh Sơn La" not in table
    table = _table(
        client.get(
            reverse("audit:change-list"),
            {
                "object_type": "agencies.agency",
                "object_id": health_department.pk,
                "action": "1",
            },
        ).content.decode(),
        "change-table",
    )
    assert "SYT" in table and "Cầm Văn Xã" not in table


def test_change_list_with_a_bad_filter_shows_vietnamese_errors(login, province_officer, change_log):
    body = (
        login(province_officer)
        .get(
            reverse("audit:change-list"),
            {
                "date_from": "05/03/2026",
                "date_to": "01/03/2026",
                "object_type": "bogus.model",
            },
        )
        .content.decode()
    )
    assert "Ngày kết thúc không được trước ngày bắt đầu." in body
    assert "Hãy chọn một lựa chọn hợp lệ" in body


def test_change_list_is_paginated(login, system_admin, health_department):
    for i in range(30):
        health_department.short_name = f"S{i}"
        health_department.save()
    body = login(system_admin).get(reverse("audit:change-list")).content.decode()
    assert "Trang 1/2" in body


@pytest.mark.parametrize("persona", ["commune_officer", "inspector", "case_worker", "no_membership_user"])
def test_roles_without_view_audit_get_the_403_page(login, request, persona):
    client = login(request.getfixturevalue(persona))
    for name in ("audit:change-list", "audit:access-list"):
        response = client.get(reverse(name))
        assert response.status_code == 403
        assert "Không có quyền truy cập" in response.content.decode()


def test_coordinator_of_another_province_sees_no_son_la_change(login, other_province_officer, change_log):
    table = _table(
        login(other_province_officer).get(reverse("audit:change-list")).content.decode(), "change-table"
    )
    assert "SYT Lai Châu" in table
    assert "Cầm Văn Xã" not in table and "Sở Y tế tỉnh Sơn La" not in table


def test_access_list_shows_who_read_what_and_why(
    login, province_officer, commune_officer, other_province_officer
):
    access_log_record(
        actor=commune_officer,
        obj_or_type_and_id=("tips.tip", 7),
        purpose="view_identity",
        reason="Xác minh tin báo",
    )
    access_log_record(actor=other_province_officer, obj_or_type_and_id=("tips.tip", 8), reason="Lai Châu")
    body = login(province_officer).get(reverse("audit:access-list")).content.decode()
    table = _table(body, "access-table")
    assert "Cầm Văn Xã" in table and "Xem danh tính" in table and "Xác minh tin báo" in table
    assert "tips.tip" in table and "#7" in table
    assert "Lai Châu" not in table
    filtered = _table(
        login(province_officer).get(reverse("audit:access-list"), {"purpose": "export"}).content.decode(),
        "access-table",
    )
    assert "Xác minh tin báo" not in filtered
