"""Forms of the citizens' portal. They only parse input: the rules are in pcmd.tips.services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from pcmd.geography.models import AdminUnit
from pcmd.tips import selectors
from pcmd.tips.captcha import portal_captcha_field
from pcmd.tips.models import TipCategory
from pcmd.tips.services import Contact
from pcmd.tips.services.common import CONTENT_MAX, MESSAGE_MAX, PLACE_MAX

ACCEPTED_FILES = "image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf,.pdf,.docx"
UNKNOWN_PROVINCE = _("Hãy chọn tỉnh, thành phố.")
UNKNOWN_COMMUNE = _("Xã, phường đã chọn không thuộc tỉnh, thành phố này.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (each is checked by the service: type from its bytes, size, number)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPTED_FILES}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:  # type: ignore[override]
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _text(label: Any, maximum: int, *, required: bool = False, **attrs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=maximum,
        required=required,
        strip=True,
        widget=forms.TextInput(attrs={"class": "form-control", **attrs}),
    )


class LocationFields(forms.Form):
    """Province → commune: the commune list follows the chosen province (filtered on the server; htmx swaps
    the list in place, and without JavaScript the "Cập nhật danh sách xã" button reloads the form)."""

    def add_location_fields(self, data: Any, initial_province: str = "") -> None:
        chosen = ""
        if data is not None:
            chosen = str(data.get("province", "") or "")
        chosen = chosen or str(self.initial.get("province", "") or initial_province)
        provinces = [(p.code, p.name) for p in selectors.portal_provinces()]
        self.fields["province"] = forms.ChoiceField(
            label=_("Tỉnh, thành phố"),
            choices=[("", _("— Chọn tỉnh, thành phố —")), *provinces],
            error_messages={"required": UNKNOWN_PROVINCE, "invalid_choice": UNKNOWN_PROVINCE},
            widget=forms.Select(attrs={"class": "form-select"}),
        )
        communes = [(c.code, c.name) for c in selectors.portal_communes(chosen)]
        self.fields["commune"] = forms.ChoiceField(
            label=_("Xã, phường, đặc khu (nếu biết)"),
            required=False,
            choices=[("", _("— Không rõ / chọn sau —")), *communes],
            error_messages={"invalid_choice": UNKNOWN_COMMUNE},
            widget=forms.Select(attrs={"class": "form-select"}),
        )

    def location(self) -> tuple[AdminUnit | None, AdminUnit | None]:
        province = selectors.portal_provinces().filter(code=self.cleaned_data.get("province", "")).first()
        code = self.cleaned_data.get("commune", "")
        commune = (
            selectors.portal_communes(province.code).filter(code=code).first() if province and code else None
        )
        return province, commune


class PortalTipForm(LocationFields):
    category = forms.ChoiceField(
        label=_("Bạn muốn báo về việc gì?"),
        choices=[("", _("— Chọn loại tin —")), *TipCategory.choices],
        error_messages={"required": _("Hãy chọn loại tin.")},
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    place = _text(
        _("Địa chỉ hoặc nơi xảy ra"), PLACE_MAX, placeholder=_("ví dụ: quán karaoke ở tổ 5, đường Lê Lợi")
    )
    content = forms.CharField(
        label=_("Nội dung"),
        max_length=CONTENT_MAX,
        help_text=_("Kể những gì bạn thấy: ở đâu, khi nào, ai liên quan, diễn ra thế nào."),
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 6}),
        error_messages={"required": _("Hãy viết nội dung tin báo.")},
    )
    attachments = MultipleFileField(
        label=_("Ảnh, tài liệu (không bắt buộc)"),
        required=False,
        help_text=_(
            "Ảnh JPEG, PNG, WebP, HEIC hoặc tài liệu PDF, DOCX; tối đa 5 tệp, mỗi tệp không quá 10 MB."
        ),
    )
    full_name = _text(_("Họ và tên"), 150, autocomplete="off")
    phone = _text(_("Số điện thoại"), 30, inputmode="tel", autocomplete="off")
    email = _text(_("Thư điện tử"), 200, inputmode="email", autocomplete="off")
    address = _text(_("Địa chỉ liên hệ"), 200, autocomplete="off")

    CONTACT_FIELDS = ("full_name", "phone", "email", "address")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_location_fields(self.data if self.is_bound else None)
        self.fields["captcha"] = portal_captcha_field()
        self.order_fields(["category", "province", "commune", "place", "content", "attachments"])

    def contact(self) -> Contact:
        return Contact(**{name: self.cleaned_data.get(name, "") for name in self.CONTACT_FIELDS})

    def contact_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.CONTACT_FIELDS]

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("category", "province", "commune", "place", "content", "attachments")]


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=_("Mã tiếp nhận"),
        max_length=60,
        widget=forms.TextInput(
            attrs={
                "class": "form-control",
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "placeholder": "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX",
            }
        ),
        error_messages={"required": _("Hãy nhập mã tiếp nhận.")},
    )


class ReplyForm(forms.Form):
    receipt = forms.CharField(widget=forms.HiddenInput, max_length=60)
    body = forms.CharField(
        label=_("Trả lời cơ quan tiếp nhận"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}),
        error_messages={"required": _("Hãy viết nội dung trả lời.")},
    )
