"""`manage.py load_admin_units`: load (or check) every administrative unit; quick to run at every start."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from pcmd.geography.models import AdminUnit
from pcmd.geography.services import admin_units_load
from pcmd.geography.sources import Discrepancy

E, L = AdminUnit.Era, AdminUnit.Level


class Command(BaseCommand):
    help = "Nạp đơn vị hành chính hiện hành (34 tỉnh, 3.321 xã) và trước 01/07/2025, kèm quan hệ sáp nhập."
    # Runs at every start right after `migrate`, which has just run the system checks.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("vi")
        started = time.perf_counter()
        report = admin_units_load()
        elapsed = time.perf_counter() - started

        def n(value: int) -> str:
            return str(intcomma(value))

        self.stdout.write(
            _("Hiện hành (từ 01/07/2025): %(provinces)s tỉnh, thành phố; %(communes)s xã, phường, đặc khu.")
            % {
                "provinces": n(report.count(E.CURRENT, L.PROVINCE)),
                "communes": n(report.count(E.CURRENT, L.COMMUNE)),
            }
        )
        self.stdout.write(
            _(
                "Trước 01/07/2025: %(provinces)s tỉnh, thành phố; %(districts)s quận, huyện, thị xã; "
                "%(communes)s xã, phường, thị trấn."
            )
            % {
                "provinces": n(report.count(E.LEGACY, L.PROVINCE)),
                "districts": n(report.count(E.LEGACY, L.DISTRICT)),
                "communes": n(report.count(E.LEGACY, L.COMMUNE)),
            }
        )
        self.stdout.write(_("Quan hệ sáp nhập (cũ → mới): %(count)s.") % {"count": n(report.successions)})
        self.stdout.write(
            _(
                "Khác biệt giữa vietnam-provinces và vietnamadminunits: %(codes)s mã, %(names)s tên, "
                "%(unbridged)s xã không ghép được (dùng dữ liệu của vietnam-provinces)."
            )
            % {
                "codes": n(report.discrepancies.get(Discrepancy.Kind.CODE, 0)),
                "names": n(report.discrepancies.get(Discrepancy.Kind.NAME, 0)),
                "unbridged": n(report.discrepancies.get(Discrepancy.Kind.UNBRIDGED, 0)),
            }
        )
        if options["verbosity"] >= 2:
            for d in report.discrepancy_details:
                self.stdout.write(
                    f"  [{d.kind}] {d.province_code}: {d.code} {d.name} ↔ {d.other_code} {d.other_name}"
                )
        if report.units_not_in_source:
            self.stdout.write(
                _("Giữ nguyên %(count)s đơn vị không có trong dữ liệu nguồn.")
                % {"count": n(report.units_not_in_source)}
            )
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Đã cập nhật: thêm %(created)s, sửa %(updated)s đơn vị; "
                        "thêm %(s_created)s, sửa %(s_updated)s, xóa %(s_deleted)s quan hệ sáp nhập "
                        "(%(seconds).2f giây)."
                    )
                    % {
                        "created": n(report.units_created),
                        "updated": n(report.units_updated),
                        "s_created": n(report.successions_created),
                        "s_updated": n(report.successions_updated),
                        "s_deleted": n(report.successions_deleted),
                        "seconds": elapsed,
                    }
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Dữ liệu đã đầy đủ, không có thay đổi (%(seconds).2f giây).") % {"seconds": elapsed}
                )
            )
