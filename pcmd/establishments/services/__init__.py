"""Writes on establishments and their licences, commitments, health checks and attachments. Views, the API,
the Excel import, the demo loader and the inspections app (a status change that follows a sanction) all call
these functions: each is atomic, checks the policy, validates with Vietnamese messages and is recorded by
django-auditlog under the acting user."""

from pcmd.establishments.risk import establishment_risk_refresh
from pcmd.establishments.services.records import (
    attachment_add,
    attachment_delete,
    commitment_add,
    commitment_delete,
    health_check_add,
    health_check_delete,
    licence_add,
    licence_delete,
    licence_update,
)
from pcmd.establishments.services.registry import (
    PossibleDuplicatesError,
    establishment_create,
    establishment_delete,
    establishment_risk_override,
    establishment_status_change,
    establishment_update,
)
from pcmd.establishments.services.types import establishment_type_create, establishment_type_update

__all__ = [
    "PossibleDuplicatesError",
    "attachment_add",
    "attachment_delete",
    "commitment_add",
    "commitment_delete",
    "establishment_create",
    "establishment_delete",
    "establishment_risk_override",
    "establishment_risk_refresh",
    "establishment_status_change",
    "establishment_type_create",
    "establishment_type_update",
    "establishment_update",
    "health_check_add",
    "health_check_delete",
    "licence_add",
    "licence_delete",
    "licence_update",
]
