import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from pcmd.accounts.scoping import set_active_membership
from pcmd.accounts.tests.factories import MembershipFactory
from pcmd.audit.models import AccessLog
from pcmd.audit.services import access_log_record


def test_reading_a_record_is_logged_with_the_membership_acted_under(province_officer, health_department):
    # when
    entry = access_log_record(
        actor=province_officer,
        obj_or_type_and_id=health_department,
        purpose=AccessLog.Purpose.VIEW,
        reason="  kiểm tra   hồ sơ ",
    )
    # then
    entry.refresh_from_db()
    assert (entry.object_type, entry.object_id) == ("agencies.agency", str(health_department.pk))
    assert entry.reason == "kiểm tra hồ sơ"
    assert entry.acting_as == "Cán bộ đầu mối cấp tỉnh (cơ quan thường trực) — Sở Y tế tỉnh Sơn La"
    assert entry.at is not None


def test_acting_as_follows_the_active_membership(province_officer, provincial_team, son_la):
    # given the coordinator switched to an inspector membership
    membership = MembershipFactory.create(
        user=province_officer,
        unit=son_la,
        agency=provincial_team.lead_agency,
        team=provincial_team,
        role="inspector",
    )
    set_active_membership(province_officer, membership)
    # when
    entry = access_log_record(actor=province_officer, obj_or_type_and_id=("tips.tip", 42))
    # then
    assert entry.acting_as.startswith("Thành viên Đội kiểm tra liên ngành 178")
    assert (entry.object_type, entry.object_id, entry.purpose) == ("tips.tip", "42", AccessLog.Purpose.VIEW)


def test_viewing_an_identity_needs_a_reason(province_officer):
    with pytest.raises(ValidationError) as exc:
        access_log_record(
            actor=province_officer,
            obj_or_type_and_id=("tips.tip", 1),
            purpose=AccessLog.Purpose.VIEW_IDENTITY,
            reason="  ",
        )
    assert exc.value.message_dict["reason"] == ["Cần ghi lý do khi xem danh tính."]
    assert not AccessLog.objects.exists()


def test_unknown_purpose_is_refused(province_officer):
    with pytest.raises(ValidationError) as exc:
        access_log_record(actor=province_officer, obj_or_type_and_id=("tips.tip", 1), purpose="peek")
    assert "purpose" in exc.value.message_dict


def test_anonymous_reads_cannot_be_logged(db):
    with pytest.raises(ValidationError):
        access_log_record(actor=AnonymousUser(), obj_or_type_and_id=("tips.tip", 1))  # type: ignore[arg-type]


def test_a_user_without_membership_is_logged_without_acting_as(no_membership_user):
    entry = access_log_record(actor=no_membership_user, obj_or_type_and_id=("tips.tip", 1))
    assert entry.acting_as == ""
