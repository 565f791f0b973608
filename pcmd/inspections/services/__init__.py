"""Writes of the inspections app. Views, the API and the demo loader call these functions: each is atomic,
checks the policy first (PermissionDenied), validates with Vietnamese field errors (ValidationError) and is
recorded by django-auditlog under the acting user."""

from pcmd.inspections.services.records import (
    PHOTO_MAX_MB,
    ChecklistEntry,
    checklist_item_create,
    checklist_item_update,
    inspection_photo_add,
    inspection_photo_delete,
    inspection_plan_create,
    inspection_plan_update,
    inspection_record,
    inspection_update,
    plan_entry_add,
    plan_entry_remove,
)
from pcmd.inspections.services.sanctions import (
    fine_field,
    follow_up_record,
    follow_up_schedule,
    sanction_decision_record,
    sanction_payment_record,
    violation_close,
    violation_record,
    violation_update,
)

__all__ = [
    "PHOTO_MAX_MB",
    "ChecklistEntry",
    "checklist_item_create",
    "checklist_item_update",
    "fine_field",
    "follow_up_record",
    "follow_up_schedule",
    "inspection_photo_add",
    "inspection_photo_delete",
    "inspection_plan_create",
    "inspection_plan_update",
    "inspection_record",
    "inspection_update",
    "plan_entry_add",
    "plan_entry_remove",
    "sanction_decision_record",
    "sanction_payment_record",
    "violation_close",
    "violation_record",
    "violation_update",
]
