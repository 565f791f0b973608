"""/api/v1/establishments/ and /api/v1/establishment-types/: the same selectors (404 outside the
jurisdiction) and services as the pages. Errors go through pcmd.core.api_errors (400 with Vietnamese field
errors); a possible duplicate is a 400 on "confirm_duplicates", sent again with it set to true to save."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from pcmd.accounts.models import User
from pcmd.agencies.api import VietnameseSerializer
from pcmd.establishments import policies, selectors, services
from pcmd.establishments.models import Establishment, EstablishmentType, Licence, RiskLevel
from pcmd.geography.models import AdminUnit

UNKNOWN_UNIT = _("Không tìm thấy đơn vị hành chính có mã «%(code)s» trong phạm vi của bạn.")
UNKNOWN_COMMUNE = _("Không tìm thấy xã, phường có mã «%(code)s» trong phạm vi của bạn.")
UNKNOWN_TYPE = _("Không có loại hình cơ sở mã «%(code)s».")
FLOAT_INVALID = {"invalid": _("Cần một số.")}
BOOLEAN_INVALID = {"invalid": _("Cần giá trị true hoặc false.")}


# --- output -------------------------------------------------------------------------------------------------


class UnitRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class EstablishmentTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = EstablishmentType
        fields = ["code", "name", "order", "is_active"]


class LicenceSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")

    class Meta:
        model = Licence
        fields = ["id", "kind", "kind_display", "number", "issuer", "issued_on", "expires_on"]


class RiskReasonSerializer(serializers.Serializer):
    level = serializers.CharField()
    reason = serializers.CharField()
    # The app that raised the signal ("inspections", "hotspots", ...); "source" is taken by DRF's Field.
    origin = serializers.CharField(source="source")


class EstablishmentSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer()
    type = EstablishmentTypeSerializer()
    status_display = serializers.CharField(source="get_status_display")
    risk_level_display = serializers.CharField(source="get_risk_level_display")
    risk_reasons = RiskReasonSerializer(many=True)
    licences = LicenceSerializer(many=True)

    class Meta:
        model = Establishment
        fields = [
            "id",
            "registry_code",
            "unit",
            "type",
            "name",
            "address",
            "latitude",
            "longitude",
            "owner_name",
            "owner_phone",
            "worker_count",
            "opened_on",
            "status",
            "status_display",
            "risk_level",
            "risk_level_display",
            "risk_computed",
            "risk_override",
            "risk_override_reason",
            "risk_reasons",
            "licences",
            "version",
            "created_at",
            "updated_at",
        ]


# --- input --------------------------------------------------------------------------------------------------


class _EstablishmentInput(VietnameseSerializer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, serializers.FloatField):
                field.error_messages.update(FLOAT_INVALID)
            if isinstance(field, serializers.BooleanField):
                field.error_messages.update(BOOLEAN_INVALID)

    def validate_unit(self, code: str) -> AdminUnit:
        unit = selectors.communes_visible_to(self.user).filter(code=code).first()
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_COMMUNE % {"code": code})
        return unit

    def validate_type(self, code: str) -> EstablishmentType:
        found = selectors.establishment_types(active_only=False).filter(code=code).first()
        if found is None:
            raise serializers.ValidationError(UNKNOWN_TYPE % {"code": code})
        return found


class EstablishmentFilterSerializer(VietnameseSerializer):
    unit = serializers.CharField(required=False, max_length=5, help_text="Mã tỉnh hoặc xã trong phạm vi.")
    type = serializers.CharField(required=False, max_length=40, help_text="Mã loại hình.")
    status = serializers.ChoiceField(required=False, choices=Establishment.Status.choices)
    risk_level = serializers.ChoiceField(required=False, choices=RiskLevel.choices)
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)

    def validate_unit(self, code: str) -> AdminUnit:
        unit = selectors.filter_units_visible_to(self.user).filter(code=code).first()
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_UNIT % {"code": code})
        return unit

    def validate_type(self, code: str) -> EstablishmentType:
        found = selectors.establishment_types(active_only=False).filter(code=code).first()
        if found is None:
            raise serializers.ValidationError(UNKNOWN_TYPE % {"code": code})
        return found


class EstablishmentCreateSerializer(_EstablishmentInput):
    unit = serializers.CharField(max_length=5, help_text="Mã xã, phường (5 chữ số) trong phạm vi.")
    type = serializers.CharField(max_length=40, help_text="Mã loại hình (xem /api/v1/establishment-types/).")
    name = serializers.CharField(max_length=255)
    address = serializers.CharField(max_length=255)
    latitude = serializers.FloatField(required=False, allow_null=True, default=None)
    longitude = serializers.FloatField(required=False, allow_null=True, default=None)
    owner_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    owner_phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    worker_count = serializers.IntegerField(min_value=0, required=False, default=0)
    opened_on = serializers.DateField(required=False, allow_null=True, default=None)
    licence_kind = serializers.ChoiceField(choices=Licence.Kind.choices, required=False)
    licence_number = serializers.CharField(max_length=80, required=False, allow_blank=True, default="")
    licence_issuer = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    licence_issued_on = serializers.DateField(required=False, allow_null=True, default=None)
    licence_expires_on = serializers.DateField(required=False, allow_null=True, default=None)
    confirm_duplicates = serializers.BooleanField(
        required=False, default=False, help_text="Lưu dù có cơ sở có thể trùng (sau khi đã kiểm tra)."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("licence_number") and not attrs.get("licence_kind"):
            raise serializers.ValidationError({"licence_kind": [_("Chọn loại giấy phép.")]})
        return attrs


class EstablishmentUpdateSerializer(_EstablishmentInput):
    version = serializers.IntegerField(help_text="Phiên bản đã đọc; sửa trên bản cũ bị từ chối.")
    unit = serializers.CharField(max_length=5, required=False)
    type = serializers.CharField(max_length=40, required=False)
    name = serializers.CharField(max_length=255, required=False)
    address = serializers.CharField(max_length=255, required=False)
    latitude = serializers.FloatField(required=False, allow_null=True)
    longitude = serializers.FloatField(required=False, allow_null=True)
    owner_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    owner_phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    worker_count = serializers.IntegerField(min_value=0, required=False)
    opened_on = serializers.DateField(required=False, allow_null=True)
    confirm_duplicates = serializers.BooleanField(required=False, default=False)


class StatusChangeSerializer(VietnameseSerializer):
    to_status = serializers.ChoiceField(choices=Establishment.Status.choices)
    reason = serializers.CharField(max_length=2000)
    effective_on = serializers.DateField(required=False, allow_null=True, default=None)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


# --- views --------------------------------------------------------------------------------------------------


def _user(request: Request) -> User:
    """The authenticated user (IsAuthenticated is the API's default permission)."""
    return cast(User, request.user)


def _require_view(request: Request) -> None:
    if not policies.can_view_establishments(_user(request)):
        raise PermissionDenied


def _with_licences(queryset: QuerySet[Establishment]) -> QuerySet[Establishment]:
    return queryset.prefetch_related(Prefetch("licences", queryset=Licence.objects.order_by("kind", "id")))


def _fresh(user: User, establishment: Establishment) -> Establishment:
    return _with_licences(selectors.establishments_visible_to(user)).get(pk=establishment.pk)


@extend_schema_view(
    get=extend_schema(
        summary="Danh sách cơ sở kinh doanh dịch vụ trong phạm vi của người dùng",
        parameters=[
            OpenApiParameter("unit", OpenApiTypes.STR, description="Mã tỉnh hoặc xã, phường"),
            OpenApiParameter("type", OpenApiTypes.STR, description="Mã loại hình"),
            OpenApiParameter(
                "status", OpenApiTypes.STR, enum=Establishment.Status.values, description="Tình trạng"
            ),
            OpenApiParameter(
                "risk_level", OpenApiTypes.STR, enum=RiskLevel.values, description="Mức độ nguy cơ"
            ),
            OpenApiParameter(
                "q", OpenApiTypes.STR, description="Tìm theo tên, địa chỉ, mã cơ sở (không phân biệt dấu)"
            ),
        ],
    ),
    post=extend_schema(
        summary="Đăng ký cơ sở",
        request=EstablishmentCreateSerializer,
        responses={201: EstablishmentSerializer},
    ),
)
class EstablishmentListView(generics.ListAPIView):
    serializer_class = EstablishmentSerializer

    def get_queryset(self) -> QuerySet[Establishment]:
        _require_view(self.request)
        filters = EstablishmentFilterSerializer(
            data=self.request.query_params, context={"request": self.request}
        )
        filters.is_valid(raise_exception=True)
        return _with_licences(
            selectors.establishments_visible_to(_user(self.request), **filters.validated_data)
        )

    def post(self, request: Request) -> Response:
        _require_view(request)
        if not policies.can_manage_establishments(_user(request)):
            raise PermissionDenied
        data = EstablishmentCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        licence = {
            key.removeprefix("licence_"): values.pop(key)
            for key in list(values)
            if key.startswith("licence_")
        }
        licences = [licence] if licence.get("number") else []
        establishment = services.establishment_create(actor=_user(request), **values, licences=licences)
        return Response(
            EstablishmentSerializer(_fresh(_user(request), establishment)).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    get=extend_schema(summary="Chi tiết cơ sở (404 nếu ngoài phạm vi)"),
    patch=extend_schema(
        summary="Sửa cơ sở (cần phiên bản hiện tại)",
        request=EstablishmentUpdateSerializer,
        responses={200: EstablishmentSerializer},
    ),
)
class EstablishmentDetailView(generics.RetrieveAPIView):
    serializer_class = EstablishmentSerializer

    def get_object(self) -> Establishment:
        _require_view(self.request)
        establishment = selectors.establishment_get(_user(self.request), self.kwargs["establishment_id"])
        return _fresh(_user(self.request), establishment)

    def patch(self, request: Request, establishment_id: int) -> Response:
        establishment = self.get_object()
        if not policies.can_manage_establishment(_user(request), establishment):
            raise PermissionDenied
        data = EstablishmentUpdateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        version = changes.pop("version")
        confirm = changes.pop("confirm_duplicates")
        establishment = services.establishment_update(
            actor=_user(request),
            establishment=establishment,
            version=version,
            changes=changes,
            confirm_duplicates=confirm,
        )
        return Response(EstablishmentSerializer(_fresh(_user(request), establishment)).data)


@extend_schema(
    summary="Thay đổi tình trạng hoạt động của cơ sở",
    request=StatusChangeSerializer,
    responses={200: EstablishmentSerializer},
)
class EstablishmentStatusView(generics.GenericAPIView):
    serializer_class = StatusChangeSerializer

    def post(self, request: Request, establishment_id: int) -> Response:
        _require_view(request)
        establishment = selectors.establishment_get(_user(request), establishment_id)
        if not policies.can_manage_establishment(_user(request), establishment):
            raise PermissionDenied
        data = StatusChangeSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        services.establishment_status_change(
            actor=_user(request), establishment=establishment, **data.validated_data
        )
        return Response(EstablishmentSerializer(_fresh(_user(request), establishment)).data)


@extend_schema(summary="Danh mục loại hình cơ sở kinh doanh dịch vụ")
class EstablishmentTypeListView(generics.ListAPIView):
    serializer_class = EstablishmentTypeSerializer

    def get_queryset(self) -> QuerySet[EstablishmentType]:
        _require_view(self.request)
        return selectors.establishment_types(active_only=False)
