"""`manage.py load_seed_plans`: the five real plan documents, with every target, task and reporting rule."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from pcmd.accounts.capabilities import Role
from pcmd.accounts.models import Membership, User
from pcmd.accounts.scoping import set_active_membership
from pcmd.planning.models import Plan, ReportingDeadline
from pcmd.planning.seed_loader import SeedReport, SeedUnitMissing, seed_plans_load


def describe(plan: Plan) -> str:
    return _(
        "%(reference)s «%(title)s» (%(unit)s): %(targets)s chỉ tiêu, %(tasks)s nhiệm vụ, %(rules)s chế độ "
        "báo cáo, %(deadlines)s hạn báo cáo"
    ) % {
        "reference": plan.reference,
        "title": plan.title,
        "unit": plan.issuing_unit.name,
        "targets": plan.targets.count(),
        "tasks": plan.tasks.count(),
        "rules": plan.reporting_rules.count(),
        "deadlines": ReportingDeadline.objects.filter(rule__plan=plan).count(),
    }


class Command(BaseCommand):
    help = (
        "Nạp năm kế hoạch phòng, chống mại dâm mẫu (Gia Lai, Quảng Trị, Cao Lãnh, Na Rì, Sơn La) với đầy "
        "đủ chỉ tiêu, nhiệm vụ, chế độ báo cáo. Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--actor",
            metavar="USERNAME",
            help="Tài khoản thực hiện (mặc định: tài khoản quản trị hệ thống đầu tiên đang hoạt động).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("vi")
        actor = self._actor(options.get("actor") or "")
        try:
            report = seed_plans_load(actor=actor)
        except SeedUnitMissing as exc:
            raise CommandError(str(exc)) from exc
        except PermissionDenied as exc:
            raise CommandError(
                _(
                    "Tài khoản «%(username)s» không có quyền nạp kế hoạch cho mọi đơn vị: hãy dùng tài "
                    "khoản quản trị."
                )
                % {"username": actor.username}
            ) from exc
        except ValidationError as exc:
            raise CommandError(
                _("Dữ liệu kế hoạch mẫu không hợp lệ: %(errors)s") % {"errors": "; ".join(exc.messages)}
            ) from exc
        self._summary(report)

    def _actor(self, username: str) -> User:
        admins = Membership.objects.filter(role=Role.SYSTEM_ADMIN, is_active=True, user__is_active=True)
        if username:
            user = User.objects.filter(username=username, is_active=True).first()
            if user is None:
                raise CommandError(
                    _("Không có tài khoản đang hoạt động nào tên «%(username)s».") % {"username": username}
                )
            membership = admins.filter(user=user).order_by("id").first()
            if membership is not None:
                set_active_membership(user, membership)  # act as administrator even if it is not the default
            return user
        membership = admins.select_related("user").order_by("user_id", "id").first()
        if membership is None:
            raise CommandError(
                _(
                    "Chưa có tài khoản quản trị hệ thống nào đang hoạt động. Hãy tạo một tài khoản quản "
                    "trị, hoặc chỉ định tài khoản bằng --actor TÊN_ĐĂNG_NHẬP."
                )
            )
        set_active_membership(membership.user, membership)
        return membership.user

    def _summary(self, report: SeedReport) -> None:
        for plan in report.plans_created:
            self.stdout.write(self.style.SUCCESS(_("Đã tạo kế hoạch %(plan)s.") % {"plan": describe(plan)}))
        for plan in report.plans_existing:
            self.stdout.write(
                _("Đã có, giữ nguyên: %(reference)s «%(title)s».")
                % {"reference": plan.reference, "title": plan.title}
            )
        if report.agencies_created:
            self.stdout.write(_("Đã tạo %(count)s cơ quan.") % {"count": len(report.agencies_created)})
        if report.focal_assignments:
            self.stdout.write(
                _("Đã giao %(count)s cơ quan thường trực.") % {"count": report.focal_assignments}
            )
        if report.plans_created:
            self.stdout.write(
                _("Đã gắn %(count)s văn bản gốc (trong số %(plans)s kế hoạch mới).")
                % {"count": report.originals_attached, "plans": len(report.plans_created)}
            )
        if not report.changed:
            self.stdout.write(_("Các kế hoạch mẫu đã có đủ, không tạo gì thêm."))
