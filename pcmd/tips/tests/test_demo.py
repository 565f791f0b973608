import pytest

from pcmd.accounts.models import User
from pcmd.demo import dataset
from pcmd.demo.services import DemoReport, demo_data_load
from pcmd.geography.tests.factories import make_commune, make_province
from pcmd.tips.demo import TIPS, load_demo
from pcmd.tips.models import Informant, RoutingRule, Tip, TipMessage, TipStatus


@pytest.fixture
def demo_base(db):
    son_la = make_province("14", "Tỉnh Sơn La")
    make_province("12", "Tỉnh Lai Châu")
    for commune in dataset.COMMUNES:
        make_commune(son_la, commune.code, commune.name)
    demo_data_load(domains=())
    return User.objects.get(username="demo.admin")


def test_the_demo_has_son_la_tips_in_every_status_some_overdue_with_threads(demo_base, capsys):
    # when
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    # then
    tips = Tip.objects.all()
    assert {t.status for t in tips} == set(TipStatus.values)
    assert all(t.routed_unit.scope_path.startswith("14") for t in tips)
    assert tips.overdue().count() >= 2
    assert report.created["tips"] == len(TIPS) == tips.count()
    assert report.created["tip_messages"] == TipMessage.objects.count() >= 4
    assert TipMessage.objects.filter(sender="citizen").exists()
    assert Informant.objects.count() == 1 and RoutingRule.objects.count() == 7
    # the commune police of Tô Hiệu has the hotline tip
    agency = tips.get(location_unit__code="03646", channel="hotline").routed_agency
    assert agency is not None and agency.name == "Công an phường Tô Hiệu"
    # and nothing was printed (no receipt, no informant)
    assert capsys.readouterr().out == ""


def test_a_second_load_creates_nothing(demo_base):
    load_demo(actor=demo_base, report=DemoReport())
    counts = (Tip.objects.count(), TipMessage.objects.count())
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    assert (Tip.objects.count(), TipMessage.objects.count()) == counts and not report.created


def test_the_demo_commune_officer_sees_the_communes_tips_only(demo_base):
    load_demo(actor=demo_base, report=DemoReport())
    from pcmd.tips.selectors import tips_visible_to

    officer = User.objects.get(username="demo.xa")
    assert {t.routed_unit.code for t in tips_visible_to(officer)} == {"03646"}
    assert not tips_visible_to(User.objects.get(username="demo.ctxh")).exists()
