"""Writes on accounts: every change goes through here (views, API, commands call the same functions).

Changes to users and memberships are recorded by django-auditlog; the services make sure the actor is on
the log entry even outside a web request (management commands, the API with a token).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from pcmd.accounts.capabilities import Role
from pcmd.accounts.forms import INVALID_OTP
from pcmd.accounts.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from pcmd.accounts.models import Membership, User
from pcmd.accounts.policies import (
    can_deactivate_user,
    can_grant_membership,
    can_manage_users,
    can_switch_to,
)
from pcmd.accounts.scoping import set_active_membership
from pcmd.core.audit_context import attributed_to
from pcmd.geography.models import AdminUnit

MEMBERSHIP_NOT_YOURS = _("Phân công này không thuộc tài khoản của bạn hoặc đã hết hiệu lực.")
UNIT_REQUIRED = _("Vai trò này cần gắn với một đơn vị hành chính.")
UNIT_NOT_CURRENT = _("Chỉ phân công vào đơn vị hành chính hiện hành (từ 01/07/2025).")
AGENCY_NOT_OF_UNIT = _("Cơ quan đã chọn không thuộc đơn vị hành chính này.")
TEAM_NOT_OF_UNIT = _("Đội kiểm tra đã chọn không thuộc đơn vị hành chính này.")
MEMBERSHIP_EXISTS = _("Người dùng đã có phân công này.")
NOT_ALLOWED_TO_MANAGE_USERS = _("Bạn không có quyền quản lý tài khoản.")
NOT_ALLOWED_TO_GRANT = _("Bạn không được phân công vào đơn vị này hoặc với vai trò này.")
CANNOT_DEACTIVATE = _("Bạn không thể vô hiệu hóa tài khoản này (kể cả tài khoản của chính bạn).")


def membership_switch(*, request: HttpRequest, actor: User, membership_id: int) -> Membership:
    """Make another of the actor's memberships the active one for this session (nothing is written)."""
    membership = Membership.objects.select_related("unit", "agency", "team").filter(pk=membership_id).first()
    if membership is None or not can_switch_to(actor, membership):
        raise PermissionDenied(MEMBERSHIP_NOT_YOURS)
    request.session[ACTIVE_MEMBERSHIP_SESSION_KEY] = membership.pk
    set_active_membership(actor, membership)
    return membership


@transaction.atomic
def user_create(
    *,
    actor: User,
    username: str,
    password: str,
    full_name: str = "",
    email: str = "",
    phone: str = "",
    position: str = "",
    role: str | None = None,
    unit: AdminUnit | None = None,
    agency: Any = None,
    team: Any = None,
) -> User:
    """A new active account with an initial password and, when `role` is given, its first membership."""
    if not can_manage_users(actor):
        raise PermissionDenied(NOT_ALLOWED_TO_MANAGE_USERS)
    user = User(username=username, full_name=full_name, email=email, phone=phone, position=position)
    user.full_clean(exclude=["password"])
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    user.set_password(password)
    with attributed_to(actor):
        user.save()
    if role:
        membership_add(actor=actor, user=user, role=role, unit=unit, agency=agency, team=team)
    return user


@transaction.atomic
def membership_add(
    *,
    actor: User,
    user: User,
    role: str,
    unit: AdminUnit | None,
    agency: Any = None,
    team: Any = None,
) -> Membership:
    """Give `user` a membership: a role in a current-era unit, optionally for an agency and a Đội 178."""
    if not can_grant_membership(actor, user, unit, role):
        raise PermissionDenied(NOT_ALLOWED_TO_GRANT)
    errors: dict[str, list[Any]] = {}
    if unit is None and role != Role.SYSTEM_ADMIN:
        errors["unit"] = [UNIT_REQUIRED]
    if unit is not None and unit.is_legacy:
        errors["unit"] = [UNIT_NOT_CURRENT]
    if agency is not None and (unit is None or agency.unit_id != unit.pk):
        errors["agency"] = [AGENCY_NOT_OF_UNIT]
    if team is not None and (unit is None or team.unit_id != unit.pk):
        errors["team"] = [TEAM_NOT_OF_UNIT]
    if errors:
        raise ValidationError(errors)
    duplicate = Membership.objects.filter(
        user=user, role=role, unit=unit, agency=agency, team=team, is_active=True
    ).exists()
    if duplicate:
        raise ValidationError({"role": [MEMBERSHIP_EXISTS]})
    membership = Membership(user=user, role=role, unit=unit, agency=agency, team=team, is_active=True)
    membership.full_clean()
    with attributed_to(actor):
        membership.save()
    return membership


@transaction.atomic
def user_deactivate(*, actor: User, user: User) -> User:
    """Disable an account: it can no longer log in, its sessions and API tokens stop working at once
    (Django refuses inactive users on every request). Memberships are kept as history."""
    if not can_deactivate_user(actor, user):
        raise PermissionDenied(CANNOT_DEACTIVATE)
    if user.is_active:
        user.is_active = False
        with attributed_to(actor):
            user.save(update_fields=["is_active"])
    return user


def api_token_issue(*, actor: User) -> Token:
    """The actor's API token (one per user; issued again it stays the same until the account is disabled)."""
    token, _created = Token.objects.get_or_create(user=actor)
    return token


@transaction.atomic
def totp_device_start(*, actor: User) -> TOTPDevice:
    """An unconfirmed TOTP device for the actor (replacing an earlier unconfirmed one)."""
    TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
    return TOTPDevice.objects.create(user=actor, name="PCMD", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, request: HttpRequest, actor: User, token: str) -> TOTPDevice:
    """Confirm the device being set up with a first code; it replaces any earlier device."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None or not device.verify_token(token):
        raise ValidationError({"token": [INVALID_OTP]})
    TOTPDevice.objects.filter(user=actor, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return device


def totp_check(*, actor: User, token: str) -> TOTPDevice:
    """The actor's confirmed device that accepts this code (django-otp refuses replays and throttles)."""
    for device in TOTPDevice.objects.devices_for_user(actor, confirmed=True):
        if device.verify_token(token):
            return device
    raise ValidationError({"token": [INVALID_OTP]})


def totp_verify(*, request: HttpRequest, actor: User, token: str) -> TOTPDevice:
    """Second step of the web login: a valid code marks this session as verified."""
    device = totp_check(actor=actor, token=token)
    otp_login(request, device)
    return device
