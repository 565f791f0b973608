"""The 2026 demo inspections, loaded after the foundation's and the establishments' demo data."""

import datetime

import pytest

from pcmd.accounts.models import User
from pcmd.core.services import today
from pcmd.demo import dataset
from pcmd.demo.services import DemoReport, demo_data_load
from pcmd.establishments.models import Establishment
from pcmd.geography.tests.factories import make_commune, make_province
from pcmd.inspections.demo import DEMO_DOCUMENT, load_demo
from pcmd.inspections.models import FollowUp, Inspection, InspectionPlan, SanctionDecision, Violation
from pcmd.inspections.selectors import follow_ups_visible_to
from pcmd.legal.models import LegalDocument

pytestmark = pytest.mark.skipif(
    today() < datetime.date(2026, 10, 2), reason="the demo inspections are dated up to 02/10/2026"
)


@pytest.fixture
def demo_base(db):
    son_la = make_province("14", "Tỉnh Sơn La")
    make_province("12", "Tỉnh Lai Châu")
    for commune in dataset.COMMUNES:
        make_commune(son_la, commune.code, commune.name)
    demo_data_load(domains=("pcmd.establishments.demo",))
    return User.objects.get(username="demo.admin")


def test_the_demo_has_plans_inspections_violations_sanctions_and_an_overdue_follow_up(demo_base):
    # when
    report = DemoReport()
    load_demo(actor=demo_base, report=report)
    # then
    assert report.created["inspections"] == 6 and report.created["follow_ups"] == 3
    assert InspectionPlan.objects.filter(year=2026).count() == 2
    assert Inspection.objects.filter(started_at__year=2026).count() == 6
    assert Violation.objects.count() == 5
    assert SanctionDecision.objects.count() == 3
    assert SanctionDecision.objects.filter(payment_status="unpaid").count() == 1
    assert FollowUp.objects.count() == 3
    tinh = User.objects.get(username="demo.tinh")
    assert follow_ups_visible_to(tinh, overdue=True).count() == 1
    # the suspension followed the decision; the remedied follow-up closed its violation
    karaoke = Establishment.objects.get(name="Karaoke Ánh Dương")
    assert karaoke.status == Establishment.Status.SUSPENDED
    assert Violation.objects.get(act__startswith="Kinh doanh karaoke khi giấy phép").status == "closed"
    # the invented acts are cited from a document marked as demo data
    demo_document = LegalDocument.objects.get(number=DEMO_DOCUMENT)
    assert "TRÌNH DIỄN" in demo_document.title
    assert all(p.act.startswith("[Trình diễn]") for p in demo_document.provisions.all())


def test_loading_the_demo_twice_changes_nothing(demo_base):
    load_demo(actor=demo_base, report=DemoReport())
    counts = [
        model.objects.count() for model in (InspectionPlan, Inspection, Violation, SanctionDecision, FollowUp)
    ]
    # when
    again = DemoReport()
    load_demo(actor=demo_base, report=again)
    # then
    assert again.created == {}
    assert [
        m.objects.count() for m in (InspectionPlan, Inspection, Violation, SanctionDecision, FollowUp)
    ] == counts


def test_without_demo_establishments_the_inspections_are_skipped(db):
    son_la = make_province("14", "Tỉnh Sơn La")
    make_province("12", "Tỉnh Lai Châu")
    for commune in dataset.COMMUNES:
        make_commune(son_la, commune.code, commune.name)
    demo_data_load(domains=())
    report = DemoReport()
    load_demo(actor=User.objects.get(username="demo.admin"), report=report)
    assert "inspections" not in report.created and not Inspection.objects.exists()
    assert report.created["inspection_plans"] == 2
