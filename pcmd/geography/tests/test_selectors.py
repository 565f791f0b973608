import datetime
from typing import Any

import pytest
from django.http import Http404

from pcmd.geography.models import AdminUnit
from pcmd.geography.selectors import (
    ORDER_BY_PATH,
    UnitFilter,
    current_unit_for,
    resolve_current_units,
    unit_ancestors,
    unit_and_below,
    unit_children,
    unit_get,
    unit_list,
    unit_predecessors,
    unit_successors,
    units_in_scope,
)

E, L = AdminUnit.Era, AdminUnit.Level


@pytest.fixture
def thai_nguyen_units(load_units):
    """Today's Thái Nguyên (19) with legacy Bắc Kạn (06) and Thái Nguyên (19)."""
    load_units("19")


@pytest.mark.parametrize("query", ["na ri", "Na Rì", "NA RÌ", "  na   rì "])
def test_search_ignores_diacritics_case_and_spacing(province_officer, thai_nguyen_units, query):
    # when
    found = unit_list(user=province_officer, filters=UnitFilter(era=E.LEGACY, q=query, level=L.DISTRICT))
    # then
    assert [u.name for u in found] == ["Huyện Na Rì"]


def test_search_in_the_current_era_finds_the_current_commune(province_officer, thai_nguyen_units):
    found = unit_list(user=province_officer, filters=UnitFilter(q="na ri"))
    assert [(u.name, u.era) for u in found] == [("Xã Na Rì", E.CURRENT)]


def test_search_by_code_finds_the_unit(province_officer, thai_nguyen_units):
    found = unit_list(user=province_officer, filters=UnitFilter(era=E.LEGACY, q="066"))
    assert [u.name for u in found] == ["Huyện Na Rì"]


def test_list_filters_by_level_and_parent(province_officer, thai_nguyen_units):
    # given
    bac_kan = AdminUnit.objects.legacy().get(level=L.PROVINCE, code="06")
    # when
    districts = unit_list(
        user=province_officer, filters=UnitFilter(era=E.LEGACY, level=L.DISTRICT, parent=bac_kan)
    )
    communes = unit_list(
        user=province_officer, filters=UnitFilter(era=E.LEGACY, level=L.COMMUNE, parent=bac_kan)
    )
    # then
    assert len(districts) == 8
    assert {u.level for u in districts} == {L.DISTRICT}
    assert all(u.path.startswith("L06.") for u in communes)
    assert len(communes) > 100


def test_list_sorts_in_vietnamese_order_or_by_code(province_officer, thai_nguyen_units):
    # when
    by_name = list(unit_list(user=province_officer, filters=UnitFilter(level=L.COMMUNE)))
    by_code = list(
        unit_list(user=province_officer, filters=UnitFilter(level=L.COMMUNE, ordering=ORDER_BY_PATH))
    )
    # then
    names = [u.name for u in by_name]
    assert names.index("Xã Đại Phúc") > names.index("Xã Dân Tiến")
    assert [u.code for u in by_code] == sorted(u.code for u in by_code)


def test_list_filters_by_validity_date(province_officer, thai_nguyen_units):
    # when
    before = unit_list(
        user=province_officer,
        filters=UnitFilter(era=E.LEGACY, level=L.PROVINCE, valid_on=datetime.date(2025, 6, 30)),
    )
    after = unit_list(
        user=province_officer,
        filters=UnitFilter(era=E.LEGACY, level=L.PROVINCE, valid_on=datetime.date(2025, 7, 1)),
    )
    # then
    assert {u.code for u in before} == {"06", "19"}
    assert not after.exists()


def test_the_unit_list_is_national_for_an_officer_of_another_province(
    other_province_officer, thai_nguyen_units
):
    # Units are reference data: an officer of Lai Châu sees Thái Nguyên's communes too.
    found = unit_list(user=other_province_officer, filters=UnitFilter(level=L.COMMUNE))
    assert found.filter(parent__code="19").exists()


def test_a_user_without_membership_sees_no_units(no_membership_user, thai_nguyen_units):
    # when
    found = unit_list(user=no_membership_user, filters=UnitFilter())
    # then
    assert not found.exists()
    with pytest.raises(Http404):
        unit_get(user=no_membership_user, era=E.CURRENT, code="19")


def test_unit_get_tells_the_eras_apart(province_officer, thai_nguyen_units):
    # when
    current = unit_get(user=province_officer, era=E.CURRENT, code="19")
    legacy = unit_get(user=province_officer, era=E.LEGACY, code="19")
    # then
    assert (current.path, legacy.path) == ("19", "L19")
    with pytest.raises(Http404):
        unit_get(user=province_officer, era=E.CURRENT, code="06")


def test_successors_of_a_split_commune_come_default_first(province_officer, load_units):
    # given: Phường Cống Vị (Hà Nội) became part of Phường Ngọc Hà (default) and Phường Giảng Võ
    load_units("01")
    cong_vi = unit_get(user=province_officer, era=E.LEGACY, code="00007")
    # when
    successors: list[Any] = list(unit_successors(user=province_officer, unit=cong_vi))
    # then
    assert [(u.name, u.is_default) for u in successors] == [
        ("Phường Ngọc Hà", True),
        ("Phường Giảng Võ", False),
    ]
    assert current_unit_for(cong_vi).name == "Phường Ngọc Hà"


def test_a_current_unit_has_no_successors_but_predecessors(province_officer, thai_nguyen_units):
    # given
    na_ri_commune = AdminUnit.objects.current().get(name="Xã Na Rì")
    # when
    successors = unit_successors(user=province_officer, unit=na_ri_commune)
    predecessors: list[Any] = list(unit_predecessors(user=province_officer, unit=na_ri_commune))
    # then
    assert not successors.exists()
    rank = {L.PROVINCE: 0, L.DISTRICT: 1, L.COMMUNE: 2}
    levels = [p.legacy_unit.level for p in predecessors]
    assert levels == sorted(levels, key=lambda level: rank[level])
    assert "Huyện Na Rì" in {p.legacy_unit.name for p in predecessors}
    assert all(p.successor_count >= 1 for p in predecessors)


def test_resolving_a_current_unit_gives_the_unit_itself(province_officer, thai_nguyen_units):
    thai_nguyen = AdminUnit.objects.current().get(code="19")
    resolved: list[Any] = list(resolve_current_units(thai_nguyen))
    assert [(u, u.is_default) for u in resolved] == [(thai_nguyen, True)]
    assert current_unit_for(thai_nguyen) == thai_nguyen


def test_a_legacy_district_counts_toward_its_current_province(thai_nguyen_units):
    na_ri = AdminUnit.objects.legacy().get(code="066")
    assert current_unit_for(na_ri).code == "19"


def test_unit_and_below_is_a_path_prefix_within_the_era(province_officer, thai_nguyen_units):
    # given
    na_ri = AdminUnit.objects.legacy().get(code="066")
    # when
    below = unit_and_below(user=province_officer, unit=na_ri)
    # then
    assert below.filter(level=L.DISTRICT).get() == na_ri
    assert below.filter(level=L.COMMUNE).count() == na_ri.children.count() > 0
    assert not below.filter(era=E.CURRENT).exists()


def test_units_in_scope_of_a_current_province_include_its_legacy_units(province_officer, thai_nguyen_units):
    # given
    thai_nguyen = AdminUnit.objects.current().get(code="19")
    # when
    in_scope = units_in_scope(user=province_officer, unit=thai_nguyen)
    # then
    assert in_scope.filter(era=E.LEGACY, level=L.DISTRICT, code="066").exists()
    assert in_scope.filter(era=E.CURRENT, level=L.COMMUNE).count() == 92


def test_ancestors_run_from_the_province_down(province_officer, thai_nguyen_units):
    commune = AdminUnit.objects.legacy().filter(parent__code="066").earliest("path")
    assert [u.code for u in unit_ancestors(user=province_officer, unit=commune)] == ["06", "066"]


def test_children_of_a_legacy_province_are_its_districts(province_officer, thai_nguyen_units):
    bac_kan = AdminUnit.objects.legacy().get(code="06")
    assert {u.level for u in unit_children(user=province_officer, unit=bac_kan)} == {L.DISTRICT}
