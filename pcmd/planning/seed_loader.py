"""Load the seed plans (pcmd.planning.seed_plans) into the database: `manage.py load_seed_plans` and the demo.

Idempotent and all-or-nothing. A plan is identified by its issuing agency, number, symbol and issue date (and,
for the unnumbered copies we hold, its title): one that exists is left as it is. Agencies are found by unit
and name, or created through the agencies services (those of a legacy unit close by 30/06/2025). Plans are
written row by row with the same validation as the planning services, issued at once (the documents are
issued), and their reporting calendar generated. The original text is attached when its file is at hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy

from pcmd.accounts.models import User
from pcmd.agencies.models import Agency, FocalAgencyAssignment
from pcmd.agencies.services import agency_create, focal_agency_assign
from pcmd.core.services import service, validate_instance
from pcmd.geography.models import LEGACY_LAST_DAY, AdminUnit
from pcmd.planning.calendar import reporting_deadlines_regenerate
from pcmd.planning.models import (
    Plan,
    PlanEvent,
    PlanLegalBasis,
    PlanRecipient,
    PlanSection,
    ReportingRule,
    Target,
    Task,
)
from pcmd.planning.policies import can_write_plans_of
from pcmd.planning.seed_plans import ALL_SEED_PLANS
from pcmd.planning.seed_plans.schema import SeedAgency, SeedPlan
from pcmd.planning.services import _validate_plan, _validate_rule, _validate_target, _validate_task

LOADED_NOTE = gettext_lazy("Nạp từ văn bản gốc")
MISSING_UNIT = gettext_lazy(
    "Thiếu đơn vị hành chính «%(path)s» của kế hoạch «%(title)s». Hãy chạy: python manage.py load_admin_units"
)
FOCAL_BASIS = gettext_lazy("Kế hoạch %(reference)s: %(title)s")


class SeedUnitMissing(Exception):
    """The issuing unit of a seed plan is not in the database (the units have not been loaded)."""


@dataclass
class SeedReport:
    plans_created: list[Plan] = field(default_factory=list)
    plans_existing: list[Plan] = field(default_factory=list)
    agencies_created: list[Agency] = field(default_factory=list)
    focal_assignments: int = 0
    deadlines: int = 0
    originals_attached: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.plans_created or self.agencies_created or self.focal_assignments)


@service
def seed_plans_load(
    *,
    actor: User,
    plans: tuple[SeedPlan, ...] = ALL_SEED_PLANS,
    originals_dir: Path | None = None,
) -> SeedReport:
    """Create what is missing of the seed plans, acting as `actor` (who must be allowed to write plans of
    every issuing unit: in practice a system administrator)."""
    folder = Path(originals_dir if originals_dir is not None else settings.PCMD_SEED_ORIGINALS_DIR)
    report = SeedReport()
    for seed in plans:
        _load_plan(seed, actor=actor, originals_dir=folder, report=report)
    return report


def _unit(seed: SeedPlan) -> AdminUnit:
    unit = AdminUnit.objects.filter(path=seed.unit_path).first()
    if unit is None:
        raise SeedUnitMissing(str(MISSING_UNIT % {"path": seed.unit_path, "title": seed.title}))
    return unit


def _agency(unit: AdminUnit, spec: SeedAgency, *, actor: User, report: SeedReport) -> Agency:
    agency = Agency.objects.filter(unit=unit, name=spec.name).first()
    if agency is None:
        # An agency of a unit abolished on 01/07/2025 cannot outlive it.
        valid_to = spec.valid_to or (LEGACY_LAST_DAY if unit.is_legacy else None)
        agency = agency_create(
            actor=actor,
            unit=unit,
            kind=spec.kind,
            name=spec.name,
            short_name=spec.short_name,
            valid_to=valid_to,
        )
        report.agencies_created.append(agency)
    return agency


def _focal(seed: SeedPlan, unit: AdminUnit, agency: Agency, *, actor: User, report: SeedReport) -> None:
    """Record the plan's focal agency from the plan's start until the agency closed, unless the unit already
    has a focal agency on record for any part of that time (the record is then left as it is)."""
    start = max(seed.period_start, agency.valid_from) if agency.valid_from else seed.period_start
    end = agency.valid_to
    if end is not None and end < start:
        return
    overlapping = FocalAgencyAssignment.objects.filter(unit=unit).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=start)
    )
    if end is not None:
        overlapping = overlapping.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
    if overlapping.exists():
        return
    focal_agency_assign(
        actor=actor,
        unit=unit,
        agency=agency,
        valid_from=start,
        valid_to=end,
        legal_basis=str(FOCAL_BASIS % {"reference": seed.reference, "title": seed.title})[:255],
        close_open_assignment=False,
    )
    report.focal_assignments += 1


def _existing(seed: SeedPlan, issuer: Agency) -> Plan | None:
    plans = Plan.objects.filter(
        issuing_agency=issuer, number=seed.number, symbol=seed.symbol, issued_on=seed.issued_on
    )
    if not seed.number:
        # Unnumbered copies: the issuer's other unnumbered plans of the same date differ by title.
        plans = plans.filter(title=seed.title)
    return plans.order_by("id").first()


def _load_plan(seed: SeedPlan, *, actor: User, originals_dir: Path, report: SeedReport) -> None:
    unit = _unit(seed)
    if not can_write_plans_of(actor, unit):
        raise PermissionDenied
    agencies = {spec.key: _agency(unit, spec, actor=actor, report=report) for spec in seed.agencies}
    _focal(seed, unit, agencies[seed.focal], actor=actor, report=report)
    existing = _existing(seed, agencies[seed.issuer])
    if existing is not None:
        report.plans_existing.append(existing)
        return

    plan = Plan(
        issuing_unit=unit,
        issuing_agency=agencies[seed.issuer],
        parent_body_name=seed.parent_body_name,
        number=seed.number,
        symbol=seed.symbol,
        issued_on=seed.issued_on,
        issued_place=seed.issued_place,
        title=seed.title,
        kind=seed.kind,
        period_start=seed.period_start,
        period_end=seed.period_end,
        implements_reference=seed.implements_reference,
        preamble=seed.preamble,
        purpose=seed.purpose,
        requirements=seed.requirements,
        budget_clause=seed.budget_clause,
        closing_text=seed.closing_text,
        status=Plan.Status.ISSUED,
        signer_on_behalf_of=seed.signer.on_behalf_of,
        signer_authority=seed.signer.authority,
        signer_principal_title=seed.signer.principal_title,
        signer_position=seed.signer.position,
        signer_name=seed.signer.name,
    )
    original = originals_dir / seed.original_file
    if original.is_file():
        plan.original_text.save(seed.original_file, ContentFile(original.read_bytes()), save=False)
        report.originals_attached += 1
    _validate_plan(plan, {})
    plan.save()

    _save_rows(
        PlanLegalBasis(plan=plan, order=order, text=text) for order, text in enumerate(seed.legal_bases, 1)
    )
    _save_rows(
        PlanSection(plan=plan, order=order, area=s.area, heading=s.heading, body=s.body)
        for order, s in enumerate(seed.sections, 1)
    )
    lines = [*seed.recipients, seed.archive_line]
    _save_rows(
        PlanRecipient(plan=plan, order=order, text=text, is_archive=order == len(lines))
        for order, text in enumerate(lines, 1)
    )
    _targets(seed, plan)
    _tasks(seed, plan, agencies)
    _rules(seed, plan, agencies)
    PlanEvent.objects.create(
        plan=plan, actor=actor, from_status="", to_status=Plan.Status.ISSUED, note=str(LOADED_NOTE)
    )
    report.deadlines += reporting_deadlines_regenerate(plan)
    report.plans_created.append(plan)


def _save_rows(rows: Iterable[models.Model]) -> None:
    for row in rows:
        validate_instance(row, {})
        row.save()


def _targets(seed: SeedPlan, plan: Plan) -> None:
    for order, spec in enumerate(seed.targets, 1):
        target = Target(
            plan=plan,
            order=order,
            area=spec.area,
            statement=spec.statement,
            indicator_key=spec.indicator_key,
            comparator=spec.comparator,
            value=spec.value,
            value_max=spec.value_max,
            measure_unit=spec.measure_unit,
            due_year=spec.due_year,
            due_date=spec.due_date,
            applies_to=spec.applies_to,
        )
        _validate_target(target, plan, {})
        target.save()


def _tasks(seed: SeedPlan, plan: Plan, agencies: dict[str, Agency]) -> None:
    for order, spec in enumerate(seed.tasks, 1):
        task = Task(
            plan=plan,
            order=order,
            area=spec.area,
            text=spec.text,
            lead_agency=agencies[spec.lead],
            coordinating_note=spec.coordinating_note,
            due_date=spec.due_date,
            recurrence=spec.recurrence,
        )
        coordinating = [agencies[key] for key in spec.coordinating]
        _validate_task(task, plan, coordinating, {})
        task.save()
        task.coordinating_agencies.set(coordinating)


def _rules(seed: SeedPlan, plan: Plan, agencies: dict[str, Agency]) -> None:
    for order, spec in enumerate(seed.rules, 1):
        rule = ReportingRule(
            plan=plan,
            order=order,
            reporters=spec.reporters,
            recipient_agency=agencies[spec.recipient] if spec.recipient else None,
            recipient_note=spec.recipient_note,
            period_kind=spec.period_kind,
            due_day=spec.due_day,
            due_month=spec.due_month,
            statement=spec.statement,
        )
        named = [agencies[key] for key in spec.named_reporters]
        _validate_rule(rule, plan, named, {})
        rule.save()
        rule.named_reporters.set(named)
