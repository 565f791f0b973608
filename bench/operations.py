"""Operations at national scale: the establishment registry, inspections, coverage, hotspots and tips.

The synthetic dataset follows DOMAIN.md §4: about 100,000 at-risk establishments spread over the 3,321
communes, one Đội 178 per province, 30,000 inspections in 2026 (coverage around 25%), 200 hotspots and
20,000 tips in every state.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import replace

from bench.runner import Bench

TITLE = "Cơ sở, kiểm tra, điểm phức tạp, tố giác (operations)"
ESTABLISHMENTS = 100_000
INSPECTIONS = 30_000
HOTSPOTS = 200
TIPS = 20_000
QUERY_RUNS = 10
D = datetime.date


def _ensure_units() -> None:
    from pcmd.geography.models import AdminUnit
    from pcmd.geography.services import admin_units_load
    from pcmd.geography.sources import admin_unit_source

    if not AdminUnit.objects.current().exists():
        admin_units_load(source=admin_unit_source())


def build_dataset() -> dict[str, int]:
    from django.utils import timezone

    from pcmd.agencies.models import Agency, AgencyKind, InspectionTeam
    from pcmd.core.vietnamese import search_key, sort_key
    from pcmd.establishments.models import Establishment, EstablishmentType
    from pcmd.establishments.selectors import address_key
    from pcmd.geography.models import AdminUnit
    from pcmd.hotspots.models import Hotspot
    from pcmd.inspections.models import Inspection, InspectionMode
    from pcmd.tips.models import Tip, TipCategory, TipChannel, TipOutcome, TipStatus

    rng = random.Random(2026)
    provinces = list(AdminUnit.objects.current().filter(level=AdminUnit.Level.PROVINCE).order_by("code"))
    communes = list(AdminUnit.objects.current().filter(level=AdminUnit.Level.COMMUNE).order_by("code"))
    province_of = {c.pk: next(p for p in provinces if c.path.startswith(f"{p.path}.")) for c in communes}
    police = {}
    for p in provinces:
        name = f"Công an {p.name}"
        agency = Agency.objects.filter(unit=p, name=name).first() or Agency.objects.create(
            unit=p, kind=AgencyKind.POLICE, name=name, name_search=search_key(name), name_sort=sort_key(name)
        )
        police[p.pk] = agency
    teams = {}
    for p in provinces:
        name = f"Đội kiểm tra liên ngành 178 {p.name}"
        teams[p.pk] = InspectionTeam.objects.create(
            unit=p,
            lead_agency=police[p.pk],
            name=name,
            name_search=search_key(name),
            name_sort=sort_key(name),
        )
    types = list(EstablishmentType.objects.all())
    # Lodging two thirds, karaoke/massage a sixth, the rest other kinds (DOMAIN.md §4 proportions).
    weights = [8 if t.code in ("nha-nghi", "khach-san", "nha-tro", "homestay") else 1 for t in types]
    words = ["Hoa Ban", "Bình Minh", "Ánh Dương", "Sao Mai", "Thành Công", "Phú Quý", "Hương Sen", "Mai Anh"]
    rows = []
    for i in range(ESTABLISHMENTS):
        commune = communes[i % len(communes)]
        kind = rng.choices(types, weights)[0]
        name = f"{kind.name} {rng.choice(words)} {i}"
        address = f"Số {rng.randint(1, 400)} đường {rng.choice(words)}, {commune.name}"
        rows.append(
            Establishment(
                unit=commune,
                type=kind,
                name=name,
                address=address,
                registry_code=f"CS-{commune.code}-{i}",
                worker_count=rng.randint(1, 20),
                opened_on=D(2015, 1, 1),
                status=rng.choices(["operating", "suspended", "closed"], [90, 4, 6])[0],
                name_search=search_key(name),
                name_sort=sort_key(name),
                address_key=address_key(address),
            )
        )
    Establishment.objects.bulk_create(rows, batch_size=5000)
    establishments = list(Establishment.objects.values_list("pk", "unit_id"))
    inspections = []
    for _ in range(INSPECTIONS):
        pk, unit_id = rng.choice(establishments)
        started = timezone.make_aware(datetime.datetime(2026, rng.randint(1, 10), rng.randint(1, 28), 9))
        inspections.append(
            Inspection(
                team=teams[province_of[unit_id].pk],
                establishment_id=pk,
                mode=rng.choice(list(InspectionMode)),
                started_at=started,
                ended_at=started + datetime.timedelta(hours=2),
            )
        )
    Inspection.objects.bulk_create(inspections, batch_size=5000)
    hotspots = []
    for i in range(HOTSPOTS):
        commune = rng.choice(communes)
        name = f"Khu vực {rng.choice(words)} {i}"
        identified_on = D(2025, rng.randint(1, 12), 1)
        hotspots.append(
            Hotspot(
                kind=Hotspot.Kind.PUBLIC_PLACE,
                name=name,
                unit=commune,
                status=rng.choice(list(Hotspot.Status)),
                identified_on=identified_on,
                last_event_on=identified_on,
                identified_by=police[province_of[commune.pk].pk],
            )
        )
    Hotspot.objects.bulk_create(hotspots)
    now = timezone.now()
    tips = []
    for i in range(TIPS):
        commune = rng.choice(communes)
        status = rng.choice(list(TipStatus))
        received = now - datetime.timedelta(days=rng.randint(0, 300))
        tips.append(
            Tip(
                channel=rng.choice(list(TipChannel)),
                category=rng.choice(list(TipCategory)),
                province=province_of[commune.pk],
                location_unit=commune,
                routed_unit=commune,
                content=f"Nội dung tin báo số {i}",
                status=status,
                outcome=TipOutcome.UNFOUNDED if status in (TipStatus.HANDLED, TipStatus.CLOSED) else "",
                handled_at=received + datetime.timedelta(days=5)
                if status in (TipStatus.HANDLED, TipStatus.CLOSED)
                else None,
                received_at=received,
                stage_started_at=received,
                stage_due_at=received + datetime.timedelta(days=10)
                if status not in (TipStatus.HANDLED, TipStatus.CLOSED)
                else None,
                receipt_lookup=f"bench-{i}",
                receipt_hash="!",
            )
        )
    Tip.objects.bulk_create(tips, batch_size=2000)
    return {"establishments": ESTABLISHMENTS, "inspections": INSPECTIONS, "tips": TIPS}


def _person(username, unit, role, agency=None, team=None):  # type: ignore[no-untyped-def]
    from pcmd.accounts.models import Membership, User

    user = User.objects.create_user(username=username, password=None)
    Membership.objects.create(user=user, unit=unit, role=role, agency=agency, team=team)
    return user


def run(bench: Bench) -> None:
    from pcmd.accounts.capabilities import Role
    from pcmd.establishments.selectors import establishments_visible_to, possible_duplicates
    from pcmd.geography.models import AdminUnit
    from pcmd.hotspots.indicators import hotspot_indicators
    from pcmd.inspections.coverage import coverage_by_commune, establishments_never_inspected
    from pcmd.tips.selectors import overdue_tips, tips_visible_to

    _ensure_units()
    counts = bench.measure("build the national dataset (bulk)", build_dataset)
    bench.figures[-1] = replace(
        bench.figures[-1],
        note=f"{counts['establishments']:,} establishments, {counts['inspections']:,} inspections, "
        f"{counts['tips']:,} tips",
    )
    largest = max(
        AdminUnit.objects.current().filter(level=AdminUnit.Level.PROVINCE),
        key=lambda p: AdminUnit.objects.filter(parent=p).count(),
    )
    commune = AdminUnit.objects.filter(parent=largest).order_by("code").first()
    coordinator = _person("ops.province", largest, Role.PROVINCIAL_COORDINATOR)
    commune_officer = _person("ops.commune", commune, Role.COMMUNE_OFFICER)
    police = _person("ops.police", largest, Role.POLICE_OFFICER)
    admin = _person("ops.admin", None, Role.SYSTEM_ADMIN)

    def note(text: str) -> None:
        bench.figures[-1] = replace(bench.figures[-1], note=text)

    rows = bench.measure(
        f"establishment list, first page ({largest.name})",
        lambda: list(establishments_visible_to(coordinator)[:25]),
        runs=QUERY_RUNS,
        warmup=1,
    )
    note(f"{establishments_visible_to(coordinator).count():,} in the province; {len(rows)} shown")
    bench.measure(
        "establishment list, first page (a commune officer)",
        lambda: list(establishments_visible_to(commune_officer)[:25]),
        runs=QUERY_RUNS,
        warmup=1,
    )
    found = bench.measure(
        "establishment search 'karaoke hoa ban' (province, no diacritics)",
        lambda: list(establishments_visible_to(coordinator, q="karaoke hoa ban")[:25]),
        runs=QUERY_RUNS,
        warmup=1,
    )
    note(f"{len(found)} on the first page")
    sample = establishments_visible_to(commune_officer).first()
    assert sample is not None
    bench.measure(
        "duplicate check before saving (same name and address)",
        lambda: possible_duplicates(
            commune_officer, unit=sample.unit, name=sample.name, address=sample.address
        ),
        runs=QUERY_RUNS,
        warmup=1,
    )
    report = bench.measure(
        f"coverage per commune, 2026 ({largest.name})",
        lambda: coverage_by_commune(coordinator, 2026),
        runs=5,
        warmup=1,
    )
    note(f"{len(report.communes)} communes")
    report = bench.measure(
        "coverage per province, 2026 (the whole country)",
        lambda: coverage_by_commune(admin, 2026),
        runs=3,
        warmup=1,
    )
    note(f"{len(report.provinces)} provinces, {len(report.communes):,} communes")
    never = bench.measure(
        "never-inspected establishments in the province (count)",
        lambda: establishments_never_inspected(coordinator).count(),
        runs=QUERY_RUNS,
        warmup=1,
    )
    note(f"{never:,}")
    bench.measure(
        "hotspot indicators for the province, 2026",
        lambda: hotspot_indicators(coordinator, unit=largest, start=D(2026, 1, 1), end=D(2026, 12, 31)),
        runs=QUERY_RUNS,
        warmup=1,
    )
    bench.measure(
        "tip queue, first page (province police)",
        lambda: list(tips_visible_to(police)[:25]),
        runs=QUERY_RUNS,
        warmup=1,
    )
    overdue = bench.measure(
        "overdue tips in the province (count)",
        lambda: overdue_tips(police).count(),
        runs=QUERY_RUNS,
        warmup=1,
    )
    note(f"{overdue:,}")
