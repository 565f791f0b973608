"""Chainable filters for agencies and teams. Jurisdiction is applied by pcmd.agencies.selectors, not here."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q

from pcmd.core.vietnamese import search_key

if TYPE_CHECKING:
    from pcmd.agencies.models import Agency, InspectionTeam  # noqa: F401  (string annotations below)


def _active_on(day: datetime.date, start: str, end: str) -> Q:
    return (Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": day})) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": day})
    )


def _contains_words(field: str, text: str) -> Q:
    condition = Q()
    for word in search_key(text).split():
        condition &= Q(**{f"{field}__contains": word})
    return condition


class AgencyQuerySet(models.QuerySet["Agency"]):
    def active_on(self, day: datetime.date) -> AgencyQuerySet:
        return self.filter(_active_on(day, "valid_from", "valid_to"))

    def matching(self, text: str) -> AgencyQuerySet:
        """The name contains every word of the text, ignoring diacritics and case ("y te son la" finds
        "Sở Y tế tỉnh Sơn La")."""
        return self.filter(_contains_words("name_search", text))

    def vietnamese_order(self) -> AgencyQuerySet:
        return self.order_by("name_sort", "id")


class InspectionTeamQuerySet(models.QuerySet["InspectionTeam"]):
    def active_on(self, day: datetime.date) -> InspectionTeamQuerySet:
        return self.filter(Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=day))

    def matching(self, text: str) -> InspectionTeamQuerySet:
        return self.filter(_contains_words("name_search", text))

    def vietnamese_order(self) -> InspectionTeamQuerySet:
        return self.order_by("name_sort", "id")
