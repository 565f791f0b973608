"""Reads of tips. Everything that depends on the user is scoped to the routed unit in their jurisdiction
(default deny); outside it a tip does not exist (404). Lists never load the content or the informant.

The citizen's side (by receipt) and the portal's lists of units are at the end: they take no user.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from pcmd.accounts.models import User
from pcmd.accounts.scoping import scope_queryset
from pcmd.criminal_cases.models import CriminalCase
from pcmd.criminal_cases.selectors import criminal_cases_visible_to
from pcmd.establishments.models import Establishment
from pcmd.establishments.selectors import establishments_visible_to
from pcmd.geography.models import AdminUnit
from pcmd.hotspots.models import Hotspot
from pcmd.hotspots.selectors import hotspots_visible_to
from pcmd.inspections.models import Inspection
from pcmd.inspections.selectors import inspections_visible_to
from pcmd.tips import receipts
from pcmd.tips.models import (
    Informant,
    RoutingRule,
    StageDeadline,
    Tip,
    TipAttachment,
    TipEvent,
    TipMessage,
    TipQuerySet,
    TipStatus,
)
from pcmd.tips.policies import can_handle_tips, can_view_tip_indicators

# Encrypted columns a list never needs (decrypting them per row is work, and a list must not show them).
_LIST_DEFERRED = ("content", "place", "receipt_hash")


def _within(unit: AdminUnit) -> Q:
    return Q(routed_unit__scope_path=unit.scope_path) | Q(
        routed_unit__scope_path__startswith=f"{unit.scope_path}."
    )


def tips_visible_to(
    user: User,
    *,
    status: str = "",
    overdue: bool = False,
    unit: AdminUnit | None = None,
    category: str = "",
    channel: str = "",
) -> TipQuerySet:
    """The tips routed to units in the user's jurisdiction, newest first; nothing without TIP_HANDLE.

    `overdue` keeps tips whose current stage passed its deadline; `unit` keeps those routed to that unit and
    below (a province, a commune).
    """
    if not can_handle_tips(user):
        return Tip.objects.none()
    tips = cast(
        TipQuerySet,
        scope_queryset(
            Tip.objects.select_related("routed_unit", "routed_agency", "location_unit", "province").defer(
                *_LIST_DEFERRED
            ),
            user,
            "routed_unit__scope_path",
        ),
    )
    if status:
        tips = tips.filter(status=status)
    if overdue:
        tips = tips.overdue()
    if unit is not None:
        tips = tips.filter(_within(unit))
    if category:
        tips = tips.filter(category=category)
    if channel:
        tips = tips.filter(channel=channel)
    return tips.order_by("-received_at", "-id")


def overdue_tips(user: User, *, unit: AdminUnit | None = None) -> TipQuerySet:
    """The overdue list: open tips past their stage deadline, the most overdue first."""
    return tips_visible_to(user, overdue=True, unit=unit).order_by("stage_due_at", "id")


def tip_get(user: User, tip_id: int) -> Tip:
    """The tip (with its content) if the user may handle it, else Http404."""
    if not can_handle_tips(user):
        raise Http404
    tip = (
        scope_queryset(
            Tip.objects.select_related(
                "routed_unit__parent",
                "routed_agency",
                "location_unit",
                "province",
                "received_by",
                "establishment__unit",
                "hotspot",
                "inspection__establishment",
            ),
            user,
            "routed_unit__scope_path",
        )
        .filter(pk=tip_id)
        .first()
    )
    if tip is None:
        raise Http404
    return cast(Tip, tip)


def tip_events(tip: Tip) -> QuerySet[TipEvent]:
    """The timeline, oldest first (the tip was obtained through a selector)."""
    return tip.events.select_related("actor", "from_unit", "to_unit").order_by("created_at", "id")


def tip_messages(tip: Tip) -> QuerySet[TipMessage]:
    return tip.messages.select_related("author").order_by("created_at", "id")


def tip_attachments(tip: Tip) -> QuerySet[TipAttachment]:
    return tip.attachments.order_by("id")


def tip_has_informant(tip: Tip) -> bool:
    """Whether contact details were left (not what they are)."""
    return Informant.objects.filter(tip=tip).exists()


def attachment_get(user: User, tip_id: int, attachment_id: int) -> TipAttachment:
    tip = tip_get(user, tip_id)
    attachment = tip.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    return attachment


def establishments_for_tip(user: User, tip: Tip) -> QuerySet[Establishment]:
    """Establishments the handler may link: those they see, in the tip's province."""
    return establishments_visible_to(user, unit=tip.province).order_by("unit__name_sort", "name_sort", "id")


def hotspots_for_tip(user: User, tip: Tip) -> QuerySet[Hotspot]:
    return hotspots_visible_to(user, unit=tip.province)


def criminal_cases_for_tip(user: User, tip: Tip) -> QuerySet[CriminalCase]:
    """Cases the handler may link: those they see (police) in the tip's province, newest first."""
    return criminal_cases_visible_to(user, unit=tip.province)


def inspections_for_tip(user: User, tip: Tip) -> QuerySet[Inspection]:
    """Inspections the handler may link: of the tip's establishment when it has one, else of its province."""
    if tip.establishment_id is not None:
        return inspections_visible_to(user, establishment=tip.establishment)
    return inspections_visible_to(user, unit=tip.province)


# --- indicators ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OnTimeRate:
    """Tips due in a period and how many were handled on time; `rate` in percent (None when none was due)."""

    due: int
    on_time: int

    @property
    def rate(self) -> Decimal | None:
        if not self.due:
            return None
        return (Decimal(self.on_time) * 100 / Decimal(self.due)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _day_bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    zone = timezone.get_current_timezone()
    begin = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    finish = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return begin, finish


def tip_on_time_rate(
    user: User, *, start: datetime.date, end: datetime.date, unit: AdminUnit | None = None
) -> OnTimeRate:
    """ "% of tips received, verified, classified and handled on time" for the user's jurisdiction (or `unit`
    within it) over the days start..end.

    Due in the period: the tips handled in it, plus the tips still not handled whose current stage deadline
    fell in it and has passed. On time: handled in the period with every stage finished by its deadline
    (late_stages == 0). A tip handled late is counted in the period it was handled; one still overdue now
    counts in the period its deadline fell in.
    """
    if not can_view_tip_indicators(user):
        return OnTimeRate(due=0, on_time=0)
    tips = cast(TipQuerySet, scope_queryset(Tip.objects.all(), user, "routed_unit__scope_path"))
    if unit is not None:
        tips = tips.filter(_within(unit))
    begin, finish = _day_bounds(start, end)
    handled = tips.filter(handled_at__gte=begin, handled_at__lt=finish)
    overdue = tips.filter(
        handled_at__isnull=True,
        status__in=[TipStatus.RECEIVED, TipStatus.VERIFYING, TipStatus.CLASSIFIED],
        stage_due_at__gte=begin,
        stage_due_at__lt=min(finish, timezone.now()),
    )
    return OnTimeRate(due=handled.count() + overdue.count(), on_time=handled.filter(late_stages=0).count())


# --- configuration ------------------------------------------------------------------------------------------


def routing_rules_of(province: AdminUnit) -> dict[str, RoutingRule]:
    return {rule.category: rule for rule in RoutingRule.objects.filter(province=province)}


def stage_deadlines_of(province: AdminUnit) -> dict[str, tuple[int | None, int | None]]:
    """Per stage: (the province's own days, the default days)."""
    rows = StageDeadline.objects.filter(Q(province=province) | Q(province__isnull=True))
    result: dict[str, tuple[int | None, int | None]] = {}
    for row in rows:
        own, default = result.get(row.stage, (None, None))
        if row.province_id is None:
            default = row.days
        else:
            own = row.days
        result[row.stage] = (own, default)
    return result


# --- the citizen's side (no user) ---------------------------------------------------------------------------


def tip_by_receipt(raw_code: str) -> Tip | None:
    """The tip whose receipt this is, else None — the same answer, after the same single hash check, for a
    malformed, unknown or wrong code."""
    code = receipts.normalise(raw_code)[: receipts.CODE_LENGTH * 2]
    tip = (
        Tip.objects.select_related("routed_unit").filter(receipt_lookup=receipts.lookup_key(code)).first()
        if receipts.is_well_formed(code)
        else None
    )
    if not receipts.matches(code, tip.receipt_hash if tip is not None else None):
        return None
    return tip


def citizen_messages(tip: Tip) -> QuerySet[TipMessage]:
    """The thread as the citizen sees it (the caller verified the receipt); the author is not loaded."""
    return tip.messages.order_by("created_at", "id")


def portal_provinces() -> QuerySet[AdminUnit]:
    return AdminUnit.objects.current().filter(level=AdminUnit.Level.PROVINCE).order_by("name_sort", "code")


def portal_communes(province_code: str) -> QuerySet[AdminUnit]:
    """The current communes of a province, in Vietnamese order (empty for an unknown code)."""
    if not province_code:
        return AdminUnit.objects.none()
    return (
        AdminUnit.objects.current()
        .filter(
            level=AdminUnit.Level.COMMUNE, parent__code=province_code, parent__level=AdminUnit.Level.PROVINCE
        )
        .order_by("name_sort", "code")
    )
