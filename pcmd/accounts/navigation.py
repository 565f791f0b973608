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
    """A menu entry as rendered for one request: a link, or a group (dropdown) of links.

    `current` marks the section the page belongs to (for a group: one of its links).
    """

    label: Promise | str
    url: str
    current: bool
    children: tuple[MenuEntry, ...] = ()


# The menu bar groups the apps' entries by URL namespace, so it stays one line wide as apps are added; an
# entry whose namespace is in no group stands on its own ("Tổng quan").
MENU_GROUPS: tuple[tuple[Promise | str, tuple[str, ...]], ...] = (
    (_("Kế hoạch"), ("planning",)),
    (
        _("Nghiệp vụ"),
        ("establishments", "inspections", "hotspots", "tips", "criminal_cases", "person_sanctions"),
    ),
    (_("Danh mục"), ("geography", "agencies", "legal")),
    (_("Quản trị"), ("audit", "accounts")),
)


MENU: tuple[MenuItem, ...] = (
    MenuItem(_("Tổng quan"), "home", None),
    MenuItem(_("Đơn vị hành chính"), "geography:unit-list", Capability.VIEW_UNITS),
    MenuItem(_("Cơ quan, đơn vị"), "agencies:agency-list", Capability.VIEW_UNITS),
    MenuItem(_("Đội kiểm tra 178"), "agencies:team-list", Capability.VIEW_UNITS),
    MenuItem(_("Cơ sở kinh doanh dịch vụ"), "establishments:list", Capability.ESTABLISHMENT_VIEW),
    MenuItem(_("Kế hoạch"), "planning:plan-list", Capability.PLAN_VIEW),
    MenuItem(_("Nhiệm vụ"), "planning:my-tasks", Capability.TASK_UPDATE),
    MenuItem(_("Kiểm tra, xử lý"), "inspections:index", Capability.ESTABLISHMENT_VIEW),
    MenuItem(_("Văn bản pháp luật"), "legal:index", Capability.ESTABLISHMENT_VIEW),
    MenuItem(_("Điểm phức tạp"), "hotspots:list", Capability.ESTABLISHMENT_VIEW),
    MenuItem(_("Tố giác, tin báo"), "tips:queue", Capability.TIP_HANDLE),
    MenuItem(_("Vụ án"), "criminal_cases:list", Capability.CRIMINAL_CASE_MANAGE),
    MenuItem(_("Xử phạt cá nhân"), "person_sanctions:list", Capability.PERSON_SANCTION_MANAGE),
    MenuItem(_("Nhật ký"), "audit:change-list", Capability.VIEW_AUDIT),
    MenuItem(_("Người dùng"), "accounts:user-list", Capability.MANAGE_USERS),
)


def menu_for(user: User) -> list[MenuItem]:
    capabilities = capabilities_of(user)
    return [item for item in MENU if item.capability is None or item.capability in capabilities]


def _group_of(item: MenuItem) -> int | None:
    namespace = item.url_name.split(":")[0]
    return next((i for i, (_label, spaces) in enumerate(MENU_GROUPS) if namespace in spaces), None)


def menu_entries(user: User, path: str) -> list[MenuEntry]:
    """The user's menu: ungrouped entries first, then the groups in MENU_GROUPS order; a group with a single
    entry shows as that entry.

    The entry whose URL is the longest prefix of `path` is current ("/" only matches itself), so a detail page
    highlights its list.
    """
    items = [(item, item.url) for item in menu_for(user)]
    matching = [url for _item, url in items if path == url or (url != "/" and path.startswith(url))]
    current_url = max(matching, key=len, default=None)
    standalone: list[MenuEntry] = []
    groups: dict[int, list[MenuEntry]] = {}
    for item, url in items:
        entry = MenuEntry(item.label, url, url == current_url)
        group = _group_of(item)
        if group is None:
            standalone.append(entry)
        else:
            groups.setdefault(group, []).append(entry)
    for group in sorted(groups):
        children = groups[group]
        if len(children) == 1:
            standalone.append(children[0])
        else:
            current = any(child.current for child in children)
            standalone.append(MenuEntry(MENU_GROUPS[group][0], "", current, tuple(children)))
    return standalone
