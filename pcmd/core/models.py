"""Domain-free building blocks shared by every app."""

from django.db import models


class TimestampedModel(models.Model):
    """created_at / updated_at on every table."""

    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimestampedModel):
    """Optimistic concurrency: a save that carries a stale `version` is refused by the service layer."""

    version = models.PositiveIntegerField("phiên bản", default=1)

    class Meta:
        abstract = True
