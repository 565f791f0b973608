"""/api/v1/hotspots/ and /api/v1/hotspots/{id}/events/: the same selectors (404 outside the jurisdiction) and
services as the pages. Errors go through pcmd.core.api_errors (400 with Vietnamese field errors)."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from pcmd.accounts.models import User
from pcmd.agencies.api import VietnameseSerializer
from pcmd.agencies.models import Agency
from pcmd.establishments.models import Establishment
from pcmd.geography.models import AdminUnit
from pcmd.hotspots import lifecycle, policies, selectors, services
from pcmd.hotspots.models import Hotspot, HotspotEvent

UNKNOWN_COMMUNE = _("Không tìm thấy xã, phường có mã «%(code)s» trong phạm vi của bạn.")
UNKNOWN_AGENCY = _("Không tìm thấy cơ quan có mã %(id)s trong số cơ quan có thể chọn.")
UNKNOWN_ESTABLISHMENT = _("Không tìm thấy cơ sở có mã %(id)s trong phạm vi của bạn.")
NOT_A_NUMBER = _("Cần một số thập phân.")


class HotspotInputSerializer(VietnameseSerializer):
    """Vietnamese messages for decimal fields too, and the look-ups of the hotspot's references."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, serializers.FloatField):
                field.error_messages["invalid"] = NOT_A_NUMBER

    def commune_from_code(self, code: str) -> AdminUnit:
        commune = selectors.communes_for_hotspots(self.user).filter(code=code.strip()).first()
        if commune is None:
            raise serializers.ValidationError(UNKNOWN_COMMUNE % {"code": code})
        return commune

    @property
    def hotspot(self) -> Hotspot | None:
        """The hotspot being edited (its current references stay valid even if closed or deleted since)."""
        return self.context.get("hotspot")

    def identifying_agency(self, agency_id: int) -> Agency:
        keep = self.hotspot.identified_by if self.hotspot else None
        agency = selectors.identifying_agencies_for(self.user, keep=keep).filter(pk=agency_id).first()
        if agency is None:
            raise serializers.ValidationError(UNKNOWN_AGENCY % {"id": agency_id})
        return agency

    def visible_establishment(self, establishment_id: int | None) -> Establishment | None:
        if establishment_id is None:
            return None
        if self.hotspot is not None and self.hotspot.establishment_id == establishment_id:
            return self.hotspot.establishment
        establishment = selectors.establishments_for_hotspots(self.user).filter(pk=establishment_id).first()
        if establishment is None:
            raise serializers.ValidationError(UNKNOWN_ESTABLISHMENT % {"id": establishment_id})
        return establishment


# --- output -------------------------------------------------------------------------------------------------


class HotspotUnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class HotspotAgencySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class HotspotEstablishmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    registry_code = serializers.CharField()


class HotspotSerializer(serializers.ModelSerializer):
    unit = HotspotUnitSerializer()
    kind_display = serializers.CharField(source="get_kind_display")
    status_display = serializers.CharField(source="get_status_display")
    establishment = HotspotEstablishmentSerializer(allow_null=True)
    identified_by = HotspotAgencySerializer()
    allowed_events = serializers.SerializerMethodField(
        help_text="Các loại sự kiện có thể ghi nhận ở trạng thái hiện tại."
    )

    class Meta:
        model = Hotspot
        fields = [
            "id",
            "unit",
            "kind",
            "kind_display",
            "name",
            "description",
            "address",
            "latitude",
            "longitude",
            "establishment",
            "status",
            "status_display",
            "identified_on",
            "identified_by",
            "reactivation_count",
            "last_event_on",
            "allowed_events",
            "version",
            "created_at",
            "updated_at",
        ]

    def get_allowed_events(self, hotspot: Hotspot) -> list[str]:
        return lifecycle.allowed_event_kinds(hotspot.status)


class HotspotEventSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")
    recorded_by = serializers.SerializerMethodField(help_text="Tài khoản người ghi nhận.")

    class Meta:
        model = HotspotEvent
        fields = [
            "id",
            "kind",
            "kind_display",
            "occurred_on",
            "from_status",
            "to_status",
            "note",
            "recorded_by",
        ]

    def get_recorded_by(self, event: HotspotEvent) -> str | None:
        return event.recorded_by.username if event.recorded_by else None


class HotspotEventRecordedSerializer(HotspotEventSerializer):
    hotspot = HotspotSerializer(help_text="Điểm phức tạp sau khi ghi nhận (trạng thái, phiên bản mới).")

    class Meta(HotspotEventSerializer.Meta):
        fields = [*HotspotEventSerializer.Meta.fields, "hotspot"]


# --- input --------------------------------------------------------------------------------------------------


class HotspotFilterSerializer(VietnameseSerializer):
    unit = serializers.CharField(
        required=False, max_length=5, help_text="Mã đơn vị hành chính (tỉnh hoặc xã): điểm của đơn vị đó."
    )
    status = serializers.ChoiceField(required=False, choices=Hotspot.Status.choices)
    kind = serializers.ChoiceField(required=False, choices=Hotspot.Kind.choices)
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)

    def validate_unit(self, code: str) -> AdminUnit:
        return self.unit_from_code(code)


class HotspotCreateSerializer(HotspotInputSerializer):
    unit = serializers.CharField(max_length=5, help_text="Mã xã, phường trong phạm vi của người dùng.")
    kind = serializers.ChoiceField(choices=Hotspot.Kind.choices)
    name = serializers.CharField(max_length=255)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    latitude = serializers.FloatField(required=False, allow_null=True, default=None)
    longitude = serializers.FloatField(required=False, allow_null=True, default=None)
    establishment = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Mã (id) cơ sở; bắt buộc với điểm tại cơ sở."
    )
    identified_on = serializers.DateField()
    identified_by = serializers.IntegerField(help_text="Mã (id) cơ quan phát hiện.")
    note = serializers.CharField(required=False, allow_blank=True, default="")

    def validate_unit(self, code: str) -> AdminUnit:
        return self.commune_from_code(code)

    def validate_identified_by(self, agency_id: int) -> Agency:
        return self.identifying_agency(agency_id)

    def validate_establishment(self, establishment_id: int | None) -> Establishment | None:
        return self.visible_establishment(establishment_id)


class HotspotUpdateSerializer(HotspotInputSerializer):
    version = serializers.IntegerField(help_text="Phiên bản đã đọc; sửa trên bản cũ bị từ chối.")
    unit = serializers.CharField(max_length=5, required=False)
    kind = serializers.ChoiceField(choices=Hotspot.Kind.choices, required=False)
    name = serializers.CharField(max_length=255, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    address = serializers.CharField(max_length=255, required=False, allow_blank=True)
    latitude = serializers.FloatField(required=False, allow_null=True)
    longitude = serializers.FloatField(required=False, allow_null=True)
    establishment = serializers.IntegerField(required=False, allow_null=True)
    identified_on = serializers.DateField(required=False)
    identified_by = serializers.IntegerField(required=False)

    def validate_unit(self, code: str) -> AdminUnit:
        return self.commune_from_code(code)

    def validate_identified_by(self, agency_id: int) -> Agency:
        return self.identifying_agency(agency_id)

    def validate_establishment(self, establishment_id: int | None) -> Establishment | None:
        return self.visible_establishment(establishment_id)


class HotspotEventCreateSerializer(VietnameseSerializer):
    # Every kind is a valid choice (one enum in the schema); the service refuses the identification and any
    # move the lifecycle table does not allow, with its own message.
    kind = serializers.ChoiceField(choices=HotspotEvent.Kind.choices)
    occurred_on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(help_text="Phiên bản của điểm phức tạp đã đọc; bản cũ bị từ chối.")


# --- views --------------------------------------------------------------------------------------------------


def _user(request: Request) -> User:
    """The authenticated user (IsAuthenticated is the API's default permission)."""
    return cast(User, request.user)


def _require_view(request: Request) -> None:
    if not policies.can_view_hotspots(_user(request)):
        raise PermissionDenied


@extend_schema_view(
    get=extend_schema(
        summary="Danh sách điểm phức tạp trong phạm vi của người dùng",
        parameters=[
            OpenApiParameter("unit", OpenApiTypes.STR, description="Mã đơn vị hành chính (tỉnh hoặc xã)"),
            OpenApiParameter(
                "status", OpenApiTypes.STR, enum=Hotspot.Status.values, description="Trạng thái"
            ),
            OpenApiParameter("kind", OpenApiTypes.STR, enum=Hotspot.Kind.values, description="Loại điểm"),
            OpenApiParameter(
                "q", OpenApiTypes.STR, description="Tìm theo tên, địa chỉ; không phân biệt dấu và hoa thường"
            ),
        ],
    ),
    post=extend_schema(
        summary="Thêm điểm phức tạp mới phát hiện",
        request=HotspotCreateSerializer,
        responses={201: HotspotSerializer},
    ),
)
class HotspotListView(generics.ListAPIView):
    serializer_class = HotspotSerializer

    def get_queryset(self) -> QuerySet[Hotspot]:
        _require_view(self.request)
        filters = HotspotFilterSerializer(data=self.request.query_params, context={"request": self.request})
        filters.is_valid(raise_exception=True)
        return selectors.hotspots_visible_to(_user(self.request), **filters.validated_data)

    def post(self, request: Request) -> Response:
        if not policies.can_manage_hotspots(_user(request)):
            raise PermissionDenied
        data = HotspotCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        hotspot = services.hotspot_create(actor=_user(request), **data.validated_data)
        return Response(HotspotSerializer(hotspot).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Chi tiết điểm phức tạp (404 nếu ngoài phạm vi)"),
    patch=extend_schema(
        summary="Sửa thông tin điểm phức tạp (cần phiên bản hiện tại)",
        request=HotspotUpdateSerializer,
        responses={200: HotspotSerializer},
    ),
)
class HotspotDetailView(generics.RetrieveAPIView):
    serializer_class = HotspotSerializer

    def get_object(self) -> Hotspot:
        _require_view(self.request)
        return selectors.hotspot_get(_user(self.request), self.kwargs["hotspot_id"])

    def patch(self, request: Request, hotspot_id: int) -> Response:
        hotspot = self.get_object()
        if not policies.can_manage_hotspot(_user(request), hotspot):
            raise PermissionDenied
        data = HotspotUpdateSerializer(data=request.data, context={"request": request, "hotspot": hotspot})
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        version = changes.pop("version")
        hotspot = services.hotspot_update(
            actor=_user(request), hotspot=hotspot, version=version, changes=changes
        )
        return Response(HotspotSerializer(hotspot).data)


@extend_schema_view(
    get=extend_schema(summary="Diễn biến của điểm phức tạp (cũ trước, mới sau)"),
    post=extend_schema(
        summary="Ghi nhận diễn biến: chuyển trạng thái, kiểm tra theo dõi hoặc tái hoạt động",
        request=HotspotEventCreateSerializer,
        responses={201: HotspotEventRecordedSerializer},
    ),
)
class HotspotEventListView(generics.ListAPIView):
    serializer_class = HotspotEventSerializer

    def _hotspot(self) -> Hotspot:
        _require_view(self.request)
        return selectors.hotspot_get(_user(self.request), self.kwargs["hotspot_id"])

    def get_queryset(self) -> QuerySet[HotspotEvent]:
        return selectors.hotspot_events(self._hotspot())

    def post(self, request: Request, hotspot_id: int) -> Response:
        hotspot = self._hotspot()
        if not policies.can_manage_hotspot(_user(request), hotspot):
            raise PermissionDenied
        data = HotspotEventCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        event = services.hotspot_event_record(actor=_user(request), hotspot=hotspot, **data.validated_data)
        return Response(HotspotEventRecordedSerializer(event).data, status=status.HTTP_201_CREATED)
