"""Re-encrypt every sensitive field and file with the newest key of PCMD_FIELD_ENCRYPTION_KEYS."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from pcmd.core.encryption import rotate_all


class Command(BaseCommand):
    help = "Mã hóa lại toàn bộ dữ liệu nhạy cảm bằng khóa mới nhất (đổi khóa mã hóa)."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            counts = rotate_all()
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(self.style.SUCCESS("Đã mã hóa lại bằng khóa mới nhất."))
