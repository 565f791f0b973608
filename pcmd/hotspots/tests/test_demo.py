import pytest

from pcmd.accounts.models import User
from pcmd.demo import dataset
from pcmd.demo.services import DemoReport, demo_data_load
from pcmd.establishments.models import RiskLevel
from pcmd.establishments.tests.factories import EstablishmentFactory
from pcmd.geography.models import AdminUnit
from pcmd.geography.tests.factories import make_commune, make_province
from pcmd.hotspots.demo import load_demo
from pcmd.hotspots.models import Hotspot, HotspotEvent

S = Hotspot.Status


@pytest.fixture
def demo_base(db, fixed_today, monkeypatch):
    """The lead's demo data (agencies, accounts) over the units it needs; demo dates counted from the same
    fixed "today" as the services."""
    monkeypatch.setattr("pcmd.hotspots.demo.today", lambda: fixed_today)
    son_la = make_province("14", "Tỉnh Sơn La")
    make_province("12", "Tỉnh Lai Châu")
    for commune in dataset.COMMUNES:
        make_commune(son_la, commune.code, commune.name)
    demo_data_load(domains=())
    return User.objects.get(username="demo.admin")


def test_the_demo_has_son_la_hotspots_in_every_status_and_one_reactivated(demo_base):
    # when
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    # then
    hotspots = Hotspot.objects.all()
    assert {h.status for h in hotspots} == set(S.values)
    assert all(h.unit.scope_path.startswith("14.") for h in hotspots)
    reactivated = hotspots.get(reactivation_count=1)
    assert reactivated.status == S.UNDER_ACTION
    assert reactivated.events.filter(kind=HotspotEvent.Kind.REACTIVATED).count() == 1
    monitored = hotspots.get(status=S.MONITORED)
    assert monitored.events.filter(kind=HotspotEvent.Kind.CHECK).count() == 2
    assert report.created["hotspots"] == 5
    assert (
        report.created["hotspot_events"]
        == HotspotEvent.objects.exclude(kind=HotspotEvent.Kind.IDENTIFIED).count()
    )


def test_the_demo_is_identified_by_the_communes_police(demo_base):
    load_demo(actor=demo_base, report=DemoReport())
    to_hieu = Hotspot.objects.get(unit__code="03646")
    assert to_hieu.identified_by.name == "Công an phường Tô Hiệu"


def test_a_second_load_creates_nothing(demo_base):
    load_demo(actor=demo_base, report=DemoReport())
    counts = (Hotspot.objects.count(), HotspotEvent.objects.count())
    # when
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    # then
    assert report.created == {}
    assert (Hotspot.objects.count(), HotspotEvent.objects.count()) == counts


def test_a_demo_establishment_gets_a_hotspot_and_becomes_high_risk(demo_base):
    # given: the establishments demo registered a karaoke in Tô Hiệu
    to_hieu = AdminUnit.objects.current().get(code="03646")
    karaoke = EstablishmentFactory.create(
        unit=to_hieu, name="Karaoke Ánh Dương", address="Số 5 đường Tô Hiệu"
    )
    # when
    load_demo(actor=demo_base, report=DemoReport())
    load_demo(actor=demo_base, report=DemoReport())
    # then
    linked = Hotspot.objects.get(establishment=karaoke)
    assert linked.kind == Hotspot.Kind.ESTABLISHMENT and linked.status == S.UNDER_ACTION
    karaoke.refresh_from_db()
    assert karaoke.risk_computed == RiskLevel.HIGH
