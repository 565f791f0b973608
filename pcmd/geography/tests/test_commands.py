from io import StringIO

from django.core.management import call_command

from pcmd.geography.models import AdminUnit, UnitSuccession


def test_load_admin_units_loads_everything_then_changes_nothing_when_run_again(db):
    # when
    first, second = StringIO(), StringIO()
    call_command("load_admin_units", stdout=first)
    count = AdminUnit.objects.count()
    call_command("load_admin_units", stdout=second)
    # then
    output = first.getvalue()
    assert "34 tỉnh, thành phố; 3.321 xã, phường, đặc khu" in output
    assert "63 tỉnh, thành phố; 696 quận, huyện, thị xã; 10.035 xã, phường, thị trấn" in output
    assert f"Quan hệ sáp nhập (cũ → mới): {UnitSuccession.objects.count():,}".replace(",", ".") in output
    assert "Khác biệt giữa vietnam-provinces và vietnamadminunits" in output
    assert "Đã cập nhật: thêm 14.149" in output
    assert "không có thay đổi" in second.getvalue()
    assert AdminUnit.objects.count() == count == 14149
