"""Seed the legal references the project's domain notes confirm, and nothing else.

Confirmed (shared/DOMAIN.md): the sanctions decrees follow each other Nghị định 167/2013 → 144/2021 → 282/2025,
the last applying from 15/12/2025; Nghị định 282/2025 Điều 32 fines buying sex 1–2 million đồng, and 2–5 million
in aggravated cases. Not confirmed, so left empty for the administrator to enter from the official text: the
issue dates, the start of Nghị định 144/2021, clause and point numbers, and every other act and amount.

Idempotent (matched by document number) and never overwrites what an administrator has edited.
"""

import datetime

from django.db import migrations

DECREE_282 = "282/2025/NĐ-CP"
DECREE_144 = "144/2021/NĐ-CP"
DECREE_282_FROM = datetime.date(2025, 12, 15)
TITLE = "Quy định xử phạt vi phạm hành chính (trong đó có các hành vi liên quan đến mại dâm)"
NOTE = (
    "Nạp sẵn từ thông tin đã được xác nhận. Quản trị viên bổ sung ngày ban hành, trích yếu đầy đủ và các căn cứ "
    "xử phạt (điều, khoản, điểm, mức phạt) theo văn bản gốc."
)


def seed(apps, schema_editor):
    LegalDocument = apps.get_model("legal", "LegalDocument")
    LegalProvision = apps.get_model("legal", "LegalProvision")

    decree_282, created_282 = LegalDocument.objects.get_or_create(
        number=DECREE_282,
        defaults={
            "kind": "decree",
            "title": TITLE,
            "issuer": "Chính phủ",
            "effective_from": DECREE_282_FROM,
            "note": NOTE,
        },
    )
    LegalDocument.objects.get_or_create(
        number=DECREE_144,
        defaults={
            "kind": "decree",
            "title": TITLE,
            "issuer": "Chính phủ",
            "effective_to": DECREE_282_FROM - datetime.timedelta(days=1),
            "superseded_by": decree_282,
            "note": NOTE,
        },
    )
    if not created_282:
        return  # the administrator owns the provisions of an existing document
    for act, fine_min, fine_max in (
        ("Mua dâm", 1_000_000, 2_000_000),
        ("Mua dâm trong trường hợp tăng nặng quy định tại Điều 32", 2_000_000, 5_000_000),
    ):
        LegalProvision.objects.create(
            document=decree_282,
            article="32",
            act=act,
            applies_to="individual",
            fine_min=fine_min,
            fine_max=fine_max,
            valid_from=DECREE_282_FROM,
        )


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
