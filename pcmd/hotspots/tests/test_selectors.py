import datetime

import pytest
from django.http import Http404

from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.hotspots import selectors
from pcmd.hotspots.models import Hotspot
from pcmd.hotspots.tests.factories import HotspotFactory

D = datetime.date


@pytest.fixture
def here(commune, commune_police):
    return HotspotFactory.create(
        unit=commune, identified_by=commune_police, name="Khu bờ kè suối Nậm La", address="Tổ 3"
    )


@pytest.fixture
def there(other_commune, other_commune_police):
    return HotspotFactory.create(
        unit=other_commune,
        identified_by=other_commune_police,
        name="Bãi đất trống sau bến xe",
        address="Bản Mường Bú",
        status=Hotspot.Status.ELIMINATED,
    )


@pytest.fixture
def far_away(other_province_commune, other_province_police):
    return HotspotFactory.create(
        unit=other_province_commune,
        identified_by=other_province_police,
        name="Khu chợ Tân Phong",
        address="Tổ 3, phường Tân Phong",
    )


@pytest.fixture
def all_hotspots(here, there, far_away):
    return here, there, far_away


def names(hotspots):
    return {hotspot.name for hotspot in hotspots}


# --- scoping ------------------------------------------------------------------------------------------------


def test_a_commune_officer_sees_the_hotspots_of_their_commune_only(commune_officer, all_hotspots):
    assert names(selectors.hotspots_visible_to(commune_officer)) == {"Khu bờ kè suối Nậm La"}


def test_an_officer_of_the_other_commune_does_not_see_this_communes_hotspots(
    other_commune_officer, all_hotspots
):
    assert names(selectors.hotspots_visible_to(other_commune_officer)) == {"Bãi đất trống sau bến xe"}


@pytest.mark.parametrize("persona", ["province_officer", "police_officer", "inspector"])
def test_provincial_staff_police_and_inspectors_see_the_whole_province(request, persona, all_hotspots):
    user = request.getfixturevalue(persona)
    assert names(selectors.hotspots_visible_to(user)) == {"Khu bờ kè suối Nậm La", "Bãi đất trống sau bến xe"}


def test_an_officer_of_another_province_sees_none_of_son_la(other_province_officer, all_hotspots):
    assert names(selectors.hotspots_visible_to(other_province_officer)) == {"Khu chợ Tân Phong"}


@pytest.mark.parametrize("persona", ["case_worker", "leader", "no_membership_user"])
def test_case_workers_leaders_and_unassigned_users_see_nothing(request, persona, all_hotspots):
    assert not selectors.hotspots_visible_to(request.getfixturevalue(persona)).exists()


def test_a_national_administrator_sees_every_province(system_admin, all_hotspots):
    assert len(selectors.hotspots_visible_to(system_admin)) == 3


def test_a_hotspot_outside_the_jurisdiction_does_not_exist(
    other_province_officer, other_commune_officer, here
):
    for outsider in (other_province_officer, other_commune_officer):
        with pytest.raises(Http404):
            selectors.hotspot_get(outsider, here.pk)


def test_a_case_worker_cannot_open_a_hotspot_of_their_province(case_worker, here):
    with pytest.raises(Http404):
        selectors.hotspot_get(case_worker, here.pk)


def test_deleted_hotspots_are_neither_listed_nor_opened(province_officer, here):
    Hotspot.objects.filter(pk=here.pk).update(is_deleted=True, deletion_reason="Nhập trùng")
    assert not selectors.hotspots_visible_to(province_officer).exists()
    with pytest.raises(Http404):
        selectors.hotspot_get(province_officer, here.pk)


# --- filters ------------------------------------------------------------------------------------------------


def test_filter_by_unit_keeps_that_commune(province_officer, commune, all_hotspots):
    assert names(selectors.hotspots_visible_to(province_officer, unit=commune)) == {"Khu bờ kè suối Nậm La"}


def test_filter_by_province_keeps_its_communes(system_admin, son_la, all_hotspots):
    assert len(selectors.hotspots_visible_to(system_admin, unit=son_la)) == 2


def test_filter_by_status_and_kind(province_officer, all_hotspots):
    eliminated = selectors.hotspots_visible_to(province_officer, status=Hotspot.Status.ELIMINATED)
    assert names(eliminated) == {"Bãi đất trống sau bến xe"}
    assert not selectors.hotspots_visible_to(province_officer, kind=Hotspot.Kind.ESTABLISHMENT).exists()


def test_search_ignores_diacritics_and_covers_the_address(province_officer, all_hotspots):
    assert names(selectors.hotspots_visible_to(province_officer, q="bo ke NAM LA")) == {
        "Khu bờ kè suối Nậm La"
    }
    assert names(selectors.hotspots_visible_to(province_officer, q="to 3")) == {"Khu bờ kè suối Nậm La"}


def test_the_list_is_in_vietnamese_order_of_communes_then_names(
    province_officer, commune, commune_police, here
):
    HotspotFactory.create(unit=commune, identified_by=commune_police, name="Ấp Đông")
    HotspotFactory.create(unit=commune, identified_by=commune_police, name="Bãi sông")
    assert [h.name for h in selectors.hotspots_visible_to(province_officer)] == [
        "Ấp Đông",
        "Bãi sông",
        "Khu bờ kè suối Nậm La",
    ]


# --- choices for forms --------------------------------------------------------------------------------------


def test_identifying_agencies_of_a_commune_officer_include_the_province_above_but_no_other_commune(
    commune_officer, commune_police, province_police, other_commune_police, other_province_police
):
    agencies = set(selectors.identifying_agencies_for(commune_officer))
    assert {commune_police, province_police} <= agencies
    assert other_commune_police not in agencies
    assert other_province_police not in agencies


def test_closed_agencies_are_not_offered(commune_officer, commune):
    closed = AgencyFactory.create(unit=commune, kind=AgencyKind.POLICE, valid_to=D(2025, 6, 30))
    assert closed not in selectors.identifying_agencies_for(commune_officer)


def test_no_agency_is_offered_to_a_user_without_jurisdiction(no_membership_user, province_police):
    assert not selectors.identifying_agencies_for(no_membership_user).exists()


def test_establishments_offered_are_those_of_the_jurisdiction(commune_officer, commune, other_commune):
    mine = EstablishmentFactory.create(unit=commune)
    EstablishmentFactory.create(unit=other_commune)
    assert list(selectors.establishments_for_hotspots(commune_officer)) == [mine]


def test_no_establishment_is_offered_to_a_case_worker(case_worker, commune):
    EstablishmentFactory.create(unit=commune)
    assert not selectors.establishments_for_hotspots(case_worker).exists()


def test_only_communes_of_the_jurisdiction_are_offered(
    commune_officer, province_officer, commune, other_commune
):
    assert list(selectors.communes_for_hotspots(commune_officer)) == [commune]
    assert set(selectors.communes_for_hotspots(province_officer)) == {commune, other_commune}


# --- map ----------------------------------------------------------------------------------------------------


def test_the_map_places_hotspots_without_coordinates_at_their_communes_centroid(
    province_officer, commune, here, there
):
    Hotspot.objects.filter(pk=there.pk).update(latitude=21.52, longitude=103.74)
    # when
    data = selectors.hotspot_map_data(province_officer)
    # then
    by_name = {row["name"]: row for row in data["hotspots"]}
    assert by_name["Khu bờ kè suối Nậm La"]["approximate"] is True
    assert (by_name["Khu bờ kè suối Nậm La"]["latitude"], by_name["Khu bờ kè suối Nậm La"]["longitude"]) == (
        commune.latitude,
        commune.longitude,
    )
    assert by_name["Bãi đất trống sau bến xe"]["approximate"] is False
    assert by_name["Bãi đất trống sau bến xe"]["latitude"] == 21.52
    assert (
        by_name["Bãi đất trống sau bến xe"]["colour"] == selectors.STATUS_COLOURS[Hotspot.Status.ELIMINATED]
    )
    assert by_name["Bãi đất trống sau bến xe"]["url"] == there.get_absolute_url()
    assert {c["name"] for c in data["communes"]} == {"Phường Tô Hiệu", "Xã Mường Bú"}


def test_the_map_of_a_commune_officer_shows_only_their_commune(commune_officer, all_hotspots):
    data = selectors.hotspot_map_data(commune_officer)
    assert [row["name"] for row in data["hotspots"]] == ["Khu bờ kè suối Nậm La"]
    assert [c["name"] for c in data["communes"]] == ["Phường Tô Hiệu"]


def test_the_map_of_another_province_shows_nothing_of_son_la(other_province_officer, all_hotspots):
    data = selectors.hotspot_map_data(other_province_officer)
    assert [row["name"] for row in data["hotspots"]] == ["Khu chợ Tân Phong"]
    assert "Phường Tô Hiệu" not in {c["name"] for c in data["communes"]}


def test_a_hotspot_with_no_position_at_all_is_counted_not_drawn(province_officer, commune, here):
    type(commune).objects.filter(pk=commune.pk).update(latitude=None, longitude=None)
    data = selectors.hotspot_map_data(province_officer)
    assert data["hotspots"] == []
    assert data["without_position"] == 1


def test_the_map_follows_the_filters(province_officer, all_hotspots):
    data = selectors.hotspot_map_data(province_officer, status=Hotspot.Status.ELIMINATED)
    assert [row["name"] for row in data["hotspots"]] == ["Bãi đất trống sau bến xe"]
