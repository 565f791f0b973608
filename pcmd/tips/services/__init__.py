"""Writes of the tips app. Views, the API, the portal and the demo loader call these functions: each
is atomic, checks the policy first (PermissionDenied), validates with Vietnamese field errors
(ValidationError) and records an event. Tip rows are not copied into django-auditlog (their content is
encrypted; the TipEvent timeline and the access log are their audit trail)."""

from pcmd.tips.services.configuration import routing_rule_set, stage_deadline_set
from pcmd.tips.services.intake import (
    Contact,
    SubmittedTip,
    tip_intake,
    tip_reply_from_citizen,
    tip_submit_public,
)
from pcmd.tips.services.triage import (
    informant_reveal,
    tip_create_hotspot,
    tip_create_inspection,
    tip_link_criminal_case,
    tip_link_inspection,
    tip_message_send,
    tip_open_criminal_case,
    tip_transfer,
    tip_transition,
    tip_view_record,
)

__all__ = [
    "Contact",
    "SubmittedTip",
    "informant_reveal",
    "routing_rule_set",
    "stage_deadline_set",
    "tip_create_hotspot",
    "tip_create_inspection",
    "tip_intake",
    "tip_link_criminal_case",
    "tip_link_inspection",
    "tip_message_send",
    "tip_open_criminal_case",
    "tip_reply_from_citizen",
    "tip_submit_public",
    "tip_transfer",
    "tip_transition",
    "tip_view_record",
]
