"""Views of the login flow beyond Django's own: membership switch, TOTP set-up and verification."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from pcmd.accounts import services
from pcmd.accounts.forms import OtpTokenForm, SwitchMembershipForm


@require_POST
def switch_membership(request: HttpRequest) -> HttpResponse:
    form = SwitchMembershipForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Yêu cầu chuyển phân công không hợp lệ."))
        return redirect("home")
    try:
        membership = services.membership_switch(
            request=request, actor=request.user, membership_id=form.cleaned_data["membership"]  # type: ignore[arg-type]
        )
    except PermissionDenied:
        messages.error(request, _(services.MEMBERSHIP_NOT_YOURS))
        return redirect("home")
    messages.success(request, _("Bạn đang làm việc với tư cách: %(membership)s") % {"membership": membership})
    return redirect("home")


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.totp_device_confirm(request=request, actor=user, token=form.cleaned_data["token"])  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error("token", error.message_dict["token"][0])
        else:
            messages.success(request, _("Đã bật xác thực hai bước cho tài khoản."))
            return redirect("home")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() if request.method == "POST" else None
    if device is None:
        device = services.totp_device_start(actor=user)  # type: ignore[arg-type]
    secret = base64.b32encode(device.bin_key).decode()
    return render(request, "accounts/two_factor_setup.html",
                  {"form": form, "qr": _qr_svg(device.config_url), "secret": secret})


def two_factor_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        messages.info(request, _("Vai trò của bạn cần xác thực hai bước. Hãy cài đặt ứng dụng tạo mã trước."))
        return redirect("accounts:two-factor-setup")
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.totp_verify(request=request, actor=user, token=form.cleaned_data["token"])  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error("token", error.message_dict["token"][0])
        else:
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = "/"
            return redirect(target or "/")
    return render(request, "accounts/two_factor_verify.html", {"form": form})
