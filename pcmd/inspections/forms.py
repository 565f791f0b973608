"""Forms of the inspection pages. They only parse input (and offer the choices the user may make); the rules
live in pcmd.inspections.services, whose field errors come back onto these forms."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.agencies.forms import StyledForm
from pcmd.agencies.models import TeamMember
from pcmd.inspections.models import (
    ChecklistItem,
    ChecklistResult,
    FollowUp,
    Inspection,
    InspectionMode,
    Violation,
)
from pcmd.inspections.services import ChecklistEntry
from pcmd.legal.forms import VndField, date_field

TIME_PLACEHOLDER = _("hh:mm")
UNKNOWN_CHOICE = _("Hãy chọn một lựa chọn hợp lệ.")


def _time_field(label: Any, *, required: bool) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=required,
        input_formats=["%H:%M", "%H.%M", "%Hh%M", "%H:%M:%S"],
        widget=forms.TimeInput(
            format="%H:%M",
            attrs={"placeholder": TIME_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"},
        ),
    )


def style_choice_widgets(form: forms.Form) -> None:
    """Radios and checkbox lists get Bootstrap's form-check-input (StyledForm gives them form-control)."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            field.widget.attrs["class"] = "form-check-input"


class LabelledChoiceField(forms.ModelChoiceField):
    """A model choice labelled by a function (an establishment with its commune, a provision with range)."""

    def __init__(self, *args: Any, label_of: Any = str, **kwargs: Any) -> None:
        self.label_of = label_of
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return self.label_of(obj)


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        member: TeamMember = obj
        position = f", {member.position}" if member.position else ""
        return f"{member.full_name} ({member.get_team_role_display()}{position} — {member.agency.name})"


def establishment_label(establishment: Any) -> str:
    return f"{establishment.name} — {establishment.address} ({establishment.unit.name})"


def money(amount: int | None) -> str:
    return f"{amount or 0:,}".replace(",", ".")


def provision_label(provision: Any) -> str:
    fine = (
        f"{money(provision.fine_min)} – {money(provision.fine_max)} đ"
        if provision.has_fine
        else str(_("không phạt tiền"))
    )
    return f"{provision.reference}: {provision.act} [{provision.get_applies_to_display()}; {fine}]"


# --- inspection ---------------------------------------------------------------------------------------------


class InspectionForm(StyledForm):
    """One column, phone first: establishment, how and when, who was there, the checklist, findings."""

    mode = forms.ChoiceField(
        label=_("Hình thức kiểm tra"),
        choices=InspectionMode.choices,
        widget=forms.RadioSelect,
        initial=InspectionMode.UNANNOUNCED,
    )
    day = date_field(_("Ngày kiểm tra"), required=True)
    start_time = _time_field(_("Bắt đầu lúc"), required=True)
    end_time = _time_field(_("Kết thúc lúc"), required=False)
    findings = forms.CharField(
        label=_("Kết quả kiểm tra, nội dung phát hiện"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    minutes_number = forms.CharField(
        label=_("Số biên bản"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: 12/BB-ĐKT")}),
    )
    representative_name = forms.CharField(label=_("Đại diện cơ sở"), required=False, max_length=150)
    representative_role = forms.CharField(
        label=_("Chức vụ, vai trò của đại diện"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Chủ cơ sở")}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        establishments: Any = None,
        members: list[TeamMember],
        items: list[ChecklistItem],
        inspection: Inspection | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if establishments is not None:
            self.fields["establishment"] = LabelledChoiceField(
                label=_("Cơ sở được kiểm tra"),
                queryset=establishments,
                label_of=establishment_label,
                empty_label=_("— Chọn cơ sở —"),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
        self.fields["members_present"] = MemberChoiceField(
            label=_("Thành viên đoàn có mặt"),
            queryset=TeamMember.objects.filter(pk__in=[m.pk for m in members]).select_related("agency"),
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        self.items = items
        outcome_choices = [("", _("Chưa ghi")), *ChecklistResult.Outcome.choices]
        for item in items:
            self.fields[f"check_{item.pk}"] = forms.ChoiceField(
                label=item.name,
                choices=outcome_choices,
                required=False,
                widget=forms.RadioSelect,
                help_text=item.description,
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(
                label=_("Ghi chú: %(item)s") % {"item": item.name}, required=False, max_length=500
            )
        if inspection is None:
            del self.fields["version"]
        order = ["establishment", "mode", "day", "start_time", "end_time", "members_present"]
        self.order_fields([name for name in order if name in self.fields])
        style_choice_widgets(self)

    @staticmethod
    def initial_for(inspection: Inspection) -> dict[str, Any]:
        start = timezone.localtime(inspection.started_at)
        initial: dict[str, Any] = {
            "mode": inspection.mode,
            "day": start.date(),
            "start_time": start.time().replace(second=0, microsecond=0),
            "end_time": timezone.localtime(inspection.ended_at).time() if inspection.ended_at else None,
            "members_present": [m.pk for m in inspection.members_present.all()],
            "findings": inspection.findings,
            "minutes_number": inspection.minutes_number,
            "representative_name": inspection.representative_name,
            "representative_role": inspection.representative_role,
            "version": inspection.version,
        }
        for result in inspection.checklist_results.all():
            initial[f"check_{result.item_id}"] = result.outcome
            initial[f"note_{result.item_id}"] = result.note
        return initial

    def checklist_rows(self) -> list[tuple[Any, Any]]:
        return [(self[f"check_{item.pk}"], self[f"note_{item.pk}"]) for item in self.items]

    def moments(self) -> tuple[datetime.datetime, datetime.datetime | None]:
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        start = timezone.make_aware(datetime.datetime.combine(data["day"], data["start_time"]), zone)
        end = None
        if data.get("end_time"):
            end = timezone.make_aware(datetime.datetime.combine(data["day"], data["end_time"]), zone)
        return start, end

    def checklist_entries(self) -> list[ChecklistEntry]:
        entries = []
        for item in self.items:
            outcome = self.cleaned_data.get(f"check_{item.pk}")
            if outcome:
                entries.append(ChecklistEntry(item, outcome, self.cleaned_data.get(f"note_{item.pk}", "")))
        return entries

    def service_values(self) -> dict[str, Any]:
        start, end = self.moments()
        data = self.cleaned_data
        return {
            "mode": data["mode"],
            "started_at": start,
            "ended_at": end,
            "members_present": list(data["members_present"]),
            "checklist": self.checklist_entries(),
            "findings": data["findings"],
            "minutes_number": data["minutes_number"],
            "representative_name": data["representative_name"],
            "representative_role": data["representative_role"],
        }

    def apply_service_errors(self, exc: ValidationError) -> None:
        """The service speaks of started_at / ended_at; the form has a day and times."""
        if hasattr(exc, "error_dict"):
            renamed = {"started_at": "day", "ended_at": "end_time"}
            exc = ValidationError({renamed.get(k, k): v for k, v in exc.error_dict.items()})
        super().apply_service_errors(exc)


class TeamChoiceForm(StyledForm):
    def __init__(self, *args: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"] = forms.ModelChoiceField(
            label=_("Đội kiểm tra"),
            queryset=teams,
            empty_label=_("— Chọn đội —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )


class PhotoForm(StyledForm):
    file = forms.FileField(
        label=_("Ảnh"),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp", "capture": "environment"}
        ),
    )
    caption = forms.CharField(label=_("Chú thích"), required=False, max_length=255)


# --- violations ---------------------------------------------------------------------------------------------


class ViolationForm(StyledForm):
    act = forms.CharField(label=_("Hành vi vi phạm (mô tả)"), widget=forms.Textarea(attrs={"rows": 3}))
    persons_involved = forms.IntegerField(label=_("Số người vi phạm"), min_value=1, initial=1)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, provisions: Any, violation: Violation | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provision"] = LabelledChoiceField(
            label=_("Căn cứ xử phạt (áp dụng vào ngày kiểm tra)"),
            queryset=provisions,
            label_of=provision_label,
            empty_label=_("— Chọn căn cứ —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        if violation is None:
            del self.fields["version"]
        self.order_fields(["act", "provision", "persons_involved"])


class ViolationCloseForm(StyledForm):
    closed_on = date_field(_("Ngày kết thúc"), required=True)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


# --- sanction decisions -------------------------------------------------------------------------------------


class SanctionDecisionForm(StyledForm):
    number = forms.CharField(
        label=_("Số quyết định"),
        max_length=60,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: 25/QĐ-XPHC")}),
    )
    decided_on = date_field(_("Ngày quyết định"), required=True)
    authority = forms.CharField(
        label=_("Người ra quyết định (chức danh)"),
        max_length=255,
        widget=forms.TextInput(attrs={"placeholder": _("ví dụ: Chủ tịch Ủy ban nhân dân phường Tô Hiệu")}),
    )
    suspension_months = forms.IntegerField(
        label=_("Tước quyền sử dụng giấy phép, đình chỉ hoạt động (số tháng)"), required=False, min_value=1
    )
    licence_withdrawn = forms.BooleanField(label=_("Thu hồi giấy phép"), required=False)
    confiscation = forms.CharField(
        label=_("Tịch thu tang vật, phương tiện"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    remedy_measures = forms.CharField(
        label=_("Biện pháp khắc phục hậu quả"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    remedy_deadline = date_field(_("Thời hạn khắc phục"))

    def __init__(self, *args: Any, agencies: Any, violations: list[Violation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"] = LabelledChoiceField(
            label=_("Cơ quan ra quyết định"),
            queryset=agencies,
            empty_label=_("— Chọn cơ quan —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.violations = violations
        for violation in violations:
            self.fields[f"include_{violation.pk}"] = forms.BooleanField(
                label=violation.act, required=False, initial=True
            )
            self.fields[f"fine_{violation.pk}"] = VndField(
                label=_("Mức phạt (đồng)"), required=False, help_text=provision_label(violation.provision)
            )
        self.order_fields(["number", "decided_on", "authority", "agency"])

    def violation_rows(self) -> list[tuple[Violation, Any, Any]]:
        return [(v, self[f"include_{v.pk}"], self[f"fine_{v.pk}"]) for v in self.violations]

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "number": data["number"],
            "decided_on": data["decided_on"],
            "authority": data["authority"],
            "agency": data["agency"],
            "fines": {v: data.get(f"fine_{v.pk}") for v in self.violations if data.get(f"include_{v.pk}")},
            "suspension_months": data["suspension_months"],
            "licence_withdrawn": data["licence_withdrawn"],
            "confiscation": data["confiscation"],
            "remedy_measures": data["remedy_measures"],
            "remedy_deadline": data["remedy_deadline"],
        }


class PaymentForm(StyledForm):
    paid_on = date_field(_("Ngày nộp phạt"), required=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


# --- follow-ups ---------------------------------------------------------------------------------------------


class FollowUpScheduleForm(StyledForm):
    due_on = date_field(_("Hạn hậu kiểm"), required=True)


class FollowUpRecordForm(StyledForm):
    done_on = date_field(_("Ngày hậu kiểm"), required=True)
    outcome = forms.ChoiceField(
        label=_("Kết quả"), choices=FollowUp.Outcome.choices, widget=forms.RadioSelect
    )
    result = forms.CharField(
        label=_("Nội dung kết quả"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style_choice_widgets(self)


# --- plans --------------------------------------------------------------------------------------------------


class PlanForm(StyledForm):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    announced_quota = forms.IntegerField(label=_("Chỉ tiêu kiểm tra có thông báo"), min_value=0, initial=0)
    unannounced_quota = forms.IntegerField(label=_("Chỉ tiêu kiểm tra đột xuất"), min_value=0, initial=0)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, teams: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if teams is not None:
            self.fields["team"] = forms.ModelChoiceField(
                label=_("Đội kiểm tra"),
                queryset=teams,
                empty_label=_("— Chọn đội —"),
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            del self.fields["version"]
            self.order_fields(["team", "year"])
        else:
            del self.fields["year"]


class PlanEntryForm(StyledForm):
    mode = forms.ChoiceField(label=_("Hình thức"), choices=InspectionMode.choices)
    planned_month = forms.IntegerField(label=_("Tháng dự kiến"), required=False, min_value=1, max_value=12)

    def __init__(self, *args: Any, establishments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["establishment"] = LabelledChoiceField(
            label=_("Cơ sở"),
            queryset=establishments,
            label_of=establishment_label,
            empty_label=_("— Chọn cơ sở —"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        self.order_fields(["establishment"])


# --- checklist and filters ----------------------------------------------------------------------------------


class ChecklistItemForm(StyledForm):
    code = forms.SlugField(label=_("Mã"), max_length=40)
    name = forms.CharField(label=_("Nội dung kiểm tra"), max_length=255)
    description = forms.CharField(
        label=_("Hướng dẫn"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    order = forms.IntegerField(label=_("Thứ tự"), min_value=0, initial=0)
    is_active = forms.BooleanField(label=_("Đang dùng"), required=False, initial=True)

    def __init__(self, *args: Any, creating: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if creating:
            del self.fields["is_active"]
        else:
            del self.fields["code"]


class YearUnitFilterForm(StyledForm):
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = LabelledChoiceField(
            label=_("Địa bàn"),
            queryset=units,
            required=False,
            label_of=lambda unit: unit.name,
            empty_label=_("Toàn bộ phạm vi"),
            widget=forms.Select(attrs={"class": "form-select"}),
        )


class TimesFilterForm(YearUnitFilterForm):
    times = forms.IntegerField(label=_("Kiểm tra nhiều hơn (lần)"), required=False, min_value=0, initial=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["times", "year", "unit"])
