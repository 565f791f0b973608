import pytest
from django.http import Http404

from pcmd.establishments import selectors, services
from pcmd.establishments.models import Establishment, EstablishmentType, ImportJob
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.geography.tests.factories import make_commune, make_province


@pytest.fixture
def lai_chau_establishment(other_province, karaoke):
    commune = make_commune(other_province, "03390", "Phường Tân Phong")
    return EstablishmentFactory(unit=commune, type=karaoke, name="Karaoke Tân Phong")


@pytest.fixture
def registry(hoa_hong, muong_bu_guesthouse, lai_chau_establishment):
    return {"hoa_hong": hoa_hong, "muong_bu": muong_bu_guesthouse, "lai_chau": lai_chau_establishment}


def _names(queryset):
    return sorted(e.name for e in queryset)


def test_commune_officer_sees_only_their_commune(commune_officer, registry):
    assert _names(selectors.establishments_visible_to(commune_officer)) == ["Karaoke Hoa Hồng"]


def test_other_commune_officer_sees_only_theirs(other_commune_officer, registry):
    assert _names(selectors.establishments_visible_to(other_commune_officer)) == ["Nhà nghỉ Suối Bú"]


@pytest.mark.parametrize("persona", ["province_officer", "inspector"])
def test_provincial_staff_and_provincial_inspectors_see_the_whole_province(persona, request, registry):
    user = request.getfixturevalue(persona)
    assert _names(selectors.establishments_visible_to(user)) == ["Karaoke Hoa Hồng", "Nhà nghỉ Suối Bú"]


def test_another_province_sees_only_its_own(other_province_officer, registry):
    assert _names(selectors.establishments_visible_to(other_province_officer)) == ["Karaoke Tân Phong"]


@pytest.mark.parametrize("persona", ["case_worker", "no_membership_user"])
def test_case_workers_and_users_without_membership_see_nothing(persona, request, registry):
    assert not selectors.establishments_visible_to(request.getfixturevalue(persona)).exists()


def test_system_admin_sees_everything(system_admin, registry):
    assert selectors.establishments_visible_to(system_admin).count() == 3


def test_another_province_gets_404_on_a_son_la_establishment(other_province_officer, hoa_hong):
    with pytest.raises(Http404):
        selectors.establishment_get(other_province_officer, hoa_hong.pk)


def test_other_commune_officer_gets_404(other_commune_officer, hoa_hong):
    with pytest.raises(Http404):
        selectors.establishment_get(other_commune_officer, hoa_hong.pk)


def test_case_worker_gets_404(case_worker, hoa_hong):
    with pytest.raises(Http404):
        selectors.establishment_get(case_worker, hoa_hong.pk)


def test_a_deleted_establishment_is_404_even_for_its_commune(commune_officer, hoa_hong):
    services.establishment_delete(actor=commune_officer, establishment=hoa_hong, reason="Trùng")
    with pytest.raises(Http404):
        selectors.establishment_get(commune_officer, hoa_hong.pk)


def test_search_ignores_diacritics_and_case_and_covers_address_and_code(province_officer, registry):
    assert _names(selectors.establishments_visible_to(province_officer, q="hoa hong")) == ["Karaoke Hoa Hồng"]
    assert _names(selectors.establishments_visible_to(province_officer, q="BAN BO")) == ["Nhà nghỉ Suối Bú"]
    assert _names(selectors.establishments_visible_to(province_officer, q="cs-04168")) == ["Nhà nghỉ Suối Bú"]
    assert not selectors.establishments_visible_to(province_officer, q="hoa bu").exists()


def test_filters_by_unit_type_status_and_risk(
    province_officer, commune_officer, other_commune, registry, guesthouse
):
    assert _names(selectors.establishments_visible_to(province_officer, unit=other_commune)) == [
        "Nhà nghỉ Suối Bú"
    ]
    assert _names(selectors.establishments_visible_to(province_officer, type=guesthouse)) == [
        "Nhà nghỉ Suối Bú"
    ]
    services.establishment_status_change(
        actor=commune_officer,
        establishment=registry["hoa_hong"],
        to_status=Establishment.Status.SUSPENDED,
        reason="Tạm ngừng",
    )
    assert _names(selectors.establishments_visible_to(province_officer, status="suspended")) == [
        "Karaoke Hoa Hồng"
    ]
    assert not selectors.establishments_visible_to(province_officer, risk_level="high").exists()


def test_unit_filter_stops_at_the_path_boundary(system_admin, karaoke, registry):
    # given: a province whose path "1" is a string prefix of Sơn La's "14"
    province_one = make_province("1", "Tỉnh Thử Một")
    commune_one = make_commune(province_one, "00001", "Xã Một")
    EstablishmentFactory(unit=commune_one, type=karaoke, name="Cơ sở Một")
    # then
    assert _names(selectors.establishments_visible_to(system_admin, unit=province_one)) == ["Cơ sở Một"]


def test_list_is_in_vietnamese_order(commune_officer, commune, karaoke):
    for name in ["Karaoke Ánh Dương", "Karaoke Bình Minh", "Karaoke An Khang"]:
        EstablishmentFactory(unit=commune, type=karaoke, name=name)
    assert [e.name for e in selectors.establishments_visible_to(commune_officer)] == [
        "Karaoke An Khang",
        "Karaoke Ánh Dương",
        "Karaoke Bình Minh",
    ]


def test_possible_duplicates_by_licence_stay_within_the_jurisdiction(
    commune_officer, other_province_officer, hoa_hong
):
    # given: the same number in another province does not reveal the Sơn La establishment
    found = selectors.possible_duplicates(
        other_province_officer, unit=None, name="", address="", licence_numbers=["15/GCN-ANTT"]
    )
    assert found == []
    found = selectors.possible_duplicates(
        commune_officer, unit=None, name="", address="", licence_numbers=["15/gcn antt"]
    )
    assert [d.establishment for d in found] == [hoa_hong]


def test_possible_duplicates_combine_both_reasons(commune_officer, commune, hoa_hong):
    found = selectors.possible_duplicates(
        commune_officer,
        unit=commune,
        name="KARAOKE HOA HỒNG",
        address="số 12 đường tô hiệu tổ 3",
        licence_numbers=["15/GCN-ANTT"],
    )
    assert len(found) == 1
    assert found[0].same_name_and_address and found[0].same_licence_numbers == ["15/GCN-ANTT"]


def test_address_key_expands_common_abbreviations():
    assert selectors.address_key("SN 12, Đ. Tô Hiệu, P. Tô Hiệu") == selectors.address_key(
        "Số nhà 12 đường Tô Hiệu phường Tô Hiệu"
    )


def test_types_are_seeded_from_the_domain_list(db):
    names = list(EstablishmentType.objects.values_list("name", flat=True))
    assert names[0] == "Khách sạn" and names[-1] == "Khác"
    assert {"Karaoke", "Vũ trường", "Cà phê đèn mờ", "Tắm khoáng", "Spa"} <= set(names)
    assert len(names) == 15


def test_import_jobs_are_visible_only_to_who_started_them(commune_officer, other_commune_officer):
    job = ImportJob.objects.create(original_name="a.xlsx", file="x.xlsx", created_by=commune_officer)
    assert selectors.import_job_get(commune_officer, job.pk) == job
    with pytest.raises(Http404):
        selectors.import_job_get(other_commune_officer, job.pk)
