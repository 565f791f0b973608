from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pcmd.accounts import selectors
from pcmd.accounts.capabilities import Role
from pcmd.accounts.models import User
from pcmd.geography.models import AdminUnit

INVALID_LOGIN = _(
    "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: sau nhiều lần sai, tài khoản sẽ tạm bị khóa."
)
INACTIVE_ACCOUNT = _("Tài khoản này đã bị vô hiệu hóa.")
INVALID_OTP = _("Mã xác thực không đúng hoặc đã hết hạn. Mã gồm 6 chữ số, đổi sau mỗi 30 giây.")
OTP_REQUIRED = _("Nhập mã xác thực từ ứng dụng trên điện thoại.")
UNIT_NOT_FOUND = _(
    "Không tìm thấy đơn vị này trong phạm vi quản lý của bạn. Nhập mã đơn vị (ví dụ 14 hoặc 04105) "
    "hoặc chọn trong danh sách gợi ý."
)
PASSWORDS_DIFFER = _("Hai lần nhập mật khẩu không giống nhau.")


class PcmdAuthenticationForm(AuthenticationForm):
    error_messages = {"invalid_login": INVALID_LOGIN, "inactive": INACTIVE_ACCOUNT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")


class OtpTokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Mã xác thực 6 chữ số"),
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        error_messages={"invalid": INVALID_OTP, "required": OTP_REQUIRED},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self) -> str:
        return str(self.cleaned_data["token"]).strip()


class SwitchMembershipForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)


class UserSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm theo tên đăng nhập, họ tên, thư điện tử"), required=False, max_length=100
    )


class MembershipForm(forms.Form):
    """Role, unit (typed as a code or picked from suggestions), agency and team of one membership.

    The unit is resolved within the actor's area; agency and team choices are those of the chosen unit
    (refreshed by htmx when the unit changes, and rebuilt from the submitted unit on every POST).
    """

    role = forms.ChoiceField(label=_("Vai trò"), choices=[("", _("— Chọn vai trò —")), *Role.choices])
    unit = forms.CharField(
        label=_("Đơn vị hành chính"),
        required=False,
        max_length=150,
        help_text=_(
            "Mã đơn vị (2 chữ số cho tỉnh, 5 chữ số cho xã) hoặc tên; gõ vài chữ để xem gợi ý. "
            "Để trống chỉ khi phân công quản trị hệ thống toàn quốc."
        ),
        widget=forms.TextInput(attrs={"list": "goi-y-don-vi", "autocomplete": "off"}),
    )
    agency = forms.ModelChoiceField(
        label=_("Cơ quan"),
        required=False,
        queryset=selectors.agencies_of_unit(None),
        empty_label=_("— Không —"),
    )
    team = forms.ModelChoiceField(
        label=_("Đội kiểm tra liên ngành 178"),
        required=False,
        queryset=selectors.teams_of_unit(None),
        empty_label=_("— Không —"),
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        unit = self._submitted_unit()
        agency_field: Any = self.fields["agency"]
        team_field: Any = self.fields["team"]
        agency_field.queryset = selectors.agencies_of_unit(unit)
        team_field.queryset = selectors.teams_of_unit(unit)
        # Suggestions for the unit as the user types (htmx fills the <datalist> the widget points to).
        self.fields["unit"].widget.attrs.update(
            {
                "hx-get": reverse("accounts:unit-options"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#goi-y-don-vi",
                "hx-swap": "innerHTML",
            }
        )
        if unit is None:
            agency_field.help_text = _("Chọn đơn vị trước để thấy danh sách cơ quan.")

    def _submitted_unit(self) -> AdminUnit | None:
        text = self.data.get(self.add_prefix("unit"), "") if self.is_bound else ""
        return selectors.unit_lookup(actor=self.actor, text=text) if text else None

    def clean_unit(self) -> AdminUnit | None:
        text = self.cleaned_data.get("unit", "").strip()
        if not text:
            return None
        unit = selectors.unit_lookup(actor=self.actor, text=text)
        if unit is None:
            raise forms.ValidationError(UNIT_NOT_FOUND)
        return unit

    def membership_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"role": data["role"], "unit": data["unit"], "agency": data["agency"], "team": data["team"]}


class UserCreateForm(MembershipForm):
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        help_text=_("Chữ không dấu, số và các ký tự . _ - @ (ví dụ: canbo.tohieu)."),
    )
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(
        label=_("Thư điện tử"), required=False, help_text=_("Dùng để đặt lại mật khẩu khi quên.")
    )
    phone = forms.CharField(label=_("Điện thoại"), required=False, max_length=30)
    position = forms.CharField(label=_("Chức vụ"), required=False, max_length=150)
    password1 = forms.CharField(
        label=_("Mật khẩu ban đầu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = [
        "username",
        "full_name",
        "email",
        "phone",
        "position",
        "password1",
        "password2",
        "role",
        "unit",
        "agency",
        "team",
    ]

    def clean_password2(self) -> str:
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise forms.ValidationError(PASSWORDS_DIFFER)
        return str(second)

    def user_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "username": data["username"],
            "full_name": data["full_name"],
            "email": data["email"],
            "phone": data["phone"],
            "position": data["position"],
            "password": data["password1"],
        }
