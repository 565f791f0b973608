from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

INVALID_LOGIN = _("Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: sau nhiều lần sai, tài khoản sẽ tạm bị khóa.")
INACTIVE_ACCOUNT = _("Tài khoản này đã bị vô hiệu hóa.")
INVALID_OTP = _("Mã xác thực không đúng hoặc đã hết hạn. Mã gồm 6 chữ số, đổi sau mỗi 30 giây.")


class PcmdAuthenticationForm(AuthenticationForm):
    error_messages = {"invalid_login": INVALID_LOGIN, "inactive": INACTIVE_ACCOUNT}

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")


class OtpTokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Mã xác thực 6 chữ số"), regex=r"^\s*\d{6}\s*$", max_length=12,
        error_messages={"invalid": INVALID_OTP, "required": _("Nhập mã xác thực từ ứng dụng trên điện thoại.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].strip()


class SwitchMembershipForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)
