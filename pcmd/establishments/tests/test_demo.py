import pytest

from pcmd.accounts.models import User
from pcmd.demo import dataset
from pcmd.demo.services import DemoReport, demo_data_load
from pcmd.establishments.demo import ESTABLISHMENTS, load_demo
from pcmd.establishments.models import Establishment, EstablishmentStatusChange, RiskLevel
from pcmd.establishments.selectors import establishments_visible_to
from pcmd.geography.tests.factories import make_commune, make_province


@pytest.fixture
def demo_base(db):
    son_la = make_province("14", "Tỉnh Sơn La")
    make_province("12", "Tỉnh Lai Châu")
    for commune in dataset.COMMUNES:
        make_commune(son_la, commune.code, commune.name)
    demo_data_load(domains=())
    return User.objects.get(username="demo.admin")


def test_demo_registers_25_establishments_over_the_four_communes(demo_base):
    # when
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    # then
    assert report.created["establishments"] == len(ESTABLISHMENTS) == 25
    communes = set(Establishment.objects.values_list("unit__code", flat=True))
    assert communes == {"03646", "03667", "03847", "04045"}
    statuses = set(Establishment.objects.values_list("status", flat=True))
    assert statuses == {"operating", "suspended", "closed"}
    assert Establishment.objects.values("type").distinct().count() >= 10
    assert report.created["establishment_commitments"] > 20
    assert report.created["establishment_health_checks"] >= 10
    # expired karaoke licences show up as a medium risk
    assert Establishment.objects.get(name="Karaoke Ánh Dương").risk_level == RiskLevel.MEDIUM
    suspended = Establishment.objects.get(name="Massage Thảo Mộc")
    assert (
        suspended.status_changes.filter(to_status="suspended").get().effective_on.isoformat() == "2025-11-03"
    )


def test_demo_is_idempotent(demo_base):
    load_demo(actor=demo_base, report=DemoReport())
    counts = (Establishment.objects.count(), EstablishmentStatusChange.objects.count())
    # when
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    # then
    assert report.created == {}
    assert (Establishment.objects.count(), EstablishmentStatusChange.objects.count()) == counts


def test_demo_commune_officers_see_their_own_establishments(demo_base):
    load_demo(actor=demo_base, report=DemoReport())
    to_hieu = User.objects.get(username="demo.xa")
    names = set(establishments_visible_to(to_hieu).values_list("unit__code", flat=True))
    assert names == {"03646"}
    assert establishments_visible_to(User.objects.get(username="demo.tinh")).count() == 25
    assert not establishments_visible_to(User.objects.get(username="demo.tinhkhac")).exists()
