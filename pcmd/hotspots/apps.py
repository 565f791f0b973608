from django.apps import AppConfig


class HotspotsConfig(AppConfig):
    name = "pcmd.hotspots"
    label = "hotspots"
    verbose_name = "Điểm phức tạp về mại dâm"

    def ready(self) -> None:
        # The establishments app sits below this one and cannot import it: it asks registered providers.
        from pcmd.establishments.risk import register_risk_signal
        from pcmd.hotspots.risk import active_hotspot_signals

        register_risk_signal(active_hotspot_signals)
