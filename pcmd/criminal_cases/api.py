"""/api/v1/criminal-cases/: the same selectors (404 outside the jurisdiction) and services as the pages.
Errors go through pcmd.core.api_errors (400 with Vietnamese field errors).

The offenders' names are returned only by GET .../offenders/ with a `reason` (each call logged)."""

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
from pcmd.agencies.models import Agency
from pcmd.agencies.selectors import unit_get_by_code
from pcmd.core.privacy import SUPPRESSED
from pcmd.criminal_cases import policies, selectors, services, stages
from pcmd.criminal_cases.models import Article, CaseOffender, CaseStageEvent, CriminalCase, Stage
from pcmd.establishments.models import Establishment
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.models import Hotspot

UNKNOWN_UNIT = _("Không tìm thấy đơn vị hành chính có mã «%(code)s» trong phạm vi của bạn.")
UNKNOWN_AGENCY = _("Không tìm thấy cơ quan có mã %(id)s trong số cơ quan có thể chọn.")
UNKNOWN_HOTSPOT = _("Không tìm thấy điểm phức tạp có mã %(id)s trong phạm vi của bạn.")
UNKNOWN_ESTABLISHMENT = _("Không tìm thấy cơ sở có mã %(id)s trong phạm vi của bạn.")
PERIOD_REVERSED = _("Ngày kết thúc không được trước ngày bắt đầu.")
NOT_A_BOOLEAN = _("Cần giá trị true hoặc false.")
NOT_A_LIST = _("Cần một danh sách mã (id).")


class CaseInputSerializer(VietnameseSerializer):
    """Vietnamese messages for the field types used here, and the look-ups of the case's references."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for fld in self.fields.values():
            if isinstance(fld, serializers.BooleanField):
                fld.error_messages["invalid"] = NOT_A_BOOLEAN
            if isinstance(fld, serializers.ListField):
                fld.error_messages["not_a_list"] = NOT_A_LIST
                fld.child.error_messages["invalid"] = _("Cần một số nguyên.")

    @property
    def case(self) -> CriminalCase | None:
        return self.context.get("case")

    def unit_from_code(self, code: str) -> AdminUnit:
        unit = selectors.case_units_for(self.user).filter(code=code.strip()).first()
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_UNIT % {"code": code})
        return unit

    def handling_agency(self, agency_id: int | None) -> Agency | None:
        if agency_id is None:
            return None
        keep = self.case.agency if self.case else None
        agency = selectors.handling_agencies_for(self.user, keep=keep).filter(pk=agency_id).first()
        if agency is None:
            raise serializers.ValidationError(UNKNOWN_AGENCY % {"id": agency_id})
        return agency

    def hotspots_from_ids(self, ids: list[int]) -> list[Hotspot]:
        kept = {h.pk: h for h in self.case.hotspots.all()} if self.case else {}
        found = {h.pk: h for h in selectors.linkable_hotspots_for(self.user).filter(pk__in=ids)}
        missing = [i for i in ids if i not in found and i not in kept]
        if missing:
            raise serializers.ValidationError(UNKNOWN_HOTSPOT % {"id": missing[0]})
        return [found.get(i) or kept[i] for i in dict.fromkeys(ids)]

    def establishments_from_ids(self, ids: list[int]) -> list[Establishment]:
        kept = {e.pk: e for e in self.case.establishments.all()} if self.case else {}
        found = {e.pk: e for e in selectors.linkable_establishments_for(self.user).filter(pk__in=ids)}
        missing = [i for i in ids if i not in found and i not in kept]
        if missing:
            raise serializers.ValidationError(UNKNOWN_ESTABLISHMENT % {"id": missing[0]})
        return [found.get(i) or kept[i] for i in dict.fromkeys(ids)]


# --- output -------------------------------------------------------------------------------------------------


class CaseUnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class CaseAgencySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class CaseLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class CaseStageEventSerializer(serializers.ModelSerializer):
    stage_display = serializers.CharField(source="get_stage_display")
    # Plain text: the same choices as "stage" (plus empty), which the schema would otherwise name twice.
    from_stage = serializers.CharField(help_text="Giai đoạn trước (trống với sự kiện phát hiện).")
    agency = CaseAgencySerializer(allow_null=True)

    class Meta:
        model = CaseStageEvent
        fields = [
            "id",
            "stage",
            "stage_display",
            "from_stage",
            "occurred_on",
            "decision_number",
            "agency",
            "mobile_trial",
            "note",
            "created_at",
        ]


class CriminalCaseSerializer(serializers.ModelSerializer):
    unit = CaseUnitSerializer()
    agency = CaseAgencySerializer()
    article_display = serializers.CharField(source="article_label")
    stage_display = serializers.CharField(source="get_stage_display")
    offenders_count = serializers.SerializerMethodField(help_text="Số đối tượng (không kèm danh tính).")
    hotspots = CaseLinkSerializer(many=True)
    establishments = CaseLinkSerializer(many=True)
    stage_events = serializers.SerializerMethodField()
    next_stage = serializers.SerializerMethodField(help_text="Giai đoạn có thể ghi nhận tiếp theo (nếu còn).")

    class Meta:
        model = CriminalCase
        fields = [
            "id",
            "number",
            "unit",
            "agency",
            "article",
            "article_other",
            "article_display",
            "summary",
            "uncovered_on",
            "stage",
            "stage_display",
            "stage_on",
            "next_stage",
            "victims_count",
            "minor_victims_count",
            "offenders_count",
            "hotspots",
            "establishments",
            "stage_events",
            "version",
            "created_at",
            "updated_at",
        ]

    def get_offenders_count(self, case: CriminalCase) -> int:
        total = getattr(case, "offenders_total", None)
        return total if total is not None else case.offenders.count()

    @extend_schema_field(CaseStageEventSerializer(many=True))
    def get_stage_events(self, case: CriminalCase) -> list[dict[str, Any]]:
        return CaseStageEventSerializer(selectors.case_timeline(case), many=True).data  # type: ignore[return-value]

    @extend_schema_field(OpenApiTypes.STR)
    def get_next_stage(self, case: CriminalCase) -> str | None:
        return stages.next_stage(case.stage)


class CaseOffenderSerializer(serializers.ModelSerializer):
    role_display = serializers.CharField(source="get_role_display")
    sex_display = serializers.CharField(source="get_sex_display")

    class Meta:
        model = CaseOffender
        fields = ["id", "role", "role_display", "full_name", "birth_year", "sex", "sex_display"]


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string", "enum": [SUPPRESSED]}]})
class ShownCountField(serializers.Field):
    """A count, or "<5" when suppressed for the reader."""

    def to_representation(self, value: Any) -> Any:
        return value


class StageFiguresSerializer(serializers.Serializer):
    stage = serializers.CharField()
    cases = ShownCountField()
    offenders = ShownCountField()


class StatisticsRowSerializer(serializers.Serializer):
    unit = CaseUnitSerializer(allow_null=True)
    stages = serializers.SerializerMethodField()
    mobile_trials = ShownCountField()
    minor_victims = ShownCountField()

    @extend_schema_field(StageFiguresSerializer(many=True))
    def get_stages(self, row: selectors.CaseStatisticsRow) -> list[dict[str, Any]]:
        return [
            {"stage": stage, "cases": row.stage(stage).cases, "offenders": row.stage(stage).offenders}
            for stage in Stage.values
        ]


class StatisticsSerializer(serializers.Serializer):
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    suppressed = serializers.BooleanField(help_text="Số từ 1 đến 4 được thay bằng «<5».")
    rows = StatisticsRowSerializer(many=True)
    total = StatisticsRowSerializer()


# --- input --------------------------------------------------------------------------------------------------


class CaseFilterSerializer(CaseInputSerializer):
    unit = serializers.CharField(required=False, max_length=5, help_text="Mã đơn vị thụ lý (và cấp dưới).")
    article = serializers.ChoiceField(required=False, choices=Article.choices)
    stage = serializers.ChoiceField(required=False, choices=Stage.choices)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
    q = serializers.CharField(required=False, allow_blank=True, max_length=60)

    def validate_unit(self, code: str) -> AdminUnit:
        return self.unit_from_code(code)


class CaseCreateSerializer(CaseInputSerializer):
    unit = serializers.CharField(max_length=5, help_text="Mã đơn vị thụ lý (tỉnh hoặc xã) trong phạm vi.")
    agency = serializers.IntegerField(help_text="Mã (id) cơ quan thụ lý: công an, viện kiểm sát, tòa án.")
    number = serializers.CharField(max_length=60)
    article = serializers.ChoiceField(choices=Article.choices)
    article_other = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    uncovered_on = serializers.DateField()
    victims_count = serializers.IntegerField(min_value=0, required=False, default=0)
    minor_victims_count = serializers.IntegerField(min_value=0, required=False, default=0)
    hotspots = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    establishments = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    note = serializers.CharField(required=False, allow_blank=True, default="")

    def validate_unit(self, code: str) -> AdminUnit:
        return self.unit_from_code(code)

    def validate_agency(self, agency_id: int) -> Agency | None:
        return self.handling_agency(agency_id)

    def validate_hotspots(self, ids: list[int]) -> list[Hotspot]:
        return self.hotspots_from_ids(ids)

    def validate_establishments(self, ids: list[int]) -> list[Establishment]:
        return self.establishments_from_ids(ids)


class CaseUpdateSerializer(CaseInputSerializer):
    version = serializers.IntegerField(help_text="Phiên bản đã đọc; sửa trên bản cũ bị từ chối.")
    agency = serializers.IntegerField(required=False)
    number = serializers.CharField(max_length=60, required=False)
    article = serializers.ChoiceField(choices=Article.choices, required=False)
    article_other = serializers.CharField(max_length=255, required=False, allow_blank=True)
    summary = serializers.CharField(required=False, allow_blank=True)
    uncovered_on = serializers.DateField(required=False)
    victims_count = serializers.IntegerField(min_value=0, required=False)
    minor_victims_count = serializers.IntegerField(min_value=0, required=False)
    hotspots = serializers.ListField(child=serializers.IntegerField(), required=False)
    establishments = serializers.ListField(child=serializers.IntegerField(), required=False)

    def validate_agency(self, agency_id: int) -> Agency | None:
        return self.handling_agency(agency_id)

    def validate_hotspots(self, ids: list[int]) -> list[Hotspot]:
        return self.hotspots_from_ids(ids)

    def validate_establishments(self, ids: list[int]) -> list[Establishment]:
        return self.establishments_from_ids(ids)


class StageRecordSerializer(CaseInputSerializer):
    # Every stage is accepted (one enum for "stage" in the schema); the service refuses any but the next.
    stage = serializers.ChoiceField(choices=Stage.choices)
    occurred_on = serializers.DateField()
    version = serializers.IntegerField(help_text="Phiên bản vụ án đã đọc.")
    decision_number = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    agency = serializers.IntegerField(required=False, allow_null=True, default=None)
    mobile_trial = serializers.BooleanField(required=False, default=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")

    def validate_agency(self, agency_id: int | None) -> Agency | None:
        return self.handling_agency(agency_id)


class OffenderCreateSerializer(CaseInputSerializer):
    role = serializers.ChoiceField(choices=CaseOffender.Role.choices)
    full_name = serializers.CharField(max_length=150)
    sex = serializers.ChoiceField(choices=CaseOffender.Sex.choices)
    birth_year = serializers.IntegerField(required=False, allow_null=True, default=None)


class OffenderRevealSerializer(CaseInputSerializer):
    reason = serializers.CharField(
        max_length=500, help_text="Lý do xem danh tính (ghi vào nhật ký truy cập)."
    )


class StatisticsFilterSerializer(CaseInputSerializer):
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    unit = serializers.CharField(required=False, max_length=5)

    def validate_unit(self, code: str) -> AdminUnit:
        unit = unit_get_by_code(self.user, code)
        if unit is None:
            raise serializers.ValidationError(UNKNOWN_UNIT % {"code": code})
        return unit

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["period_end"] < attrs["period_start"]:
            raise serializers.ValidationError({"period_end": [PERIOD_REVERSED]})
        return attrs


# --- views --------------------------------------------------------------------------------------------------


def _user(request: Request) -> User:
    return cast(User, request.user)


def _require_manage(request: Request) -> None:
    if not policies.can_manage_criminal_cases(_user(request)):
        raise PermissionDenied


def _case(request: Request, case_id: int) -> CriminalCase:
    _require_manage(request)
    return selectors.criminal_case_get(_user(request), case_id)


@extend_schema_view(
    get=extend_schema(
        summary="Danh sách vụ án trong phạm vi của người dùng",
        parameters=[
            OpenApiParameter("unit", OpenApiTypes.STR, description="Mã đơn vị thụ lý (kể cả cấp dưới)"),
            OpenApiParameter("article", OpenApiTypes.STR, enum=Article.values, description="Điều luật"),
            OpenApiParameter("stage", OpenApiTypes.STR, enum=Stage.values, description="Giai đoạn hiện tại"),
            OpenApiParameter("year", OpenApiTypes.INT, description="Năm phát hiện"),
            OpenApiParameter("q", OpenApiTypes.STR, description="Tìm theo số vụ án"),
        ],
    ),
    post=extend_schema(
        summary="Thêm vụ án (giai đoạn phát hiện)",
        request=CaseCreateSerializer,
        responses={201: CriminalCaseSerializer},
    ),
)
class CriminalCaseListView(generics.ListAPIView):
    serializer_class = CriminalCaseSerializer

    def get_queryset(self) -> QuerySet[CriminalCase]:
        _require_manage(self.request)
        filters = CaseFilterSerializer(data=self.request.query_params, context={"request": self.request})
        filters.is_valid(raise_exception=True)
        return selectors.criminal_cases_visible_to(
            _user(self.request), **filters.validated_data
        ).prefetch_related("hotspots", "establishments")

    def post(self, request: Request) -> Response:
        _require_manage(request)
        data = CaseCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        case = services.criminal_case_create(actor=_user(request), **data.validated_data)
        case = selectors.criminal_case_get(_user(request), case.pk)
        return Response(CriminalCaseSerializer(case).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(summary="Chi tiết vụ án kèm tiến trình (404 nếu ngoài phạm vi)"),
    patch=extend_schema(
        summary="Sửa vụ án (cần phiên bản hiện tại)",
        request=CaseUpdateSerializer,
        responses={200: CriminalCaseSerializer},
    ),
)
class CriminalCaseDetailView(generics.RetrieveAPIView):
    serializer_class = CriminalCaseSerializer

    def get_object(self) -> CriminalCase:
        return _case(self.request, self.kwargs["case_id"])

    def patch(self, request: Request, case_id: int) -> Response:
        case = self.get_object()
        data = CaseUpdateSerializer(data=request.data, context={"request": request, "case": case})
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        version = changes.pop("version")
        services.criminal_case_update(actor=_user(request), case=case, version=version, changes=changes)
        return Response(CriminalCaseSerializer(selectors.criminal_case_get(_user(request), case.pk)).data)


@extend_schema_view(
    get=extend_schema(
        summary="Tiến trình tố tụng của vụ án", responses={200: CaseStageEventSerializer(many=True)}
    ),
    post=extend_schema(
        summary="Ghi nhận giai đoạn tiếp theo (khởi tố, truy tố, xét xử, bản án)",
        request=StageRecordSerializer,
        responses={201: CaseStageEventSerializer},
    ),
)
class CaseStageListView(generics.GenericAPIView):
    serializer_class = CaseStageEventSerializer
    pagination_class = None

    def get(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        return Response(CaseStageEventSerializer(selectors.case_timeline(case), many=True).data)

    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = StageRecordSerializer(data=request.data, context={"request": request, "case": case})
        data.is_valid(raise_exception=True)
        event = services.case_stage_record(actor=_user(request), case=case, **data.validated_data)
        return Response(CaseStageEventSerializer(event).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        summary="Danh sách đối tượng kèm danh tính (cần lý do; mỗi lần xem được ghi nhật ký truy cập)",
        parameters=[OpenApiParameter("reason", OpenApiTypes.STR, required=True, description="Lý do xem")],
        responses={200: CaseOffenderSerializer(many=True)},
    ),
    post=extend_schema(
        summary="Thêm đối tượng vào vụ án",
        request=OffenderCreateSerializer,
        responses={201: CaseOffenderSerializer},
    ),
)
class CaseOffenderListView(generics.GenericAPIView):
    serializer_class = CaseOffenderSerializer
    pagination_class = None

    def get(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = OffenderRevealSerializer(data=request.query_params, context={"request": request})
        data.is_valid(raise_exception=True)
        offenders = services.case_offenders_reveal(
            actor=_user(request), case=case, reason=data.validated_data["reason"]
        )
        response = Response(CaseOffenderSerializer(offenders, many=True).data)
        response["Cache-Control"] = "no-store"
        return response

    def post(self, request: Request, case_id: int) -> Response:
        case = _case(request, case_id)
        data = OffenderCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        offender = services.case_offender_add(actor=_user(request), case=case, **data.validated_data)
        response = Response(CaseOffenderSerializer(offender).data, status=status.HTTP_201_CREATED)
        response["Cache-Control"] = "no-store"
        return response


@extend_schema(
    summary="Thống kê vụ án, đối tượng theo đơn vị, giai đoạn (số từ 1 đến 4 ẩn nếu không quản lý vụ án)",
    parameters=[
        OpenApiParameter("period_start", OpenApiTypes.DATE, required=True),
        OpenApiParameter("period_end", OpenApiTypes.DATE, required=True),
        OpenApiParameter("unit", OpenApiTypes.STR, description="Mã đơn vị (kể cả cấp dưới)"),
    ],
    responses={200: StatisticsSerializer},
)
class CaseStatisticsView(generics.GenericAPIView):
    serializer_class = StatisticsSerializer
    pagination_class = None

    def get(self, request: Request) -> Response:
        if not policies.can_view_criminal_case_statistics(_user(request)):
            raise PermissionDenied
        data = StatisticsFilterSerializer(data=request.query_params, context={"request": request})
        data.is_valid(raise_exception=True)
        statistics = selectors.criminal_case_statistics(_user(request), **data.validated_data)
        return Response(StatisticsSerializer(statistics).data)
