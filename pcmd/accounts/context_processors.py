"""Navigation for the base layout: the active membership, the others to switch to, the menu by capability."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from pcmd.accounts import scoping
from pcmd.accounts.navigation import menu_entries


def navigation(request: HttpRequest) -> dict[str, Any]:
    user: Any = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    active = scoping.active_membership(user)
    return {
        "active_membership": active,
        "switchable_memberships": [m for m in scoping.active_memberships(user) if m != active],
        "menu": menu_entries(user, request.path),
    }
