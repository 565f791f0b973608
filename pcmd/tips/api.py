"""/api/v1/tips/ for officers: the queue, a tip, its transitions and its messages. The same selectors (404
outside the jurisdiction) and services as the pages. No payload ever carries the informant; lists carry no
content either. Reading a tip's detail writes the access log."""

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
from pcmd.agencies.selectors import unit_get_by_code
from pcmd.geography.models import AdminUnit
from pcmd.tips import policies, selectors, services, workflow
from pcmd.tips.models import Tip, TipCategory, TipEvent, TipMessage, TipOutcome, TipStatus

UNKNOWN_UNIT = _("Không tìm thấy đơn vị hành chính có mã «%(code)s» trong phạm vi của bạn.")
UNKNOWN_ESTABLISHMENT = _("Không tìm thấy cơ sở có mã %(id)s trong phạm vi của bạn và tỉnh của tin.")
UNKNOWN_HOTSPOT = _("Không tìm thấy điểm phức tạp có mã %(id)s trong phạm vi của bạn và tỉnh của tin.")


def _user(request: Request) -> User:
    return cast(User, request.user)


def _require_handler(request: Request) -> None:
    if not policies.can_handle_tips(_user(request)):
        raise PermissionDenied


# --- output -------------------------------------------------------------------------------------------------


class TipUnitRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class TipAgencyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class TipListSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    channel_display = serializers.CharField(source="get_channel_display")
    category_display = serializers.CharField(source="get_category_display")
    status_display = serializers.CharField(source="get_status_display")
    routed_unit = TipUnitRefSerializer()
    routed_agency = TipAgencyRefSerializer(allow_null=True)
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Tip
        fields = [
            "id",
            "reference",
            "channel",
            "channel_display",
            "category",
            "category_display",
            "status",
            "status_display",
            "routed_unit",
            "routed_agency",
            "received_at",
            "stage_due_at",
            "is_overdue",
            "late_stages",
            "outcome",
            "handled_at",
            "version",
        ]


class TipAttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()


class TipDetailSerializer(TipListSerializer):
    province = TipUnitRefSerializer()
    location_unit = TipUnitRefSerializer(allow_null=True)
    attachments = TipAttachmentSerializer(many=True)
    has_informant = serializers.SerializerMethodField(
        help_text="Người báo tin có để lại liên hệ (không kèm nội dung)."
    )
    allowed_transitions = serializers.SerializerMethodField(help_text="Trạng thái có thể chuyển sang.")

    class Meta(TipListSerializer.Meta):
        fields = [
            *TipListSerializer.Meta.fields,
            "province",
            "location_unit",
            "place",
            "content",
            "source_reference",
            "establishment",
            "hotspot",
            "inspection",
            "criminal_case",
            "persons_count",
            "outcome_reference",
            "attachments",
            "has_informant",
            "allowed_transitions",
        ]

    def get_has_informant(self, tip: Tip) -> bool:
        return selectors.tip_has_informant(tip)

    def get_allowed_transitions(self, tip: Tip) -> list[str]:
        return workflow.allowed_targets(tip.status)


class TipEventSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")
    from_unit: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)
    to_unit: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="code", read_only=True)
    actor: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = TipEvent
        fields = [
            "kind",
            "kind_display",
            "from_status",
            "to_status",
            "from_unit",
            "to_unit",
            "actor",
            "note",
            "stage_on_time",
            "created_at",
        ]


class TipMessageSerializer(serializers.ModelSerializer):
    sender_display = serializers.CharField(source="get_sender_display")
    author: serializers.SlugRelatedField = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = TipMessage
        fields = ["id", "sender", "sender_display", "author", "body", "created_at"]


class TransitionsSerializer(serializers.Serializer):
    status = serializers.CharField()
    allowed = serializers.ListField(child=serializers.CharField())
    events = TipEventSerializer(many=True)


# --- input --------------------------------------------------------------------------------------------------


class TipFilterSerializer(VietnameseSerializer):
    status = serializers.ChoiceField(required=False, choices=TipStatus.choices)
    overdue = serializers.BooleanField(required=False, default=False)
    unit = serializers.CharField(required=False, max_length=5)
    category = serializers.ChoiceField(required=False, choices=TipCategory.choices)

    def validate_unit(self, code: str) -> AdminUnit:
        unit = unit_get_by_code(self.user, code)
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_UNIT % {"code": code})
        return unit


class TransitionInputSerializer(VietnameseSerializer):
    to_status = serializers.ChoiceField(choices=TipStatus.choices)
    version = serializers.IntegerField(help_text="Phiên bản đã đọc; thao tác trên bản cũ bị từ chối.")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    category = serializers.ChoiceField(required=False, choices=TipCategory.choices)
    establishment = serializers.IntegerField(required=False, allow_null=True, help_text="Mã (id) cơ sở.")
    hotspot = serializers.IntegerField(required=False, allow_null=True, help_text="Mã (id) điểm phức tạp.")
    persons_count = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=10000)
    outcome = serializers.ChoiceField(required=False, choices=TipOutcome.choices)
    outcome_reference = serializers.CharField(required=False, allow_blank=True, default="", max_length=255)

    def resolve(self, tip: Tip) -> dict[str, Any]:
        data = dict(self.validated_data)
        errors: dict[str, list[str]] = {}
        if data.get("establishment") is not None:
            found = selectors.establishments_for_tip(self.user, tip).filter(pk=data["establishment"]).first()
            if found is None:
                errors["establishment"] = [str(UNKNOWN_ESTABLISHMENT % {"id": data["establishment"]})]
            data["establishment"] = found
        if data.get("hotspot") is not None:
            found_hotspot = selectors.hotspots_for_tip(self.user, tip).filter(pk=data["hotspot"]).first()
            if found_hotspot is None:
                errors["hotspot"] = [str(UNKNOWN_HOTSPOT % {"id": data["hotspot"]})]
            data["hotspot"] = found_hotspot
        if errors:
            raise serializers.ValidationError(errors)
        return data


class MessageInputSerializer(VietnameseSerializer):
    body = serializers.CharField(max_length=5000)


# --- views --------------------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Hàng đợi tin báo, tố giác trong phạm vi của người dùng",
        parameters=[
            OpenApiParameter("status", OpenApiTypes.STR, enum=TipStatus.values, description="Trạng thái"),
            OpenApiParameter("overdue", OpenApiTypes.BOOL, description="Chỉ tin quá hạn giai đoạn"),
            OpenApiParameter("unit", OpenApiTypes.STR, description="Mã đơn vị thụ lý (và cấp dưới)"),
            OpenApiParameter("category", OpenApiTypes.STR, enum=TipCategory.values, description="Loại tin"),
        ],
    )
)
class TipListView(generics.ListAPIView):
    serializer_class = TipListSerializer

    def get_queryset(self) -> QuerySet[Tip]:
        _require_handler(self.request)
        filters = TipFilterSerializer(data=self.request.query_params, context={"request": self.request})
        filters.is_valid(raise_exception=True)
        return selectors.tips_visible_to(_user(self.request), **filters.validated_data)


@extend_schema(summary="Chi tiết tin (404 nếu ngoài phạm vi; ghi nhật ký truy cập)")
class TipDetailView(generics.RetrieveAPIView):
    serializer_class = TipDetailSerializer

    def get_object(self) -> Tip:
        tip = selectors.tip_get(_user(self.request), self.kwargs["tip_id"])
        services.tip_view_record(actor=_user(self.request), tip=tip)
        return tip


@extend_schema_view(
    get=extend_schema(
        summary="Diễn biến xử lý và các bước được phép", responses={200: TransitionsSerializer}
    ),
    post=extend_schema(
        summary="Chuyển tin sang bước tiếp theo",
        request=TransitionInputSerializer,
        responses={200: TipDetailSerializer},
    ),
)
class TipTransitionView(generics.GenericAPIView):
    serializer_class = TransitionsSerializer

    def get(self, request: Request, tip_id: int) -> Response:
        tip = selectors.tip_get(_user(request), tip_id)
        payload = {
            "status": tip.status,
            "allowed": workflow.allowed_targets(tip.status),
            "events": selectors.tip_events(tip),
        }
        return Response(TransitionsSerializer(payload).data)

    def post(self, request: Request, tip_id: int) -> Response:
        user = _user(request)
        tip = selectors.tip_get(user, tip_id)
        data = TransitionInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        services.tip_transition(actor=user, tip=tip, **data.resolve(tip))
        return Response(TipDetailSerializer(selectors.tip_get(user, tip_id)).data)


@extend_schema_view(
    get=extend_schema(summary="Trao đổi với người báo tin", responses={200: TipMessageSerializer(many=True)}),
    post=extend_schema(
        summary="Gửi tin nhắn cho người báo tin",
        request=MessageInputSerializer,
        responses={201: TipMessageSerializer},
    ),
)
class TipMessageView(generics.GenericAPIView):
    serializer_class = TipMessageSerializer
    pagination_class = None

    def get(self, request: Request, tip_id: int) -> Response:
        tip = selectors.tip_get(_user(request), tip_id)
        return Response(TipMessageSerializer(selectors.tip_messages(tip), many=True).data)

    def post(self, request: Request, tip_id: int) -> Response:
        user = _user(request)
        tip = selectors.tip_get(user, tip_id)
        data = MessageInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        message = services.tip_message_send(actor=user, tip=tip, body=data.validated_data["body"])
        return Response(TipMessageSerializer(message).data, status=status.HTTP_201_CREATED)
