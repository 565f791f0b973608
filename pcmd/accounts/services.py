"""Writes on accounts: every change goes through here (views, API, commands call the same functions)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from pcmd.accounts.forms import INVALID_OTP
from pcmd.accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from pcmd.accounts.models import Membership, User
from pcmd.accounts.policies import can_switch_to
from pcmd.accounts.scoping import set_active_membership

MEMBERSHIP_NOT_YOURS = "Phân công này không thuộc tài khoản của bạn hoặc đã hết hiệu lực."


def membership_switch(*, request: HttpRequest, actor: User, membership_id: int) -> Membership:
    """Make another of the actor's memberships the active one for this session."""
    membership = Membership.objects.select_related("unit", "agency").filter(pk=membership_id).first()
    if membership is None or not can_switch_to(actor, membership):
        raise PermissionDenied(MEMBERSHIP_NOT_YOURS)
    request.session[ACTIVE_MEMBERSHIP_SESSION_KEY] = membership.pk
    set_active_membership(actor, membership)
    return membership


@transaction.atomic
def totp_device_start(*, actor: User) -> TOTPDevice:
    """An unconfirmed TOTP device for the actor (replacing an earlier unconfirmed one)."""
    TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
    return TOTPDevice.objects.create(user=actor, name="PCMD", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, request: HttpRequest, actor: User, token: str) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None or not device.verify_token(token):
        raise ValidationError({"token": [INVALID_OTP]})
    TOTPDevice.objects.filter(user=actor, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return device


def totp_verify(*, request: HttpRequest, actor: User, token: str) -> TOTPDevice:
    for device in TOTPDevice.objects.devices_for_user(actor, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            return device
    raise ValidationError({"token": [INVALID_OTP]})
