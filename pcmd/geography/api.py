"""/api/v1/units/: the national list of administrative units of both eras, and the old → new mapping.

Any authenticated user holding Capability.VIEW_UNITS may read every unit (reference data, not scoped). A unit
is identified by its era and code: `/units/{code}/` is the current unit, `/units/{code}/?legacy=true` the
legacy one.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request

from pcmd.geography.forms import INVALID_LEGACY, UnitFilterForm
from pcmd.geography.models import AdminUnit
from pcmd.geography.policies import can_view_units
from pcmd.geography.selectors import unit_get, unit_list, unit_successors

NO_PERMISSION = _("Bạn không có quyền xem danh mục đơn vị hành chính.")
UNIT_NOT_FOUND = _("Không có đơn vị hành chính hiện hành mã “%(code)s”.")
LEGACY_UNIT_NOT_FOUND = _("Không có đơn vị hành chính trước 01/07/2025 mã “%(code)s”.")


class CanViewUnits(BasePermission):
    message = NO_PERMISSION

    def has_permission(self, request: Request, view: Any) -> bool:
        return can_view_units(request.user)


class UnitSerializer(serializers.ModelSerializer):
    parent_code = serializers.CharField(
        source="parent.code", read_only=True, allow_null=True, default=None, help_text=_("Mã đơn vị cấp trên")
    )

    class Meta:
        model = AdminUnit
        fields = [
            "code",
            "name",
            "level",
            "era",
            "division_type",
            "parent_code",
            "path",
            "scope_path",
            "valid_from",
            "valid_to",
            "latitude",
            "longitude",
        ]
        read_only_fields = fields


class SuccessorSerializer(UnitSerializer):
    is_default = serializers.BooleanField(
        read_only=True,
        help_text=_("Đơn vị tiếp nhận mặc định (dữ liệu không rõ vị trí chi tiết được tính về đây)"),
    )

    class Meta(UnitSerializer.Meta):
        fields = [*UnitSerializer.Meta.fields, "is_default"]
        read_only_fields = fields


_LEGACY_PARAMETER = OpenApiParameter(
    "legacy",
    OpenApiTypes.STR,
    enum=["true", "false"],
    description=_("true: đơn vị trước 01/07/2025; false (mặc định): đơn vị hiện hành"),
)


def _legacy_flag(request: Request) -> bool:
    raw = request.query_params.get("legacy", "").strip().lower()
    if raw not in ("", "true", "false"):
        raise exceptions.ValidationError({"legacy": [INVALID_LEGACY]})
    return raw == "true"


class UnitAPIView(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, CanViewUnits]

    def unit(self, era: str) -> AdminUnit:
        code = str(self.kwargs["code"])
        try:
            return unit_get(user=self.request.user, era=era, code=code)
        except Http404:
            message = LEGACY_UNIT_NOT_FOUND if era == AdminUnit.Era.LEGACY else UNIT_NOT_FOUND
            raise exceptions.NotFound(message % {"code": code}) from None


@extend_schema(
    summary=_("Danh sách đơn vị hành chính"),
    parameters=[
        OpenApiParameter(
            "q", OpenApiTypes.STR, description=_("Tìm theo tên (không phân biệt dấu, hoa thường) hoặc mã")
        ),
        OpenApiParameter(
            "level",
            OpenApiTypes.STR,
            enum=[c.value for c in AdminUnit.Level],
            description=_("Cấp: province, district (chỉ trước 01/07/2025) hoặc commune"),
        ),
        OpenApiParameter(
            "parent",
            OpenApiTypes.STR,
            description=_(
                "Mã đơn vị cấp trên: liệt kê mọi đơn vị nằm dưới đơn vị này (kết hợp với level để chọn cấp)"
            ),
        ),
        OpenApiParameter(
            "valid_on",
            OpenApiTypes.STR,
            description=_(
                "Có hiệu lực vào ngày (yyyy-mm-dd hoặc dd/mm/yyyy); trước 01/07/2025 thì liệt kê đơn vị cũ"
            ),
        ),
        _LEGACY_PARAMETER,
        OpenApiParameter(
            "ordering",
            OpenApiTypes.STR,
            enum=["name", "path"],
            description=_("name (mặc định): theo cấp rồi theo tên, thứ tự tiếng Việt; path: theo mã"),
        ),
    ],
)
class UnitListView(generics.ListAPIView):
    """Units of one era; current units unless `legacy=true` or `valid_on` is before 01/07/2025."""

    permission_classes = [IsAuthenticated, CanViewUnits]
    serializer_class = UnitSerializer

    def get_queryset(self) -> QuerySet[AdminUnit]:
        form = UnitFilterForm(self.request.query_params)
        if not form.is_valid():
            raise exceptions.ValidationError(form.errors_by_field())
        return unit_list(user=self.request.user, filters=form.filters())


@extend_schema(summary=_("Một đơn vị hành chính theo mã"), parameters=[_LEGACY_PARAMETER])
class UnitDetailView(UnitAPIView, generics.RetrieveAPIView):
    serializer_class = UnitSerializer

    def get_object(self) -> AdminUnit:
        era = AdminUnit.Era.LEGACY if _legacy_flag(self.request) else AdminUnit.Era.CURRENT
        return self.unit(era)


@extend_schema(summary=_("Các đơn vị hiện hành mà một đơn vị cũ (trước 01/07/2025) đã trở thành"))
class UnitSuccessorsView(UnitAPIView, generics.ListAPIView):
    """For a legacy unit code: the current units it became, the default one first (`is_default`)."""

    serializer_class = SuccessorSerializer

    def get_queryset(self) -> QuerySet[AdminUnit]:
        legacy_unit = self.unit(AdminUnit.Era.LEGACY)
        return unit_successors(user=self.request.user, unit=legacy_unit)
