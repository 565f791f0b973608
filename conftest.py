"""Named personas shared by every app's tests (DESIGN.md §3.8).

Sơn La (14) with two communes; Lai Châu (12) is "another province". Units are created by factories: tests
never need the 13,000 real units (the loader has its own tests).
"""

from __future__ import annotations

import pytest

from pcmd.accounts.capabilities import Role
from pcmd.accounts.tests.factories import MembershipFactory, UserFactory
from pcmd.agencies.models import AgencyKind
from pcmd.agencies.tests.factories import AgencyFactory, InspectionTeamFactory
from pcmd.geography.tests.factories import make_commune, make_province

CHROMIUM = "/usr/bin/chromium"


def _seed_functions() -> dict[str, list]:
    """The `seed(apps, schema_editor)` functions of our data migrations, per app label."""
    import importlib
    import pkgutil

    from django.apps import apps

    found: dict[str, list] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("pcmd."):
            continue
        try:
            package = importlib.import_module(f"{config.name}.migrations")
        except ModuleNotFoundError:
            continue
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            if callable(getattr(module, "seed", None)):
                found.setdefault(config.label, []).append(module.seed)
    return found


@pytest.fixture(scope="session", autouse=True)
def _reference_data_survives_flushes(django_db_setup, django_db_blocker):
    """Transactional tests (the browser tests) empty every table afterwards, taking the reference data our
    data migrations seeded (establishment types, legal references, checklist items...) with it. Django
    re-sends post_migrate after such a flush; re-running each app's seed functions then restores that data
    for the tests that follow in the same process, as a fresh migrate would. Test-only: production data is
    seeded once by the migrations."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    seeds = _seed_functions()

    def reseed(sender, **kwargs):  # type: ignore[no-untyped-def]
        for seed in seeds.get(sender.label, []):
            seed(apps, None)

    post_migrate.connect(reseed, weak=False, dispatch_uid="pcmd-tests-reseed")
    yield
    post_migrate.disconnect(dispatch_uid="pcmd-tests-reseed")


@pytest.fixture
def son_la(db):
    return make_province("14", "Tỉnh Sơn La")


@pytest.fixture
def commune(son_la):
    return make_commune(son_la, "04105", "Phường Tô Hiệu")


@pytest.fixture
def other_commune(son_la):
    return make_commune(son_la, "04168", "Xã Mường Bú")


@pytest.fixture
def other_province(db):
    return make_province("12", "Tỉnh Lai Châu")


@pytest.fixture
def health_department(son_la):
    return AgencyFactory(
        unit=son_la, kind=AgencyKind.HEALTH, name="Sở Y tế tỉnh Sơn La", short_name="Sở Y tế"
    )


@pytest.fixture
def province_officer(son_la, health_department):
    user = UserFactory(username="dieuphoi.sonla", full_name="Lò Thị Điều Phối")
    MembershipFactory(user=user, unit=son_la, agency=health_department, role=Role.PROVINCIAL_COORDINATOR)
    return user


@pytest.fixture
def commune_officer(commune):
    user = UserFactory(username="canbo.tohieu", full_name="Cầm Văn Xã")
    MembershipFactory(user=user, unit=commune, role=Role.COMMUNE_OFFICER)
    return user


@pytest.fixture
def other_commune_officer(other_commune):
    user = UserFactory(username="canbo.muongbu", full_name="Quàng Văn Bú")
    MembershipFactory(user=user, unit=other_commune, role=Role.COMMUNE_OFFICER)
    return user


@pytest.fixture
def other_province_officer(other_province):
    agency = AgencyFactory(unit=other_province, kind=AgencyKind.HEALTH, name="Sở Y tế tỉnh Lai Châu")
    user = UserFactory(username="dieuphoi.laichau", full_name="Tòng Văn Khác")
    MembershipFactory(user=user, unit=other_province, agency=agency, role=Role.PROVINCIAL_COORDINATOR)
    return user


@pytest.fixture
def provincial_team(son_la, health_department):
    return InspectionTeamFactory(
        unit=son_la, lead_agency=health_department, name="Đội kiểm tra liên ngành 178 tỉnh Sơn La"
    )


@pytest.fixture
def inspector(son_la, provincial_team):
    user = UserFactory(username="thanhtra.sonla", full_name="Hà Văn Kiểm")
    MembershipFactory(
        user=user, unit=son_la, agency=provincial_team.lead_agency, team=provincial_team, role=Role.INSPECTOR
    )
    return user


@pytest.fixture
def case_worker(son_la):
    user = UserFactory(username="ctxh.sonla", full_name="Vì Thị Hỗ Trợ")
    MembershipFactory(user=user, unit=son_la, role=Role.CASE_WORKER)
    return user


@pytest.fixture
def system_admin(db):
    user = UserFactory(username="quantri", full_name="Quản Trị Viên", is_staff=True, is_superuser=True)
    MembershipFactory(user=user, unit=None, role=Role.SYSTEM_ADMIN)
    return user


@pytest.fixture
def no_membership_user(db):
    return UserFactory(username="chua.phancong")


@pytest.fixture
def anonymous(client):
    """A client that is not logged in."""
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Playwright drives Debian's Chromium (never a downloaded browser)."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--headless=new",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
