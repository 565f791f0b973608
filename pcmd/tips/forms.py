"""Forms of the officers' tip pages. They only parse input: the rules are in pcmd.tips.services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.forms import AgencyChoiceField, StyledForm, UnitCodeField
from pcmd.agencies.models import AgencyKind
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.models import Hotspot
from pcmd.hotspots.selectors import identifying_agencies_for
from pcmd.inspections.models import Inspection
from pcmd.tips import selectors
from pcmd.tips.models import DEADLINE_STAGES, INTAKE_CHANNELS, Tip, TipCategory, TipOutcome, TipStatus
from pcmd.tips.public_forms import LocationFields, MultipleFileField
from pcmd.tips.services import Contact
from pcmd.tips.services.common import CONTENT_MAX, MESSAGE_MAX, PLACE_MAX

DATETIME_FORMAT = "%d/%m/%Y %H:%M"
UNKNOWN_UNIT = _("Không tìm thấy tỉnh, thành phố hoặc xã, phường hiện hành có mã «%(code)s».")


def _textarea(label: Any, maximum: int, *, required: bool = False, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=maximum, required=required, widget=forms.Textarea(attrs={"rows": rows})
    )


class TipFilterForm(StyledForm):
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Mọi trạng thái")), *TipStatus.choices]
    )
    category = forms.ChoiceField(
        label=_("Loại tin"), required=False, choices=[("", _("Mọi loại")), *TipCategory.choices]
    )
    overdue = forms.BooleanField(label=_("Chỉ tin quá hạn"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitCodeField(
            user=user, label=_("Đơn vị thụ lý"), required=False, empty_label=_("Mọi đơn vị trong phạm vi")
        )
        self.order_fields(["status", "unit", "category", "overdue"])

    def filters(self) -> dict[str, Any]:
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "status": data["status"],
            "unit": data["unit"],
            "category": data["category"],
            "overdue": data["overdue"],
        }


class IntakeForm(LocationFields, StyledForm):
    channel = forms.ChoiceField(
        label=_("Kênh tiếp nhận"), choices=[("", _("— Chọn kênh —")), *INTAKE_CHANNELS]
    )
    received_at = forms.DateTimeField(
        label=_("Tiếp nhận lúc"),
        input_formats=[DATETIME_FORMAT, "%d/%m/%Y %H:%M:%S", "%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(format=DATETIME_FORMAT, attrs={"placeholder": "dd/mm/yyyy hh:mm"}),
    )
    source_reference = forms.CharField(
        label=_("Cơ quan chuyển đến, số văn bản"),
        max_length=255,
        required=False,
        help_text=_("Bắt buộc với tin do cơ quan khác chuyển đến."),
    )
    category = forms.ChoiceField(
        label=_("Loại tin"), choices=[("", _("— Chọn loại tin —")), *TipCategory.choices]
    )
    place = forms.CharField(label=_("Địa chỉ, địa điểm"), max_length=PLACE_MAX, required=False)
    content = _textarea(_("Nội dung"), CONTENT_MAX, required=True, rows=6)
    attachments = MultipleFileField(label=_("Ảnh, tài liệu"), required=False)
    full_name = forms.CharField(label=_("Người báo tin: họ và tên"), max_length=150, required=False)
    phone = forms.CharField(label=_("Người báo tin: điện thoại"), max_length=30, required=False)
    email = forms.CharField(label=_("Người báo tin: thư điện tử"), max_length=200, required=False)
    address = forms.CharField(label=_("Người báo tin: địa chỉ"), max_length=200, required=False)

    def __init__(self, *args: Any, default_province: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_location_fields(self.data if self.is_bound else None, initial_province=default_province)
        if not self.is_bound and default_province:
            self.fields["province"].initial = default_province
        self.order_fields(
            [
                "channel",
                "received_at",
                "source_reference",
                "category",
                "province",
                "commune",
                "place",
                "content",
                "attachments",
            ]
        )

    def contact(self) -> Contact:
        return Contact(
            **{name: self.cleaned_data.get(name, "") for name in ("full_name", "phone", "email", "address")}
        )

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name not in {"province", "commune"}]


class TransitionForm(StyledForm):
    """The next step of the workflow (there is one at a time): its fields depend on where it leads."""

    to_status = forms.CharField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = _textarea(_("Ghi chú"), MESSAGE_MAX)

    def __init__(self, *args: Any, tip: Tip, user: User, target: str, **kwargs: Any) -> None:
        self.target = target
        kwargs.setdefault(
            "initial", {"to_status": self.target, "version": tip.version, "category": tip.category}
        )
        super().__init__(*args, **kwargs)
        if self.target == TipStatus.CLASSIFIED:
            self.fields["category"] = forms.ChoiceField(
                label=_("Loại tin"),
                choices=TipCategory.choices,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields["establishment"] = forms.ModelChoiceField(
                label=_("Cơ sở kinh doanh dịch vụ liên quan"),
                queryset=selectors.establishments_for_tip(user, tip),
                required=False,
                empty_label=_("— Không có —"),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields["hotspot"] = forms.ModelChoiceField(
                label=_("Điểm phức tạp liên quan"),
                queryset=selectors.hotspots_for_tip(user, tip),
                required=False,
                empty_label=_("— Không có —"),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields["persons_count"] = forms.IntegerField(
                label=_("Số người liên quan"),
                required=False,
                min_value=0,
                max_value=10000,
                widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
            )
            self.order_fields(["category", "establishment", "hotspot", "persons_count", "note"])
        elif self.target == TipStatus.HANDLED:
            self.fields["outcome"] = forms.ChoiceField(
                label=_("Kết quả xử lý"),
                choices=[("", _("— Chọn kết quả —")), *TipOutcome.choices],
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields["outcome_reference"] = forms.CharField(
                label=_("Số hiệu vụ án, quyết định hoặc cơ quan nhận"),
                max_length=255,
                required=False,
                help_text=_(
                    "Bắt buộc khi khởi tố vụ án (ghi số hiệu vụ án) hoặc chuyển cơ quan có thẩm quyền "
                    "(ghi tên cơ quan nhận)."
                ),
                widget=forms.TextInput(attrs={"class": "form-control"}),
            )
            self.order_fields(["outcome", "outcome_reference", "note"])

    @property
    def button_label(self) -> str:
        labels: dict[str, Any] = {
            TipStatus.VERIFYING: _("Bắt đầu xác minh"),
            TipStatus.CLASSIFIED: _("Ghi nhận phân loại"),
            TipStatus.HANDLED: _("Ghi nhận kết quả xử lý"),
            TipStatus.CLOSED: _("Đóng tin"),
        }
        return str(labels.get(self.target, _("Chuyển")))

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        kwargs: dict[str, Any] = {
            "to_status": data["to_status"],
            "version": data["version"],
            "note": data["note"],
        }
        for name in ("category", "establishment", "hotspot", "persons_count", "outcome", "outcome_reference"):
            if name in data:
                kwargs[name] = data[name]
        return kwargs


class CurrentUnitField(forms.CharField):
    """A current province (2 digits) or commune (5 digits) anywhere in the country, by its official code."""

    def clean(self, value: Any) -> AdminUnit | None:  # type: ignore[override]
        code = (super().clean(value) or "").strip()
        if not code:
            return None
        unit = (
            AdminUnit.objects.current()
            .filter(code=code, level__in=[AdminUnit.Level.PROVINCE, AdminUnit.Level.COMMUNE])
            .first()
        )
        if unit is None:
            raise ValidationError(UNKNOWN_UNIT, code="unknown_unit", params={"code": code})
        return unit


class TransferForm(StyledForm):
    to_unit = CurrentUnitField(
        label=_("Chuyển đến đơn vị (mã)"),
        max_length=5,
        help_text=_("Mã tỉnh 2 chữ số hoặc mã xã, phường 5 chữ số, ví dụ 14 hoặc 03646."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    reason = _textarea(_("Lý do chuyển"), MESSAGE_MAX, required=True, rows=2)
    version = forms.IntegerField(widget=forms.HiddenInput)


class MessageForm(StyledForm):
    body = _textarea(_("Tin nhắn gửi người báo tin"), MESSAGE_MAX, required=True)


class RevealForm(StyledForm):
    reason = forms.CharField(
        label=_("Lý do xem danh tính người báo tin"),
        max_length=500,
        help_text=_("Bắt buộc. Lý do được ghi vào nhật ký truy cập cùng tên bạn và thời điểm xem."),
    )


class HotspotFromTipForm(StyledForm):
    kind = forms.ChoiceField(label=_("Loại điểm"), choices=Hotspot.Kind.choices)
    name = forms.CharField(label=_("Tên, mô tả địa điểm"), max_length=255)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    description = _textarea(_("Tình hình, đặc điểm"), 5000, rows=2)
    identified_on = forms.DateField(
        label=_("Ngày phát hiện"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        help_text=_("Để trống: hôm nay."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, tip: Tip, user: User, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"version": tip.version, "address": ""})
        super().__init__(*args, **kwargs)
        self.fields["identified_by"] = AgencyChoiceField(
            label=_("Cơ quan phát hiện"),
            queryset=identifying_agencies_for(user),
            empty_label=_("— Chọn cơ quan —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.order_fields(["kind", "name", "address", "description", "identified_by", "identified_on"])


class InspectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Inspection) -> str:  # type: ignore[override]
        return str(obj)


class LinkInspectionForm(StyledForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, tip: Tip, user: User, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"version": tip.version})
        super().__init__(*args, **kwargs)
        self.fields["inspection"] = InspectionChoiceField(
            label=_("Cuộc kiểm tra"),
            queryset=selectors.inspections_for_tip(user, tip)[:200],
            empty_label=_("— Chọn cuộc kiểm tra —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )

    def has_choices(self) -> bool:
        return bool(list(self.fields["inspection"].queryset[:1]))  # type: ignore[attr-defined]


class LinkCriminalCaseForm(StyledForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, tip: Tip, user: User, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"version": tip.version})
        super().__init__(*args, **kwargs)
        self.fields["case"] = forms.ModelChoiceField(
            label=_("Vụ án"),
            queryset=selectors.criminal_cases_for_tip(user, tip),
            empty_label=_("— Chọn vụ án —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )

    def has_choices(self) -> bool:
        return bool(list(self.fields["case"].queryset[:1]))  # type: ignore[attr-defined]


class TipConfigForm(StyledForm):
    """A province's routing rules (one agency kind per category) and its own stage deadlines (blank: the
    default)."""

    def __init__(self, *args: Any, province: AdminUnit, **kwargs: Any) -> None:
        rules = selectors.routing_rules_of(province)
        deadlines = selectors.stage_deadlines_of(province)
        initial: dict[str, Any] = {f"rule_{c}": rules[c].agency_kind for c in rules}
        initial.update(
            {f"days_{stage}": own for stage, (own, _default) in deadlines.items() if own is not None}
        )
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        for value, label in TipCategory.choices:
            self.fields[f"rule_{value}"] = forms.ChoiceField(
                label=label,
                required=False,
                choices=[("", _("— Chỉ đơn vị thụ lý —")), *AgencyKind.choices],
                widget=forms.Select(attrs={"class": "form-select"}),
            )
        for stage, label in DEADLINE_STAGES:
            default = deadlines.get(stage, (None, None))[1]
            self.fields[f"days_{stage}"] = forms.IntegerField(
                label=label,
                required=False,
                min_value=1,
                max_value=365,
                help_text=_(
                    "Để trống: dùng mặc định (%(days)s ngày). Thiết lập của địa phương, "
                    "không phải thời hạn luật định."
                )
                % {"days": default if default is not None else "—"},
                widget=forms.NumberInput(attrs={"class": "form-control"}),
            )

    def rule_fields(self) -> list[forms.BoundField]:
        return [self[f"rule_{value}"] for value in TipCategory.values]

    def deadline_fields(self) -> list[forms.BoundField]:
        return [self[f"days_{stage}"] for stage, _label in DEADLINE_STAGES]
