from collections import Counter

from pcmd.geography.models import LEGACY_LAST_DAY, REORGANISATION_DATE
from pcmd.geography.sources import Discrepancy, admin_unit_source

CURRENT_PROVINCE = ("current", "province")


def _units_by_key():
    return {unit.key: unit for unit in admin_unit_source().units}


def test_current_units_are_the_34_provinces_and_3321_communes_of_vietnam_provinces():
    # when
    source = admin_unit_source()
    # then
    assert source.count("current", "province") == 34
    assert source.count("current", "commune") == 3321
    assert source.count("current", "district") == 0


def test_legacy_units_are_63_provinces_696_districts_and_10035_communes():
    source = admin_unit_source()
    assert source.count("legacy", "province") == 63
    assert source.count("legacy", "district") == 696
    assert source.count("legacy", "commune") == 10035


def test_paths_and_validity_follow_the_era():
    # given
    units = _units_by_key()
    # then
    son_la = units[("current", "province", "14")]
    assert (son_la.path, son_la.scope_path, son_la.valid_from, son_la.valid_to) == (
        "14",
        "14",
        REORGANISATION_DATE,
        None,
    )
    legacy_commune = units[("legacy", "commune", "03649")]  # Phường Tô Hiệu, Thành phố Sơn La
    assert legacy_commune.path == "L14.116.03649"
    assert (legacy_commune.valid_from, legacy_commune.valid_to) == (None, LEGACY_LAST_DAY)


def test_every_legacy_commune_has_exactly_one_default_successor():
    # given
    source = admin_unit_source()
    defaults = Counter(
        s.legacy_key for s in source.successions if s.legacy_key[1] == "commune" and s.is_default
    )
    # then
    assert len(defaults) == 10035
    assert set(defaults.values()) == {1}


def test_a_legacy_commune_lies_in_the_scope_of_its_default_successor():
    # given: Phường Cống Vị (Hà Nội) was split; Phường Ngọc Hà is its default successor
    units = _units_by_key()
    source = admin_unit_source()
    successors = {
        units[s.successor_key].name: s.is_default
        for s in source.successions
        if s.legacy_key == ("legacy", "commune", "00007")
    }
    # then
    assert successors == {"Phường Ngọc Hà": True, "Phường Giảng Võ": False}
    default = next(u for u in units.values() if u.era == "current" and u.name == "Phường Ngọc Hà")
    assert units[("legacy", "commune", "00007")].scope_path == default.path


def test_a_split_legacy_district_has_no_default_successor():
    # given: Huyện Na Rì became six communes
    source = admin_unit_source()
    rows = [s for s in source.successions if s.legacy_key == ("legacy", "district", "066")]
    # then
    assert len(rows) == 6
    assert not any(s.is_default for s in rows)


def test_island_districts_without_communes_became_special_zones():
    # given
    units = _units_by_key()
    source = admin_unit_source()
    # when
    con_dao = [
        units[s.successor_key] for s in source.successions if s.legacy_key == ("legacy", "district", "755")
    ]
    # then
    assert [u.name for u in con_dao] == ["Đặc khu Côn Đảo"]
    assert units[("legacy", "district", "755")].scope_path == "79"  # today's Thành phố Hồ Chí Minh


def test_communes_the_packages_code_differently_are_bridged_by_name_and_recorded():
    # given: vietnamadminunits codes Phường Cửa Nam (Hà Nội) 00082, vietnam_provinces 00073
    source = admin_unit_source()
    units = {unit.key: unit for unit in source.units}
    # then
    cua_nam = units[("current", "commune", "00073")]
    assert cua_nam.name == "Phường Cửa Nam"
    assert cua_nam.latitude is not None
    assert any(
        d.kind == Discrepancy.Kind.CODE and (d.code, d.other_code) == ("00073", "00082")
        for d in source.discrepancies
    )
    assert not any(d.kind == Discrepancy.Kind.UNBRIDGED for d in source.discrepancies)


def test_communes_whose_names_differ_only_in_diacritics_are_not_confused():
    # given: Thái Nguyên has both "Xã Văn Lang" and "Xã Văn Lăng"
    units = [
        u
        for u in admin_unit_source().units
        if u.era == "current" and u.parent_code == "19" and u.name in ("Xã Văn Lang", "Xã Văn Lăng")
    ]
    # then: each keeps its own centroid
    assert sorted(u.code for u in units) == ["02143", "05665"]
    assert units[0].latitude != units[1].latitude


def test_names_are_stored_with_single_spaces_and_official_capitalisation():
    units = _units_by_key()
    assert (
        units[("current", "commune", "12745")].name == "Xã Bắc Đông Quan"
    )  # "Xã  Bắc Đông Quan" in the package
    assert (
        units[("legacy", "district", "058")].name == "Thành phố Bắc Kạn"
    )  # "Thành Phố Bắc Kạn" in the package
    assert units[("current", "province", "14")].name == "Tỉnh Sơn La"


def test_restricting_to_provinces_keeps_their_legacy_units_and_successions():
    # when
    source = admin_unit_source().restricted_to(["19"])
    # then
    provinces = {(u.era, u.code) for u in source.units if u.level == "province"}
    assert provinces == {("current", "19"), ("legacy", "06"), ("legacy", "19")}
    keys = {u.key for u in source.units}
    assert all(s.legacy_key in keys and s.successor_key in keys for s in source.successions)
    assert source.successions
