"""Chainable filters for hotspots. Jurisdiction is applied by pcmd.hotspots.selectors, not here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from pcmd.core.vietnamese import search_key

if TYPE_CHECKING:
    from pcmd.hotspots.models import Hotspot  # noqa: F401  (string annotation below)


class HotspotQuerySet(models.QuerySet["Hotspot"]):
    def not_deleted(self) -> HotspotQuerySet:
        return self.filter(is_deleted=False)

    def active(self) -> HotspotQuerySet:
        """Still operating: identified or under action (not eliminated, not under monitoring)."""
        from pcmd.hotspots.models import Hotspot

        return self.filter(status__in=Hotspot.ACTIVE_STATUSES)

    def matching(self, text: str) -> HotspotQuerySet:
        """Every word of the text is in the name or the address, ignoring diacritics and case
        ("bo suoi to hieu" finds "Khu bờ suối Nậm La, phường Tô Hiệu")."""
        condition = Q()
        for word in search_key(text).split():
            condition &= Q(name_search__contains=word)
        return self.filter(condition)

    def vietnamese_order(self) -> HotspotQuerySet:
        return self.order_by("name_sort", "id")
