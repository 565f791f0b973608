"""A province's settings for tips: which agency each category goes to, and the days allowed per stage."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from pcmd.accounts.models import User
from pcmd.agencies.models import AgencyKind
from pcmd.core.services import Errors, add_error, raise_if, service, validate_instance
from pcmd.geography.models import AdminUnit
from pcmd.tips.models import DEADLINE_STAGES, RoutingRule, StageDeadline, TipCategory
from pcmd.tips.policies import can_configure_tips

UNKNOWN_CATEGORY = _("Hãy chọn loại tin.")
UNKNOWN_AGENCY_KIND = _("Hãy chọn loại cơ quan.")
UNKNOWN_STAGE = _("Giai đoạn không hợp lệ.")
DAYS_OUT_OF_RANGE = _("Số ngày phải từ 1 đến 365.")


@service
def routing_rule_set(
    *, actor: User, province: AdminUnit, category: str, agency_kind: str
) -> RoutingRule | None:
    """Tips of the category in the province go to agencies of this kind; an empty kind removes the rule
    (tips then stay with the unit only). Tips already routed keep their agency."""
    if not can_configure_tips(actor, province):
        raise PermissionDenied
    errors: Errors = {}
    if category not in TipCategory.values:
        add_error(errors, "category", UNKNOWN_CATEGORY, "invalid_choice")
    if agency_kind and agency_kind not in AgencyKind.values:
        add_error(errors, "agency_kind", UNKNOWN_AGENCY_KIND, "invalid_choice")
    raise_if(errors)
    if not agency_kind:
        RoutingRule.objects.filter(province=province, category=category).delete()
        return None
    rule = RoutingRule.objects.filter(province=province, category=category).first() or RoutingRule(
        province=province, category=category
    )
    rule.agency_kind = agency_kind
    validate_instance(rule, {})
    rule.save()
    return rule


@service
def stage_deadline_set(
    *, actor: User, province: AdminUnit, stage: str, days: int | None
) -> StageDeadline | None:
    """The province's own number of days for the stage; None returns it to the default. Applies to stages
    started from now on (running deadlines are not moved)."""
    if not can_configure_tips(actor, province):
        raise PermissionDenied
    errors: Errors = {}
    if stage not in {value for value, _label in DEADLINE_STAGES}:
        add_error(errors, "stage", UNKNOWN_STAGE, "invalid_choice")
    if days is not None and not 1 <= days <= 365:
        add_error(errors, "days", DAYS_OUT_OF_RANGE, "out_of_range")
    raise_if(errors)
    if days is None:
        StageDeadline.objects.filter(province=province, stage=stage).delete()
        return None
    row = StageDeadline.objects.filter(province=province, stage=stage).first() or StageDeadline(
        province=province, stage=stage
    )
    row.days = days
    validate_instance(row, {})
    row.save()
    return row
