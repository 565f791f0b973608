"""Plans at national scale: every province and every commune with an issued plan, and the reads of daily work.

The synthetic dataset: in each of the 34 provinces a People's Committee and 15 departments, a provincial
plan with 15 targets, 40 tasks and 4 reporting rules (departments and communes, 6-monthly and yearly); in each
of the 3,321 communes a People's Committee and a plan implementing the provincial one with 10 targets and 10
tasks.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import replace
from decimal import Decimal

from bench.runner import Bench

TITLE = "Kế hoạch, nhiệm vụ, lịch báo cáo (planning)"
QUERY_RUNS = 20
DEPARTMENTS = 15
PROVINCE_TARGETS, PROVINCE_TASKS = 15, 40
COMMUNE_TARGETS, COMMUNE_TASKS = 10, 10
D = datetime.date


def _ensure_units() -> None:
    from pcmd.geography.models import AdminUnit
    from pcmd.geography.services import admin_units_load
    from pcmd.geography.sources import admin_unit_source

    if not AdminUnit.objects.current().exists():
        admin_units_load(source=admin_unit_source())


def _agency(unit, kind, name):  # type: ignore[no-untyped-def]
    from pcmd.agencies.models import Agency
    from pcmd.core.vietnamese import search_key, sort_key

    return Agency(unit=unit, kind=kind, name=name, name_search=search_key(name), name_sort=sort_key(name))


def build_dataset() -> dict[str, int]:
    """Bulk-write the national dataset (the services are measured separately below)."""
    from pcmd.agencies.models import Agency, AgencyKind
    from pcmd.geography.models import AdminUnit
    from pcmd.planning.models import Plan, PlanArea, ReportingRule, Target, Task, plan_search_key

    rng = random.Random(2026)
    provinces = list(AdminUnit.objects.current().filter(level=AdminUnit.Level.PROVINCE).order_by("code"))
    communes = list(AdminUnit.objects.current().filter(level=AdminUnit.Level.COMMUNE).order_by("code"))
    kinds = [k for k in AgencyKind if k not in (AgencyKind.PEOPLES_COMMITTEE, AgencyKind.OTHER)][:DEPARTMENTS]
    Agency.objects.bulk_create(
        [_agency(p, AgencyKind.PEOPLES_COMMITTEE, f"Ủy ban nhân dân {p.name}") for p in provinces]
        + [_agency(p, kind, f"{kind.label} {p.name}") for p in provinces for kind in kinds]
        + [_agency(c, AgencyKind.PEOPLES_COMMITTEE, f"Ủy ban nhân dân {c.name}") for c in communes],
        batch_size=2000,
    )
    committees = {a.unit_id: a for a in Agency.objects.filter(kind=AgencyKind.PEOPLES_COMMITTEE)}
    departments: dict[int, list[Agency]] = {}
    for agency in Agency.objects.exclude(kind=AgencyKind.PEOPLES_COMMITTEE).filter(unit__in=provinces):
        departments.setdefault(agency.unit_id, []).append(agency)
    areas = list(PlanArea)

    def plan(unit, parent=None):  # type: ignore[no-untyped-def]
        row = Plan(
            issuing_unit=unit,
            issuing_agency=committees[unit.pk],
            number=str(rng.randint(1, 400)),
            symbol="KH-UBND",
            issued_on=D(2026, 2, 1),
            issued_place=unit.name,
            title=f"Kế hoạch phòng, chống mại dâm năm 2026 — {unit.name}",
            kind=Plan.Kind.ANNUAL,
            period_start=D(2026, 1, 1),
            period_end=D(2026, 12, 31),
            status=Plan.Status.ISSUED,
            implements=parent,
            signer_position="PHÓ CHỦ TỊCH",
            signer_name="Nguyễn Văn A",
        )
        row.title_search = plan_search_key(row)  # bulk_create skips save()
        return row

    Plan.objects.bulk_create([plan(p) for p in provinces])
    provincial = {p.issuing_unit_id: p for p in Plan.objects.filter(implements__isnull=True)}
    province_of = {p.path: p for p in provinces}
    Plan.objects.bulk_create(
        [plan(c, provincial[province_of[c.path.split(".")[0]].pk]) for c in communes], batch_size=2000
    )

    targets, tasks, rules = [], [], []
    for p in Plan.objects.select_related("issuing_unit").iterator(chunk_size=2000):
        is_province = p.implements_id is None
        for i in range(PROVINCE_TARGETS if is_province else COMMUNE_TARGETS):
            targets.append(
                Target(
                    plan=p,
                    order=i + 1,
                    area=areas[i % len(areas)],
                    statement=f"Chỉ tiêu {i + 1}",
                    comparator=Target.Comparator.AT_LEAST,
                    value=Decimal(rng.choice([20, 50, 70, 100])),
                    measure_unit=Target.MeasureUnit.PERCENT,
                    due_year=2026,
                )
            )
        leads = departments[p.issuing_unit_id] if is_province else [committees[p.issuing_unit_id]]
        for i in range(PROVINCE_TASKS if is_province else COMMUNE_TASKS):
            tasks.append(
                Task(
                    plan=p,
                    order=i + 1,
                    area=areas[i % len(areas)],
                    text=f"Nhiệm vụ {i + 1}",
                    lead_agency=leads[i % len(leads)],
                    due_date=D(2026, rng.randint(1, 12), 15),
                    status=rng.choice(list(Task.Status)),
                )
            )
        if is_province:
            for order, (who, kind, day, month) in enumerate(
                [
                    (ReportingRule.Reporters.ASSIGNED_AGENCIES, ReportingRule.PeriodKind.SEMIANNUAL, 15, 5),
                    (ReportingRule.Reporters.ASSIGNED_AGENCIES, ReportingRule.PeriodKind.ANNUAL, 10, 11),
                    (ReportingRule.Reporters.LOWER_UNITS, ReportingRule.PeriodKind.SEMIANNUAL, 15, 5),
                    (ReportingRule.Reporters.LOWER_UNITS, ReportingRule.PeriodKind.ANNUAL, 10, 11),
                ],
                start=1,
            ):
                rules.append(
                    ReportingRule(
                        plan=p,
                        order=order,
                        reporters=who,
                        recipient_note="Sở Y tế",
                        period_kind=kind,
                        due_day=day,
                        due_month=month,
                    )
                )
    Target.objects.bulk_create(targets, batch_size=5000)
    Task.objects.bulk_create(tasks, batch_size=5000)
    ReportingRule.objects.bulk_create(rules, batch_size=5000)
    return {"plans": Plan.objects.count(), "targets": len(targets), "tasks": len(tasks)}


def _person(username, unit, role, agency=None):  # type: ignore[no-untyped-def]
    from pcmd.accounts.models import Membership, User

    user = User.objects.create_user(username=username, password=None)
    Membership.objects.create(user=user, unit=unit, role=role, agency=agency)
    return user


def run(bench: Bench) -> None:
    from pcmd.accounts.capabilities import Role
    from pcmd.agencies.models import Agency, AgencyKind
    from pcmd.geography.models import AdminUnit
    from pcmd.planning import selectors, services
    from pcmd.planning.calendar import reporting_deadlines_regenerate
    from pcmd.planning.models import Plan, ReportingDeadline

    _ensure_units()
    counts = bench.measure("build the national dataset (bulk)", build_dataset)
    bench.figures[-1] = replace(
        bench.figures[-1],
        note=f"{counts['plans']:,} plans, {counts['targets']:,} targets, {counts['tasks']:,} tasks",
    )

    # The province with the most communes is the heaviest calendar and cascade.
    largest = max(
        AdminUnit.objects.current().filter(level=AdminUnit.Level.PROVINCE),
        key=lambda p: AdminUnit.objects.filter(parent=p).count(),
    )
    big_plan = Plan.objects.get(issuing_unit=largest, implements__isnull=True)
    communes_in_largest = AdminUnit.objects.filter(parent=largest).count()
    generated = bench.measure(
        f"calendar of the largest province's plan ({largest.name})",
        lambda: reporting_deadlines_regenerate(big_plan),
        runs=5,
        note="",
    )
    bench.figures[-1] = replace(
        bench.figures[-1],
        note=f"{generated:,} deadlines, {communes_in_largest} communes, regenerated in place",
    )

    def national_calendar() -> int:
        return sum(
            reporting_deadlines_regenerate(p) for p in Plan.objects.filter(implements__isnull=True).iterator()
        )

    total = bench.measure("calendars of all 34 provincial plans", national_calendar)
    bench.figures[-1] = replace(bench.figures[-1], note=f"{total:,} deadlines")

    officer = _person("bench.province", largest, Role.PROVINCIAL_COORDINATOR)
    some_commune = AdminUnit.objects.filter(parent=largest).order_by("code").first()
    commune_officer = _person("bench.commune", some_commune, Role.COMMUNE_OFFICER)
    department = Agency.objects.filter(unit=largest, kind=AgencyKind.CULTURE_SPORTS_TOURISM).first()
    reporter = _person("bench.reporter", largest, Role.AGENCY_REPORTER, department)

    bench.measure(
        "plan list, first page (province officer)",
        lambda: list(selectors.plans_visible_to(officer)[:25]),
        runs=QUERY_RUNS,
        warmup=1,
    )
    found = bench.measure(
        "plan list, search 'ke hoach phong chong' (province officer)",
        lambda: list(selectors.plans_visible_to(officer, q="ke hoach phong chong")[:25]),
        runs=QUERY_RUNS,
        warmup=1,
    )
    bench.figures[-1] = replace(bench.figures[-1], note=f"{len(found)} on the first page")
    bench.measure(
        "plans a commune reads (own + province)",
        lambda: list(selectors.plans_visible_to(commune_officer)),
        runs=QUERY_RUNS,
        warmup=1,
    )
    overdue = bench.measure(
        "overdue tasks in the province (count)",
        lambda: selectors.tasks_visible_to(officer, overdue=True, on=D(2026, 11, 22)).count(),
        runs=QUERY_RUNS,
        warmup=1,
    )
    bench.figures[-1] = replace(bench.figures[-1], note=f"{overdue:,} tasks")
    bench.measure(
        "my tasks (a department reporter)",
        lambda: list(selectors.my_tasks(reporter)),
        runs=QUERY_RUNS,
        warmup=1,
    )
    cascade = bench.measure(
        "cascade of the largest province's plan",
        lambda: selectors.plan_cascade(big_plan),
        runs=QUERY_RUNS,
        warmup=1,
    )
    bench.figures[-1] = replace(bench.figures[-1], note=f"{len(cascade.units)} communes")
    bench.measure(
        "calendar page rows (largest province)",
        lambda: list(selectors.reporting_calendar(big_plan)),
        runs=QUERY_RUNS,
        warmup=1,
        note=f"{ReportingDeadline.objects.filter(rule__plan=big_plan).count():,} rows",
    )

    committee = Agency.objects.get(unit=largest, kind=AgencyKind.PEOPLES_COMMITTEE)

    def draft_and_issue() -> Plan:
        plan = services.plan_create(
            actor=officer,
            issuing_unit=largest,
            issuing_agency=committee,
            issued_place=largest.name,
            title="Kế hoạch chuyên đề kiểm tra",
            kind=Plan.Kind.THEMATIC,
            period_start=D(2026, 1, 1),
            period_end=D(2026, 12, 31),
            signer_position="PHÓ CHỦ TỊCH",
            signer_name="Nguyễn Văn B",
        )
        services.plan_section_save(actor=officer, plan=plan, heading="Nội dung", body="Kiểm tra cơ sở")
        services.reporting_rule_save(
            actor=officer,
            plan=plan,
            reporters="lower_units",
            recipient_note="Sở Y tế",
            period_kind="semiannual",
            due_day=15,
            due_month=5,
        )
        return services.plan_issue(
            actor=officer,
            plan=plan,
            version=plan.version,
            number=f"B{Plan.objects.count()}",
            issued_on=D(2026, 3, 1),
        )

    bench.measure("draft, add a rule and issue a plan (services)", draft_and_issue, runs=5)

    from pcmd.planning.documents import plan_docx

    bench.measure("plan as .docx (largest province)", lambda: plan_docx(big_plan), runs=5)
