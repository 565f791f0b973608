"""The shape of a seed plan: the facts of one real plan document, restated as data.

Numbers, dates, agency names, deadlines, target values and reporting rules are the document's facts, complete
and exact; statements and task texts are short restatements in our own words (the original prose is never
copied into the repository). Agencies are referred to by a key local to the plan.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from pcmd.planning.models import Plan, ReportingRule, Target


@dataclass(frozen=True)
class SeedAgency:
    """An agency the plan names. Agencies of a legacy unit close on 30/06/2025 unless `valid_to` says
    earlier."""

    key: str
    kind: str  # AgencyKind
    name: str
    short_name: str = ""
    valid_to: datetime.date | None = None


@dataclass(frozen=True)
class SeedSection:
    """A free-text part of the body that is neither a target nor an assigned task."""

    area: str  # PlanArea
    heading: str
    body: str


@dataclass(frozen=True)
class SeedTarget:
    area: str  # PlanArea
    statement: str
    indicator_key: str = ""  # IndicatorKey, empty when none fits
    comparator: str = Target.Comparator.QUALITATIVE
    value: Decimal | None = None
    value_max: Decimal | None = None
    measure_unit: str = ""  # Target.MeasureUnit
    due_year: int | None = None
    due_date: datetime.date | None = None
    applies_to: str = Target.AppliesTo.ISSUING_UNIT

    @property
    def is_measurable(self) -> bool:
        return bool(self.comparator)


@dataclass(frozen=True)
class SeedTask:
    area: str  # PlanArea
    text: str
    lead: str  # agency key
    coordinating: tuple[str, ...] = ()  # agency keys
    # Coordinators (or the executing group) named as a group in the text.
    coordinating_note: str = ""
    due_date: datetime.date | None = None
    recurrence: str = ""  # Task.Recurrence; empty: once, or for the whole plan period


@dataclass(frozen=True)
class SeedRule:
    reporters: str  # ReportingRule.Reporters
    period_kind: str  # ReportingRule.PeriodKind
    statement: str
    recipient: str | None = None  # agency key
    recipient_note: str = ""
    due_day: int | None = None
    due_month: int | None = None
    named_reporters: tuple[str, ...] = ()  # agency keys

    @property
    def is_ad_hoc(self) -> bool:
        return self.period_kind == ReportingRule.PeriodKind.AD_HOC


@dataclass(frozen=True)
class SeedSigner:
    position: str
    name: str
    on_behalf_of: str = ""  # "ỦY BAN NHÂN DÂN" of "TM. ỦY BAN NHÂN DÂN"
    authority: str = Plan.Authority.DIRECT
    principal_title: str = ""  # "CHỦ TỊCH" of "KT. CHỦ TỊCH"


@dataclass(frozen=True)
class SeedPlan:
    key: str
    # The file name of the original text among the seed documents (attached when available, never committed).
    original_file: str
    # Path of the issuing unit in our geography: "14" (current), "L64" (legacy province), "L87.873"
    # (legacy district).
    unit_path: str
    agencies: tuple[SeedAgency, ...]
    issuer: str  # agency key of the issuing body
    focal: str  # agency key of the focal agency (cơ quan thường trực) named by the plan
    number: str  # empty when the document carries none
    symbol: str
    issued_on: datetime.date | None  # None when the document leaves the date blank
    issued_place: str
    title: str
    kind: str  # Plan.Kind
    period_start: datetime.date
    period_end: datetime.date
    implements_reference: str
    preamble: str
    purpose: str
    requirements: str
    budget_clause: str
    closing_text: str
    signer: SeedSigner
    recipients: tuple[str, ...]
    archive_line: str  # "Lưu: VT, ..." — always the last recipient line
    targets: tuple[SeedTarget, ...]
    tasks: tuple[SeedTask, ...]
    rules: tuple[SeedRule, ...]
    sections: tuple[SeedSection, ...] = ()
    legal_bases: tuple[str, ...] = ()
    parent_body_name: str = ""

    def agency(self, key: str) -> SeedAgency:
        for agency in self.agencies:
            if agency.key == key:
                return agency
        raise KeyError(f"{self.key}: no agency {key!r}")

    @property
    def reference(self) -> str:
        return f"{self.number or '...'}/{self.symbol}"
