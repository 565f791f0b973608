"""django-auditlog is configured so that every change to agencies and accounts is recorded with its actor and
before/after values (AUDITLOG_INCLUDE_ALL_MODELS, AuditlogMiddleware)."""

from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from pcmd.accounts.capabilities import Role
from pcmd.accounts.models import Membership
from pcmd.agencies.models import AgencyKind


def test_an_agency_edited_on_its_page_is_logged_with_the_user_and_before_after(
    client, province_officer, health_department
):
    client.force_login(province_officer)
    client.post(
        reverse("agencies:agency-edit", args=[health_department.pk]),
        {
            "kind": AgencyKind.HEALTH,
            "name": "Sở Y tế tỉnh Sơn La",
            "short_name": "SYT",
            "valid_from": "",
            "valid_to": "",
            "version": "1",
        },
    )
    entry = LogEntry.objects.get_for_object(health_department).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == province_officer
    assert entry.changes_dict["short_name"] == ["Sở Y tế", "SYT"]
    assert entry.remote_addr == "127.0.0.1"


def test_membership_and_user_changes_in_a_request_are_logged_with_the_actor(
    system_admin, commune_officer, son_la
):
    # given a request by the administrator going through AuditlogMiddleware
    request = RequestFactory().post("/")
    request.user = system_admin
    membership = commune_officer.memberships.get()

    def change_accounts(_request):
        membership.role = Role.AGENCY_REPORTER
        membership.save()
        commune_officer.full_name = "Cầm Văn Xã (đã đổi)"
        commune_officer.save()
        Membership.objects.create(user=commune_officer, unit=son_la, role=Role.LEADER)
        return HttpResponse()

    # when
    AuditlogMiddleware(change_accounts)(request)
    # then
    role_change = LogEntry.objects.get_for_object(membership).get(action=LogEntry.Action.UPDATE)
    assert role_change.actor == system_admin
    assert role_change.changes_dict["role"] == [Role.COMMUNE_OFFICER, Role.AGENCY_REPORTER]
    name_change = LogEntry.objects.get_for_object(commune_officer).get(action=LogEntry.Action.UPDATE)
    assert name_change.actor == system_admin
    assert name_change.changes_dict["full_name"] == ["Cầm Văn Xã", "Cầm Văn Xã (đã đổi)"]
    created = LogEntry.objects.filter(
        action=LogEntry.Action.CREATE, actor=system_admin, content_type__model="membership"
    ).get()
    assert created.changes_dict["role"] == ["None", Role.LEADER]


def test_reference_data_and_the_access_log_are_not_tracked(province_officer, son_la):
    from pcmd.audit.services import access_log_record

    access_log_record(actor=province_officer, obj_or_type_and_id=son_la)
    assert not LogEntry.objects.filter(content_type__app_label__in=["geography", "audit"]).exists()
