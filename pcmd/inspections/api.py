"""/api/v1/inspections/, /violations/, /sanctions/ and /follow-ups/: the same selectors (404 outside the
jurisdiction) and services as the pages. Objects named in a request body are looked up within the user's
jurisdiction (unknown or outside: a 400 field error). Errors go through pcmd.core.api_errors."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from pcmd.accounts.models import User
from pcmd.agencies.api import VietnameseSerializer
from pcmd.agencies.models import Agency, InspectionTeam, TeamMember
from pcmd.agencies.selectors import agencies_visible_to, teams_visible_to, unit_get_by_code
from pcmd.core.services import today
from pcmd.establishments.models import Establishment
from pcmd.establishments.selectors import establishments_visible_to
from pcmd.inspections import policies, selectors, services
from pcmd.inspections.models import (
    ChecklistItem,
    ChecklistResult,
    FollowUp,
    Inspection,
    InspectionMode,
    SanctionDecision,
    SanctionLine,
    Violation,
)
from pcmd.legal.models import LegalProvision

NOT_FOUND_IN_SCOPE = _("Không tìm thấy mã %(id)s trong phạm vi của bạn.")
UNKNOWN_UNIT = _("Không tìm thấy đơn vị hành chính có mã «%(code)s» trong phạm vi của bạn.")
DATETIME_INVALID = _("Thời điểm không hợp lệ. Dùng dạng ISO 8601, ví dụ 2026-03-10T20:30.")
BOOLEAN_INVALID = _("Cần giá trị true hoặc false.")
LIST_INVALID = _("Cần một danh sách.")


class InputSerializer(VietnameseSerializer):
    """Vietnamese messages for the field types these endpoints add, and in-scope lookups by id."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, serializers.DateTimeField):
                field.error_messages["invalid"] = DATETIME_INVALID
            elif isinstance(field, serializers.BooleanField):
                field.error_messages["invalid"] = BOOLEAN_INVALID
            elif isinstance(field, serializers.ListField):
                field.error_messages["not_a_list"] = LIST_INVALID

    @staticmethod
    def in_scope(queryset: QuerySet, pk: int) -> Any:
        found = queryset.filter(pk=pk).first()
        if found is None:
            raise serializers.ValidationError(NOT_FOUND_IN_SCOPE % {"id": pk})
        return found


# --- output -------------------------------------------------------------------------------------------------


class RefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class EstablishmentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    registry_code = serializers.CharField()
    unit_code = serializers.CharField(source="unit.code")


class MemberRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()
    team_role = serializers.CharField()


class ChecklistResultSerializer(serializers.ModelSerializer):
    item = serializers.CharField(source="item.code")
    item_name = serializers.CharField(source="item.name")
    # A plain string here: the same choice set as the request's checklist entries would otherwise make two
    # schema components share one enum name ("outcome" is also the follow-up's outcome).
    outcome = serializers.CharField(help_text="ok, not_ok hoặc not_applicable.")

    class Meta:
        model = ChecklistResult
        fields = ["item", "item_name", "outcome", "note"]


class ViolationSerializer(serializers.ModelSerializer):
    inspection = serializers.IntegerField(source="inspection_id")
    provision = serializers.IntegerField(source="provision_id")
    provision_reference = serializers.CharField(source="provision.reference")
    found_on = serializers.DateField(source="inspection.day")

    class Meta:
        model = Violation
        fields = [
            "id",
            "inspection",
            "found_on",
            "act",
            "provision",
            "provision_reference",
            "persons_involved",
            "status",
            "closed_on",
            "version",
        ]


class InspectionSerializer(serializers.ModelSerializer):
    team = RefSerializer()
    establishment = EstablishmentRefSerializer()
    members_present = MemberRefSerializer(many=True)
    checklist = ChecklistResultSerializer(source="checklist_results", many=True)
    violations = serializers.SerializerMethodField()

    class Meta:
        model = Inspection
        fields = [
            "id",
            "team",
            "establishment",
            "plan",
            "mode",
            "started_at",
            "ended_at",
            "members_present",
            "checklist",
            "findings",
            "minutes_number",
            "representative_name",
            "representative_role",
            "violations",
            "version",
        ]

    def get_violations(self, inspection: Inspection) -> list[int]:
        return [violation.pk for violation in inspection.violations.all()]


class SanctionLineSerializer(serializers.ModelSerializer):
    violation = serializers.IntegerField(source="violation_id")

    class Meta:
        model = SanctionLine
        fields = ["violation", "fine_amount"]


class SanctionSerializer(serializers.ModelSerializer):
    inspection = serializers.IntegerField(source="inspection_id")
    agency = RefSerializer()
    lines = SanctionLineSerializer(many=True)

    class Meta:
        model = SanctionDecision
        fields = [
            "id",
            "inspection",
            "number",
            "decided_on",
            "authority",
            "agency",
            "lines",
            "fine_total",
            "suspension_months",
            "licence_withdrawn",
            "confiscation",
            "remedy_measures",
            "remedy_deadline",
            "payment_status",
            "paid_on",
            "version",
        ]


class FollowUpSerializer(serializers.ModelSerializer):
    inspection = serializers.IntegerField(source="inspection_id")
    violation = serializers.IntegerField(source="violation_id", allow_null=True)
    decision = serializers.IntegerField(source="decision_id", allow_null=True)
    is_overdue = serializers.SerializerMethodField(help_text="Chưa thực hiện và đã quá hạn.")

    class Meta:
        model = FollowUp
        fields = [
            "id",
            "inspection",
            "violation",
            "decision",
            "due_on",
            "done_on",
            "outcome",
            "result",
            "is_overdue",
            "version",
        ]

    def get_is_overdue(self, follow_up: FollowUp) -> bool:
        return follow_up.is_overdue(today())


# --- input --------------------------------------------------------------------------------------------------


class InspectionFilterSerializer(InputSerializer):
    team = serializers.IntegerField(required=False)
    establishment = serializers.IntegerField(required=False)
    unit = serializers.CharField(required=False, max_length=5)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)

    def validate_team(self, pk: int) -> InspectionTeam:
        return self.in_scope(teams_visible_to(self.user), pk)

    def validate_establishment(self, pk: int) -> Establishment:
        return self.in_scope(establishments_visible_to(self.user), pk)

    def validate_unit(self, code: str) -> Any:
        unit = unit_get_by_code(self.user, code)
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_UNIT % {"code": code})
        return unit


class ChecklistEntryInput(InputSerializer):
    item = serializers.SlugRelatedField(slug_field="code", queryset=ChecklistItem.objects.all())
    outcome = serializers.ChoiceField(choices=ChecklistResult.Outcome.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class InspectionWriteSerializer(InputSerializer):
    mode = serializers.ChoiceField(choices=InspectionMode.choices)
    started_at = serializers.DateTimeField()
    ended_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    members_present = serializers.ListField(
        child=serializers.IntegerField(), help_text="Mã (id) thành viên đội."
    )
    checklist = ChecklistEntryInput(many=True, required=False)
    findings = serializers.CharField(required=False, allow_blank=True, default="")
    minutes_number = serializers.CharField(required=False, allow_blank=True, max_length=60, default="")
    representative_name = serializers.CharField(required=False, allow_blank=True, max_length=150, default="")
    representative_role = serializers.CharField(required=False, allow_blank=True, max_length=150, default="")

    def validate_members_present(self, ids: list[int]) -> list[TeamMember]:
        members = list(TeamMember.objects.filter(pk__in=ids, team__in=teams_visible_to(self.user)))
        missing = sorted(set(ids) - {m.pk for m in members})
        if missing:
            raise serializers.ValidationError(NOT_FOUND_IN_SCOPE % {"id": missing[0]})
        return members

    def service_values(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        if "checklist" in data:
            data["checklist"] = [
                services.ChecklistEntry(row["item"], row["outcome"], row.get("note", ""))
                for row in data["checklist"]
            ]
        return data


class InspectionCreateSerializer(InspectionWriteSerializer):
    team = serializers.IntegerField(help_text="Mã (id) đội kiểm tra.")
    establishment = serializers.IntegerField(help_text="Mã (id) cơ sở được kiểm tra.")

    def validate_team(self, pk: int) -> InspectionTeam:
        return self.in_scope(teams_visible_to(self.user), pk)

    def validate_establishment(self, pk: int) -> Establishment:
        return self.in_scope(establishments_visible_to(self.user), pk)


class InspectionUpdateSerializer(InspectionWriteSerializer):
    version = serializers.IntegerField(help_text="Phiên bản đã đọc; sửa trên bản cũ bị từ chối.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "version":
                field.required = False
                field.default = serializers.empty


class ViolationCreateSerializer(InputSerializer):
    inspection = serializers.IntegerField()
    act = serializers.CharField()
    provision = serializers.IntegerField(help_text="Mã (id) căn cứ xử phạt (/api/v1/legal-references/).")
    persons_involved = serializers.IntegerField(required=False, default=1)

    def validate_inspection(self, pk: int) -> Inspection:
        return self.in_scope(selectors.inspections_visible_to(self.user), pk)

    def validate_provision(self, pk: int) -> LegalProvision:
        return self.in_scope(LegalProvision.objects.all(), pk)


class ViolationFilterSerializer(InputSerializer):
    status = serializers.ChoiceField(required=False, choices=Violation.Status.choices)
    inspection = serializers.IntegerField(required=False)

    def validate_inspection(self, pk: int) -> Inspection:
        return self.in_scope(selectors.inspections_visible_to(self.user), pk)


class SanctionLineInput(InputSerializer):
    violation = serializers.IntegerField()
    fine_amount = serializers.IntegerField(required=False, allow_null=True, min_value=0, default=None)


class SanctionCreateSerializer(InputSerializer):
    inspection = serializers.IntegerField()
    number = serializers.CharField(max_length=60)
    decided_on = serializers.DateField()
    authority = serializers.CharField(max_length=255)
    agency = serializers.IntegerField(help_text="Mã (id) cơ quan ra quyết định.")
    lines = SanctionLineInput(many=True, help_text="Mỗi vi phạm bị xử phạt và mức phạt (đồng).")
    suspension_months = serializers.IntegerField(required=False, allow_null=True, default=None)
    licence_withdrawn = serializers.BooleanField(required=False, default=False)
    confiscation = serializers.CharField(required=False, allow_blank=True, default="")
    remedy_measures = serializers.CharField(required=False, allow_blank=True, default="")
    remedy_deadline = serializers.DateField(required=False, allow_null=True, default=None)

    def validate_inspection(self, pk: int) -> Inspection:
        return self.in_scope(selectors.inspections_visible_to(self.user), pk)

    def validate_agency(self, pk: int) -> Agency:
        return self.in_scope(agencies_visible_to(self.user), pk)

    def validate_lines(self, lines: list[dict[str, Any]]) -> dict[Violation, int | None]:
        visible = selectors.violations_visible_to(self.user)
        fines: dict[Violation, int | None] = {}
        for line in lines:
            fines[self.in_scope(visible, line["violation"])] = line.get("fine_amount")
        return fines


class PaymentSerializer(InputSerializer):
    paid_on = serializers.DateField()
    version = serializers.IntegerField(required=False)


class FollowUpCreateSerializer(InputSerializer):
    violation = serializers.IntegerField(required=False, allow_null=True, default=None)
    decision = serializers.IntegerField(required=False, allow_null=True, default=None)
    due_on = serializers.DateField()

    def validate_violation(self, pk: int | None) -> Violation | None:
        return None if pk is None else self.in_scope(selectors.violations_visible_to(self.user), pk)

    def validate_decision(self, pk: int | None) -> SanctionDecision | None:
        return None if pk is None else self.in_scope(selectors.decisions_visible_to(self.user), pk)


class FollowUpFilterSerializer(InputSerializer):
    overdue = serializers.BooleanField(required=False, default=False)
    pending = serializers.BooleanField(required=False, default=False)


# --- views --------------------------------------------------------------------------------------------------


def _user(request: Request) -> User:
    return cast(User, request.user)


def _require_view(request: Request) -> None:
    if not policies.can_view_inspections(_user(request)):
        raise PermissionDenied


def _filters(serializer_class: type[InputSerializer], request: Request) -> dict[str, Any]:
    filters = serializer_class(data=request.query_params, context={"request": request})
    filters.is_valid(raise_exception=True)
    return dict(filters.validated_data)


def _body(serializer_class: type[InputSerializer], request: Request) -> InputSerializer:
    body = serializer_class(data=request.data, context={"request": request})
    body.is_valid(raise_exception=True)
    return body


@extend_schema_view(
    get=extend_schema(
        summary="Cuộc kiểm tra trong phạm vi của người dùng",
        parameters=[
            OpenApiParameter("team", OpenApiTypes.INT, description="Mã (id) đội kiểm tra"),
            OpenApiParameter("establishment", OpenApiTypes.INT, description="Mã (id) cơ sở"),
            OpenApiParameter("unit", OpenApiTypes.STR, description="Mã đơn vị hành chính của cơ sở"),
            OpenApiParameter("year", OpenApiTypes.INT, description="Năm kiểm tra"),
        ],
    ),
    post=extend_schema(
        summary="Ghi nhận cuộc kiểm tra",
        request=InspectionCreateSerializer,
        responses={201: InspectionSerializer},
    ),
)
class InspectionListView(generics.ListAPIView):
    serializer_class = InspectionSerializer

    def get_queryset(self) -> QuerySet[Inspection]:
        _require_view(self.request)
        return selectors.inspections_visible_to(
            _user(self.request), **_filters(InspectionFilterSerializer, self.request)
        ).prefetch_related("members_present", "checklist_results__item", "violations")

    def post(self, request: Request) -> Response:
        if not policies.can_record_inspections(_user(request)):
            raise PermissionDenied
        body = cast(InspectionCreateSerializer, _body(InspectionCreateSerializer, request))
        values = body.service_values()
        inspection = services.inspection_record(actor=_user(request), **values)
        inspection = selectors.inspection_get(_user(request), inspection.pk)
        return Response(InspectionSerializer(inspection).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Chi tiết cuộc kiểm tra (404 nếu ngoài phạm vi)"),
    patch=extend_schema(
        summary="Sửa cuộc kiểm tra (cần phiên bản hiện tại)",
        request=InspectionUpdateSerializer,
        responses={200: InspectionSerializer},
    ),
)
class InspectionDetailView(generics.RetrieveAPIView):
    serializer_class = InspectionSerializer

    def get_object(self) -> Inspection:
        _require_view(self.request)
        return selectors.inspection_get(_user(self.request), self.kwargs["inspection_id"])

    def patch(self, request: Request, inspection_id: int) -> Response:
        inspection = self.get_object()
        if not policies.can_edit_inspection(_user(request), inspection):
            raise PermissionDenied
        body = cast(InspectionUpdateSerializer, _body(InspectionUpdateSerializer, request))
        changes = body.service_values()
        version = changes.pop("version")
        services.inspection_update(
            actor=_user(request), inspection=inspection, version=version, changes=changes
        )
        return Response(InspectionSerializer(selectors.inspection_get(_user(request), inspection.pk)).data)


@extend_schema_view(
    get=extend_schema(
        summary="Vi phạm trong phạm vi của người dùng",
        parameters=[
            OpenApiParameter(
                "status", OpenApiTypes.STR, enum=Violation.Status.values, description="Tình trạng"
            ),
            OpenApiParameter("inspection", OpenApiTypes.INT, description="Mã (id) cuộc kiểm tra"),
        ],
    ),
    post=extend_schema(
        summary="Ghi nhận vi phạm", request=ViolationCreateSerializer, responses={201: ViolationSerializer}
    ),
)
class ViolationListView(generics.ListAPIView):
    serializer_class = ViolationSerializer

    def get_queryset(self) -> QuerySet[Violation]:
        _require_view(self.request)
        return selectors.violations_visible_to(
            _user(self.request), **_filters(ViolationFilterSerializer, self.request)
        )

    def post(self, request: Request) -> Response:
        _require_view(request)
        body = _body(ViolationCreateSerializer, request)
        violation = services.violation_record(actor=_user(request), **body.validated_data)
        return Response(ViolationSerializer(violation).data, status=status.HTTP_201_CREATED)


@extend_schema(summary="Chi tiết vi phạm (404 nếu ngoài phạm vi)")
class ViolationDetailView(generics.RetrieveAPIView):
    serializer_class = ViolationSerializer

    def get_object(self) -> Violation:
        _require_view(self.request)
        return selectors.violation_get(_user(self.request), self.kwargs["violation_id"])


def _lines_errors(exc: DjangoValidationError) -> DjangoValidationError:
    """The service keys a fine's error by "fine_<violation id>" (one field each on the page): here "lines"."""
    if not hasattr(exc, "error_dict"):
        return exc
    errors: dict[str, list] = {}
    for field, messages in exc.error_dict.items():
        errors.setdefault("lines" if field.startswith("fine_") else field, []).extend(messages)
    return DjangoValidationError(errors)


@extend_schema_view(
    get=extend_schema(
        summary="Quyết định xử phạt trong phạm vi của người dùng",
        parameters=[
            OpenApiParameter("unpaid", OpenApiTypes.BOOL, description="Chỉ các quyết định chưa nộp phạt"),
        ],
    ),
    post=extend_schema(
        summary="Ghi nhận quyết định xử phạt (người có thẩm quyền)",
        request=SanctionCreateSerializer,
        responses={201: SanctionSerializer},
    ),
)
class SanctionListView(generics.ListAPIView):
    serializer_class = SanctionSerializer

    def get_queryset(self) -> QuerySet[SanctionDecision]:
        _require_view(self.request)
        unpaid = self.request.query_params.get("unpaid", "").lower() in {"1", "true", "yes"}
        return selectors.decisions_visible_to(_user(self.request), unpaid=unpaid).prefetch_related("lines")

    def post(self, request: Request) -> Response:
        if not policies.can_record_sanctions(_user(request)):
            raise PermissionDenied
        body = _body(SanctionCreateSerializer, request)
        data = dict(body.validated_data)
        data["fines"] = data.pop("lines")
        try:
            decision = services.sanction_decision_record(actor=_user(request), **data)
        except DjangoValidationError as exc:
            raise _lines_errors(exc) from exc
        decision = selectors.decision_get(_user(request), decision.pk)
        return Response(SanctionSerializer(decision).data, status=status.HTTP_201_CREATED)


@extend_schema(summary="Chi tiết quyết định xử phạt (404 nếu ngoài phạm vi)")
class SanctionDetailView(generics.RetrieveAPIView):
    serializer_class = SanctionSerializer

    def get_object(self) -> SanctionDecision:
        _require_view(self.request)
        return selectors.decision_get(_user(self.request), self.kwargs["decision_id"])


@extend_schema(summary="Ghi nhận đã nộp phạt", request=PaymentSerializer, responses={200: SanctionSerializer})
class SanctionPaymentView(generics.GenericAPIView):
    serializer_class = PaymentSerializer

    def post(self, request: Request, decision_id: int) -> Response:
        _require_view(request)
        decision = selectors.decision_get(_user(request), decision_id)
        body = _body(PaymentSerializer, request)
        services.sanction_payment_record(actor=_user(request), decision=decision, **body.validated_data)
        return Response(SanctionSerializer(selectors.decision_get(_user(request), decision_id)).data)


@extend_schema_view(
    get=extend_schema(
        summary="Hậu kiểm trong phạm vi của người dùng",
        parameters=[
            OpenApiParameter("overdue", OpenApiTypes.BOOL, description="Chỉ các lượt quá hạn"),
            OpenApiParameter("pending", OpenApiTypes.BOOL, description="Chỉ các lượt chưa thực hiện"),
        ],
    ),
    post=extend_schema(
        summary="Lên lịch hậu kiểm (theo vi phạm hoặc quyết định)",
        request=FollowUpCreateSerializer,
        responses={201: FollowUpSerializer},
    ),
)
class FollowUpListView(generics.ListAPIView):
    serializer_class = FollowUpSerializer

    def get_queryset(self) -> QuerySet[FollowUp]:
        _require_view(self.request)
        return selectors.follow_ups_visible_to(
            _user(self.request), **_filters(FollowUpFilterSerializer, self.request)
        )

    def post(self, request: Request) -> Response:
        _require_view(request)
        body = _body(FollowUpCreateSerializer, request)
        follow_up = services.follow_up_schedule(actor=_user(request), **body.validated_data)
        return Response(FollowUpSerializer(follow_up).data, status=status.HTTP_201_CREATED)


@extend_schema(summary="Chi tiết hậu kiểm (404 nếu ngoài phạm vi)")
class FollowUpDetailView(generics.RetrieveAPIView):
    serializer_class = FollowUpSerializer

    def get_object(self) -> FollowUp:
        _require_view(self.request)
        return selectors.follow_up_get(_user(self.request), self.kwargs["follow_up_id"])
