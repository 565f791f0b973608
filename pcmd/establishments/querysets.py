"""Chainable filters for establishments. Jurisdiction is applied by the selectors, not here."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from pcmd.core.vietnamese import search_key

if TYPE_CHECKING:
    from pcmd.establishments.models import Establishment  # noqa: F401  (string annotation below)


class EstablishmentQuerySet(models.QuerySet["Establishment"]):
    def not_deleted(self) -> EstablishmentQuerySet:
        return self.filter(is_deleted=False)

    def matching(self, text: str) -> EstablishmentQuerySet:
        """Every word of the text is in the name, the address or the registry code, ignoring diacritics and
        case ("karaoke hoa hong" finds "Karaoke Hoa Hồng")."""
        condition = Q()
        # Punctuation is dropped as in the stored keys ("hương-sen" finds "Hương Sen").
        for word in re.sub(r"[^0-9a-z ]", " ", search_key(text)).split():
            condition &= (
                Q(name_search__contains=word)
                | Q(address_key__contains=word)
                | Q(registry_code__icontains=word)
            )
        return self.filter(condition)

    def vietnamese_order(self) -> EstablishmentQuerySet:
        return self.order_by("name_sort", "id")
