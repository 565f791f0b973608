"""The main menu: each entry names the capability that shows it. Later apps add their entries here."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import capabilities_of


@dataclass(frozen=True)
class MenuItem:
    label: Promise | str
    url_name: str
    capability: Capability | None
    icon: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass(frozen=True)
class MenuEntry:
    """A menu item as rendered for one request: `current` marks the section the page belongs to."""

    label: Promise | str
    url: str
    current: bool


MENU: tuple[MenuItem, ...] = (
    MenuItem(_("Tổng quan"), "home", None),
    MenuItem(_("Đơn vị hành chính"), "geography:unit-list", Capability.VIEW_UNITS),
    MenuItem(_("Cơ quan, đơn vị"), "agencies:agency-list", Capability.VIEW_UNITS),
    MenuItem(_("Đội kiểm tra 178"), "agencies:team-list", Capability.VIEW_UNITS),
    MenuItem(_("Kế hoạch"), "planning:plan-list", Capability.PLAN_VIEW),
    MenuItem(_("Nhiệm vụ"), "planning:my-tasks", Capability.TASK_UPDATE),
    MenuItem(_("Nhật ký"), "audit:change-list", Capability.VIEW_AUDIT),
    MenuItem(_("Người dùng"), "accounts:user-list", Capability.MANAGE_USERS),
)


def menu_for(user: User) -> list[MenuItem]:
    capabilities = capabilities_of(user)
    return [item for item in MENU if item.capability is None or item.capability in capabilities]


def menu_entries(user: User, path: str) -> list[MenuEntry]:
    """The user's menu with the entry whose URL is the longest prefix of `path` marked current
    ("/" only matches itself), so a detail page highlights its list."""
    items = [(item.label, item.url) for item in menu_for(user)]
    matching = [url for _label, url in items if path == url or (url != "/" and path.startswith(url))]
    current = max(matching, key=len, default=None)
    return [MenuEntry(label, url, url == current) for label, url in items]
