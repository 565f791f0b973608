"""Seed the establishment types listed in DOMAIN.md §2 (editable afterwards: the table is configurable)."""

from django.db import migrations

TYPES = [
    ("khach-san", "Khách sạn"),
    ("nha-nghi", "Nhà nghỉ"),
    ("nha-tro", "Nhà trọ"),
    ("homestay", "Homestay, căn hộ cho thuê"),
    ("nha-hang", "Nhà hàng"),
    ("karaoke", "Karaoke"),
    ("vu-truong", "Vũ trường"),
    ("quan-bar", "Quán bar"),
    ("massage", "Massage, xoa bóp"),
    ("xong-hoi", "Xông hơi, tắm hơi"),
    ("cat-toc-goi-dau", "Cắt tóc, gội đầu thư giãn"),
    ("ca-phe-den-mo", "Cà phê đèn mờ"),
    ("tam-khoang", "Tắm khoáng"),
    ("spa", "Spa"),
    ("khac", "Khác"),
]


def seed(apps, schema_editor):
    establishment_type = apps.get_model("establishments", "EstablishmentType")
    for order, (code, name) in enumerate(TYPES, start=1):
        establishment_type.objects.get_or_create(code=code, defaults={"name": name, "order": order * 10})


def unseed(apps, schema_editor):
    establishment_type = apps.get_model("establishments", "EstablishmentType")
    establishment_type.objects.filter(code__in=[code for code, _name in TYPES], establishments=None).delete()


class Migration(migrations.Migration):
    dependencies = [("establishments", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
