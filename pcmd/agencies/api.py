"""/api/v1/agencies/ and /api/v1/teams/: the same selectors (404 outside the jurisdiction) and services as the
pages. Errors go through pcmd.core.api_errors (400 with Vietnamese field errors)."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from pcmd.accounts.models import User
from pcmd.agencies import policies, selectors, services
from pcmd.agencies.models import Agency, AgencyKind, InspectionTeam, TeamMember
from pcmd.geography.models import AdminUnit

UNKNOWN_UNIT = _("Không tìm thấy đơn vị hành chính có mã «%(code)s» trong phạm vi của bạn.")
UNKNOWN_AGENCY = _("Không tìm thấy cơ quan có mã %(id)s trong phạm vi của bạn.")

# DRF's own messages are only partly translated into Vietnamese: every field used here gets these.
VIETNAMESE_FIELD_MESSAGES = {
    "required": _("Trường này là bắt buộc."),
    "null": _("Trường này không được để trống."),
    "blank": _("Trường này không được để trắng."),
    "max_length": _("Tối đa {max_length} ký tự."),
    "invalid_choice": _("«{input}» không phải là lựa chọn hợp lệ."),
}
VIETNAMESE_TYPE_MESSAGES = {
    serializers.DateField: {"invalid": _("Ngày không hợp lệ. Dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd.")},
    serializers.IntegerField: {"invalid": _("Cần một số nguyên."), "max_string_length": _("Số quá lớn.")},
    serializers.CharField: {"invalid": _("Cần một chuỗi ký tự.")},
}
NOT_AN_OBJECT = _("Dữ liệu gửi lên phải là một đối tượng JSON.")


class VietnameseSerializer(serializers.Serializer):
    """Input serializer whose field messages are Vietnamese."""

    default_error_messages = {"invalid": NOT_AN_OBJECT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages.update(
                {
                    key: message
                    for key, message in VIETNAMESE_FIELD_MESSAGES.items()
                    if key in field.error_messages
                }
            )
            for field_type, messages in VIETNAMESE_TYPE_MESSAGES.items():
                if isinstance(field, field_type):
                    field.error_messages.update(messages)

    @property
    def user(self) -> User:
        return cast(User, self.context["request"].user)

    def unit_from_code(self, code: str) -> AdminUnit:
        unit = selectors.unit_get_by_code(self.user, code)
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_UNIT % {"code": code})
        return unit

    def visible_agency(self, agency_id: int) -> Agency:
        agency = selectors.agencies_visible_to(self.user).filter(pk=agency_id).first()
        if agency is None:
            raise serializers.ValidationError(UNKNOWN_AGENCY % {"id": agency_id})
        return agency


# --- output -------------------------------------------------------------------------------------------------


class AgencyUnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = serializers.CharField()


class AgencyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class AgencySerializer(serializers.ModelSerializer):
    unit = AgencyUnitSerializer()
    kind_display = serializers.CharField(source="get_kind_display")
    is_active = serializers.SerializerMethodField(help_text="Đang hoạt động hôm nay.")

    class Meta:
        model = Agency
        fields = [
            "id",
            "unit",
            "kind",
            "kind_display",
            "name",
            "short_name",
            "valid_from",
            "valid_to",
            "is_active",
            "version",
            "created_at",
            "updated_at",
        ]

    def get_is_active(self, agency: Agency) -> bool:
        return agency.is_active_on(timezone.localdate())


class TeamMemberSerializer(serializers.ModelSerializer):
    agency = AgencyRefSerializer()
    team_role_display = serializers.CharField(source="get_team_role_display")
    username = serializers.SerializerMethodField(help_text="Tài khoản PCMD của thành viên (nếu có).")

    class Meta:
        model = TeamMember
        fields = [
            "id",
            "agency",
            "full_name",
            "position",
            "team_role",
            "team_role_display",
            "joined_on",
            "left_on",
            "username",
        ]

    def get_username(self, member: TeamMember) -> str | None:
        return member.user.username if member.user_id else None  # type: ignore[union-attr]


class TeamSerializer(serializers.ModelSerializer):
    unit = AgencyUnitSerializer()
    lead_agency = AgencyRefSerializer()
    members = TeamMemberSerializer(many=True)

    class Meta:
        model = InspectionTeam
        fields = [
            "id",
            "unit",
            "name",
            "lead_agency",
            "established_by",
            "established_on",
            "dissolved_on",
            "version",
            "members",
            "created_at",
            "updated_at",
        ]


# --- input --------------------------------------------------------------------------------------------------


class AgencyFilterSerializer(VietnameseSerializer):
    unit = serializers.CharField(
        required=False, max_length=5, help_text="Mã đơn vị hành chính (tỉnh hoặc xã)."
    )
    kind = serializers.ChoiceField(required=False, choices=AgencyKind.choices)
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)

    def validate_unit(self, code: str) -> AdminUnit:
        return self.unit_from_code(code)


class TeamFilterSerializer(VietnameseSerializer):
    unit = serializers.CharField(required=False, max_length=5)
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)

    def validate_unit(self, code: str) -> AdminUnit:
        return self.unit_from_code(code)


class AgencyCreateSerializer(VietnameseSerializer):
    unit = serializers.CharField(max_length=5, help_text="Mã đơn vị hành chính trong phạm vi của người dùng.")
    kind = serializers.ChoiceField(choices=AgencyKind.choices)
    name = serializers.CharField(max_length=255)
    short_name = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    valid_from = serializers.DateField(required=False, allow_null=True, default=None)
    valid_to = serializers.DateField(required=False, allow_null=True, default=None)

    def validate_unit(self, code: str) -> AdminUnit:
        return self.unit_from_code(code)


class AgencyUpdateSerializer(VietnameseSerializer):
    version = serializers.IntegerField(help_text="Phiên bản đã đọc; sửa trên bản cũ bị từ chối.")
    kind = serializers.ChoiceField(choices=AgencyKind.choices, required=False)
    name = serializers.CharField(max_length=255, required=False)
    short_name = serializers.CharField(max_length=60, required=False, allow_blank=True)
    valid_from = serializers.DateField(required=False, allow_null=True)
    valid_to = serializers.DateField(required=False, allow_null=True)


class TeamCreateSerializer(VietnameseSerializer):
    unit = serializers.CharField(max_length=5)
    name = serializers.CharField(max_length=255)
    lead_agency = serializers.IntegerField(help_text="Mã (id) cơ quan chủ trì.")
    established_by = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    established_on = serializers.DateField(required=False, allow_null=True, default=None)

    def validate_unit(self, code: str) -> AdminUnit:
        return self.unit_from_code(code)

    def validate_lead_agency(self, agency_id: int) -> Agency:
        return self.visible_agency(agency_id)


class TeamMemberCreateSerializer(VietnameseSerializer):
    agency = serializers.IntegerField(help_text="Mã (id) cơ quan cử thành viên.")
    full_name = serializers.CharField(max_length=150)
    position = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    team_role = serializers.ChoiceField(
        choices=TeamMember.TeamRole.choices, required=False, default=TeamMember.TeamRole.MEMBER
    )
    joined_on = serializers.DateField(required=False, allow_null=True, default=None)

    def validate_agency(self, agency_id: int) -> Agency:
        return self.visible_agency(agency_id)


# --- views --------------------------------------------------------------------------------------------------


def _user(request: Request) -> User:
    """The authenticated user (IsAuthenticated is the API's default permission)."""
    return cast(User, request.user)


def _require_view(request: Request) -> None:
    if not policies.can_view_agencies(_user(request)):
        raise PermissionDenied


def _require_manage(request: Request) -> None:
    if not policies.can_manage_agencies(_user(request)):
        raise PermissionDenied


@extend_schema_view(
    get=extend_schema(
        summary="Danh sách cơ quan trong phạm vi của người dùng",
        parameters=[
            OpenApiParameter(
                "unit", OpenApiTypes.STR, description="Mã đơn vị hành chính (chỉ cơ quan của đơn vị đó)"
            ),
            OpenApiParameter("kind", OpenApiTypes.STR, enum=AgencyKind.values, description="Loại cơ quan"),
            OpenApiParameter(
                "q", OpenApiTypes.STR, description="Tìm theo tên, không phân biệt dấu và hoa thường"
            ),
        ],
    ),
    post=extend_schema(
        summary="Thêm cơ quan", request=AgencyCreateSerializer, responses={201: AgencySerializer}
    ),
)
class AgencyListView(generics.ListAPIView):
    serializer_class = AgencySerializer

    def get_queryset(self) -> QuerySet[Agency]:
        _require_view(self.request)
        filters = AgencyFilterSerializer(data=self.request.query_params, context={"request": self.request})
        filters.is_valid(raise_exception=True)
        return selectors.agencies_visible_to(_user(self.request), **filters.validated_data)

    def post(self, request: Request) -> Response:
        _require_manage(request)
        data = AgencyCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        agency = services.agency_create(actor=_user(request), **data.validated_data)
        return Response(AgencySerializer(agency).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Chi tiết cơ quan (404 nếu ngoài phạm vi)"),
    patch=extend_schema(
        summary="Sửa cơ quan (cần phiên bản hiện tại)",
        request=AgencyUpdateSerializer,
        responses={200: AgencySerializer},
    ),
)
class AgencyDetailView(generics.RetrieveAPIView):
    serializer_class = AgencySerializer
    lookup_url_kwarg = "agency_id"

    def get_object(self) -> Agency:
        _require_view(self.request)
        return selectors.agency_get(_user(self.request), self.kwargs["agency_id"])

    def patch(self, request: Request, agency_id: int) -> Response:
        agency = self.get_object()
        if not policies.can_manage_agency(_user(request), agency):
            raise PermissionDenied
        data = AgencyUpdateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        version = changes.pop("version")
        agency = services.agency_update(actor=_user(request), agency=agency, version=version, changes=changes)
        return Response(AgencySerializer(agency).data)


@extend_schema_view(
    get=extend_schema(
        summary="Danh sách đội kiểm tra liên ngành 178 (kèm thành viên)",
        parameters=[
            OpenApiParameter("unit", OpenApiTypes.STR, description="Mã đơn vị hành chính (địa bàn của đội)"),
            OpenApiParameter("q", OpenApiTypes.STR, description="Tìm theo tên đội"),
        ],
    ),
    post=extend_schema(
        summary="Thành lập đội kiểm tra", request=TeamCreateSerializer, responses={201: TeamSerializer}
    ),
)
class TeamListView(generics.ListAPIView):
    serializer_class = TeamSerializer

    def get_queryset(self) -> QuerySet[InspectionTeam]:
        _require_view(self.request)
        filters = TeamFilterSerializer(data=self.request.query_params, context={"request": self.request})
        filters.is_valid(raise_exception=True)
        return selectors.teams_visible_to(_user(self.request), **filters.validated_data)

    def post(self, request: Request) -> Response:
        _require_manage(request)
        data = TeamCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        team = services.team_create(actor=_user(request), **data.validated_data)
        team = selectors.team_get(_user(request), team.pk)
        return Response(TeamSerializer(team).data, status=status.HTTP_201_CREATED)


@extend_schema(summary="Chi tiết đội kiểm tra kèm thành viên (404 nếu ngoài phạm vi)")
class TeamDetailView(generics.RetrieveAPIView):
    serializer_class = TeamSerializer

    def get_object(self) -> InspectionTeam:
        _require_view(self.request)
        return selectors.team_get(_user(self.request), self.kwargs["team_id"])


@extend_schema(
    summary="Thêm thành viên vào đội",
    request=TeamMemberCreateSerializer,
    responses={201: TeamMemberSerializer},
)
class TeamMemberCreateView(generics.GenericAPIView):
    serializer_class = TeamMemberCreateSerializer

    def post(self, request: Request, team_id: int) -> Response:
        _require_view(request)
        team = selectors.team_get(_user(request), team_id)
        if not policies.can_manage_team(_user(request), team):
            raise PermissionDenied
        data = TeamMemberCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        member = services.team_member_add(actor=_user(request), team=team, **data.validated_data)
        return Response(TeamMemberSerializer(member).data, status=status.HTTP_201_CREATED)
