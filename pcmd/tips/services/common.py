"""What the tip services share: routing, event rows, the text checks and their Vietnamese messages."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency
from pcmd.core.services import Errors, add_error, validate_instance
from pcmd.geography.models import AdminUnit
from pcmd.tips.models import RoutingRule, Tip, TipEvent

CONTENT_MAX = 10000
MESSAGE_MAX = 5000
PLACE_MAX = 500

TEXT_REQUIRED = _("Trường này là bắt buộc.")
TEXT_TOO_LONG = _("Tối đa %(max)s ký tự (hiện có %(length)s).")
NOT_A_PROVINCE = _("Hãy chọn một tỉnh, thành phố hiện hành.")
NOT_A_COMMUNE_OF_PROVINCE = _("Xã, phường đã chọn không thuộc tỉnh, thành phố này.")
UNIT_NOT_CURRENT = _("Hãy chọn một tỉnh, thành phố hoặc xã, phường hiện hành.")


def clean_text(value: str | None, *, errors: Errors, field: str, maximum: int, required: bool = False) -> str:
    """Trimmed text (inner line breaks kept); HTML is kept as typed and escaped wherever it is shown."""
    text = (value or "").replace("\r\n", "\n").strip()
    if required and not text:
        add_error(errors, field, TEXT_REQUIRED, "required")
    if len(text) > maximum:
        add_error(errors, field, TEXT_TOO_LONG, "max_length", max=maximum, length=len(text))
    return text


def province_of(unit: AdminUnit) -> AdminUnit:
    """The current province of a current-era unit (itself for a province)."""
    return unit if unit.parent_id is None else unit.parent  # type: ignore[return-value]


def check_location(province: AdminUnit | None, commune: AdminUnit | None, errors: Errors) -> None:
    if (
        province is None
        or province.level != AdminUnit.Level.PROVINCE
        or province.era != AdminUnit.Era.CURRENT
    ):
        add_error(errors, "province", NOT_A_PROVINCE, "not_a_province")
        return
    if commune is not None and (
        commune.level != AdminUnit.Level.COMMUNE
        or commune.era != AdminUnit.Era.CURRENT
        or commune.parent_id != province.pk
    ):
        add_error(errors, "location_unit", NOT_A_COMMUNE_OF_PROVINCE, "not_in_province")


def agency_for(unit: AdminUnit, category: str) -> Agency | None:
    """The agency a province's routing rule names for this category: of the unit, else of its province;
    active today. None when the province has no rule for the category (the unit's queue alone)."""
    province = province_of(unit)
    rule = RoutingRule.objects.filter(province=province, category=category).first()
    if rule is None:
        return None
    day = timezone.localdate()
    candidates = (
        Agency.objects.active_on(day).filter(kind=rule.agency_kind).filter(Q(unit=unit) | Q(unit=province))
    )
    # The unit's own agency first (a commune's police before the provincial police).
    for agency in sorted(candidates, key=lambda a: (a.unit_id != unit.pk, a.pk)):
        return agency
    return None


def competent_unit(province: AdminUnit, commune: AdminUnit | None) -> AdminUnit:
    """The commune of the location when known, else the province."""
    return commune if commune is not None else province


def record_event(
    tip: Tip,
    *,
    actor: User | None,
    kind: str,
    note: str = "",
    from_status: str = "",
    to_status: str = "",
    from_unit: AdminUnit | None = None,
    to_unit: AdminUnit | None = None,
    stage_on_time: bool | None = None,
) -> TipEvent:
    event = TipEvent(
        tip=tip,
        kind=kind,
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=(note or "").strip(),
        from_status=from_status,
        to_status=to_status,
        from_unit=from_unit,
        to_unit=to_unit,
        stage_on_time=stage_on_time,
    )
    validate_instance(event, {})
    event.save()
    return event
