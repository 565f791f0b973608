from pcmd.accounts import scoping
from pcmd.geography.models import AdminUnit


def test_commune_officer_sees_only_their_commune(commune_officer, commune, other_commune, son_la):
    # when
    visible = scoping.scope_queryset(AdminUnit.objects.all(), commune_officer, "scope_path")
    # then
    assert list(visible) == [commune]


def test_province_officer_sees_the_province_and_its_communes(
    province_officer, son_la, commune, other_commune
):
    visible = set(scoping.scope_queryset(AdminUnit.objects.all(), province_officer, "scope_path"))
    assert visible == {son_la, commune, other_commune}


def test_officer_of_another_province_sees_nothing_of_son_la(other_province_officer, son_la, commune):
    visible = scoping.scope_queryset(
        AdminUnit.objects.within_scope(son_la.path), other_province_officer, "scope_path"
    )
    assert not visible.exists()


def test_user_without_membership_sees_nothing(no_membership_user, son_la, commune):
    assert not scoping.scope_queryset(AdminUnit.objects.all(), no_membership_user, "scope_path").exists()
    assert scoping.jurisdiction_of(no_membership_user).is_empty


def test_system_admin_sees_everything(system_admin, son_la, other_province):
    assert scoping.scope_queryset(AdminUnit.objects.all(), system_admin, "scope_path").count() == 2


def test_prefix_match_does_not_leak_to_a_code_sharing_prefix(db):
    # given a province "1" would prefix-match "14" without the dot rule; use real-looking 2-digit codes
    from pcmd.geography.tests.factories import make_commune, make_province

    p14 = make_province("14", "Tỉnh Sơn La")
    p01 = make_province("01", "Thành phố Hà Nội")
    c = make_commune(p01, "00004", "Phường Ba Đình")
    jurisdiction = scoping.Jurisdiction(paths=(c.path,))
    # then
    assert not jurisdiction.covers(p14)
    assert jurisdiction.covers(c)
