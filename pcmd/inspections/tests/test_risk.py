from pcmd.establishments.models import RiskLevel
from pcmd.establishments.risk import establishment_risk_refresh, registered_risk_signals
from pcmd.inspections.risk import open_violation_signals
from pcmd.inspections.tests.factories import InspectionFactory, ViolationFactory


def test_open_violations_are_registered_as_a_risk_signal_at_start_up():
    assert open_violation_signals in registered_risk_signals()


def test_each_open_violation_counts_and_closed_ones_do_not(hoa_hong, provincial_team):
    inspection = InspectionFactory.create(team=provincial_team, establishment=hoa_hong)
    ViolationFactory.create(inspection=inspection)
    ViolationFactory.create(inspection=inspection)
    ViolationFactory.create(inspection=inspection, status="closed", closed_on=inspection.day)
    [signal] = list(open_violation_signals(hoa_hong))
    assert signal.level == RiskLevel.HIGH and signal.source == "inspections"
    assert signal.reason == "2 vi phạm phát hiện khi kiểm tra chưa khắc phục."
    assert establishment_risk_refresh(hoa_hong).risk_level == RiskLevel.HIGH


def test_no_open_violation_no_signal(hoa_hong):
    assert list(open_violation_signals(hoa_hong)) == []
