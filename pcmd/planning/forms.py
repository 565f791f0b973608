"""Forms of the planning pages. They only parse input: every rule lives in pcmd.planning.services, whose
errors come back onto these forms through `apply_service_errors`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies import selectors as agency_selectors
from pcmd.agencies.forms import AgencyChoiceField, StyledForm
from pcmd.agencies.models import Agency
from pcmd.geography.models import AdminUnit
from pcmd.planning import selectors
from pcmd.planning.models import IndicatorKey, Plan, PlanArea, ReportingRule, Target, Task

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_PLACEHOLDER = _("dd/mm/yyyy")
CHOOSE = _("— Chọn —")
ONE_PER_LINE = _("Mỗi dòng một mục.")
CHOOSE_AGENCY = _("— Chọn cơ quan —")


def date_field(label: StrOrPromise, *, required: bool = False) -> forms.DateField:
    """A dd/mm/yyyy text field (phones get the numeric keypad)."""
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"},
        ),
    )


class TextBlockField(forms.CharField):
    """A multi-line text: browsers send CRLF line ends; the documents want plain "\\n"."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value) or ""
        return text.replace("\r\n", "\n").replace("\r", "\n")


def text_area(
    label: StrOrPromise, *, rows: int = 3, required: bool = False, **kwargs: Any
) -> forms.CharField:
    return TextBlockField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


def _choices(
    choices: Sequence[tuple[str, StrOrPromise]], empty: StrOrPromise = CHOOSE
) -> list[tuple[str, Any]]:
    return [("", empty), *((value, label) for value, label in choices if value != "")]


def agencies_in_area(user: User, unit: AdminUnit) -> QuerySet[Agency]:
    """Agencies the user sees at the unit or below it: those a task of the unit's plan may be assigned to."""
    return agency_selectors.agencies_visible_to(user).filter(
        Q(unit__path=unit.path) | Q(unit__path__startswith=f"{unit.path}.")
    )


def _lines(text: str | None) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Plan) -> str:  # type: ignore[override]
        return f"{obj.reference} — {obj.title} ({obj.issuing_unit.name})"


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: AdminUnit) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.code})"


class AgencyMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Agency) -> str:  # type: ignore[override]
        return f"{obj.name} — {obj.unit.name}"


def _agency_select(
    queryset: QuerySet[Agency],
    label: StrOrPromise,
    *,
    required: bool,
    empty_label: StrOrPromise = CHOOSE_AGENCY,
) -> AgencyChoiceField:
    return AgencyChoiceField(
        label=label,
        queryset=queryset,
        required=required,
        empty_label=empty_label,
        widget=forms.Select(attrs={"class": "form-select"}),
    )


def _agency_multi_select(queryset: QuerySet[Agency], label: StrOrPromise) -> AgencyMultipleChoiceField:
    return AgencyMultipleChoiceField(
        label=label,
        queryset=queryset,
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "form-select", "size": 8}),
        help_text=_("Giữ phím Ctrl (hoặc ⌘) để chọn nhiều cơ quan."),
    )


# --- filters ------------------------------------------------------------------------------------------------


class PlanFilterForm(StyledForm):
    q = forms.CharField(
        label=_("Tìm kiếm"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("trích yếu, số hoặc tên đơn vị")}),
    )
    year = forms.IntegerField(
        label=_("Năm thực hiện"),
        required=False,
        min_value=1990,
        max_value=2100,
        widget=forms.NumberInput(attrs={"placeholder": _("ví dụ: 2026")}),
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=_choices(Plan.Status.choices, _("Mọi trạng thái"))
    )
    kind = forms.ChoiceField(
        label=_("Loại kế hoạch"), required=False, choices=_choices(Plan.Kind.choices, _("Mọi loại"))
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the units that issued a plan the user can read (a commune officer also sees their province).
        units = AdminUnit.objects.filter(
            pk__in=selectors.plans_visible_to(user).order_by().values("issuing_unit")
        ).order_by(F("parent").asc(nulls_first=True), "name_sort")
        self.fields["unit"] = UnitChoiceField(
            label=_("Đơn vị ban hành"),
            queryset=units,
            required=False,
            empty_label=_("Mọi đơn vị"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.order_fields(["q", "unit", "year", "status", "kind"])


OVERDUE_CHOICES = [("", _("Tất cả")), ("1", _("Quá hạn")), ("0", _("Chưa quá hạn"))]


def overdue_value(value: str) -> bool | None:
    return {"1": True, "0": False}.get(value)


class TaskFilterForm(StyledForm):
    overdue = forms.ChoiceField(label=_("Thời hạn"), required=False, choices=OVERDUE_CHOICES)
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=_choices(Task.Status.choices, _("Mọi trạng thái"))
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The agencies that lead or coordinate a task the user can read.
        tasks = selectors.tasks_visible_to(user).order_by()
        agencies = (
            Agency.objects.filter(
                Q(pk__in=tasks.values("lead_agency")) | Q(pk__in=tasks.values("coordinating_agencies"))
            )
            .select_related("unit")
            .order_by(F("unit__parent").asc(nulls_first=True), "name_sort")
        )
        self.fields["agency"] = _agency_select(
            agencies, _("Cơ quan (chủ trì hoặc phối hợp)"), required=False, empty_label=_("Mọi cơ quan")
        )
        self.order_fields(["agency", "overdue", "status"])


class MyTaskFilterForm(StyledForm):
    overdue = forms.ChoiceField(label=_("Thời hạn"), required=False, choices=OVERDUE_CHOICES)


# --- plans --------------------------------------------------------------------------------------------------


class IssuingUnitForm(StyledForm):
    """A national administrator first says which unit the new plan belongs to."""

    don_vi = forms.CharField(
        label=_("Mã đơn vị ban hành"),
        max_length=5,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": _("ví dụ: 14")}),
        help_text=_("Mã tỉnh 2 chữ số hoặc mã xã 5 chữ số theo danh mục hành chính."),
    )


class PlanForm(StyledForm):
    issuing_agency = forms.ModelChoiceField(queryset=Agency.objects.none())  # set in __init__
    parent_body_name = forms.CharField(
        label=_("Cơ quan chủ quản (dòng trên tên cơ quan ban hành)"),
        max_length=200,
        required=False,
        help_text=_("Chỉ ghi khi cơ quan ban hành không phải cơ quan cấp cao nhất, ví dụ: UBND TỈNH SƠN LA."),
    )
    symbol = forms.CharField(label=_("Ký hiệu"), max_length=40, initial="KH-UBND")
    issued_place = forms.CharField(
        label=_("Địa danh"), max_length=80, widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Sơn La")})
    )
    title = text_area(_("Trích yếu"), rows=2, required=True, max_length=500)
    kind = forms.ChoiceField(label=_("Loại kế hoạch"), choices=_choices(Plan.Kind.choices))
    period_start = date_field(_("Thời gian thực hiện từ ngày"), required=True)
    period_end = date_field(_("Đến ngày"), required=True)
    implements = forms.ModelChoiceField(queryset=Plan.objects.none(), required=False)  # set in __init__
    implements_reference = text_area(
        _("Thực hiện văn bản ngoài hệ thống"),
        rows=2,
        help_text=_("Ví dụ: Quyết định số 1629/QĐ-TTg ngày 28/9/2021 của Thủ tướng Chính phủ."),
    )
    legal_bases = text_area(_("Căn cứ ban hành"), rows=5, help_text=ONE_PER_LINE)
    preamble = text_area(_("Phần mở đầu"))
    purpose = text_area(_("Mục đích"), rows=4)
    requirements = text_area(_("Yêu cầu"), rows=4)
    budget_clause = text_area(_("Kinh phí thực hiện"))
    closing_text = text_area(_("Đoạn kết"))
    signer_on_behalf_of = forms.CharField(
        label=_("Thay mặt (TM.)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: ỦY BAN NHÂN DÂN")}),
    )
    signer_authority = forms.ChoiceField(
        label=_("Thẩm quyền ký"), required=False, choices=list(Plan.Authority.choices)
    )
    signer_principal_title = forms.CharField(
        label=_("Chức danh người đứng đầu"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: CHỦ TỊCH")}),
    )
    signer_position = forms.CharField(
        label=_("Chức vụ người ký"),
        max_length=120,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: PHÓ CHỦ TỊCH")}),
    )
    signer_name = forms.CharField(label=_("Họ và tên người ký"), max_length=120, required=False)
    recipients = text_area(
        _("Nơi nhận"),
        rows=6,
        help_text=_("Mỗi dòng một nơi nhận; dòng «Lưu: VT, ...» luôn được xếp cuối."),
    )
    original_text = forms.FileField(label=_("Văn bản gốc (tệp đính kèm)"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # Fields given to plan_create / plan_update; the rest are set through their own services.
    LIST_FIELDS = ("legal_bases", "recipients")

    def __init__(
        self, *args: Any, user: User, unit: AdminUnit, plan: Plan | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuing_agency"] = _agency_select(
            agency_selectors.agencies_visible_to(user, unit=unit), _("Cơ quan ban hành"), required=True
        )
        implementable = selectors.plans_implementable_by(user, unit).select_related("issuing_unit")
        if plan is not None:
            implementable = implementable.exclude(pk=plan.pk)
        self.fields["implements"] = PlanChoiceField(
            label=_("Thực hiện kế hoạch (cấp trên) trong hệ thống"),
            queryset=implementable,
            required=False,
            empty_label=_("— Không —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        if plan is None:
            del self.fields["version"]
        self.order_fields(["issuing_agency", "parent_body_name"])

    def clean_title(self) -> str:
        # The summary is one line in the document however the textarea wrapped it.
        return " ".join(self.cleaned_data["title"].split())

    @staticmethod
    def initial_for(plan: Plan) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(plan, name)
            for name in (
                "parent_body_name",
                "symbol",
                "issued_place",
                "title",
                "kind",
                "period_start",
                "period_end",
                "implements_reference",
                "preamble",
                "purpose",
                "requirements",
                "budget_clause",
                "closing_text",
                "signer_on_behalf_of",
                "signer_authority",
                "signer_principal_title",
                "signer_position",
                "signer_name",
                "version",
            )
        }
        initial["issuing_agency"] = plan.issuing_agency_id
        initial["implements"] = plan.implements_id
        initial["legal_bases"] = "\n".join(plan.legal_bases.order_by("order").values_list("text", flat=True))
        initial["recipients"] = "\n".join(plan.recipients.order_by("order").values_list("text", flat=True))
        return initial

    def plan_fields(self) -> dict[str, Any]:
        """The cleaned data for plan_create / plan_update (the file only when one is uploaded or cleared)."""
        data = {k: v for k, v in self.cleaned_data.items() if k not in (*self.LIST_FIELDS, "version")}
        original = data.pop("original_text", None)
        if original is False:  # "clear" ticked on the file input
            data["original_text"] = ""
        elif original:
            data["original_text"] = original
        return data

    def legal_basis_lines(self) -> list[str]:
        return _lines(self.cleaned_data.get("legal_bases"))

    def recipient_lines(self) -> list[str]:
        return _lines(self.cleaned_data.get("recipients"))


class PlanIssueForm(StyledForm):
    number = forms.CharField(
        label=_("Số văn bản"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: 166"), "autocomplete": "off"}),
        help_text=_("Chỉ phần số; ký hiệu đã có trong kế hoạch."),
    )
    issued_on = date_field(_("Ngày ban hành"))
    note = text_area(_("Ghi chú"), rows=2)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AmendmentOpenForm(StyledForm):
    reason = text_area(_("Lý do sửa đổi"), rows=3)
    document_reference = forms.CharField(
        label=_("Văn bản sửa đổi"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Công văn số 45/UBND-KGVX ngày 10/5/2026")}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PlanCloseForm(StyledForm):
    superseded_by = forms.ModelChoiceField(queryset=Plan.objects.none(), required=False)  # set in __init__
    note = text_area(_("Ghi chú"), rows=2)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        successors = (
            selectors.plans_visible_to(user, unit=plan.issuing_unit, status=Plan.Status.ISSUED)
            .exclude(pk=plan.pk)
            .select_related("issuing_unit")
        )
        self.fields["superseded_by"] = PlanChoiceField(
            label=_("Được thay thế bởi kế hoạch"),
            queryset=successors,
            required=False,
            empty_label=_("— Không: kết thúc kế hoạch —"),
            widget=forms.Select(attrs={"class": "form-select"}),
            help_text=_("Để trống khi kế hoạch kết thúc vì đã hết thời gian thực hiện."),
        )
        self.order_fields(["superseded_by", "note"])


class SectionForm(StyledForm):
    area = forms.ChoiceField(label=_("Lĩnh vực"), choices=list(PlanArea.choices), initial=PlanArea.OTHER)
    heading = forms.CharField(label=_("Tiêu đề"), max_length=300)
    body = text_area(_("Nội dung"), rows=8, required=True)


# --- targets, tasks, reporting rules ------------------------------------------------------------------------


class TargetForm(StyledForm):
    area = forms.ChoiceField(label=_("Lĩnh vực"), choices=_choices(PlanArea.choices))
    statement = text_area(_("Chỉ tiêu (nguyên văn)"), rows=3, required=True)
    comparator = forms.ChoiceField(
        label=_("So sánh"),
        required=False,
        choices=list(Target.Comparator.choices),
        help_text=_(
            "Chọn «Định tính» cho chỉ tiêu không đo bằng số; khi đó để trống giá trị và đơn vị tính."
        ),
    )
    value = forms.DecimalField(
        label=_("Giá trị"), required=False, max_digits=12, decimal_places=2, localize=True
    )
    value_max = forms.DecimalField(
        label=_("Giá trị tối đa (nếu là khoảng)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        localize=True,
        help_text=_("Ví dụ «tăng 3 - 5% mỗi năm»: giá trị 3, giá trị tối đa 5."),
    )
    measure_unit = forms.ChoiceField(
        label=_("Đơn vị tính"), required=False, choices=_choices(Target.MeasureUnit.choices, _("— Không —"))
    )
    indicator_key = forms.ChoiceField(
        label=_("Chỉ số đo"),
        required=False,
        choices=_choices(IndicatorKey.choices, _("— Không —")),
        help_text=_("Chỉ số hệ thống dùng để theo dõi kết quả đạt được (nếu có)."),
    )
    due_year = forms.IntegerField(label=_("Năm cần đạt"), required=False, min_value=1990, max_value=2100)
    due_date = date_field(_("Hạn đạt"))
    applies_to = forms.ChoiceField(
        label=_("Áp dụng cho"), choices=list(Target.AppliesTo.choices), initial=Target.AppliesTo.ISSUING_UNIT
    )
    inherited_from = forms.ModelChoiceField(queryset=Target.objects.none(), required=False)  # set in __init__

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if plan.implements_id is not None and plan.implements is not None:
            self.fields["inherited_from"] = forms.ModelChoiceField(
                label=_("Kế thừa từ chỉ tiêu của kế hoạch cấp trên"),
                queryset=selectors.targets_of(plan.implements),
                required=False,
                empty_label=_("— Không —"),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
        else:
            del self.fields["inherited_from"]

    @staticmethod
    def initial_for(target: Target) -> dict[str, Any]:
        names = (
            "area",
            "statement",
            "comparator",
            "value",
            "value_max",
            "measure_unit",
            "indicator_key",
            "due_year",
            "due_date",
            "applies_to",
        )
        return {**{name: getattr(target, name) for name in names}, "inherited_from": target.inherited_from_id}

    def target_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.setdefault("inherited_from", None)
        return data


class TaskForm(StyledForm):
    area = forms.ChoiceField(label=_("Lĩnh vực"), choices=_choices(PlanArea.choices))
    text = text_area(_("Nội dung nhiệm vụ"), rows=4, required=True)
    lead_agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False)  # set in __init__
    coordinating_agencies = forms.ModelMultipleChoiceField(queryset=Agency.objects.none(), required=False)
    coordinating_note = forms.CharField(
        label=_("Phối hợp (ghi chú)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": _("ví dụ: các sở, ngành liên quan; UBND các xã, phường")}
        ),
    )
    due_date = date_field(_("Thời hạn"))
    recurrence = forms.ChoiceField(label=_("Định kỳ"), required=False, choices=list(Task.Recurrence.choices))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, plan: Plan, task: Task | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = agencies_in_area(user, plan.issuing_unit)
        # The service names a missing lead agency itself ("Chọn cơ quan chủ trì ...").
        self.fields["lead_agency"] = _agency_select(agencies, _("Cơ quan chủ trì"), required=False)
        self.fields["coordinating_agencies"] = _agency_multi_select(agencies, _("Cơ quan phối hợp"))
        if task is None:
            del self.fields["version"]
        self.order_fields(["area", "text", "lead_agency", "coordinating_agencies"])

    @staticmethod
    def initial_for(task: Task) -> dict[str, Any]:
        return {
            "area": task.area,
            "text": task.text,
            "lead_agency": task.lead_agency_id,
            "coordinating_agencies": [a.pk for a in task.coordinating_agencies.all()],
            "coordinating_note": task.coordinating_note,
            "due_date": task.due_date,
            "recurrence": task.recurrence,
            "version": task.version,
        }


class ReportingRuleForm(StyledForm):
    reporters = forms.ChoiceField(
        label=_("Đơn vị báo cáo"), choices=_choices(ReportingRule.Reporters.choices)
    )
    named_reporters = forms.ModelMultipleChoiceField(queryset=Agency.objects.none(), required=False)
    recipient_agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False)
    recipient_note = forms.CharField(
        label=_("Gửi về (nơi nhận ngoài hệ thống)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Bộ Y tế; UBND tỉnh")}),
    )
    period_kind = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=_choices(ReportingRule.PeriodKind.choices))
    due_day = forms.IntegerField(label=_("Hạn nộp: ngày"), required=False, min_value=1, max_value=31)
    due_month = forms.IntegerField(label=_("Hạn nộp: tháng"), required=False, min_value=1, max_value=12)
    statement = text_area(_("Quy định (nguyên văn)"), rows=3)

    def __init__(self, *args: Any, user: User, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = agencies_in_area(user, plan.issuing_unit)
        self.fields["named_reporters"] = _agency_multi_select(
            agencies, _("Cơ quan báo cáo (khi chọn «Các cơ quan được nêu tên»)")
        )
        self.fields["recipient_agency"] = _agency_select(agencies, _("Gửi về cơ quan"), required=False)
        self.order_fields(["reporters", "named_reporters", "recipient_agency", "recipient_note"])

    @staticmethod
    def initial_for(rule: ReportingRule) -> dict[str, Any]:
        return {
            "reporters": rule.reporters,
            "named_reporters": [a.pk for a in rule.named_reporters.all()],
            "recipient_agency": rule.recipient_agency_id,
            "recipient_note": rule.recipient_note,
            "period_kind": rule.period_kind,
            "due_day": rule.due_day,
            "due_month": rule.due_month,
            "statement": rule.statement,
        }


class ProgressForm(StyledForm):
    reported_on = date_field(_("Ngày cập nhật"), required=True)
    status = forms.ChoiceField(label=_("Trạng thái"), choices=list(Task.Status.choices))
    note = text_area(_("Kết quả, tiến độ"), rows=4)
    evidence = forms.FileField(
        label=_("Minh chứng"),
        required=False,
        help_text=_("PDF, Word, Excel hoặc ảnh (JPG, PNG), tối đa 20 MB."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
