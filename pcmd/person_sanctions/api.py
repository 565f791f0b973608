"""/api/v1/person-sanctions/: the tallies (PERSON_SANCTION_MANAGE; 404 outside the jurisdiction) and the
totals per period and act (every reader of the jurisdiction, small counts suppressed). Errors go through
pcmd.core.api_errors (400 with Vietnamese field errors)."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from pcmd.accounts.models import User
from pcmd.agencies.api import VietnameseSerializer
from pcmd.core.privacy import SUPPRESSED
from pcmd.geography.models import AdminUnit
from pcmd.legal.models import LegalProvision
from pcmd.legal.selectors import legal_provisions_for
from pcmd.person_sanctions import policies, selectors, services
from pcmd.person_sanctions.models import PersonSanctionTally, SanctionedAct

UNKNOWN_UNIT = _("Không tìm thấy đơn vị hành chính có mã «%(code)s» trong phạm vi của bạn.")
UNKNOWN_PROVISION = _("Không tìm thấy căn cứ xử phạt có mã %(id)s.")
PERIOD_REVERSED = _("Ngày kết thúc không được trước ngày bắt đầu.")

_FILTER_PARAMETERS = [
    OpenApiParameter("unit", OpenApiTypes.STR, description="Mã đơn vị (kể cả cấp dưới)"),
    OpenApiParameter("year", OpenApiTypes.INT, description="Kỳ thống kê giao với năm này"),
    OpenApiParameter("period_from", OpenApiTypes.DATE, description="Kỳ kết thúc từ ngày này trở đi"),
    OpenApiParameter("period_to", OpenApiTypes.DATE, description="Kỳ bắt đầu đến ngày này"),
    OpenApiParameter("act", OpenApiTypes.STR, enum=SanctionedAct.values, description="Hành vi"),
]


class TallyInputSerializer(VietnameseSerializer):
    def unit_from_code(self, code: str) -> AdminUnit:
        unit = selectors.sanction_units_for(self.user).filter(code=code.strip()).first()
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_UNIT % {"code": code})
        return unit

    def provision_from_id(self, provision_id: int) -> LegalProvision:
        # Any provision of the legal table: the service explains why one not for individuals is refused.
        provision = legal_provisions_for(self.user).filter(pk=provision_id).first()
        if provision is None:
            raise serializers.ValidationError(UNKNOWN_PROVISION % {"id": provision_id})
        return provision


# --- output -------------------------------------------------------------------------------------------------


class TallyUnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class TallyProvisionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    act = serializers.CharField()


class TallySerializer(serializers.ModelSerializer):
    unit = TallyUnitSerializer()
    provision = TallyProvisionSerializer()
    act_display = serializers.CharField(source="get_act_display")

    class Meta:
        model = PersonSanctionTally
        fields = [
            "id",
            "unit",
            "period_start",
            "period_end",
            "act",
            "act_display",
            "provision",
            "persons_count",
            "decisions_count",
            "total_fines",
            "note",
            "version",
            "created_at",
            "updated_at",
        ]


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string", "enum": [SUPPRESSED]}]})
class SanctionCountField(serializers.Field):
    """A count, or "<5" when suppressed for the reader."""

    def to_representation(self, value: Any) -> Any:
        return value


class SummaryRowSerializer(serializers.Serializer):
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    act = serializers.CharField()
    act_display = serializers.CharField()
    persons = SanctionCountField()
    decisions = SanctionCountField()
    total_fines = serializers.IntegerField(allow_null=True, help_text="Để trống khi số người được ẩn (<5).")


class SummarySerializer(serializers.Serializer):
    suppressed = serializers.BooleanField(help_text="Số từ 1 đến 4 được thay bằng «<5».")
    rows = SummaryRowSerializer(many=True)


# --- input --------------------------------------------------------------------------------------------------


class TallyFilterSerializer(TallyInputSerializer):
    unit = serializers.CharField(required=False, max_length=5)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
    period_from = serializers.DateField(required=False)
    period_to = serializers.DateField(required=False)
    act = serializers.ChoiceField(required=False, choices=SanctionedAct.choices)

    def validate_unit(self, code: str) -> AdminUnit:
        return self.unit_from_code(code)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("period_from"), attrs.get("period_to")
        if start and end and end < start:
            raise serializers.ValidationError({"period_to": [PERIOD_REVERSED]})
        return attrs


class TallyCreateSerializer(TallyInputSerializer):
    unit = serializers.CharField(max_length=5, help_text="Mã đơn vị (tỉnh hoặc xã) trong phạm vi.")
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    act = serializers.ChoiceField(choices=SanctionedAct.choices)
    provision = serializers.IntegerField(help_text="Mã (id) căn cứ xử phạt áp dụng cho cá nhân.")
    persons_count = serializers.IntegerField(min_value=0)
    decisions_count = serializers.IntegerField(min_value=0)
    total_fines = serializers.IntegerField(min_value=0, required=False, default=0)
    note = serializers.CharField(required=False, allow_blank=True, default="")

    def validate_unit(self, code: str) -> AdminUnit:
        return self.unit_from_code(code)

    def validate_provision(self, provision_id: int) -> LegalProvision:
        return self.provision_from_id(provision_id)


class TallyUpdateSerializer(TallyInputSerializer):
    version = serializers.IntegerField(help_text="Phiên bản đã đọc; sửa trên bản cũ bị từ chối.")
    period_start = serializers.DateField(required=False)
    period_end = serializers.DateField(required=False)
    act = serializers.ChoiceField(choices=SanctionedAct.choices, required=False)
    provision = serializers.IntegerField(required=False)
    persons_count = serializers.IntegerField(min_value=0, required=False)
    decisions_count = serializers.IntegerField(min_value=0, required=False)
    total_fines = serializers.IntegerField(min_value=0, required=False)
    note = serializers.CharField(required=False, allow_blank=True)

    def validate_provision(self, provision_id: int) -> LegalProvision:
        return self.provision_from_id(provision_id)


# --- views --------------------------------------------------------------------------------------------------


def _user(request: Request) -> User:
    return cast(User, request.user)


def _require_manage(request: Request) -> None:
    if not policies.can_manage_person_sanctions(_user(request)):
        raise PermissionDenied


def _filters(request: Request) -> dict[str, Any]:
    data = TallyFilterSerializer(data=request.query_params, context={"request": request})
    data.is_valid(raise_exception=True)
    return dict(data.validated_data)


@extend_schema_view(
    get=extend_schema(
        summary="Số liệu xử phạt hành chính cá nhân theo đơn vị", parameters=_FILTER_PARAMETERS
    ),
    post=extend_schema(
        summary="Nhập số liệu xử phạt của một đơn vị, kỳ, hành vi, căn cứ",
        request=TallyCreateSerializer,
        responses={201: TallySerializer},
    ),
)
class TallyListView(generics.ListAPIView):
    serializer_class = TallySerializer

    def get_queryset(self) -> QuerySet[PersonSanctionTally]:
        _require_manage(self.request)
        return selectors.tallies_visible_to(_user(self.request), **_filters(self.request))

    def post(self, request: Request) -> Response:
        _require_manage(request)
        data = TallyCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        tally = services.tally_create(actor=_user(request), **data.validated_data)
        return Response(TallySerializer(tally).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Chi tiết số liệu xử phạt (404 nếu ngoài phạm vi)"),
    patch=extend_schema(
        summary="Sửa số liệu xử phạt (cần phiên bản hiện tại)",
        request=TallyUpdateSerializer,
        responses={200: TallySerializer},
    ),
)
class TallyDetailView(generics.RetrieveAPIView):
    serializer_class = TallySerializer

    def get_object(self) -> PersonSanctionTally:
        _require_manage(self.request)
        return selectors.tally_get(_user(self.request), self.kwargs["tally_id"])

    def patch(self, request: Request, tally_id: int) -> Response:
        tally = self.get_object()
        data = TallyUpdateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        version = changes.pop("version")
        tally = services.tally_update(actor=_user(request), tally=tally, version=version, changes=changes)
        return Response(TallySerializer(tally).data)


@extend_schema(
    summary="Tổng hợp theo kỳ và hành vi trong phạm vi (số từ 1 đến 4 được ẩn nếu không quản lý số liệu)",
    parameters=_FILTER_PARAMETERS,
    responses={200: SummarySerializer},
)
class TallySummaryView(generics.GenericAPIView):
    serializer_class = SummarySerializer
    pagination_class = None

    def get(self, request: Request) -> Response:
        if not policies.can_view_person_sanction_statistics(_user(request)):
            raise PermissionDenied
        summary = selectors.person_sanction_summary(_user(request), **_filters(request))
        return Response(SummarySerializer(summary).data)
