import datetime

import pytest

from pcmd.accounts.models import User
from pcmd.demo import dataset
from pcmd.demo.services import DemoReport, demo_data_load
from pcmd.geography.tests.factories import make_commune, make_province
from pcmd.legal.models import LegalProvision
from pcmd.person_sanctions.demo import load_demo
from pcmd.person_sanctions.models import PersonSanctionTally

D = datetime.date


@pytest.fixture
def demo_base(db, fixed_today, monkeypatch):
    monkeypatch.setattr("pcmd.person_sanctions.demo.today", lambda: fixed_today)
    son_la = make_province("14", "Tỉnh Sơn La")
    make_province("12", "Tỉnh Lai Châu")
    for commune in dataset.COMMUNES:
        make_commune(son_la, commune.code, commune.name)
    demo_data_load(domains=())
    return User.objects.get(username="demo.admin")


def test_the_demo_tallies_cite_only_the_seeded_provisions_for_individuals_within_their_periods(demo_base):
    # when
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    # then
    tallies = PersonSanctionTally.objects.select_related("provision")
    assert tallies.exists() and report.created["person_sanction_tallies"] == tallies.count()
    for tally in tallies:
        provision = tally.provision
        assert provision.applies_to == LegalProvision.AppliesTo.INDIVIDUAL
        assert provision.is_valid_on(tally.period_start) and provision.is_valid_on(tally.period_end)
        assert tally.unit.scope_path.split(".")[0] == "14"
    # Nghị định 282/2025 applies from 15/12/2025: the 2025 tallies cover 15/12–31/12 only
    periods = set(tallies.values_list("period_start", "period_end"))
    assert periods == {(D(2025, 12, 15), D(2025, 12, 31)), (D(2026, 1, 1), D(2026, 6, 30))}
    assert set(tallies.values_list("act", flat=True)) == {"buying_sex"}  # no provision for selling sex yet


def test_a_second_load_creates_nothing(demo_base):
    load_demo(actor=demo_base, report=DemoReport())
    count = PersonSanctionTally.objects.count()
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    assert report.created == {} and PersonSanctionTally.objects.count() == count


def test_without_provisions_for_individuals_the_demo_creates_nothing(demo_base):
    LegalProvision.objects.update(applies_to=LegalProvision.AppliesTo.ORGANISATION)
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    assert report.created == {} and not PersonSanctionTally.objects.exists()
