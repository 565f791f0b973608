"""The accounts API: /api/v1/auth/token/ (username + password [+ TOTP code] → token) and /api/v1/me/."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, user_logged_in
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from pcmd.accounts import scoping, selectors, services
from pcmd.accounts.api_auth import MEMBERSHIP_HEADER
from pcmd.accounts.forms import INVALID_LOGIN, INVALID_OTP
from pcmd.accounts.lockout import LOCKED_OUT_CODE, locked_out_message
from pcmd.accounts.policies import must_use_two_factor

OTP_REQUIRED = _("Vai trò của tài khoản này cần xác thực hai bước: gửi kèm mã 6 chữ số trong trường otp.")
OTP_NOT_SET_UP = _("Tài khoản chưa cài đặt xác thực hai bước. Hãy đăng nhập giao diện web để cài đặt trước.")


class LockedOut(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_code = LOCKED_OUT_CODE


class TokenObtainSerializer(serializers.Serializer):
    username = serializers.CharField(label=_("Tên đăng nhập"), max_length=150)
    password = serializers.CharField(label=_("Mật khẩu"), trim_whitespace=False, max_length=200)
    otp = serializers.CharField(
        label=_("Mã xác thực hai bước"),
        required=False,
        allow_blank=True,
        max_length=12,
        help_text=_("Bắt buộc với vai trò cần xác thực hai bước khi hệ thống bật yêu cầu này."),
    )


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField()


class TokenObtainView(APIView):
    """Exchange a username and password (and a TOTP code where 2FA is required) for the account's token.

    Failed attempts count toward the same lockout as the login page (django-axes).
    """

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=TokenObtainSerializer,
        responses={
            200: TokenResponseSerializer,
            400: OpenApiResponse(description=_("Sai thông tin đăng nhập")),
            429: OpenApiResponse(description=_("Tài khoản tạm bị khóa")),
        },
        auth=[],
    )
    def post(self, request: Request) -> Response:
        serializer = TokenObtainSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        django_request = request._request
        user: Any = authenticate(django_request, username=data["username"], password=data["password"])
        if getattr(django_request, "axes_locked_out", False):
            raise LockedOut(locked_out_message(django_request))
        if user is None:
            raise exceptions.ValidationError({"non_field_errors": [INVALID_LOGIN]})
        if settings.PCMD_REQUIRE_2FA and must_use_two_factor(user):
            self._check_otp(user, data.get("otp", "").strip())
        # Issuing a token is a login: last_login moves and failures are reset (AXES_RESET_ON_SUCCESS).
        user_logged_in.send(sender=user.__class__, request=django_request, user=user)
        token = services.api_token_issue(actor=user)
        return Response({"token": token.key})

    @staticmethod
    def _check_otp(user: Any, otp: str) -> None:
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            raise exceptions.ValidationError({"otp": [OTP_NOT_SET_UP]})
        if not otp:
            raise exceptions.ValidationError({"otp": [OTP_REQUIRED]})
        try:
            services.totp_check(actor=user, token=otp)
        except DjangoValidationError:
            raise exceptions.ValidationError({"otp": [INVALID_OTP]}) from None


class UnitBriefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = serializers.CharField()


class AgencyBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    short_name = serializers.CharField()


class TeamBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class MembershipSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    role = serializers.CharField()
    role_label = serializers.CharField(source="get_role_display")
    unit = UnitBriefSerializer(allow_null=True)
    agency = AgencyBriefSerializer(allow_null=True)
    team = TeamBriefSerializer(allow_null=True)


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    full_name = serializers.CharField()
    email = serializers.EmailField()
    active_membership = MembershipSerializer(allow_null=True)
    memberships = MembershipSerializer(many=True)
    capabilities = serializers.ListField(child=serializers.CharField())


class MeView(APIView):
    """The caller: who they are, the membership they act under now (see the X-PCMD-Membership header),
    all their memberships in force and the capabilities of the active one."""

    @extend_schema(
        responses=MeSerializer,
        parameters=[
            OpenApiParameter(
                MEMBERSHIP_HEADER,
                type=int,
                location=OpenApiParameter.HEADER,
                required=False,
                description=_(
                    "Mã số một phân công khác của chính bạn, để làm việc với tư cách đó trong lần gọi này."
                ),
            )
        ],
    )
    def get(self, request: Request) -> Response:
        user: Any = request.user
        payload = {
            "id": user.pk,
            "username": user.username,
            "full_name": user.full_name,
            "email": user.email,
            "active_membership": scoping.active_membership(user),
            "memberships": list(selectors.memberships_of(user)),
            "capabilities": sorted(str(c) for c in scoping.capabilities_of(user)),
        }
        return Response(MeSerializer(payload).data)
