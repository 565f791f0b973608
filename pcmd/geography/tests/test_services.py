from typing import Any

import pytest

from pcmd.geography.models import AdminUnit, UnitSuccession
from pcmd.geography.selectors import resolve_current_units
from pcmd.geography.sources import Discrepancy, admin_unit_source
from pcmd.geography.tests.factories import make_province

E, L = AdminUnit.Era, AdminUnit.Level


def _legacy(level, code):
    return AdminUnit.objects.get(era=E.LEGACY, level=level, code=code)


def test_loading_everything_stores_every_unit_of_both_eras_and_the_mapping(load_units):
    # when
    report = load_units()
    # then
    assert report.count(E.CURRENT, L.PROVINCE) == 34
    assert report.count(E.CURRENT, L.COMMUNE) == 3321
    assert report.count(E.LEGACY, L.PROVINCE) == 63
    assert report.count(E.LEGACY, L.DISTRICT) == 696
    assert report.count(E.LEGACY, L.COMMUNE) == 10035
    assert report.successions == UnitSuccession.objects.count() == len(admin_unit_source().successions)
    assert report.units_created == AdminUnit.objects.count() == 14149
    assert report.discrepancies[Discrepancy.Kind.CODE] > 100


def test_loading_again_changes_nothing(load_units):
    # given: three provinces with splits and merged legacy provinces (the whole country behaves the same)
    load_units("01", "19", "82")
    stamps = dict(AdminUnit.objects.values_list("path", "updated_at"))
    succession_ids = set(UnitSuccession.objects.values_list("id", flat=True))
    # when
    report = load_units("01", "19", "82")
    # then
    assert not report.changed
    assert (report.units_created, report.units_updated, report.successions_created) == (0, 0, 0)
    assert dict(AdminUnit.objects.values_list("path", "updated_at")) == stamps
    assert set(UnitSuccession.objects.values_list("id", flat=True)) == succession_ids


def test_loading_again_repairs_units_and_successions_changed_by_hand(load_units):
    # given
    load_units("14")
    AdminUnit.objects.filter(era=E.CURRENT, code="14").update(name="Sơn La (sửa tay)", latitude=None)
    thuan_chau = _legacy(L.DISTRICT, "119")
    UnitSuccession.objects.filter(legacy_unit=thuan_chau).earliest("id").delete()
    UnitSuccession.objects.filter(
        legacy_unit__era=E.LEGACY, legacy_unit__level=L.COMMUNE, is_default=True
    ).filter(legacy_unit__path__startswith="L14.").update(is_default=False)
    # when
    report = load_units("14")
    # then
    son_la = AdminUnit.objects.get(era=E.CURRENT, code="14")
    assert (son_la.name, son_la.name_search) == ("Tỉnh Sơn La", "tinh son la")
    assert son_la.latitude is not None
    assert report.units_updated == 1
    assert report.successions_created == 1
    assert report.successions_updated > 0
    assert not load_units("14").changed


def test_units_missing_from_the_source_are_kept(load_units):
    # given: a unit no dataset lists (records may point at it)
    extra = make_province("99", "Tỉnh Thử Nghiệm")
    # when
    report = load_units("14")
    # then
    assert AdminUnit.objects.filter(pk=extra.pk).exists()
    assert report.units_not_in_source == 1


def test_loading_one_province_leaves_the_successions_of_others_alone(load_units):
    # given
    load_units("14", "19")
    before = UnitSuccession.objects.filter(legacy_unit__scope_path__startswith="19").count()
    # when
    report = load_units("14")
    # then
    assert report.successions_deleted == 0
    assert UnitSuccession.objects.filter(legacy_unit__scope_path__startswith="19").count() == before > 0


def test_son_la_keeps_code_14_and_its_path(load_units):
    # when
    load_units("14")
    # then
    son_la = AdminUnit.objects.current().get(level=L.PROVINCE, code="14")
    assert (son_la.name, son_la.path, son_la.division_type) == ("Tỉnh Sơn La", "14", "Tỉnh")
    assert son_la.children.count() == 75
    assert _legacy(L.PROVINCE, "14").successions.get().successor == son_la


def test_a_legacy_commune_resolves_to_the_commune_it_became(load_units):
    # given: Phường Tô Hiệu of Thành phố Sơn La (legacy 03649) is today's Phường Tô Hiệu (03646)
    load_units("14")
    legacy_to_hieu = _legacy(L.COMMUNE, "03649")
    # when
    current: list[Any] = list(resolve_current_units(legacy_to_hieu))  # units annotated with is_default
    # then
    assert [(u.code, u.name, u.is_default) for u in current] == [("03646", "Phường Tô Hiệu", True)]
    assert legacy_to_hieu.scope_path == "14.03646"
    assert legacy_to_hieu.parent is not None and legacy_to_hieu.parent.name == "Thành phố Sơn La"


def test_na_ri_district_of_bac_kan_resolves_to_communes_of_today_s_thai_nguyen(load_units):
    # given
    load_units("19")
    na_ri = AdminUnit.objects.legacy().get(name="Huyện Na Rì")
    # when
    current = list(resolve_current_units(na_ri).values_list("name", "parent__code"))
    # then
    assert na_ri.parent is not None and na_ri.parent.name == "Tỉnh Bắc Kạn"
    assert na_ri.scope_path == "19"
    assert len(current) == 6
    assert {province for _name, province in current} == {"19"}
    assert "Xã Na Rì" in {name for name, _province in current}


def test_cao_lanh_district_resolves_into_today_s_dong_thap(load_units):
    # given
    load_units("82")
    cao_lanh = AdminUnit.objects.legacy().get(level=L.DISTRICT, name="Huyện Cao Lãnh")
    # when
    provinces = set(resolve_current_units(cao_lanh).values_list("parent__code", "parent__name"))
    # then
    assert cao_lanh.parent is not None and cao_lanh.parent.code == "87"
    assert provinces == {("82", "Tỉnh Đồng Tháp")}


@pytest.mark.parametrize(
    ("legacy_code", "legacy_name", "current_code", "current_name"),
    [
        ("64", "Tỉnh Gia Lai", "52", "Tỉnh Gia Lai"),
        ("52", "Tỉnh Bình Định", "52", "Tỉnh Gia Lai"),
        ("45", "Tỉnh Quảng Trị", "44", "Tỉnh Quảng Trị"),
        ("44", "Tỉnh Quảng Bình", "44", "Tỉnh Quảng Trị"),
        ("06", "Tỉnh Bắc Kạn", "19", "Tỉnh Thái Nguyên"),
    ],
)
def test_a_legacy_province_becomes_exactly_one_current_province(
    load_units, legacy_code, legacy_name, current_code, current_name
):
    # given
    load_units(current_code)
    legacy = _legacy(L.PROVINCE, legacy_code)
    # when
    current: list[Any] = list(resolve_current_units(legacy))
    # then
    assert legacy.name == legacy_name
    assert [(u.code, u.name, u.is_default) for u in current] == [(current_code, current_name, True)]
    assert legacy.scope_path == current_code


def test_every_legacy_unit_lies_within_the_scope_of_its_current_province(load_units):
    # given
    load_units("44")
    quang_tri = AdminUnit.objects.current().get(code="44")
    # when
    in_scope = AdminUnit.objects.within_scope(quang_tri.path)
    # then: both legacy provinces, all their districts and communes
    legacy = in_scope.filter(era=E.LEGACY)
    assert set(legacy.filter(level=L.PROVINCE).values_list("code", flat=True)) == {"44", "45"}
    assert legacy.count() == AdminUnit.objects.legacy().count()


def test_names_carry_keys_for_search_without_diacritics_and_vietnamese_sorting(load_units):
    # when
    load_units("19")
    # then
    na_ri = AdminUnit.objects.legacy().get(level=L.DISTRICT, code="066")
    assert na_ri.name_search == "huyen na ri"
    names = list(
        AdminUnit.objects.current()
        .filter(parent__code="19")
        .order_by("name_sort")
        .values_list("name", flat=True)
    )
    assert names.index("Xã Đại Phúc") > names.index("Xã Dân Tiến")
