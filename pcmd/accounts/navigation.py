"""The main menu: each entry names the capability that shows it. Later apps add their entries here."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.capabilities import Capability
from pcmd.accounts.models import User
from pcmd.accounts.scoping import capabilities_of


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    capability: Capability | None
    icon: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name)


MENU: tuple[MenuItem, ...] = (
    MenuItem(_("Tổng quan"), "home", None),
    MenuItem(_("Đơn vị hành chính"), "geography:unit-list", Capability.VIEW_UNITS),
    MenuItem(_("Cơ quan, đơn vị"), "agencies:agency-list", Capability.VIEW_UNITS),
    MenuItem(_("Đội kiểm tra 178"), "agencies:team-list", Capability.VIEW_UNITS),
    MenuItem(_("Nhật ký"), "audit:change-list", Capability.VIEW_AUDIT),
)


def menu_for(user: User) -> list[MenuItem]:
    capabilities = capabilities_of(user)
    return [item for item in MENU if item.capability is None or item.capability in capabilities]
