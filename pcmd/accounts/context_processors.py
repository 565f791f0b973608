"""Navigation for the base layout: the active membership, the others to switch to, and menu items by capability."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from pcmd.accounts import scoping
from pcmd.accounts.navigation import menu_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "active_membership": scoping.active_membership(user),  # type: ignore[arg-type]
        "switchable_memberships": list(scoping.active_memberships(user)),  # type: ignore[arg-type]
        "menu": menu_for(user),  # type: ignore[arg-type]
    }
