from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "pcmd.inspections"
    label = "inspections"
    verbose_name = "Kiểm tra, xử lý vi phạm"

    def ready(self) -> None:
        # The establishments app computes risk levels from signals its higher apps register (it never imports
        # them): open violations found by inspections are one.
        from pcmd.establishments.risk import register_risk_signal
        from pcmd.inspections.risk import open_violation_signals

        register_risk_signal(open_violation_signals)
