"""Views of the login flow beyond Django's own: logout message, password reset form, membership switch,
TOTP set-up and verification."""

from __future__ import annotations

import base64
import io
from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import LogoutView
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from pcmd.accounts import services
from pcmd.accounts.forms import OtpTokenForm, SwitchMembershipForm


class PcmdPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=gettext_lazy("Thư điện tử đã đăng ký với tài khoản"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class PcmdLogoutView(LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Bạn đã đăng xuất."))
        return response


@require_POST
def switch_membership(request: HttpRequest) -> HttpResponse:
    actor: Any = request.user
    form = SwitchMembershipForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Yêu cầu chuyển phân công không hợp lệ."))
        return redirect("home")
    try:
        membership = services.membership_switch(
            request=request, actor=actor, membership_id=form.cleaned_data["membership"]
        )
    except PermissionDenied:
        messages.error(request, str(services.MEMBERSHIP_NOT_YOURS))
        return redirect("home")
    messages.success(request, _("Bạn đang làm việc với tư cách: %(membership)s") % {"membership": membership})
    return redirect("home")


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _safe_next(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Add (or replace) the user's TOTP device: QR code and secret, then a first code to confirm it.

    Someone who has a confirmed device must have verified it in this session first: a stolen password alone
    must not be enough to replace the owner's device.
    """
    user: Any = request.user
    has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    if has_device and not user.is_verified():
        messages.info(request, _("Hãy xác thực bằng thiết bị hiện tại trước khi cài đặt thiết bị mới."))
        return redirect("accounts:two-factor")
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.totp_device_confirm(request=request, actor=user, token=form.cleaned_data["token"])
        except ValidationError as error:
            form.add_error("token", error.message_dict["token"][0])
        else:
            messages.success(request, _("Đã bật xác thực hai bước cho tài khoản."))
            return redirect("home")
    device = (
        TOTPDevice.objects.filter(user=user, confirmed=False).first() if request.method == "POST" else None
    )
    if device is None:
        device = services.totp_device_start(actor=user)
    secret = base64.b32encode(device.bin_key).decode()
    context = {"form": form, "qr": _qr_svg(device.config_url), "secret": secret, "has_device": has_device}
    return render(request, "accounts/two_factor_setup.html", context)


def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """Second step of the login for privileged roles (PCMD_REQUIRE_2FA)."""
    user: Any = request.user
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        messages.info(request, _("Vai trò của bạn cần xác thực hai bước. Hãy cài đặt ứng dụng tạo mã trước."))
        return redirect("accounts:two-factor-setup")
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.totp_verify(request=request, actor=user, token=form.cleaned_data["token"])
        except ValidationError as error:
            form.add_error("token", error.message_dict["token"][0])
        else:
            return redirect(_safe_next(request))
    return render(request, "accounts/two_factor_verify.html", {"form": form})
