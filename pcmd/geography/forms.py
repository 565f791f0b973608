"""The unit-list filters, shared by the web page and the API (GET /api/v1/units/), with Vietnamese errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pcmd.geography.models import REORGANISATION_DATE, AdminUnit
from pcmd.geography.selectors import ORDER_BY_NAME, ORDER_BY_PATH, UnitFilter, unit_find

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]

INVALID_LEVEL = _("Cấp không hợp lệ: dùng province (tỉnh), district (huyện) hoặc commune (xã).")
INVALID_DATE = _("Ngày không hợp lệ: dùng dạng dd/mm/yyyy (ví dụ 01/07/2025) hoặc yyyy-mm-dd.")
INVALID_LEGACY = _("Giá trị không hợp lệ: dùng true (đơn vị trước 01/07/2025) hoặc false (đơn vị hiện hành).")
INVALID_ORDERING = _("Cách sắp xếp không hợp lệ: dùng name (theo tên) hoặc path (theo mã).")
UNKNOWN_PARENT = _("Không có đơn vị hành chính mã “%(code)s” trong thời kỳ đang xem.")
PARENT_TOO_LONG = _("Mã đơn vị cấp trên có tối đa 5 chữ số.")
QUERY_TOO_LONG = _("Từ khóa tìm kiếm dài tối đa 100 ký tự.")

_LEGACY_VALUES = {"true": True, "false": False}


class _LowerCaseChoiceField(forms.ChoiceField):
    """Choices written in lower case; "True" and "PATH" are accepted too."""

    def to_python(self, value: Any) -> str:
        return super().to_python(value).strip().lower()


class UnitFilterForm(forms.Form):
    """GET parameters: q, level, parent, valid_on, legacy, ordering. Every one optional.

    Without `legacy`, current units are listed unless `valid_on` falls before 01/07/2025.
    """

    q = forms.CharField(
        label=_("Tìm theo tên hoặc mã"),
        required=False,
        max_length=100,
        error_messages={"max_length": QUERY_TOO_LONG},
    )
    level = _LowerCaseChoiceField(
        label=_("Cấp"),
        required=False,
        choices=[("", _("Tất cả các cấp")), *AdminUnit.Level.choices],
        error_messages={"invalid_choice": INVALID_LEVEL},
    )
    legacy = _LowerCaseChoiceField(
        label=_("Thời kỳ"),
        required=False,
        choices=[
            ("", _("Hiện hành (từ 01/07/2025)")),
            ("false", _("Hiện hành (từ 01/07/2025)")),
            ("true", _("Trước 01/07/2025")),
        ],
        error_messages={"invalid_choice": INVALID_LEGACY},
    )
    parent = forms.CharField(
        label=_("Thuộc đơn vị (mã)"),
        required=False,
        max_length=5,
        error_messages={"max_length": PARENT_TOO_LONG},
    )
    valid_on = forms.DateField(
        label=_("Có hiệu lực vào ngày"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        error_messages={"invalid": INVALID_DATE},
    )
    ordering = _LowerCaseChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("", _("Theo tên")), (ORDER_BY_NAME, _("Theo tên")), (ORDER_BY_PATH, _("Theo mã"))],
        error_messages={"invalid_choice": INVALID_ORDERING},
    )

    def era(self) -> str:
        """The era listed: legacy when asked for, or when the date falls before the reorganisation."""
        data = self.cleaned_data
        legacy = _LEGACY_VALUES.get(data.get("legacy") or "")
        if legacy is None:
            valid_on = data.get("valid_on")
            legacy = valid_on is not None and valid_on < REORGANISATION_DATE
        return AdminUnit.Era.LEGACY if legacy else AdminUnit.Era.CURRENT

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        code = (data.get("parent") or "").strip()
        if code and "legacy" not in self.errors and "valid_on" not in self.errors:
            parent = unit_find(era=self.era(), code=code) if code.isdigit() else None
            if parent is None:
                self.add_error("parent", forms.ValidationError(UNKNOWN_PARENT, params={"code": code}))
            else:
                data["parent_unit"] = parent
        return data

    def filters(self) -> UnitFilter:
        """The selector's filter; call only after is_valid()."""
        data = self.cleaned_data
        return UnitFilter(
            era=self.era(),
            level=data.get("level") or "",
            parent=data.get("parent_unit"),
            q=data.get("q") or "",
            valid_on=data.get("valid_on"),
            ordering=data.get("ordering") or ORDER_BY_NAME,
        )

    def errors_by_field(self) -> dict[str, list[str]]:
        return {field: [str(message) for message in messages] for field, messages in self.errors.items()}
