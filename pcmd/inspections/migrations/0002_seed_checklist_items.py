"""Seed the checklist with what the Đội 178 teams check (DOMAIN.md §1); administrators edit it afterwards."""

from django.db import migrations

ITEMS = [
    ("luat-pcmd", "Chấp hành pháp luật về phòng, chống mại dâm"),
    ("dieu-kien-antt", "Điều kiện về an ninh, trật tự"),
    ("van-hoa-thong-tin", "Văn hóa – thông tin (giấy phép, giờ hoạt động, nội dung)"),
    ("hop-dong-lao-dong", "Hợp đồng lao động với người lao động"),
    ("kham-suc-khoe", "Khám sức khỏe định kỳ cho người lao động"),
    ("cam-ket", "Bản cam kết phòng, chống mại dâm đã ký"),
]


def seed(apps, schema_editor):
    ChecklistItem = apps.get_model("inspections", "ChecklistItem")
    for order, (code, name) in enumerate(ITEMS, start=1):
        ChecklistItem.objects.get_or_create(code=code, defaults={"name": name, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
