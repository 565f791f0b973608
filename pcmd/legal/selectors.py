"""Reads of the legal-reference table. The table is national reference data: no jurisdiction applies, but
only users whose work needs it (pcmd.legal.policies.can_view_legal_references) read it through the pages
and the API."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.db.models import Q, QuerySet
from django.http import Http404

from pcmd.accounts.models import User
from pcmd.audit.change_display import FieldChange, RelatedNames, action_label, field_changes
from pcmd.audit.selectors import LogFilters, change_entries_visible_to
from pcmd.core.vietnamese import search_key
from pcmd.legal.models import LegalDocument, LegalProvision, LegalProvisionQuerySet
from pcmd.legal.policies import can_view_legal_references


def provisions_valid_on(day: datetime.date, applies_to: str | None = None) -> LegalProvisionQuerySet:
    """Provisions that apply on the day (optionally to individuals or to organisations), with their document.

    The one source of the bases a violation found that day may cite.
    """
    provisions = LegalProvision.objects.valid_on(day).select_related("document")
    if applies_to:
        provisions = provisions.filter(applies_to=applies_to)
    return provisions.order_by("document__number", "article", "clause", "point", "id")


def legal_documents_for(user: User, *, q: str = "") -> QuerySet[LegalDocument]:
    if not can_view_legal_references(user):
        return LegalDocument.objects.none()
    documents = LegalDocument.objects.select_related("superseded_by")
    for word in (q or "").split():
        documents = documents.filter(Q(number__icontains=word) | Q(title__icontains=word))
    return documents


def legal_document_get(user: User, document_id: int) -> LegalDocument:
    document = legal_documents_for(user).filter(pk=document_id).first()
    if document is None:
        raise Http404
    return document


def legal_document_find(user: User, id_or_number: str) -> LegalDocument | None:
    """A document the user may read, by id or by number ignoring case ("282/2025/nđ-cp")."""
    documents = legal_documents_for(user)
    if id_or_number.isdigit():
        return documents.filter(pk=int(id_or_number)).first()
    wanted = " ".join(id_or_number.split()).casefold()
    return next((d for d in documents if d.number.casefold() == wanted), None)


def legal_provisions_for(
    user: User,
    *,
    valid_on: datetime.date | None = None,
    applies_to: str = "",
    document: LegalDocument | None = None,
    q: str = "",
) -> QuerySet[LegalProvision]:
    """Provisions the user may read, filtered; the act is searched ignoring diacritics and case."""
    if not can_view_legal_references(user):
        return LegalProvision.objects.none()
    provisions: QuerySet[LegalProvision] = LegalProvision.objects.select_related("document")
    if valid_on is not None:
        provisions = provisions.filter(valid_from__lte=valid_on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=valid_on)
        )
    if applies_to:
        provisions = provisions.filter(applies_to=applies_to)
    if document is not None:
        provisions = provisions.filter(document=document)
    provisions = provisions.order_by("document__number", "article", "clause", "point", "id")
    key = search_key(q or "")
    if key:
        # Small national table (hundreds of rows): matched in Python so "mua dam" finds "Mua dâm" on SQLite.
        ids = [p.pk for p in provisions if all(word in search_key(p.act) for word in key.split())]
        provisions = provisions.filter(pk__in=ids)
    return provisions


def legal_provision_get(user: User, provision_id: int) -> LegalProvision:
    provision = legal_provisions_for(user).filter(pk=provision_id).first()
    if provision is None:
        raise Http404
    return provision


@dataclass(frozen=True)
class HistoryEntry:
    entry: LogEntry
    action: str
    changes: list[FieldChange]


def change_history(user: User, obj: LegalDocument | LegalProvision) -> list[HistoryEntry]:
    """The object's change log as the user may see it (VIEW_AUDIT holders; otherwise empty), newest first."""
    entries = change_entries_visible_to(
        user, LogFilters(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    )
    related = RelatedNames()
    return [HistoryEntry(e, action_label(e), field_changes(e, related)) for e in entries[:50]]
