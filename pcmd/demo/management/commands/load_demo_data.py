"""`manage.py load_demo_data`: the demo province, agencies, teams and accounts; prints the accounts."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pcmd.accounts.models import Membership, User
from pcmd.demo.services import DemoReport, demo_data_load, ensure_admin_units, refuse_in_production

WHAT = {
    "agencies": gettext_lazy("cơ quan"),
    "focal_assignments": gettext_lazy("giao cơ quan thường trực"),
    "teams": gettext_lazy("đội kiểm tra"),
    "team_members": gettext_lazy("thành viên đội"),
    "accounts": gettext_lazy("tài khoản"),
    "memberships": gettext_lazy("phân công"),
    "plans": gettext_lazy("kế hoạch"),
    "establishments": gettext_lazy("cơ sở kinh doanh dịch vụ"),
    "establishment_licences": gettext_lazy("giấy phép của cơ sở"),
    "establishment_commitments": gettext_lazy("bản cam kết"),
    "establishment_health_checks": gettext_lazy("đợt khám sức khỏe người lao động"),
    "establishment_status_changes": gettext_lazy("thay đổi trạng thái cơ sở"),
    "hotspots": gettext_lazy("điểm phức tạp"),
    "hotspot_events": gettext_lazy("diễn biến điểm phức tạp"),
    "legal_documents": gettext_lazy("văn bản pháp luật"),
    "legal_provisions": gettext_lazy("căn cứ xử phạt"),
    "inspection_plans": gettext_lazy("kế hoạch kiểm tra"),
    "planned_inspections": gettext_lazy("cơ sở trong kế hoạch kiểm tra"),
    "inspections": gettext_lazy("cuộc kiểm tra"),
    "violations": gettext_lazy("vi phạm"),
    "sanction_decisions": gettext_lazy("quyết định xử phạt"),
    "follow_ups": gettext_lazy("lượt hậu kiểm"),
    "criminal_cases": gettext_lazy("vụ án"),
    "criminal_case_stages": gettext_lazy("giai đoạn tố tụng"),
    "criminal_case_offenders": gettext_lazy("đối tượng trong vụ án"),
    "person_sanction_tallies": gettext_lazy("số liệu xử phạt cá nhân"),
    "tips": gettext_lazy("tố giác, tin báo"),
    "tip_messages": gettext_lazy("tin nhắn với người tố giác"),
    "tip_routing_rules": gettext_lazy("quy tắc chuyển tin báo"),
}


def _where(membership: Membership) -> str:
    parts = [membership.unit.name if membership.unit else _("Toàn quốc")]
    if membership.team is not None:
        parts.append(membership.team.name)
    elif membership.agency is not None:
        parts.append(membership.agency.name)
    return " — ".join(parts)


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu trình diễn (tỉnh Sơn La và một tỉnh khác, cơ quan, đội kiểm tra, tài khoản). "
        "Chạy lại không tạo trùng."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("vi")
        try:
            refuse_in_production()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        ensure_admin_units(stdout=self.stdout)
        report = demo_data_load()
        self._summary(report)
        self._accounts_table(report.accounts)

    def _summary(self, report: DemoReport) -> None:
        if not report.changed:
            self.stdout.write(_("Dữ liệu trình diễn đã có đủ, không thay đổi gì."))
            return
        created = ", ".join(f"{count} {WHAT.get(key, key)}" for key, count in report.created.items())
        if created:
            self.stdout.write(self.style.SUCCESS(_("Đã tạo: %(created)s.") % {"created": created}))
        if report.passwords_reset:
            self.stdout.write(
                _("Đã đặt lại mật khẩu trình diễn cho: %(users)s.")
                % {"users": ", ".join(report.passwords_reset)}
            )

    def _accounts_table(self, accounts: list[tuple[User, list[Membership]]]) -> None:
        rows = [(_("Tài khoản"), _("Họ và tên"), _("Vai trò"), _("Đơn vị — cơ quan/đội"))]
        for user, memberships in accounts:
            for index, membership in enumerate(memberships):
                first = index == 0
                rows.append(
                    (
                        user.username if first else "",
                        user.full_name if first else "",
                        str(membership.get_role_display()),
                        _where(membership),
                    )
                )
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("")
        self.stdout.write(_("Tài khoản trình diễn:"))
        for number, row in enumerate(rows):
            line = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3]
            self.stdout.write(line.rstrip())
            if number == 0:
                self.stdout.write("-" * min(len(line), 160))
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                _("Mật khẩu chung của mọi tài khoản trình diễn: %(password)s")
                % {"password": settings.PCMD_DEMO_PASSWORD}
            )
        )
