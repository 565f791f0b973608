from django.apps import AppConfig


class HotspotsConfig(AppConfig):
    name = "pcmd.hotspots"
    label = "hotspots"
    verbose_name = "Điểm phức tạp về mại dâm"
