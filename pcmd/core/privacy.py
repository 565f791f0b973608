"""Domain-free privacy helpers (DESIGN.md §4, sensitive data).

- `suppress_small(count)`: an aggregate shown to someone who may not see the records behind it hides counts of
  1 to 4 as "<5", so nobody can single out a person from a small count. Zero stays zero: it names nobody.
- `keep_encrypted_fields_out_of_log(model)`: django-auditlog records every changed field as text, which would
  copy an encrypted value into the change log in plain text; this removes a model's encrypted fields from
  tracking (the change log then still shows that the row changed, never the value).
"""

from __future__ import annotations

from django.db import models

from pcmd.core.encryption import EncryptedTextField

SMALL_COUNT_THRESHOLD = 5
SUPPRESSED = "<5"

# A count as shown: the number, or SUPPRESSED.
ShownCount = int | str


def suppress_small(count: int | None) -> ShownCount:
    """`count` unless it is between 1 and SMALL_COUNT_THRESHOLD - 1, then "<5" (None counts as 0)."""
    value = count or 0
    if 0 < value < SMALL_COUNT_THRESHOLD:
        return SUPPRESSED
    return value


def show_count(count: int | None, *, suppress: bool) -> ShownCount:
    """The count as a given reader may see it: suppressed unless they may see the records behind it."""
    return suppress_small(count) if suppress else (count or 0)


def encrypted_field_names(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


def keep_encrypted_fields_out_of_log(model: type[models.Model]) -> None:
    """Re-register `model` with django-auditlog without its encrypted fields (call from AppConfig.ready).

    AUDITLOG_INCLUDE_ALL_MODELS registered the model when auditlog's app was ready; registering again
    replaces that entry (the signal receivers are the same), keeping its other options.
    """
    from auditlog.registry import auditlog

    names = encrypted_field_names(model)
    if not names or not auditlog.contains(model):
        return
    current = auditlog.get_model_fields(model)
    # get_model_fields does not return the many-to-many fields; the registry entry holds them.
    m2m_fields = auditlog._registry[model]["m2m_fields"]
    auditlog.register(
        model,
        include_fields=current["include_fields"],
        exclude_fields=sorted({*current["exclude_fields"], *names}),
        mapping_fields=current["mapping_fields"],
        mask_fields=current["mask_fields"],
        mask_callable=current["mask_callable"],
        m2m_fields=m2m_fields,
    )
