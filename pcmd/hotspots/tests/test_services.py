import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.establishments.models import RiskLevel
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.hotspots import services
from pcmd.hotspots.models import Hotspot, HotspotEvent
from pcmd.hotspots.tests.factories import hotspot_via_services, record_event

D = datetime.date
S = Hotspot.Status
E = HotspotEvent.Kind

# How a fresh hotspot (identified 10/01/2026) reaches each status.
PATH_TO = {
    S.IDENTIFIED: (),
    S.UNDER_ACTION: (E.ACTION_STARTED,),
    S.ELIMINATED: (E.ACTION_STARTED, E.ELIMINATED),
    S.MONITORED: (E.ACTION_STARTED, E.ELIMINATED, E.MONITORING_STARTED),
}
# The lifecycle, written out independently of pcmd.hotspots.lifecycle: (from, event) → to.
ALLOWED = {
    (S.IDENTIFIED, E.ACTION_STARTED): S.UNDER_ACTION,
    (S.UNDER_ACTION, E.ELIMINATED): S.ELIMINATED,
    (S.ELIMINATED, E.MONITORING_STARTED): S.MONITORED,
    (S.MONITORED, E.CHECK): S.MONITORED,
    (S.ELIMINATED, E.REACTIVATED): S.UNDER_ACTION,
    (S.MONITORED, E.REACTIVATED): S.UNDER_ACTION,
}
RECORDABLE = (E.ACTION_STARTED, E.ELIMINATED, E.MONITORING_STARTED, E.CHECK, E.REACTIVATED)
REFUSED = [pair for pair in itertools.product(S.values, RECORDABLE) if pair not in ALLOWED]


def bring_to(actor, hotspot, status):
    """Walk the hotspot to `status`, one event a day from 01/02/2026; returns the last day used."""
    day = D(2026, 1, 31)
    for kind in PATH_TO[status]:
        day += datetime.timedelta(days=1)
        record_event(actor, hotspot, kind, day)
    return day


def field_messages(excinfo, field):
    return excinfo.value.message_dict[field]


# --- creation -----------------------------------------------------------------------------------------------


def test_a_new_hotspot_is_identified_with_its_identification_event(commune_officer, commune, commune_police):
    # when
    hotspot = hotspot_via_services(
        commune_officer, commune, commune_police, note="Người dân phản ánh qua đường dây nóng."
    )
    # then
    assert hotspot.status == S.IDENTIFIED
    assert hotspot.reactivation_count == 0
    assert hotspot.last_event_on == D(2026, 1, 10)
    event = hotspot.events.get()
    assert (event.kind, event.from_status, event.to_status) == (E.IDENTIFIED, "", S.IDENTIFIED)
    assert event.occurred_on == D(2026, 1, 10)
    assert event.recorded_by == commune_officer
    assert event.note == "Người dân phản ánh qua đường dây nóng."


def test_a_commune_officer_names_the_provincial_police_as_identifying_agency(
    commune_officer, commune, province_police
):
    hotspot = hotspot_via_services(commune_officer, commune, province_police)
    assert hotspot.identified_by == province_police


def test_an_agency_of_another_commune_cannot_be_the_identifying_agency(
    province_officer, commune, other_commune_police
):
    with pytest.raises(ValidationError) as excinfo:
        hotspot_via_services(province_officer, commune, other_commune_police)
    assert field_messages(excinfo, "identified_by") == [
        "Cơ quan phát hiện phải thuộc xã, phường của điểm hoặc tỉnh, thành phố cấp trên."
    ]


def test_an_agency_closed_on_the_identification_day_is_refused(commune_officer, commune):
    closed = AgencyFactory.create(
        unit=commune, kind=AgencyKind.POLICE, name="Công an xã cũ", valid_to=D(2025, 6, 30)
    )
    with pytest.raises(ValidationError) as excinfo:
        hotspot_via_services(commune_officer, commune, closed)
    assert field_messages(excinfo, "identified_by") == [
        "Cơ quan «Công an xã cũ» không hoạt động vào ngày 10/01/2026."
    ]


def test_a_hotspot_must_be_in_a_commune_not_a_whole_province(province_officer, son_la, province_police):
    with pytest.raises(ValidationError) as excinfo:
        hotspot_via_services(province_officer, son_la, province_police)
    assert field_messages(excinfo, "unit") == ["Điểm phức tạp phải thuộc một xã, phường, đặc khu hiện hành."]


def test_identification_in_the_future_is_refused(commune_officer, commune, commune_police):
    with pytest.raises(ValidationError) as excinfo:
        hotspot_via_services(commune_officer, commune, commune_police, identified_on=D(2026, 7, 1))
    assert field_messages(excinfo, "identified_on") == ["Ngày không được sau ngày hôm nay (30/06/2026)."]
    assert not Hotspot.objects.exists()


def test_identification_today_is_accepted(commune_officer, commune, commune_police):
    hotspot = hotspot_via_services(commune_officer, commune, commune_police, identified_on=D(2026, 6, 30))
    assert hotspot.identified_on == D(2026, 6, 30)


@pytest.mark.parametrize(
    ("latitude", "longitude", "field", "message"),
    [
        (48.85, 2.35, "latitude", "Vĩ độ phải trong khoảng 6.5 đến 23.5 (lãnh thổ Việt Nam)."),
        (103.9, 21.3, "latitude", "Vĩ độ phải trong khoảng 6.5 đến 23.5 (lãnh thổ Việt Nam)."),
        (21.3, 98.0, "longitude", "Kinh độ phải trong khoảng 102.0 đến 117.5 (lãnh thổ Việt Nam)."),
        (21.3, None, "longitude", "Phải nhập cả vĩ độ và kinh độ, hoặc để trống cả hai."),
        (None, 103.9, "latitude", "Phải nhập cả vĩ độ và kinh độ, hoặc để trống cả hai."),
    ],
)
def test_coordinates_outside_vietnam_or_incomplete_are_refused(
    commune_officer, commune, commune_police, latitude, longitude, field, message
):
    with pytest.raises(ValidationError) as excinfo:
        hotspot_via_services(commune_officer, commune, commune_police, latitude=latitude, longitude=longitude)
    assert message in field_messages(excinfo, field)


def test_coordinates_in_son_la_and_in_the_truong_sa_islands_are_accepted(
    commune_officer, commune, commune_police
):
    son_la = hotspot_via_services(
        commune_officer, commune, commune_police, latitude=21.3262, longitude=103.91
    )
    islands = hotspot_via_services(
        commune_officer, commune, commune_police, name="Điểm thử đảo", latitude=8.65, longitude=111.92
    )
    assert son_la.has_coordinates and islands.has_coordinates


def test_a_hotspot_in_an_establishment_must_name_it(commune_officer, commune, commune_police):
    with pytest.raises(ValidationError) as excinfo:
        hotspot_via_services(commune_officer, commune, commune_police, kind=Hotspot.Kind.ESTABLISHMENT)
    assert field_messages(excinfo, "establishment") == [
        "Điểm phức tạp tại cơ sở kinh doanh dịch vụ phải chỉ rõ cơ sở."
    ]


def test_the_establishment_must_be_in_the_hotspots_commune(
    commune_officer, commune, other_commune, commune_police
):
    elsewhere = EstablishmentFactory.create(unit=other_commune, name="Karaoke Hoa Ban")
    with pytest.raises(ValidationError) as excinfo:
        hotspot_via_services(
            commune_officer, commune, commune_police, kind=Hotspot.Kind.ESTABLISHMENT, establishment=elsewhere
        )
    assert field_messages(excinfo, "establishment") == ["Cơ sở «Karaoke Hoa Ban» không thuộc Phường Tô Hiệu."]


def test_a_deleted_establishment_cannot_be_linked(commune_officer, commune, commune_police):
    deleted = EstablishmentFactory.create(
        unit=commune, name="Nhà nghỉ Cũ", is_deleted=True, deletion_reason="Nhập trùng"
    )
    with pytest.raises(ValidationError) as excinfo:
        hotspot_via_services(
            commune_officer, commune, commune_police, kind=Hotspot.Kind.ESTABLISHMENT, establishment=deleted
        )
    assert field_messages(excinfo, "establishment") == ["Cơ sở «Nhà nghỉ Cũ» đã bị xóa khỏi danh sách."]


def test_an_inspector_cannot_record_a_hotspot(inspector, commune, commune_police):
    with pytest.raises(PermissionDenied):
        hotspot_via_services(inspector, commune, commune_police)


def test_an_officer_of_another_commune_cannot_record_a_hotspot_here(
    other_commune_officer, commune, commune_police
):
    with pytest.raises(PermissionDenied):
        hotspot_via_services(other_commune_officer, commune, commune_police)


def test_an_officer_of_another_province_cannot_record_a_hotspot_in_son_la(
    other_province_officer, commune, commune_police
):
    with pytest.raises(PermissionDenied):
        hotspot_via_services(other_province_officer, commune, commune_police)


def test_police_and_the_provincial_coordinator_record_hotspots_in_any_commune_of_the_province(
    police_officer, province_officer, commune, other_commune, commune_police, other_commune_police
):
    assert hotspot_via_services(police_officer, commune, commune_police).pk
    assert hotspot_via_services(province_officer, other_commune, other_commune_police).pk


# --- lifecycle ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "kind"), list(ALLOWED), ids=lambda value: str(value))
def test_every_allowed_event_moves_the_status_as_the_lifecycle_says(commune_officer, hotspot, start, kind):
    # given
    last_day = bring_to(commune_officer, hotspot, start)
    version = hotspot.version
    # when
    event = record_event(commune_officer, hotspot, kind, last_day + datetime.timedelta(days=1), "Ghi chú")
    # then
    hotspot.refresh_from_db()
    assert hotspot.status == ALLOWED[(start, kind)]
    assert (event.kind, event.from_status, event.to_status) == (kind, start, ALLOWED[(start, kind)])
    assert event.recorded_by == commune_officer and event.note == "Ghi chú"
    assert hotspot.version == version + 1
    assert hotspot.last_event_on == last_day + datetime.timedelta(days=1)


@pytest.mark.parametrize(("start", "kind"), REFUSED, ids=lambda value: str(value))
def test_every_other_event_is_refused_with_a_vietnamese_message_and_changes_nothing(
    commune_officer, hotspot, start, kind
):
    # given
    last_day = bring_to(commune_officer, hotspot, start)
    hotspot.refresh_from_db()
    before = (hotspot.status, hotspot.version, hotspot.events.count(), hotspot.reactivation_count)
    # when
    with pytest.raises(ValidationError) as excinfo:
        record_event(commune_officer, hotspot, kind, last_day + datetime.timedelta(days=1))
    # then
    [message] = field_messages(excinfo, "kind")
    assert message.startswith(
        f"Không thể ghi nhận «{HotspotEvent.Kind(kind).label}» khi điểm đang ở trạng thái "
        f"«{Hotspot.Status(start).label}». Có thể ghi nhận: "
    )
    hotspot.refresh_from_db()
    assert (hotspot.status, hotspot.version, hotspot.events.count(), hotspot.reactivation_count) == before


def test_the_refusal_names_what_may_be_recorded_instead(commune_officer, hotspot):
    with pytest.raises(ValidationError) as excinfo:
        record_event(commune_officer, hotspot, E.ELIMINATED, D(2026, 2, 1))
    assert field_messages(excinfo, "kind") == [
        "Không thể ghi nhận «Triệt xóa» khi điểm đang ở trạng thái «Mới phát hiện». "
        "Có thể ghi nhận: «Bắt đầu đấu tranh, xử lý»."
    ]


def test_the_identification_cannot_be_recorded_again(commune_officer, hotspot):
    with pytest.raises(ValidationError) as excinfo:
        record_event(commune_officer, hotspot, E.IDENTIFIED, D(2026, 2, 1))
    assert field_messages(excinfo, "kind") == [
        "Sự kiện «Phát hiện» được ghi khi thêm điểm phức tạp, không ghi nhận thêm được."
    ]


def test_an_unknown_event_kind_is_refused(commune_officer, hotspot):
    with pytest.raises(ValidationError) as excinfo:
        record_event(commune_officer, hotspot, "closed", D(2026, 2, 1))
    assert field_messages(excinfo, "kind") == ["Loại sự kiện «closed» không hợp lệ."]


@pytest.mark.parametrize("start", [S.ELIMINATED, S.MONITORED])
def test_a_reactivation_sends_the_hotspot_back_to_action_and_is_counted(commune_officer, hotspot, start):
    # given
    last_day = bring_to(commune_officer, hotspot, start)
    # when
    event = record_event(commune_officer, hotspot, E.REACTIVATED, last_day + datetime.timedelta(days=3))
    # then
    hotspot.refresh_from_db()
    assert hotspot.status == S.UNDER_ACTION
    assert hotspot.reactivation_count == 1
    assert event.kind == E.REACTIVATED


def test_each_reactivation_adds_one_to_the_count(commune_officer, hotspot):
    # given: eliminated, reactivated, eliminated again, monitored
    day = bring_to(commune_officer, hotspot, S.ELIMINATED)
    for kind in (E.REACTIVATED, E.ELIMINATED, E.MONITORING_STARTED, E.CHECK, E.REACTIVATED):
        day += datetime.timedelta(days=5)
        record_event(commune_officer, hotspot, kind, day)
    # then
    hotspot.refresh_from_db()
    assert hotspot.reactivation_count == 2
    assert hotspot.status == S.UNDER_ACTION
    assert hotspot.events.filter(kind=E.REACTIVATED).count() == 2


def test_checks_and_other_events_do_not_count_as_reactivations(commune_officer, hotspot):
    day = bring_to(commune_officer, hotspot, S.MONITORED)
    record_event(commune_officer, hotspot, E.CHECK, day + datetime.timedelta(days=30))
    hotspot.refresh_from_db()
    assert hotspot.reactivation_count == 0


# --- dates and versions -------------------------------------------------------------------------------------


def test_an_event_dated_before_the_latest_event_is_refused(commune_officer, hotspot):
    # given: action started on 01/02/2026
    record_event(commune_officer, hotspot, E.ACTION_STARTED, D(2026, 2, 1))
    # when
    with pytest.raises(ValidationError) as excinfo:
        record_event(commune_officer, hotspot, E.ELIMINATED, D(2026, 1, 31))
    # then
    assert field_messages(excinfo, "occurred_on") == [
        "Ngày không được trước ngày của sự kiện gần nhất (01/02/2026)."
    ]
    hotspot.refresh_from_db()
    assert hotspot.status == S.UNDER_ACTION


def test_an_event_before_the_identification_is_refused(commune_officer, hotspot):
    with pytest.raises(ValidationError) as excinfo:
        record_event(commune_officer, hotspot, E.ACTION_STARTED, D(2026, 1, 9))
    assert field_messages(excinfo, "occurred_on") == [
        "Ngày không được trước ngày của sự kiện gần nhất (10/01/2026)."
    ]


def test_an_event_on_the_same_day_as_the_previous_one_is_accepted(commune_officer, hotspot):
    record_event(commune_officer, hotspot, E.ACTION_STARTED, D(2026, 1, 10))
    record_event(commune_officer, hotspot, E.ELIMINATED, D(2026, 1, 10))
    hotspot.refresh_from_db()
    assert hotspot.status == S.ELIMINATED


def test_an_event_in_the_future_is_refused(commune_officer, hotspot):
    with pytest.raises(ValidationError) as excinfo:
        record_event(commune_officer, hotspot, E.ACTION_STARTED, D(2026, 7, 1))
    assert field_messages(excinfo, "occurred_on") == ["Ngày không được sau ngày hôm nay (30/06/2026)."]


def test_an_event_on_a_stale_version_is_refused(commune_officer, police_officer, hotspot):
    # given: two people opened the page at version 1; the police officer records first
    seen = hotspot.version
    services.hotspot_event_record(
        actor=police_officer,
        hotspot=Hotspot.objects.get(pk=hotspot.pk),
        kind=E.ACTION_STARTED,
        occurred_on=D(2026, 2, 1),
        version=seen,
    )
    # when
    with pytest.raises(ValidationError) as excinfo:
        services.hotspot_event_record(
            actor=commune_officer,
            hotspot=hotspot,
            kind=E.ACTION_STARTED,
            occurred_on=D(2026, 2, 2),
            version=seen,
        )
    # then
    assert excinfo.value.error_dict["version"][0].code == "stale"
    assert hotspot.events.filter(kind=E.ACTION_STARTED).count() == 1


def test_an_officer_of_another_commune_cannot_record_an_event(other_commune_officer, hotspot):
    with pytest.raises(PermissionDenied):
        record_event(other_commune_officer, hotspot, E.ACTION_STARTED, D(2026, 2, 1))


def test_an_inspector_cannot_record_an_event(inspector, hotspot):
    with pytest.raises(PermissionDenied):
        record_event(inspector, hotspot, E.ACTION_STARTED, D(2026, 2, 1))


# --- edits --------------------------------------------------------------------------------------------------


def test_an_edit_changes_the_description_and_bumps_the_version(commune_officer, hotspot):
    # when
    services.hotspot_update(
        actor=commune_officer,
        hotspot=hotspot,
        version=hotspot.version,
        changes={"name": "  Khu  bờ kè suối Nậm La ", "latitude": 21.32, "longitude": 103.91},
    )
    # then
    hotspot.refresh_from_db()
    assert hotspot.name == "Khu bờ kè suối Nậm La"
    assert (hotspot.latitude, hotspot.longitude) == (21.32, 103.91)
    assert hotspot.version == 2
    assert hotspot.status == S.IDENTIFIED


def test_an_edit_on_a_stale_version_is_refused(commune_officer, hotspot):
    services.hotspot_update(actor=commune_officer, hotspot=hotspot, version=1, changes={"address": "Tổ 4"})
    with pytest.raises(ValidationError) as excinfo:
        services.hotspot_update(
            actor=commune_officer,
            hotspot=Hotspot.objects.get(pk=hotspot.pk),
            version=1,
            changes={"address": "Tổ 5"},
        )
    assert excinfo.value.error_dict["version"][0].code == "stale"
    assert Hotspot.objects.get(pk=hotspot.pk).address == "Tổ 4"


def test_moving_the_identification_date_moves_the_identification_event(commune_officer, hotspot):
    services.hotspot_update(
        actor=commune_officer, hotspot=hotspot, version=1, changes={"identified_on": D(2026, 1, 3)}
    )
    hotspot.refresh_from_db()
    assert hotspot.events.get(kind=E.IDENTIFIED).occurred_on == D(2026, 1, 3)
    assert hotspot.last_event_on == D(2026, 1, 3)


def test_the_identification_date_cannot_pass_the_next_event(commune_officer, hotspot):
    # given
    record_event(commune_officer, hotspot, E.ACTION_STARTED, D(2026, 2, 1))
    # when
    with pytest.raises(ValidationError) as excinfo:
        services.hotspot_update(
            actor=commune_officer,
            hotspot=hotspot,
            version=hotspot.version,
            changes={"identified_on": D(2026, 2, 2)},
        )
    # then
    assert field_messages(excinfo, "identified_on") == [
        "Ngày phát hiện không được sau ngày của sự kiện tiếp theo trong diễn biến (01/02/2026)."
    ]
    assert Hotspot.objects.get(pk=hotspot.pk).identified_on == D(2026, 1, 10)


def test_a_link_made_before_the_establishment_was_deleted_does_not_block_edits(
    commune_officer, commune, commune_police
):
    # given a hotspot linked to an establishment the registry deleted afterwards
    karaoke = EstablishmentFactory.create(unit=commune, name="Karaoke Đêm")
    hotspot = hotspot_via_services(
        commune_officer, commune, commune_police, kind=Hotspot.Kind.ESTABLISHMENT, establishment=karaoke
    )
    karaoke.is_deleted, karaoke.deletion_reason = True, "Đã giải thể"
    karaoke.save()
    # when
    services.hotspot_update(actor=commune_officer, hotspot=hotspot, version=1, changes={"address": "Số 9"})
    # then
    hotspot.refresh_from_db()
    assert hotspot.address == "Số 9" and hotspot.establishment == karaoke


def test_moving_a_hotspot_to_a_commune_outside_the_jurisdiction_is_refused(
    commune_officer, hotspot, other_commune
):
    with pytest.raises(ValidationError) as excinfo:
        services.hotspot_update(
            actor=commune_officer, hotspot=hotspot, version=1, changes={"unit": other_commune}
        )
    assert field_messages(excinfo, "unit") == ["Bạn không quản lý điểm phức tạp của Xã Mường Bú."]


def test_an_officer_of_another_province_cannot_edit(other_province_officer, hotspot):
    with pytest.raises(PermissionDenied):
        services.hotspot_update(
            actor=other_province_officer, hotspot=hotspot, version=1, changes={"name": "Khác"}
        )


def test_the_status_is_not_editable(commune_officer, hotspot):
    with pytest.raises(ValueError, match="status"):
        services.hotspot_update(
            actor=commune_officer, hotspot=hotspot, version=1, changes={"status": S.ELIMINATED}
        )


# --- soft delete --------------------------------------------------------------------------------------------


def test_deleting_keeps_the_row_and_its_events_with_who_and_why(commune_officer, hotspot):
    # when
    services.hotspot_delete(actor=commune_officer, hotspot=hotspot, version=1, reason="Nhập trùng")
    # then
    hotspot.refresh_from_db()
    assert hotspot.is_deleted and hotspot.deleted_by == commune_officer and hotspot.deleted_at is not None
    assert hotspot.deletion_reason == "Nhập trùng"
    assert hotspot.events.count() == 1


def test_deleting_needs_a_reason(commune_officer, hotspot):
    with pytest.raises(ValidationError) as excinfo:
        services.hotspot_delete(actor=commune_officer, hotspot=hotspot, version=1, reason="  ")
    assert field_messages(excinfo, "deletion_reason") == ["Phải nêu lý do xóa điểm phức tạp."]
    assert not Hotspot.objects.get(pk=hotspot.pk).is_deleted


def test_no_event_is_recorded_on_a_deleted_hotspot(commune_officer, hotspot):
    services.hotspot_delete(actor=commune_officer, hotspot=hotspot, version=1, reason="Nhập nhầm")
    with pytest.raises(ValidationError) as excinfo:
        record_event(commune_officer, hotspot, E.ACTION_STARTED, D(2026, 2, 1))
    assert excinfo.value.message_dict["__all__"] == ["Điểm phức tạp này đã bị xóa."]


def test_a_deleted_hotspot_is_not_edited(commune_officer, hotspot):
    services.hotspot_delete(actor=commune_officer, hotspot=hotspot, version=1, reason="Nhập nhầm")
    with pytest.raises(ValidationError) as excinfo:
        services.hotspot_update(actor=commune_officer, hotspot=hotspot, version=2, changes={"name": "Khác"})
    assert excinfo.value.message_dict["__all__"] == ["Điểm phức tạp này đã bị xóa."]


def test_an_officer_of_another_commune_cannot_delete(other_commune_officer, hotspot):
    with pytest.raises(PermissionDenied):
        services.hotspot_delete(actor=other_commune_officer, hotspot=hotspot, version=1, reason="Không rõ")


# --- the establishment's risk -------------------------------------------------------------------------------


@pytest.fixture
def karaoke(commune):
    return EstablishmentFactory.create(unit=commune, name="Karaoke Hoa Hồng")


def test_an_establishment_linked_to_an_active_hotspot_becomes_high_risk(
    commune_officer, commune, commune_police, karaoke
):
    # when
    hotspot_via_services(
        commune_officer,
        commune,
        commune_police,
        kind=Hotspot.Kind.ESTABLISHMENT,
        establishment=karaoke,
        name="Phòng hát Karaoke Hoa Hồng",
    )
    # then
    karaoke.refresh_from_db()
    assert karaoke.risk_computed == RiskLevel.HIGH
    assert {
        "level": "high",
        "reason": "Gắn với điểm phức tạp «Phòng hát Karaoke Hoa Hồng» đang hoạt động (Mới phát hiện).",
        "source": "hotspots",
    } in karaoke.risk_reasons


def test_elimination_lowers_the_risk_and_a_reactivation_raises_it_again(
    commune_officer, commune, commune_police, karaoke
):
    # given
    hotspot = hotspot_via_services(
        commune_officer, commune, commune_police, kind=Hotspot.Kind.ESTABLISHMENT, establishment=karaoke
    )
    # when eliminated
    day = bring_to(commune_officer, hotspot, S.ELIMINATED)
    # then
    karaoke.refresh_from_db()
    assert karaoke.risk_computed == RiskLevel.LOW
    # when reactivated
    record_event(commune_officer, hotspot, E.REACTIVATED, day + datetime.timedelta(days=10))
    # then
    karaoke.refresh_from_db()
    assert karaoke.risk_computed == RiskLevel.HIGH


def test_unlinking_or_deleting_the_hotspot_lowers_the_risk(commune_officer, commune, commune_police, karaoke):
    # given
    hotspot = hotspot_via_services(
        commune_officer, commune, commune_police, kind=Hotspot.Kind.ESTABLISHMENT, establishment=karaoke
    )
    # when the hotspot is moved to the public place next to it
    services.hotspot_update(
        actor=commune_officer,
        hotspot=hotspot,
        version=hotspot.version,
        changes={"kind": Hotspot.Kind.PUBLIC_PLACE, "establishment": None},
    )
    # then
    karaoke.refresh_from_db()
    assert karaoke.risk_computed == RiskLevel.LOW
    # and when linked again then deleted
    services.hotspot_update(
        actor=commune_officer, hotspot=hotspot, version=hotspot.version, changes={"establishment": karaoke}
    )
    karaoke.refresh_from_db()
    assert karaoke.risk_computed == RiskLevel.HIGH
    services.hotspot_delete(
        actor=commune_officer, hotspot=hotspot, version=hotspot.version, reason="Nhập nhầm"
    )
    karaoke.refresh_from_db()
    assert karaoke.risk_computed == RiskLevel.LOW
