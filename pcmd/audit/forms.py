"""Filters of the log screens (GET forms)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pcmd.audit.change_display import ACTION_LABELS
from pcmd.audit.models import AccessLog
from pcmd.audit.selectors import LogFilters, tracked_object_types

DATE_RANGE_REVERSED = _("Ngày kết thúc không được trước ngày bắt đầu.")

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _date_field(label: StrOrPromise) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={
                "class": "form-control",
                "placeholder": _("dd/mm/yyyy"),
                "inputmode": "numeric",
                "autocomplete": "off",
            },
        ),
    )


def _text(label: StrOrPromise, **attrs: StrOrPromise) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"class": "form-control", **attrs}),
    )


class _LogFilterForm(forms.Form):
    actor = _text(_("Người thực hiện"), placeholder=_("tên đăng nhập hoặc họ tên"))
    object_id = _text(_("Mã đối tượng"), inputmode="numeric")
    date_from = _date_field(_("Từ ngày"))
    date_to = _date_field(_("Đến ngày"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", DATE_RANGE_REVERSED)
        return data

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                if "is-invalid" not in attrs.get("class", ""):
                    attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                    attrs["aria-describedby"] = f"{self[name].auto_id}-loi"


class ChangeFilterForm(_LogFilterForm):
    object_type = forms.ChoiceField(
        label=_("Loại đối tượng"), required=False, widget=forms.Select(attrs={"class": "form-select"})
    )
    action = forms.TypedChoiceField(
        label=_("Thao tác"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Mọi thao tác")), *ACTION_LABELS.items()],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    field_order = ["actor", "object_type", "object_id", "action", "date_from", "date_to"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        object_type = self.fields["object_type"]
        assert isinstance(object_type, forms.ChoiceField)
        object_type.choices = [("", _("Mọi loại")), *tracked_object_types()]

    def filters(self) -> LogFilters:
        data = self.cleaned_data
        return LogFilters(
            actor=data["actor"],
            object_type=data["object_type"],
            object_id=data["object_id"],
            action=data["action"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )


class AccessFilterForm(_LogFilterForm):
    object_type = _text(_("Loại đối tượng"), placeholder=_("ví dụ: tips.tip"))
    purpose = forms.ChoiceField(
        label=_("Mục đích"),
        required=False,
        choices=[("", _("Mọi mục đích")), *AccessLog.Purpose.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    field_order = ["actor", "object_type", "object_id", "purpose", "date_from", "date_to"]

    def filters(self) -> LogFilters:
        data = self.cleaned_data
        return LogFilters(
            actor=data["actor"],
            object_type=data["object_type"],
            object_id=data["object_id"],
            purpose=data["purpose"],
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
