"""Default stage deadlines (no province: every province until it sets its own).

These numbers are a starting configuration, not time limits taken from a legal text: each province sets the
days of its own rules on the configuration page (StageDeadline's help text says so).
"""

from django.db import migrations

DEFAULT_DAYS = {"received": 2, "verifying": 10, "classified": 20}


def seed(apps, schema_editor):
    StageDeadline = apps.get_model("tips", "StageDeadline")
    for stage, days in DEFAULT_DAYS.items():
        if not StageDeadline.objects.filter(province__isnull=True, stage=stage).exists():
            StageDeadline.objects.create(province=None, stage=stage, days=days)


def unseed(apps, schema_editor):
    apps.get_model("tips", "StageDeadline").objects.filter(province__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("tips", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
