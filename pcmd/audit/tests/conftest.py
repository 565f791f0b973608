import datetime

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry

from pcmd.agencies import services as agency_services


@pytest.fixture
def change_log(province_officer, commune_officer, other_province_officer, health_department, son_la):
    """Changes by a Sơn La coordinator, a Sơn La commune officer, a Lai Châu coordinator and the system."""
    agency_services.agency_update(
        actor=province_officer,
        agency=health_department,
        version=1,
        changes={"short_name": "SYT", "valid_from": datetime.date(2025, 3, 1)},
    )
    with set_actor(commune_officer):
        commune_officer.phone = "0212 3852 000"
        commune_officer.save()
    lai_chau = other_province_officer.memberships.get().agency
    agency_services.agency_update(
        actor=other_province_officer, agency=lai_chau, version=1, changes={"short_name": "SYT Lai Châu"}
    )
    return {
        "coordinator": LogEntry.objects.get(actor=province_officer, action=LogEntry.Action.UPDATE),
        "commune": LogEntry.objects.get(actor=commune_officer, action=LogEntry.Action.UPDATE),
        "other_province": LogEntry.objects.get(actor=other_province_officer, action=LogEntry.Action.UPDATE),
        "system": LogEntry.objects.filter(actor__isnull=True).first(),
    }
