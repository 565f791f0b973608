import pytest

from pcmd.accounts.models import User
from pcmd.criminal_cases.demo import load_demo
from pcmd.criminal_cases.models import CaseOffender, CaseStageEvent, CriminalCase, Stage
from pcmd.demo import dataset
from pcmd.demo.services import DemoReport, demo_data_load
from pcmd.geography.tests.factories import make_commune, make_province


@pytest.fixture
def demo_base(db, fixed_today, monkeypatch):
    """The lead's demo data (agencies, accounts) over the units it needs; demo dates counted from the same
    fixed "today" as the services."""
    monkeypatch.setattr("pcmd.criminal_cases.demo.today", lambda: fixed_today)
    son_la = make_province("14", "Tỉnh Sơn La")
    make_province("12", "Tỉnh Lai Châu")
    for commune in dataset.COMMUNES:
        make_commune(son_la, commune.code, commune.name)
    demo_data_load(domains=())
    return User.objects.get(username="demo.admin")


def test_the_demo_has_son_la_cases_at_every_stage_and_a_mobile_trial(demo_base):
    # when
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    # then
    cases = CriminalCase.objects.all()
    assert {c.stage for c in cases} == set(Stage.values)
    assert all(c.unit.scope_path.split(".")[0] == "14" for c in cases)
    judged = cases.get(stage=Stage.JUDGED)
    assert judged.had_mobile_trial and judged.agency.name == "Tòa án nhân dân tỉnh Sơn La"
    assert CaseStageEvent.objects.filter(mobile_trial=True).count() == 1
    assert cases.filter(minor_victims_count__gt=0).count() == 2
    assert report.created["criminal_cases"] == cases.count() == 5
    assert report.created["criminal_case_offenders"] == CaseOffender.objects.count()


def test_a_second_load_creates_nothing(demo_base):
    load_demo(actor=demo_base, report=DemoReport())
    counts = (CriminalCase.objects.count(), CaseStageEvent.objects.count(), CaseOffender.objects.count())
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    assert report.created == {}
    assert (
        CriminalCase.objects.count(),
        CaseStageEvent.objects.count(),
        CaseOffender.objects.count(),
    ) == counts


def test_the_demo_police_officer_sees_the_cases(demo_base):
    from pcmd.criminal_cases.selectors import criminal_cases_visible_to

    load_demo(actor=demo_base, report=DemoReport())
    police = next(a for a in dataset.ACCOUNTS if any(m.role == "police_officer" for m in a.memberships))
    user = User.objects.get(username=police.username)
    assert criminal_cases_visible_to(user).count() == 5
