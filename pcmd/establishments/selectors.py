"""Reads of establishments. Everything that depends on the user is scoped to their jurisdiction (default
deny); outside it an establishment does not exist (404). Soft-deleted establishments are hidden from lists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from pcmd.accounts.models import User
from pcmd.accounts.scoping import scope_queryset
from pcmd.core.vietnamese import search_key
from pcmd.establishments.models import (
    Establishment,
    EstablishmentStatusChange,
    EstablishmentType,
    ImportJob,
    Licence,
)
from pcmd.establishments.policies import can_view_establishments, can_view_import_job
from pcmd.establishments.querysets import EstablishmentQuerySet
from pcmd.geography.models import AdminUnit


def licence_number_key(number: str) -> str:
    """Licence numbers compared without case, diacritics, spaces or punctuation: "12/GCN-CA" = "12 gcn ca"."""
    return re.sub(r"[^0-9a-z]", "", search_key(number or ""))


def address_key(address: str) -> str:
    """Addresses compared without case, diacritics or punctuation, with common abbreviations expanded."""
    key = re.sub(r"[^0-9a-z ]", " ", search_key(address or ""))
    words = [_ADDRESS_ABBREVIATIONS.get(word, word) for word in key.split()]
    return " ".join(words)


# "SN 12 đường Tô Hiệu" and "số nhà 12 đường Tô Hiệu" are one address.
_ADDRESS_ABBREVIATIONS = {
    "sn": "so nha",
    "p": "phuong",
    "x": "xa",
    "tp": "thanh pho",
    "tt": "thi tran",
    "tdp": "to dan pho",
    "d": "duong",
}


def name_key(name: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z ]", " ", search_key(name or "")).split())


def establishments_visible_to(
    user: User,
    *,
    unit: AdminUnit | None = None,
    type: EstablishmentType | None = None,
    status: str = "",
    risk_level: str = "",
    q: str = "",
) -> EstablishmentQuerySet:
    """Establishments of communes in the user's jurisdiction, not deleted, in Vietnamese order of names.

    `unit` keeps those of that unit and below (a commune, or a province for a national user); `q` matches
    every word of the name, address or registry code, ignoring diacritics.
    """
    if not can_view_establishments(user):
        return Establishment.objects.none()
    establishments = cast(
        EstablishmentQuerySet,
        scope_queryset(
            Establishment.objects.not_deleted().select_related("unit", "type"), user, "unit__scope_path"
        ),
    )
    if unit is not None:
        establishments = establishments.filter(
            Q(unit__scope_path=unit.scope_path) | Q(unit__scope_path__startswith=f"{unit.scope_path}.")
        )
    if type is not None:
        establishments = establishments.filter(type=type)
    if status:
        establishments = establishments.filter(status=status)
    if risk_level:
        establishments = establishments.filter(risk_level=risk_level)
    if q:
        establishments = establishments.matching(q)
    return establishments.vietnamese_order()


def establishment_get(user: User, establishment_id: int) -> Establishment:
    """The establishment if the user may see it, else Http404 (existence outside the jurisdiction never leaks;
    a deleted establishment is gone for everyone)."""
    establishment = establishments_visible_to(user).filter(pk=establishment_id).first()
    if establishment is None:
        raise Http404
    return establishment


def establishment_detail(user: User, establishment_id: int) -> Establishment:
    """establishment_get with its licences, commitments, health checks, attachments and status history."""
    establishment = establishment_get(user, establishment_id)
    history = EstablishmentStatusChange.objects.select_related("changed_by")
    return (
        Establishment.objects.filter(pk=establishment.pk)
        .select_related("unit", "type", "risk_override_by", "created_by")
        .prefetch_related(
            "licences",
            "commitments",
            "health_checks",
            "attachments",
            Prefetch("status_changes", queryset=history),
        )
        .get()
    )


def establishment_types(*, active_only: bool = True) -> QuerySet[EstablishmentType]:
    types = EstablishmentType.objects.all()
    return types.filter(is_active=True) if active_only else types


def communes_visible_to(user: User) -> QuerySet[AdminUnit]:
    """Current communes in the user's jurisdiction, Vietnamese order (where establishments are registered)."""
    communes = AdminUnit.objects.current().filter(level=AdminUnit.Level.COMMUNE)
    return scope_queryset(communes, user, "scope_path").order_by("name_sort", "code")


def filter_units_visible_to(user: User) -> QuerySet[AdminUnit]:
    """Current provinces and communes in the jurisdiction (the "unit" filter of lists and the API)."""
    units = AdminUnit.objects.current().filter(level__in=[AdminUnit.Level.PROVINCE, AdminUnit.Level.COMMUNE])
    return scope_queryset(units, user, "scope_path").order_by("level", "name_sort", "code")


@dataclass
class PossibleDuplicate:
    establishment: Establishment
    same_licence_numbers: list[str] = field(default_factory=list)
    same_name_and_address: bool = False


def possible_duplicates(
    user: User,
    *,
    unit: AdminUnit | None,
    name: str,
    address: str,
    licence_numbers: Iterable[str] = (),
    exclude: Establishment | None = None,
) -> list[PossibleDuplicate]:
    """Registered establishments that may be the one being saved: the same licence number (anywhere in the
    user's jurisdiction), or the same normalised name and address in the same commune.

    Shown to the user before saving; they confirm to save anyway. Deleted establishments do not count.
    """
    found: dict[int, PossibleDuplicate] = {}
    keys = {licence_number_key(number) for number in licence_numbers} - {""}
    if keys:
        licences = Licence.objects.filter(
            number_key__in=keys, establishment__in=establishments_visible_to(user)
        ).select_related("establishment__unit", "establishment__type")
        if exclude is not None:
            licences = licences.exclude(establishment=exclude)
        for licence in licences:
            entry = found.setdefault(licence.establishment_id, PossibleDuplicate(licence.establishment))
            if licence.number not in entry.same_licence_numbers:
                entry.same_licence_numbers.append(licence.number)
    if unit is not None and name_key(name) and address_key(address):
        same = Establishment.objects.not_deleted().filter(
            unit=unit, name_search=name_key(name), address_key=address_key(address)
        )
        if exclude is not None:
            same = same.exclude(pk=exclude.pk)
        for establishment in same.select_related("unit", "type"):
            found.setdefault(establishment.pk, PossibleDuplicate(establishment)).same_name_and_address = True
    return sorted(found.values(), key=lambda d: d.establishment.registry_code)


def import_job_get(user: User, job_id: int) -> ImportJob:
    """An import the user started, else Http404."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or not can_view_import_job(user, job):
        raise Http404
    return job


def import_jobs_of(user: User, limit: int = 10) -> list[ImportJob]:
    return list(ImportJob.objects.filter(created_by=user).order_by("-created_at", "-id")[:limit])
