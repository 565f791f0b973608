"""Roles and capabilities: the one place where a role's rights are written down.

Policies ask `has_capability(user, Capability.X)`; nothing else compares role strings.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")
    PROVINCIAL_COORDINATOR = "provincial_coordinator", _("Cán bộ đầu mối cấp tỉnh (cơ quan thường trực)")
    AGENCY_REPORTER = "agency_reporter", _("Cán bộ báo cáo của cơ quan, đơn vị")
    COMMUNE_OFFICER = "commune_officer", _("Cán bộ cấp xã")
    INSPECTOR = "inspector", _("Thành viên Đội kiểm tra liên ngành 178")
    POLICE_OFFICER = "police_officer", _("Cán bộ Công an")
    CASE_WORKER = "case_worker", _("Cán bộ công tác xã hội (hỗ trợ)")
    LEADER = "leader", _("Lãnh đạo (xem báo cáo, chỉ tiêu)")


class Capability(models.TextChoices):
    VIEW_DASHBOARD = "view_dashboard", _("Xem bảng điều khiển và chỉ tiêu")
    VIEW_UNITS = "view_units", _("Xem đơn vị hành chính, cơ quan, đội kiểm tra")
    MANAGE_AGENCIES = "manage_agencies", _("Quản lý cơ quan và đội kiểm tra liên ngành")
    MANAGE_USERS = "manage_users", _("Quản lý tài khoản và phân quyền")
    VIEW_AUDIT = "view_audit", _("Xem nhật ký thay đổi và truy cập")
    MANAGE_REFERENCE_DATA = "manage_reference_data", _("Quản lý danh mục dùng chung")
    PLAN_EDIT = "plan_edit", _("Soạn, ban hành kế hoạch")
    PLAN_VIEW = "plan_view", _("Xem kế hoạch")
    TASK_UPDATE = "task_update", _("Cập nhật tiến độ nhiệm vụ")
    REPORT_SUBMIT = "report_submit", _("Lập và gửi báo cáo")
    REPORT_APPROVE = "report_approve", _("Duyệt báo cáo cấp dưới")
    ESTABLISHMENT_MANAGE = "establishment_manage", _("Quản lý cơ sở kinh doanh dịch vụ")
    ESTABLISHMENT_VIEW = "establishment_view", _("Xem cơ sở kinh doanh dịch vụ")
    INSPECTION_RECORD = "inspection_record", _("Ghi nhận kết quả kiểm tra")
    SANCTION_RECORD = "sanction_record", _("Ghi nhận quyết định xử phạt")
    HOTSPOT_MANAGE = "hotspot_manage", _("Quản lý điểm phức tạp")
    TIP_HANDLE = "tip_handle", _("Tiếp nhận, xử lý tố giác, tin báo")
    INFORMANT_VIEW = "informant_view", _("Xem danh tính người tố giác")
    CRIMINAL_CASE_MANAGE = "criminal_case_manage", _("Quản lý vụ án")
    PERSON_SANCTION_MANAGE = "person_sanction_manage", _("Thống kê xử phạt hành chính cá nhân")
    SUPPORT_CASE_MANAGE = "support_case_manage", _("Quản lý hồ sơ hỗ trợ người bán dâm")
    OUTREACH_MANAGE = "outreach_manage", _("Quản lý tuyên truyền, tập huấn, mô hình")
    ASSESSMENT_MANAGE = "assessment_manage", _("Đánh giá xã, phường hằng năm")


C = Capability
_READ_COMMON = {C.VIEW_DASHBOARD, C.VIEW_UNITS, C.PLAN_VIEW}

ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.SYSTEM_ADMIN: frozenset(Capability),
    Role.PROVINCIAL_COORDINATOR: frozenset(
        _READ_COMMON
        | {
            C.MANAGE_AGENCIES,
            C.VIEW_AUDIT,
            C.PLAN_EDIT,
            C.TASK_UPDATE,
            C.REPORT_SUBMIT,
            C.REPORT_APPROVE,
            C.ESTABLISHMENT_VIEW,
            C.HOTSPOT_MANAGE,
            C.TIP_HANDLE,
            C.OUTREACH_MANAGE,
            C.ASSESSMENT_MANAGE,
        }
    ),
    Role.AGENCY_REPORTER: frozenset(_READ_COMMON | {C.TASK_UPDATE, C.REPORT_SUBMIT, C.OUTREACH_MANAGE}),
    Role.COMMUNE_OFFICER: frozenset(
        _READ_COMMON
        | {
            C.PLAN_EDIT,
            C.TASK_UPDATE,
            C.REPORT_SUBMIT,
            C.ESTABLISHMENT_MANAGE,
            C.ESTABLISHMENT_VIEW,
            C.HOTSPOT_MANAGE,
            C.TIP_HANDLE,
            C.OUTREACH_MANAGE,
            C.ASSESSMENT_MANAGE,
        }
    ),
    Role.INSPECTOR: frozenset(
        _READ_COMMON | {C.ESTABLISHMENT_VIEW, C.INSPECTION_RECORD, C.TASK_UPDATE, C.REPORT_SUBMIT}
    ),
    Role.POLICE_OFFICER: frozenset(
        _READ_COMMON
        | {
            C.ESTABLISHMENT_VIEW,
            C.HOTSPOT_MANAGE,
            C.TIP_HANDLE,
            C.INFORMANT_VIEW,
            C.CRIMINAL_CASE_MANAGE,
            C.PERSON_SANCTION_MANAGE,
            C.SANCTION_RECORD,
            C.TASK_UPDATE,
            C.REPORT_SUBMIT,
        }
    ),
    # Case workers see support cases and nothing of enforcement (no tips, no establishments).
    Role.CASE_WORKER: frozenset(
        {C.VIEW_DASHBOARD, C.VIEW_UNITS, C.PLAN_VIEW, C.SUPPORT_CASE_MANAGE, C.REPORT_SUBMIT}
    ),
    Role.LEADER: frozenset(_READ_COMMON),
}

# Capabilities over sensitive personal data or the whole system: holders need two-factor authentication
# when PCMD_REQUIRE_2FA is on.
SENSITIVE_CAPABILITIES: frozenset[Capability] = frozenset(
    {
        C.MANAGE_USERS,
        C.INFORMANT_VIEW,
        C.SUPPORT_CASE_MANAGE,
        C.CRIMINAL_CASE_MANAGE,
        C.PERSON_SANCTION_MANAGE,
    }
)


def capabilities_of_role(role: str) -> frozenset[Capability]:
    return ROLE_CAPABILITIES.get(role, frozenset())
