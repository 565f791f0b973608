"""/api/v1/legal-references/: the provisions of the legal-reference table, read-only, with their document."""

from __future__ import annotations

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.request import Request

from pcmd.accounts.models import User
from pcmd.agencies.api import VietnameseSerializer
from pcmd.legal import selectors
from pcmd.legal.models import LegalDocument, LegalProvision
from pcmd.legal.policies import can_view_legal_references

UNKNOWN_DOCUMENT = _("Không tìm thấy văn bản «%(document)s».")


class LegalDocumentRefSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")

    class Meta:
        model = LegalDocument
        fields = ["id", "number", "kind", "kind_display", "title", "issuer", "effective_from", "effective_to"]


class LegalProvisionSerializer(serializers.ModelSerializer):
    document = LegalDocumentRefSerializer()
    reference = serializers.CharField(help_text="Trích dẫn: điểm, khoản, điều, văn bản.")
    applies_to_display = serializers.CharField(source="get_applies_to_display")

    class Meta:
        model = LegalProvision
        fields = [
            "id",
            "document",
            "reference",
            "article",
            "clause",
            "point",
            "act",
            "applies_to",
            "applies_to_display",
            "fine_min",
            "fine_max",
            "additional_measures",
            "valid_from",
            "valid_to",
            "version",
        ]


class LegalReferenceFilterSerializer(VietnameseSerializer):
    valid_on = serializers.DateField(required=False, help_text="Chỉ các căn cứ áp dụng vào ngày này.")
    applies_to = serializers.ChoiceField(required=False, choices=LegalProvision.AppliesTo.choices)
    document = serializers.CharField(
        required=False, max_length=60, help_text="Mã (id) hoặc số, ký hiệu của văn bản, ví dụ 282/2025/NĐ-CP."
    )
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)

    def validate_document(self, value: str) -> LegalDocument:
        value = value.strip()
        document = selectors.legal_document_find(self.user, value)
        if document is None:
            raise serializers.ValidationError(UNKNOWN_DOCUMENT % {"document": value})
        return document


def _user(request: Request) -> User:
    return cast(User, request.user)


def _require_view(request: Request) -> None:
    if not can_view_legal_references(_user(request)):
        raise PermissionDenied


@extend_schema_view(
    get=extend_schema(
        summary="Căn cứ xử phạt (bảng văn bản pháp luật có phiên bản)",
        parameters=[
            OpenApiParameter("valid_on", OpenApiTypes.DATE, description="Áp dụng vào ngày (yyyy-mm-dd)"),
            OpenApiParameter(
                "applies_to",
                OpenApiTypes.STR,
                enum=LegalProvision.AppliesTo.values,
                description="Cá nhân hoặc tổ chức",
            ),
            OpenApiParameter("document", OpenApiTypes.STR, description="Mã hoặc số, ký hiệu văn bản"),
            OpenApiParameter("q", OpenApiTypes.STR, description="Tìm theo hành vi, không phân biệt dấu"),
        ],
    )
)
class LegalReferenceListView(generics.ListAPIView):
    serializer_class = LegalProvisionSerializer

    def get_queryset(self) -> QuerySet[LegalProvision]:
        _require_view(self.request)
        filters = LegalReferenceFilterSerializer(
            data=self.request.query_params, context={"request": self.request}
        )
        filters.is_valid(raise_exception=True)
        data: dict[str, Any] = dict(filters.validated_data)
        return selectors.legal_provisions_for(_user(self.request), **data)


@extend_schema(summary="Chi tiết căn cứ xử phạt")
class LegalReferenceDetailView(generics.RetrieveAPIView):
    serializer_class = LegalProvisionSerializer

    def get_object(self) -> LegalProvision:
        _require_view(self.request)
        return selectors.legal_provision_get(_user(self.request), self.kwargs["provision_id"])
