"""Celery application. Production uses Redis; the embedded default runs tasks eagerly, without a broker."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("pcmd")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
