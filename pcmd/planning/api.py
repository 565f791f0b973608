"""/api/v1/plans/ and /api/v1/tasks/: plans with their targets, tasks, reporting rules and calendar, the
cascade of implementing plans, task progress, and the plan's documents.

The same selectors (404 outside the jurisdiction) and services (every rule, every write) as the pages. Objects
named in a request body (agencies, plans, targets) are looked up within what the user may see: unknown or
outside is a 400 field error. Errors go through pcmd.core.api_errors; a stale version answers code "stale".
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, cast

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import exceptions, generics, serializers, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.parsers import BaseParser, FormParser, JSONParser, MultiPartParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from pcmd.accounts.models import User
from pcmd.accounts.scoping import active_membership
from pcmd.agencies.api import (
    VIETNAMESE_FIELD_MESSAGES,
    VIETNAMESE_TYPE_MESSAGES,
    AgencyRefSerializer,
    VietnameseSerializer,
)
from pcmd.agencies.models import Agency
from pcmd.agencies.selectors import agencies_visible_to, units_visible_to
from pcmd.core.services import today
from pcmd.geography.models import AdminUnit
from pcmd.planning import documents, policies, selectors, services
from pcmd.planning.calendar import deadlines_of
from pcmd.planning.models import (
    IndicatorKey,
    Plan,
    PlanAmendment,
    PlanArea,
    ReportingDeadline,
    ReportingRule,
    Target,
    Task,
    TaskProgress,
)

UNKNOWN_UNIT = _("Không tìm thấy đơn vị hành chính có mã «%(code)s» trong phạm vi của bạn.")
UNKNOWN_PLAN = _("Không tìm thấy kế hoạch có mã %(id)s trong phạm vi của bạn.")
UNKNOWN_TARGET = _("Không tìm thấy chỉ tiêu có mã %(id)s trong phạm vi của bạn.")
UNKNOWN_AGENCY = _("Không tìm thấy cơ quan có mã %(id)s trong phạm vi của bạn.")
ISSUING_UNIT_REQUIRED = _("Nhập mã đơn vị ban hành kế hoạch.")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Messages of the field types these endpoints add to those of pcmd.agencies.api.
EXTRA_TYPE_MESSAGES: dict[type[serializers.Field], dict[str, Any]] = {
    serializers.IntegerField: {
        "min_value": _("Giá trị nhỏ nhất là {min_value}."),
        "max_value": _("Giá trị lớn nhất là {max_value}."),
    },
    serializers.DecimalField: {
        "invalid": _("Cần một số (phần thập phân sau dấu chấm)."),
        "max_digits": _("Tối đa {max_digits} chữ số."),
        "max_decimal_places": _("Tối đa {max_decimal_places} chữ số sau dấu thập phân."),
        "max_whole_digits": _("Tối đa {max_whole_digits} chữ số trước dấu thập phân."),
        "max_string_length": _("Số quá lớn."),
    },
    serializers.BooleanField: {"invalid": _("Cần giá trị true hoặc false.")},
    serializers.ListField: {"not_a_list": _("Cần một danh sách."), "empty": _("Danh sách không được trống.")},
    serializers.FileField: {
        "invalid": _("Tệp không hợp lệ: gửi tệp dạng multipart/form-data."),
        "no_name": _("Không xác định được tên tệp."),
        "empty": _("Tệp gửi lên rỗng."),
        "max_length": _("Tên tệp tối đa {max_length} ký tự."),
    },
}


def _vietnamese(field: serializers.Field) -> None:
    for key, message in VIETNAMESE_FIELD_MESSAGES.items():
        if key in field.error_messages:
            field.error_messages[key] = message
    for messages in (VIETNAMESE_TYPE_MESSAGES, EXTRA_TYPE_MESSAGES):
        for field_type, by_key in messages.items():
            if isinstance(field, field_type):
                field.error_messages.update(by_key)


# --- input --------------------------------------------------------------------------------------------------


class PlanningInput(VietnameseSerializer):
    """Vietnamese messages on every field (list items too) and in-scope lookups of what a body names."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _vietnamese(field)
            if isinstance(field, serializers.ListField):
                _vietnamese(field.child)

    def agency_in_scope(self, agency_id: int) -> Agency:
        agency = agencies_visible_to(self.user).filter(pk=agency_id).first()
        if agency is None:
            raise serializers.ValidationError(UNKNOWN_AGENCY % {"id": agency_id})
        return agency

    def agencies_in_scope(self, agency_ids: list[int]) -> list[Agency]:
        found = {a.pk: a for a in agencies_visible_to(self.user).filter(pk__in=agency_ids)}
        unknown = [UNKNOWN_AGENCY % {"id": pk} for pk in dict.fromkeys(agency_ids) if pk not in found]
        if unknown:
            raise serializers.ValidationError(unknown)
        return [found[pk] for pk in dict.fromkeys(agency_ids)]

    def plan_in_scope(self, plan_id: int) -> Plan:
        plan = selectors.plans_visible_to(self.user).filter(pk=plan_id).first()
        if plan is None:
            raise serializers.ValidationError(UNKNOWN_PLAN % {"id": plan_id})
        return plan


class PlanFilterSerializer(PlanningInput):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Số, trích yếu hoặc tên đơn vị (không dấu).",
    )
    unit = serializers.CharField(required=False, max_length=5, help_text="Mã đơn vị ban hành.")
    year = serializers.IntegerField(
        required=False, min_value=1990, max_value=2100, help_text="Năm nằm trong thời gian thực hiện."
    )
    status = serializers.ChoiceField(choices=Plan.Status.choices, required=False)
    kind = serializers.ChoiceField(choices=Plan.Kind.choices, required=False)

    def validate_unit(self, code: str) -> AdminUnit:
        # A unit in the jurisdiction, or one whose plans apply to the user (the province of a commune).
        issuing = selectors.plans_visible_to(self.user).order_by().values("issuing_unit")
        in_scope = units_visible_to(self.user).order_by().values("pk")
        unit = (
            AdminUnit.objects.filter(code=code.strip())
            .filter(Q(pk__in=issuing) | Q(pk__in=in_scope))
            .order_by("era", "path")
            .first()
        )
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_UNIT % {"code": code})
        return unit


class _PlanFieldsInput(PlanningInput):
    """The plan's own fields (pcmd.planning.services.PLAN_FIELDS) and its two lists."""

    issuing_agency = serializers.IntegerField(help_text="Mã (id) cơ quan ban hành, thuộc đơn vị ban hành.")
    parent_body_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    symbol = serializers.CharField(max_length=40, required=False, help_text="Ký hiệu, ví dụ KH-UBND.")
    issued_place = serializers.CharField(max_length=80)
    title = serializers.CharField(max_length=500)
    kind = serializers.ChoiceField(choices=Plan.Kind.choices)
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    implements = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="Mã (id) kế hoạch cấp trên đã ban hành mà kế hoạch thực hiện.",
    )
    implements_reference = serializers.CharField(required=False, allow_blank=True)
    preamble = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    purpose = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    requirements = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    budget_clause = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    closing_text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    signer_on_behalf_of = serializers.CharField(max_length=120, required=False, allow_blank=True)
    signer_authority = serializers.ChoiceField(
        choices=Plan.Authority.choices, required=False, allow_blank=True
    )
    signer_principal_title = serializers.CharField(max_length=120, required=False, allow_blank=True)
    signer_position = serializers.CharField(max_length=120)
    signer_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    original_text = serializers.FileField(
        required=False, allow_null=True, help_text="Văn bản gốc (multipart); null để gỡ tệp đã có."
    )
    legal_bases = serializers.ListField(
        child=serializers.CharField(allow_blank=True), required=False, help_text="Các căn cứ, theo thứ tự."
    )
    recipients = serializers.ListField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="Nơi nhận, theo thứ tự; dòng «Lưu: ...» luôn được xếp cuối.",
    )

    def validate_issuing_agency(self, agency_id: int) -> Agency:
        return self.agency_in_scope(agency_id)

    def validate_implements(self, plan_id: int | None) -> Plan | None:
        return None if plan_id is None else self.plan_in_scope(plan_id)

    def plan_fields(self) -> dict[str, Any]:
        data = {
            k: v for k, v in self.validated_data.items() if k not in ("legal_bases", "recipients", "version")
        }
        if "original_text" in data and data["original_text"] is None:
            data["original_text"] = ""
        return data


class PlanCreateSerializer(_PlanFieldsInput):
    issuing_unit = serializers.CharField(
        max_length=5,
        required=False,
        help_text="Mã đơn vị ban hành; mặc định là đơn vị của người dùng.",
    )

    def validate_issuing_unit(self, code: str) -> AdminUnit:
        unit = units_visible_to(self.user).filter(code=code.strip()).first()
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_UNIT % {"code": code})
        return unit


class PlanUpdateSerializer(_PlanFieldsInput):
    version = serializers.IntegerField(
        help_text="Phiên bản đã đọc; sửa trên bản cũ bị từ chối (code «stale»)."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "version":
                field.required = False


class PlanIssueSerializer(PlanningInput):
    version = serializers.IntegerField()
    number = serializers.CharField(max_length=20, allow_blank=True, help_text="Số văn bản, ví dụ 166.")
    issued_on = serializers.DateField(allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class AmendmentOpenSerializer(PlanningInput):
    version = serializers.IntegerField()
    reason = serializers.CharField(allow_blank=True)
    document_reference = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class PlanCloseSerializer(PlanningInput):
    version = serializers.IntegerField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    superseded_by = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Mã (id) kế hoạch thay thế (nếu có)."
    )

    def validate_superseded_by(self, plan_id: int | None) -> Plan | None:
        return None if plan_id is None else self.plan_in_scope(plan_id)


class TargetInputSerializer(PlanningInput):
    area = serializers.ChoiceField(choices=PlanArea.choices)
    statement = serializers.CharField(trim_whitespace=False)
    indicator_key = serializers.ChoiceField(choices=IndicatorKey.choices, required=False, allow_blank=True)
    comparator = serializers.ChoiceField(choices=Target.Comparator.choices, required=False, allow_blank=True)
    value = serializers.DecimalField(max_digits=12, decimal_places=2, required=False, allow_null=True)
    value_max = serializers.DecimalField(max_digits=12, decimal_places=2, required=False, allow_null=True)
    measure_unit = serializers.ChoiceField(
        choices=Target.MeasureUnit.choices, required=False, allow_blank=True
    )
    due_year = serializers.IntegerField(required=False, allow_null=True, min_value=1990, max_value=2100)
    due_date = serializers.DateField(required=False, allow_null=True)
    applies_to = serializers.ChoiceField(choices=Target.AppliesTo.choices, required=False)
    inherited_from = serializers.IntegerField(
        required=False, allow_null=True, help_text="Mã (id) chỉ tiêu của kế hoạch cấp trên được kế thừa."
    )

    def validate_inherited_from(self, target_id: int | None) -> Target | None:
        if target_id is None:
            return None
        target = Target.objects.filter(pk=target_id, plan__in=selectors.plans_visible_to(self.user)).first()
        if target is None:
            raise serializers.ValidationError(UNKNOWN_TARGET % {"id": target_id})
        return target


class TargetUpdateSerializer(TargetInputSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class TaskInputSerializer(PlanningInput):
    area = serializers.ChoiceField(choices=PlanArea.choices)
    text = serializers.CharField(trim_whitespace=False)
    lead_agency = serializers.IntegerField(
        required=False, allow_null=True, help_text="Mã (id) cơ quan chủ trì (bắt buộc)."
    )
    coordinating_agencies = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        default=list,
        help_text="Mã (id) các cơ quan phối hợp.",
    )
    coordinating_note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    due_date = serializers.DateField(required=False, allow_null=True)
    recurrence = serializers.ChoiceField(choices=Task.Recurrence.choices, required=False, allow_blank=True)

    def validate_lead_agency(self, agency_id: int | None) -> Agency | None:
        # Missing: the service says what to do ("Chọn cơ quan chủ trì ...").
        return None if agency_id is None else self.agency_in_scope(agency_id)

    def validate_coordinating_agencies(self, agency_ids: list[int]) -> list[Agency]:
        return self.agencies_in_scope(agency_ids)


class ReportingRuleInputSerializer(PlanningInput):
    reporters = serializers.ChoiceField(choices=ReportingRule.Reporters.choices)
    named_reporters = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        default=list,
        help_text="Mã (id) các cơ quan báo cáo, khi reporters là named_agencies.",
    )
    recipient_agency = serializers.IntegerField(
        required=False, allow_null=True, help_text="Mã (id) cơ quan nhận."
    )
    recipient_note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    period_kind = serializers.ChoiceField(choices=ReportingRule.PeriodKind.choices)
    due_day = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=31)
    due_month = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=12)
    statement = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)

    def validate_named_reporters(self, agency_ids: list[int]) -> list[Agency]:
        return self.agencies_in_scope(agency_ids)

    def validate_recipient_agency(self, agency_id: int | None) -> Agency | None:
        return None if agency_id is None else self.agency_in_scope(agency_id)


class TaskFilterSerializer(PlanningInput):
    agency = serializers.IntegerField(required=False, help_text="Mã (id) cơ quan chủ trì hoặc phối hợp.")
    overdue = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="true: chỉ nhiệm vụ quá hạn; false: chưa quá hạn.",
    )
    status = serializers.ChoiceField(choices=Task.Status.choices, required=False)
    plan = serializers.IntegerField(required=False, help_text="Mã (id) kế hoạch.")

    def validate_agency(self, agency_id: int) -> Agency:
        # Agencies in the jurisdiction, and those of the plans above that the user reads.
        tasks = selectors.tasks_visible_to(self.user).order_by()
        agency = (
            Agency.objects.filter(pk=agency_id)
            .filter(
                Q(pk__in=agencies_visible_to(self.user).order_by().values("pk"))
                | Q(pk__in=tasks.values("lead_agency"))
                | Q(pk__in=tasks.values("coordinating_agencies"))
            )
            .first()
        )
        if agency is None:
            raise serializers.ValidationError(UNKNOWN_AGENCY % {"id": agency_id})
        return agency

    def validate_plan(self, plan_id: int) -> Plan:
        return self.plan_in_scope(plan_id)


class MyTaskFilterSerializer(PlanningInput):
    overdue = serializers.BooleanField(required=False, allow_null=True, default=None)


class ProgressInputSerializer(PlanningInput):
    version = serializers.IntegerField(help_text="Phiên bản của nhiệm vụ đã đọc.")
    reported_on = serializers.DateField(required=False, allow_null=True, help_text="Mặc định: hôm nay.")
    status = serializers.ChoiceField(choices=Task.Status.choices)
    note = serializers.CharField(allow_blank=True, trim_whitespace=False)
    evidence = serializers.FileField(
        required=False,
        allow_null=True,
        help_text="Minh chứng: PDF, Word, Excel hoặc ảnh JPG/PNG, tối đa 20 MB.",
    )


# --- output -------------------------------------------------------------------------------------------------


class PlanUnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = serializers.CharField()
    is_legacy = serializers.BooleanField(help_text="Đơn vị trước 01/07/2025.")


class PlanRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(help_text="Số và ký hiệu, ví dụ 166/KH-UBND.")
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=Plan.Status.choices, read_only=True)
    issuing_unit = PlanUnitSerializer()


class PlanCountsSerializer(serializers.Serializer):
    targets = serializers.IntegerField()
    measurable_targets = serializers.IntegerField()
    tasks = serializers.IntegerField()
    tasks_done = serializers.IntegerField()
    tasks_overdue = serializers.IntegerField()
    deadlines = serializers.IntegerField()
    implementing_plans = serializers.IntegerField()


class AmendmentSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.full_name")
    is_open = serializers.SerializerMethodField()

    class Meta:
        model = PlanAmendment
        fields = ["id", "at", "actor", "document_reference", "reason", "completed_at", "is_open", "snapshot"]

    def get_is_open(self, amendment: PlanAmendment) -> bool:
        return amendment.completed_at is None


class PlanSerializer(serializers.ModelSerializer):
    """A plan in a list: what identifies it and where it stands."""

    reference = serializers.CharField()
    issuing_unit = PlanUnitSerializer()
    issuing_agency = AgencyRefSerializer()
    kind = serializers.ChoiceField(choices=Plan.Kind.choices, read_only=True)
    kind_display = serializers.CharField(source="get_kind_display")
    status = serializers.ChoiceField(choices=Plan.Status.choices, read_only=True)
    status_display = serializers.CharField(source="get_status_display")
    implements = PlanRefSerializer(allow_null=True)

    class Meta:
        model = Plan
        fields = [
            "id",
            "reference",
            "number",
            "symbol",
            "issued_on",
            "issued_place",
            "title",
            "kind",
            "kind_display",
            "status",
            "status_display",
            "issuing_unit",
            "issuing_agency",
            "period_start",
            "period_end",
            "implements",
            "implements_reference",
            "version",
            "created_at",
            "updated_at",
        ]


class PlanDetailSerializer(PlanSerializer):
    """A plan with its text, signer, lists, open amendment and headline counts."""

    signer_authority = serializers.ChoiceField(choices=Plan.Authority.choices, read_only=True)
    legal_bases = serializers.SerializerMethodField()
    recipients = serializers.SerializerMethodField()
    has_original_text = serializers.SerializerMethodField()
    open_amendment = serializers.SerializerMethodField()
    counts = serializers.SerializerMethodField()

    class Meta(PlanSerializer.Meta):
        fields = [
            *PlanSerializer.Meta.fields,
            "parent_body_name",
            "preamble",
            "purpose",
            "requirements",
            "budget_clause",
            "closing_text",
            "signer_on_behalf_of",
            "signer_authority",
            "signer_principal_title",
            "signer_position",
            "signer_name",
            "legal_bases",
            "recipients",
            "has_original_text",
            "open_amendment",
            "counts",
        ]

    def get_legal_bases(self, plan: Plan) -> list[str]:
        return list(plan.legal_bases.order_by("order").values_list("text", flat=True))

    def get_recipients(self, plan: Plan) -> list[str]:
        return list(plan.recipients.order_by("order").values_list("text", flat=True))

    def get_has_original_text(self, plan: Plan) -> bool:
        return bool(plan.original_text)

    @extend_schema_field(AmendmentSerializer(allow_null=True))
    def get_open_amendment(self, plan: Plan) -> dict[str, Any] | None:
        amendment = selectors.plan_open_amendment(plan)
        return None if amendment is None else dict(AmendmentSerializer(amendment).data)

    @extend_schema_field(PlanCountsSerializer)
    def get_counts(self, plan: Plan) -> dict[str, int]:
        return selectors.plan_counts(plan)


class TargetSerializer(serializers.ModelSerializer):
    area = serializers.ChoiceField(choices=PlanArea.choices, read_only=True)
    area_display = serializers.CharField(source="get_area_display")
    indicator_key = serializers.ChoiceField(choices=IndicatorKey.choices, read_only=True)
    comparator = serializers.ChoiceField(choices=Target.Comparator.choices, read_only=True)
    measure_unit = serializers.ChoiceField(choices=Target.MeasureUnit.choices, read_only=True)
    applies_to = serializers.ChoiceField(choices=Target.AppliesTo.choices, read_only=True)
    inherited_from = serializers.IntegerField(source="inherited_from_id", allow_null=True)

    class Meta:
        model = Target
        fields = [
            "id",
            "order",
            "area",
            "area_display",
            "statement",
            "indicator_key",
            "comparator",
            "value",
            "value_max",
            "measure_unit",
            "due_year",
            "due_date",
            "applies_to",
            "inherited_from",
            "created_at",
            "updated_at",
        ]


class TaskPlanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    title = serializers.CharField()
    issuing_unit = serializers.CharField(source="issuing_unit.code")


class TaskSerializer(serializers.ModelSerializer):
    plan = TaskPlanSerializer()
    area = serializers.ChoiceField(choices=PlanArea.choices, read_only=True)
    area_display = serializers.CharField(source="get_area_display")
    lead_agency = AgencyRefSerializer()
    coordinating_agencies = AgencyRefSerializer(many=True)
    recurrence = serializers.ChoiceField(choices=Task.Recurrence.choices, read_only=True)
    status = serializers.ChoiceField(choices=Task.Status.choices, read_only=True)
    status_display = serializers.CharField(source="get_status_display")
    is_overdue = serializers.SerializerMethodField(
        help_text="Quá hạn, chưa hoàn thành (kế hoạch đã ban hành)."
    )

    class Meta:
        model = Task
        fields = [
            "id",
            "plan",
            "order",
            "area",
            "area_display",
            "text",
            "lead_agency",
            "coordinating_agencies",
            "coordinating_note",
            "due_date",
            "recurrence",
            "status",
            "status_display",
            "is_overdue",
            "version",
            "created_at",
            "updated_at",
        ]

    def get_is_overdue(self, task: Task) -> bool:
        # Only a plan being carried out has overdue tasks (a draft's dates are intentions).
        return task.plan.status == Plan.Status.ISSUED and task.is_overdue_on(today())


class ReportingRuleSerializer(serializers.ModelSerializer):
    reporters = serializers.ChoiceField(choices=ReportingRule.Reporters.choices, read_only=True)
    reporters_display = serializers.CharField(source="get_reporters_display")
    named_reporters = AgencyRefSerializer(many=True)
    recipient_agency = AgencyRefSerializer(allow_null=True)
    period_kind = serializers.ChoiceField(choices=ReportingRule.PeriodKind.choices, read_only=True)
    period_kind_display = serializers.CharField(source="get_period_kind_display")

    class Meta:
        model = ReportingRule
        fields = [
            "id",
            "order",
            "reporters",
            "reporters_display",
            "named_reporters",
            "recipient_agency",
            "recipient_note",
            "period_kind",
            "period_kind_display",
            "due_day",
            "due_month",
            "statement",
        ]


class DeadlineSerializer(serializers.ModelSerializer):
    """One deadline of the reporting calendar (id null: a draft's preview, generated when it is issued)."""

    id = serializers.IntegerField(allow_null=True)
    rule = serializers.IntegerField(source="rule_id")
    period_kind = serializers.ChoiceField(
        source="rule.period_kind", choices=ReportingRule.PeriodKind.choices, read_only=True
    )
    reporter_agency = AgencyRefSerializer(allow_null=True)
    reporter_unit = PlanUnitSerializer(allow_null=True)
    recipient_agency = AgencyRefSerializer(source="rule.recipient_agency", allow_null=True)
    recipient = serializers.SerializerMethodField(help_text="Cơ quan nhận, hoặc nơi nhận ngoài hệ thống.")

    class Meta:
        model = ReportingDeadline
        fields = [
            "id",
            "rule",
            "period_kind",
            "reporter_agency",
            "reporter_unit",
            "period_label",
            "period_start",
            "period_end",
            "due_on",
            "recipient_agency",
            "recipient",
        ]

    def get_recipient(self, deadline: ReportingDeadline) -> str:
        rule = deadline.rule
        return rule.recipient_agency.name if rule.recipient_agency else rule.recipient_note


class CascadePlanSerializer(PlanRefSerializer):
    visible = serializers.BooleanField(help_text="Người dùng được mở kế hoạch này.")


class CascadeRowSerializer(serializers.Serializer):
    unit = PlanUnitSerializer()
    agency = AgencyRefSerializer(allow_null=True)
    has_plan = serializers.BooleanField(help_text="Đã ban hành kế hoạch thực hiện.")
    plans = CascadePlanSerializer(many=True)


class CascadeSerializer(serializers.Serializer):
    plan = PlanRefSerializer()
    units_total = serializers.IntegerField()
    units_with_plan = serializers.IntegerField()
    units_with_plan_percent = serializers.FloatField(allow_null=True)
    agencies_total = serializers.IntegerField()
    agencies_with_plan = serializers.IntegerField()
    units = CascadeRowSerializer(many=True)
    agencies = CascadeRowSerializer(many=True)


class ProgressSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.full_name")
    status = serializers.ChoiceField(choices=Task.Status.choices, read_only=True)
    status_display = serializers.CharField(source="get_status_display")
    evidence_name = serializers.SerializerMethodField()
    evidence_url = serializers.SerializerMethodField(help_text="Tải minh chứng qua API (null nếu không có).")

    class Meta:
        model = TaskProgress
        fields = [
            "id",
            "reported_on",
            "status",
            "status_display",
            "note",
            "actor",
            "evidence_name",
            "evidence_url",
            "created_at",
        ]

    def get_evidence_name(self, progress: TaskProgress) -> str | None:
        return os.path.basename(progress.evidence.name) if progress.evidence else None

    def get_evidence_url(self, progress: TaskProgress) -> str | None:
        if not progress.evidence:
            return None
        return reverse(
            "api-task-progress-evidence", kwargs={"task_id": progress.task_id, "progress_id": progress.pk}
        )


# --- helpers ------------------------------------------------------------------------------------------------


def _user(request: Request) -> User:
    """The authenticated user (IsAuthenticated is the API's default permission)."""
    return cast(User, request.user)


def _require_view(request: Request) -> None:
    if not policies.can_view_plans(_user(request)):
        raise PermissionDenied


def _readable_plan(request: Request, plan_id: int) -> Plan:
    """The plan if the user reads it: 404 outside, 403 without the capability at all."""
    _require_view(request)
    return selectors.plan_get(_user(request), plan_id)


def _editable_plan(request: Request, plan_id: int) -> Plan:
    """A plan the user reads and writes for (reading without writing is 403, before the input is checked)."""
    plan = _readable_plan(request, plan_id)
    if not policies.can_edit_plan(_user(request), plan):
        raise PermissionDenied
    return plan


def _input(serializer_class: type[PlanningInput], request: Request, data: Any = None) -> PlanningInput:
    serializer = serializer_class(data=request.data if data is None else data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return serializer


def _stale_message(exc: DjangoValidationError) -> str | None:
    errors = getattr(exc, "error_dict", {}).get("version", [])
    for error in errors:
        if error.code == "stale":
            return str(error.message % error.params if error.params else error.message)
    return None


# The services' validation errors, shaped for clients: a stale version gets its own code (reload rather than
# fix a field), and rules about the whole object come under "non_field_errors". (A comment, not a docstring:
# the schema would show it as every endpoint's description.)
class PlanningView(generics.GenericAPIView):
    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, DjangoValidationError) and hasattr(exc, "error_dict"):
            message = _stale_message(exc)
            if message is not None:
                return Response(
                    {"detail": message, "code": "stale", "errors": {"version": [message]}},
                    status=status.HTTP_400_BAD_REQUEST,
                )
            errors = exc.message_dict
            if NON_FIELD_ERRORS in errors:
                errors[api_settings.NON_FIELD_ERRORS_KEY] = errors.pop(NON_FIELD_ERRORS)
            exc = exceptions.ValidationError(errors)
        return super().handle_exception(exc)


def _plan_ref(plan: Plan, visible: bool | None = None) -> dict[str, Any]:
    data = dict(PlanRefSerializer(plan).data)
    if visible is not None:
        data["visible"] = visible
    return data


# --- plans --------------------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Danh sách kế hoạch người dùng được xem (của địa bàn và của cấp trên)",
        parameters=[PlanFilterSerializer],
    ),
    post=extend_schema(
        summary="Tạo dự thảo kế hoạch",
        request={"application/json": PlanCreateSerializer, "multipart/form-data": PlanCreateSerializer},
        responses={201: PlanDetailSerializer},
    ),
)
class PlanListView(PlanningView, generics.ListAPIView):
    serializer_class = PlanSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self) -> QuerySet[Plan]:
        _require_view(self.request)
        filters = _input(PlanFilterSerializer, self.request, self.request.query_params)
        plans = selectors.plans_visible_to(_user(self.request), **filters.validated_data)
        return plans.select_related("implements__issuing_unit")

    def post(self, request: Request) -> Response:
        user = _user(request)
        if not policies.can_create_plans(user):
            raise PermissionDenied
        data = cast(PlanCreateSerializer, _input(PlanCreateSerializer, request))
        fields = data.plan_fields()
        unit = fields.pop("issuing_unit", None)
        if unit is None:
            membership = active_membership(user)
            unit = membership.unit if membership is not None else None
        if unit is None:
            raise serializers.ValidationError({"issuing_unit": [ISSUING_UNIT_REQUIRED]})
        with transaction.atomic():
            plan = services.plan_create(actor=user, issuing_unit=unit, **fields)
            services.plan_legal_bases_set(
                actor=user, plan=plan, lines=data.validated_data.get("legal_bases", [])
            )
            services.plan_recipients_set(
                actor=user, plan=plan, lines=data.validated_data.get("recipients", [])
            )
        plan = selectors.plan_get(user, plan.pk)
        return Response(PlanDetailSerializer(plan).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Chi tiết kế hoạch (404 nếu ngoài phạm vi)"),
    patch=extend_schema(
        summary="Sửa kế hoạch: dự thảo, hoặc kế hoạch đã ban hành đang mở sửa đổi (cần phiên bản hiện tại)",
        request={"application/json": PlanUpdateSerializer, "multipart/form-data": PlanUpdateSerializer},
        responses={200: PlanDetailSerializer},
    ),
    delete=extend_schema(
        summary="Xóa dự thảo (kế hoạch đã ban hành thì kết thúc hoặc thay thế)", responses={204: None}
    ),
)
class PlanDetailView(PlanningView, generics.RetrieveAPIView):
    serializer_class = PlanDetailSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_object(self) -> Plan:
        return _readable_plan(self.request, self.kwargs["plan_id"])

    def patch(self, request: Request, plan_id: int) -> Response:
        user = _user(request)
        plan = _editable_plan(request, plan_id)
        data = cast(PlanUpdateSerializer, _input(PlanUpdateSerializer, request))
        with transaction.atomic():
            # One version for the whole plan: the lists change only with a check of it.
            plan = services.plan_update(
                actor=user, plan=plan, version=data.validated_data["version"], **data.plan_fields()
            )
            if "legal_bases" in data.validated_data:
                services.plan_legal_bases_set(actor=user, plan=plan, lines=data.validated_data["legal_bases"])
            if "recipients" in data.validated_data:
                services.plan_recipients_set(actor=user, plan=plan, lines=data.validated_data["recipients"])
        return Response(PlanDetailSerializer(selectors.plan_get(user, plan.pk)).data)

    def delete(self, request: Request, plan_id: int) -> Response:
        plan = _editable_plan(request, plan_id)
        services.plan_delete_draft(actor=_user(request), plan=plan)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(
    summary="Ban hành kế hoạch: số, ngày ban hành; lập lịch báo cáo",
    request=PlanIssueSerializer,
    responses={200: PlanDetailSerializer},
)
class PlanIssueView(PlanningView):
    def post(self, request: Request, plan_id: int) -> Response:
        plan = _editable_plan(request, plan_id)
        data = _input(PlanIssueSerializer, request).validated_data
        plan = services.plan_issue(actor=_user(request), plan=plan, **data)
        return Response(PlanDetailSerializer(plan).data)


@extend_schema_view(
    get=extend_schema(summary="Các lần sửa đổi kế hoạch, kèm nội dung trước khi sửa"),
    post=extend_schema(
        summary="Mở sửa đổi kế hoạch đã ban hành (ghi lý do)",
        request=AmendmentOpenSerializer,
        responses={201: AmendmentSerializer},
    ),
)
class AmendmentListView(PlanningView, generics.ListAPIView):
    serializer_class = AmendmentSerializer

    def get_queryset(self) -> QuerySet[PlanAmendment]:
        plan = _readable_plan(self.request, self.kwargs["plan_id"])
        return plan.amendments.select_related("actor").order_by("-at", "-id")

    def post(self, request: Request, plan_id: int) -> Response:
        plan = _editable_plan(request, plan_id)
        data = _input(AmendmentOpenSerializer, request).validated_data
        amendment = services.plan_amendment_open(actor=_user(request), plan=plan, **data)
        return Response(AmendmentSerializer(amendment).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Hoàn tất sửa đổi đang mở; lịch báo cáo được lập lại",
    request=None,
    responses={200: AmendmentSerializer},
)
class AmendmentCompleteView(PlanningView):
    def post(self, request: Request, plan_id: int) -> Response:
        plan = _editable_plan(request, plan_id)
        amendment = services.plan_amendment_complete(actor=_user(request), plan=plan)
        return Response(AmendmentSerializer(amendment).data)


@extend_schema(
    summary="Kết thúc kế hoạch, hoặc ghi nhận kế hoạch được thay thế",
    request=PlanCloseSerializer,
    responses={200: PlanDetailSerializer},
)
class PlanCloseView(PlanningView):
    def post(self, request: Request, plan_id: int) -> Response:
        plan = _editable_plan(request, plan_id)
        data = _input(PlanCloseSerializer, request).validated_data
        plan = services.plan_close(actor=_user(request), plan=plan, **data)
        return Response(PlanDetailSerializer(plan).data)


# --- targets ------------------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Chỉ tiêu của kế hoạch"),
    post=extend_schema(
        summary="Thêm chỉ tiêu", request=TargetInputSerializer, responses={201: TargetSerializer}
    ),
)
class TargetListView(PlanningView, generics.ListAPIView):
    serializer_class = TargetSerializer

    def get_queryset(self) -> QuerySet[Target]:
        return selectors.targets_of(_readable_plan(self.request, self.kwargs["plan_id"]))

    def post(self, request: Request, plan_id: int) -> Response:
        plan = _editable_plan(request, plan_id)
        data = _input(TargetInputSerializer, request).validated_data
        target = services.target_save(actor=_user(request), plan=plan, **data)
        return Response(TargetSerializer(target).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Chi tiết chỉ tiêu"),
    patch=extend_schema(
        summary="Sửa chỉ tiêu", request=TargetUpdateSerializer, responses={200: TargetSerializer}
    ),
    delete=extend_schema(summary="Xóa chỉ tiêu", responses={204: None}),
)
class TargetDetailView(PlanningView, generics.RetrieveAPIView):
    serializer_class = TargetSerializer

    def _target(self, plan: Plan) -> Target:
        target = plan.targets.filter(pk=self.kwargs["target_id"]).first()
        if target is None:
            raise Http404
        return target

    def get_object(self) -> Target:
        return self._target(_readable_plan(self.request, self.kwargs["plan_id"]))

    def patch(self, request: Request, plan_id: int, target_id: int) -> Response:
        plan = _editable_plan(request, plan_id)
        target = self._target(plan)
        data = _input(TargetUpdateSerializer, request).validated_data
        target = services.target_save(actor=_user(request), plan=plan, target=target, **data)
        return Response(TargetSerializer(target).data)

    def delete(self, request: Request, plan_id: int, target_id: int) -> Response:
        target = self._target(_editable_plan(request, plan_id))
        services.target_remove(actor=_user(request), target=target)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- tasks and reporting rules of a plan --------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Nhiệm vụ của kế hoạch"),
    post=extend_schema(
        summary="Giao nhiệm vụ (cơ quan chủ trì, cơ quan phối hợp)",
        request=TaskInputSerializer,
        responses={201: TaskSerializer},
    ),
)
class PlanTaskListView(PlanningView, generics.ListAPIView):
    serializer_class = TaskSerializer

    def get_queryset(self) -> QuerySet[Task]:
        plan = _readable_plan(self.request, self.kwargs["plan_id"])
        return selectors.tasks_of(plan).select_related("plan", "plan__issuing_unit")

    def post(self, request: Request, plan_id: int) -> Response:
        plan = _editable_plan(request, plan_id)
        data = dict(_input(TaskInputSerializer, request).validated_data)
        coordinating = data.pop("coordinating_agencies", [])
        task = services.task_save(actor=_user(request), plan=plan, coordinating_agencies=coordinating, **data)
        return Response(TaskSerializer(task).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Chế độ báo cáo của kế hoạch"),
    post=extend_schema(
        summary="Thêm chế độ báo cáo (ai báo cáo, gửi về đâu, kỳ và hạn)",
        request=ReportingRuleInputSerializer,
        responses={201: ReportingRuleSerializer},
    ),
)
class ReportingRuleListView(PlanningView, generics.ListAPIView):
    serializer_class = ReportingRuleSerializer

    def get_queryset(self) -> QuerySet[ReportingRule]:
        plan = _readable_plan(self.request, self.kwargs["plan_id"])
        return (
            plan.reporting_rules.select_related("recipient_agency")
            .prefetch_related("named_reporters")
            .order_by("order")
        )

    def post(self, request: Request, plan_id: int) -> Response:
        plan = _editable_plan(request, plan_id)
        data = dict(_input(ReportingRuleInputSerializer, request).validated_data)
        named = data.pop("named_reporters", [])
        rule = services.reporting_rule_save(actor=_user(request), plan=plan, named_reporters=named, **data)
        return Response(ReportingRuleSerializer(rule).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Lịch báo cáo: hạn nộp theo từng đơn vị báo cáo và từng kỳ",
    description="Dự thảo chưa có lịch: trả về bản xem trước (id null), được lập khi ban hành.",
)
class ReportingCalendarView(PlanningView, generics.ListAPIView):
    serializer_class = DeadlineSerializer

    def get_queryset(self) -> Any:
        plan = _readable_plan(self.request, self.kwargs["plan_id"])
        if plan.status != Plan.Status.DRAFT:
            return selectors.reporting_calendar(plan)
        rules = plan.reporting_rules.select_related("recipient_agency").order_by("order")
        preview = [deadline for rule in rules for deadline in deadlines_of(rule, plan)]
        return sorted(preview, key=lambda d: (d.due_on, d.rule.order))


@extend_schema(
    summary="Phân cấp: đơn vị cấp dưới và cơ quan đã ban hành kế hoạch thực hiện",
    responses={200: CascadeSerializer},
)
class PlanCascadeView(PlanningView):
    def get(self, request: Request, plan_id: int) -> Response:
        plan = _readable_plan(request, plan_id)
        cascade = selectors.plan_cascade(plan)
        rows = [*cascade.units, *cascade.agencies]
        child_ids = [child.pk for row in rows for child in row.plans]
        visible = set(
            selectors.plans_visible_to(_user(request)).filter(pk__in=child_ids).values_list("pk", flat=True)
        )

        def row_data(row: selectors.CascadeRow) -> dict[str, Any]:
            return {
                "unit": PlanUnitSerializer(row.unit).data,
                "agency": AgencyRefSerializer(row.agency).data if row.agency is not None else None,
                "has_plan": row.has_plan,
                "plans": [_plan_ref(child, child.pk in visible) for child in row.plans],
            }

        return Response(
            {
                "plan": _plan_ref(plan),
                "units_total": len(cascade.units),
                "units_with_plan": cascade.units_with_plan,
                "units_with_plan_percent": cascade.units_with_plan_percent,
                "agencies_total": len(cascade.agencies),
                "agencies_with_plan": cascade.agencies_with_plan,
                "units": [row_data(row) for row in cascade.units],
                "agencies": [row_data(row) for row in cascade.agencies],
            }
        )


# --- documents ----------------------------------------------------------------------------------------------


class _AnyAccept(BaseContentNegotiation):
    """Downloads answer their file whatever the client accepts; errors are still JSON."""

    def select_parser(self, request: Request, parsers: Iterable[BaseParser]) -> BaseParser | None:
        return next(iter(parsers), None)

    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        renderer = next(iter(renderers))
        return renderer, renderer.media_type


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    return response


@extend_schema(
    summary="Tải kế hoạch dạng Word (thể thức Nghị định 30/2020/NĐ-CP)",
    responses={(200, DOCX_TYPE): OpenApiResponse(OpenApiTypes.BINARY)},
)
class PlanDocxView(APIView):
    content_negotiation_class = _AnyAccept

    def get(self, request: Request, plan_id: int) -> HttpResponse:
        plan = _readable_plan(request, plan_id)
        return _attachment(
            documents.plan_docx(plan), DOCX_TYPE, documents.plan_document_filename(plan, "docx")
        )


@extend_schema(
    summary="Tải bảng phân công nhiệm vụ dạng Excel",
    responses={(200, XLSX_TYPE): OpenApiResponse(OpenApiTypes.BINARY)},
)
class PlanXlsxView(APIView):
    content_negotiation_class = _AnyAccept

    def get(self, request: Request, plan_id: int) -> HttpResponse:
        plan = _readable_plan(request, plan_id)
        return _attachment(
            documents.plan_tasks_xlsx(plan), XLSX_TYPE, documents.plan_document_filename(plan, "xlsx")
        )


# --- tasks across plans -------------------------------------------------------------------------------------


@extend_schema(
    summary="Nhiệm vụ của các kế hoạch đã ban hành mà người dùng được xem",
    parameters=[TaskFilterSerializer],
)
class TaskListView(PlanningView, generics.ListAPIView):
    serializer_class = TaskSerializer

    def get_queryset(self) -> QuerySet[Task]:
        _require_view(self.request)
        filters = _input(TaskFilterSerializer, self.request, self.request.query_params)
        return selectors.tasks_visible_to(_user(self.request), **filters.validated_data)


@extend_schema(
    summary="Nhiệm vụ của cơ quan người dùng (chủ trì hoặc phối hợp)",
    parameters=[MyTaskFilterSerializer],
)
class MyTaskListView(PlanningView, generics.ListAPIView):
    serializer_class = TaskSerializer

    def get_queryset(self) -> QuerySet[Task]:
        _require_view(self.request)
        filters = _input(MyTaskFilterSerializer, self.request, self.request.query_params)
        return selectors.my_tasks(_user(self.request), **filters.validated_data)


@extend_schema(summary="Chi tiết nhiệm vụ (404 nếu ngoài phạm vi)")
class TaskDetailView(PlanningView, generics.RetrieveAPIView):
    serializer_class = TaskSerializer

    def get_object(self) -> Task:
        _require_view(self.request)
        return selectors.task_get(_user(self.request), self.kwargs["task_id"])


@extend_schema_view(
    get=extend_schema(summary="Tiến độ đã báo cáo của nhiệm vụ, mới nhất trước"),
    post=extend_schema(
        summary="Cập nhật tiến độ nhiệm vụ, kèm minh chứng (cơ quan được giao)",
        request={"multipart/form-data": ProgressInputSerializer, "application/json": ProgressInputSerializer},
        responses={201: ProgressSerializer},
    ),
)
class TaskProgressView(PlanningView, generics.ListAPIView):
    serializer_class = ProgressSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def _task(self) -> Task:
        _require_view(self.request)
        return selectors.task_get(_user(self.request), self.kwargs["task_id"])

    def get_queryset(self) -> QuerySet[TaskProgress]:
        return self._task().progress_updates.select_related("actor").order_by("-reported_on", "-id")

    def post(self, request: Request, task_id: int) -> Response:
        user = _user(request)
        task = self._task()
        if not policies.can_update_task(user, task):
            raise PermissionDenied
        data = dict(_input(ProgressInputSerializer, request).validated_data)
        progress = services.task_progress_record(
            actor=user,
            task=task,
            version=data["version"],
            reported_on=data.get("reported_on"),
            status=data["status"],
            note=data["note"],
            evidence=data.get("evidence") or None,
        )
        return Response(ProgressSerializer(progress).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Tải minh chứng của một lần cập nhật tiến độ",
    responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class ProgressEvidenceView(APIView):
    content_negotiation_class = _AnyAccept

    def get(self, request: Request, task_id: int, progress_id: int) -> FileResponse:
        _require_view(request)
        task = selectors.task_get(_user(request), task_id)
        progress = task.progress_updates.filter(pk=progress_id).first()
        if progress is None or not progress.evidence:
            raise Http404
        return FileResponse(
            progress.evidence.open("rb"),
            as_attachment=True,
            filename=os.path.basename(progress.evidence.name),
        )
