"""/api/v1/public/tips/: the portal for apps (no account). Mirrors the pages: same services, same captcha,
same rate limits (a throttle of its own, counting an HMAC of the address), no-store, nothing about the client
kept. The receipt travels in request bodies only, never in a URL. CSRF does not apply: these views take no
cookie or session (no authentication at all)."""

from __future__ import annotations

from typing import Any, NoReturn

from auditlog.context import disable_auditlog, set_extra_data
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from pcmd.agencies.api import VietnameseSerializer
from pcmd.tips import captcha, selectors, services, throttling, workflow
from pcmd.tips.models import Tip, TipCategory
from pcmd.tips.public_views import RECEIPT_NOT_FOUND
from pcmd.tips.services.common import CONTENT_MAX, MESSAGE_MAX, PLACE_MAX

UNKNOWN_PROVINCE = _("Không có tỉnh, thành phố hiện hành mã «%(code)s».")
UNKNOWN_COMMUNE = _("Không có xã, phường mã «%(code)s» thuộc tỉnh, thành phố đã chọn.")


class PortalThrottle(BaseThrottle):
    bucket = throttling.SUBMIT

    def allow_request(self, request: Request, view: APIView) -> bool:
        return throttling.allow(request._request, self.bucket)


class SubmitThrottle(PortalThrottle):
    bucket = throttling.SUBMIT


class LookupThrottle(PortalThrottle):
    bucket = throttling.LOOKUP


class PortalAPIView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        with (
            disable_auditlog(),
            set_extra_data(context_data={"actor": None, "remote_addr": None, "remote_port": None}),
        ):
            response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["Referrer-Policy"] = "same-origin"
        return response

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        raise exceptions.Throttled(detail=str(throttling.TOO_MANY_REQUESTS))


def _not_found() -> Response:
    return Response(
        {"detail": str(RECEIPT_NOT_FOUND), "code": "not_found", "errors": {}},
        status=status.HTTP_404_NOT_FOUND,
    )


# --- serializers --------------------------------------------------------------------------------------------


class PublicMessageSerializer(serializers.Serializer):
    sender = serializers.CharField()
    sender_display = serializers.CharField(source="get_sender_display")
    body = serializers.CharField()
    sent_at = serializers.DateTimeField(source="created_at")


class PublicStatusSerializer(serializers.Serializer):
    status = serializers.CharField()
    status_display = serializers.CharField(source="get_status_display")
    category = serializers.CharField()
    category_display = serializers.CharField(source="get_category_display")
    received_at = serializers.DateTimeField()
    outcome = serializers.CharField()
    outcome_display = serializers.CharField(source="get_outcome_display")
    can_reply = serializers.SerializerMethodField()
    messages = serializers.SerializerMethodField()

    def get_can_reply(self, tip: Tip) -> bool:
        return tip.status in workflow.REPLY_STATUSES

    @extend_schema_field(PublicMessageSerializer(many=True))
    def get_messages(self, tip: Tip) -> list[dict[str, Any]]:
        return list(PublicMessageSerializer(selectors.citizen_messages(tip), many=True).data)


class ReceiptInputSerializer(VietnameseSerializer):
    receipt = serializers.CharField(max_length=60, help_text="Mã tiếp nhận (có hoặc không có dấu gạch).")


class ReplyInputSerializer(ReceiptInputSerializer):
    body = serializers.CharField(max_length=MESSAGE_MAX)


class SubmitInputSerializer(VietnameseSerializer):
    category = serializers.ChoiceField(choices=TipCategory.choices)
    province = serializers.CharField(max_length=2, help_text="Mã tỉnh, thành phố (2 chữ số).")
    commune = serializers.CharField(
        max_length=5, required=False, allow_blank=True, default="", help_text="Mã xã, phường (5 chữ số)."
    )
    place = serializers.CharField(max_length=PLACE_MAX, required=False, allow_blank=True, default="")
    content = serializers.CharField(max_length=CONTENT_MAX)
    attachments = serializers.ListField(
        child=serializers.FileField(), required=False, default=list, help_text="Ảnh, tài liệu (multipart)."
    )
    full_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    email = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    captcha_key = serializers.CharField(max_length=40, help_text="Khóa lấy từ /api/v1/public/tips/captcha/.")
    captcha_answer = serializers.CharField(max_length=10, help_text="Kết quả phép tính trong ảnh.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        province = selectors.portal_provinces().filter(code=attrs["province"]).first()
        if province is None:
            raise serializers.ValidationError({"province": [UNKNOWN_PROVINCE % {"code": attrs["province"]}]})
        commune = None
        if attrs["commune"]:
            commune = selectors.portal_communes(province.code).filter(code=attrs["commune"]).first()
            if commune is None:
                raise serializers.ValidationError({"commune": [UNKNOWN_COMMUNE % {"code": attrs["commune"]}]})
        attrs["province"], attrs["commune"] = province, commune
        return attrs


class ReceiptOutputSerializer(serializers.Serializer):
    receipt = serializers.CharField(help_text="Chỉ trả về một lần; hệ thống không lưu mã.")
    status = serializers.CharField()
    received_at = serializers.DateTimeField()


class CaptchaOutputSerializer(serializers.Serializer):
    captcha_key = serializers.CharField()
    image_url = serializers.CharField()


class UnitOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


# --- views --------------------------------------------------------------------------------------------------


class PublicTipSubmitView(PortalAPIView):
    throttle_classes = [SubmitThrottle]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        summary="Gửi tin báo (không cần tài khoản; multipart để kèm tệp)",
        request={"multipart/form-data": SubmitInputSerializer, "application/json": SubmitInputSerializer},
        responses={201: ReceiptOutputSerializer},
    )
    def post(self, request: Request) -> Response:
        data = SubmitInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if not captcha.challenge_passes(values["captcha_key"], values["captcha_answer"]):
            raise exceptions.ValidationError({"captcha_answer": [str(captcha.CAPTCHA_WRONG)]})
        submitted = services.tip_submit_public(
            category=values["category"],
            province=values["province"],
            location_unit=values["commune"],
            place=values["place"],
            content=values["content"],
            attachments=request.FILES.getlist("attachments"),
            contact=services.Contact(
                full_name=values["full_name"],
                phone=values["phone"],
                email=values["email"],
                address=values["address"],
            ),
        )
        payload = {
            "receipt": submitted.receipt,
            "status": submitted.tip.status,
            "received_at": submitted.tip.received_at,
        }
        return Response(ReceiptOutputSerializer(payload).data, status=status.HTTP_201_CREATED)


class PublicTipStatusView(PortalAPIView):
    throttle_classes = [LookupThrottle]

    @extend_schema(
        summary="Tình trạng tin báo và trao đổi, theo mã tiếp nhận (mã sai hay không tồn tại đều trả 404)",
        request=ReceiptInputSerializer,
        responses={200: PublicStatusSerializer},
    )
    def post(self, request: Request) -> Response:
        data = ReceiptInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        tip = selectors.tip_by_receipt(data.validated_data["receipt"])
        if tip is None:
            return _not_found()
        return Response(PublicStatusSerializer(tip).data)


class PublicTipMessageView(PortalAPIView):
    throttle_classes = [LookupThrottle]

    @extend_schema(
        summary="Trả lời cơ quan tiếp nhận, theo mã tiếp nhận",
        request=ReplyInputSerializer,
        responses={201: PublicStatusSerializer},
    )
    def post(self, request: Request) -> Response:
        data = ReplyInputSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        tip = selectors.tip_by_receipt(data.validated_data["receipt"])
        if tip is None:
            return _not_found()
        services.tip_reply_from_citizen(tip=tip, body=data.validated_data["body"])
        return Response(PublicStatusSerializer(tip).data, status=status.HTTP_201_CREATED)


class PublicCaptchaView(PortalAPIView):
    @extend_schema(summary="Một mã kiểm tra mới (ảnh phép tính)", responses={200: CaptchaOutputSerializer})
    def get(self, request: Request) -> Response:
        key = captcha.new_challenge()
        return Response(
            CaptchaOutputSerializer({"captcha_key": key, "image_url": captcha.image_url(key)}).data
        )


class PublicUnitsView(PortalAPIView):
    @extend_schema(
        summary="Danh sách tỉnh, thành phố; hoặc xã, phường của một tỉnh",
        parameters=[
            OpenApiParameter("province", OpenApiTypes.STR, description="Mã tỉnh: trả về các xã, phường")
        ],
        responses={200: UnitOutputSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        code = str(request.query_params.get("province", ""))[:2]
        units = selectors.portal_communes(code) if code else selectors.portal_provinces()
        return Response(UnitOutputSerializer(units, many=True).data)
