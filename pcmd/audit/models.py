"""Reads of sensitive records. Changes are logged by django-auditlog (auditlog.LogEntry); this logs who
*looked*.

Later apps (tips, support, criminal cases) call pcmd.audit.services.access_log_record for every such read.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLog(models.Model):
    class Purpose(models.TextChoices):
        VIEW = "view", _("Xem")
        EXPORT = "export", _("Xuất dữ liệu")
        VIEW_IDENTITY = "view_identity", _("Xem danh tính")
        PRINT = "print", _("In")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="access_logs",
        verbose_name=_("người truy cập"),
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    # What was read: "app_label.model" and its primary key (a generic reference that survives soft deletes).
    object_type = models.CharField(_("loại đối tượng"), max_length=100)
    object_id = models.CharField(_("mã đối tượng"), max_length=64)
    purpose = models.CharField(_("mục đích"), max_length=16, choices=Purpose.choices, default=Purpose.VIEW)
    reason = models.CharField(_("lý do"), max_length=500, blank=True)
    # The membership (role and unit) the actor acted under, as text: it must survive later role changes.
    acting_as = models.CharField(_("với tư cách"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("nhật ký truy cập")
        verbose_name_plural = _("nhật ký truy cập")
        ordering = ["-at"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            # The log screen filters by actor (and the reader's jurisdiction is a set of actors).
            models.Index(fields=["actor", "at"], name="audit_access_actor_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} {self.get_purpose_display()} {self.object_type}#{self.object_id}"
