from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "pcmd.planning"
    label = "planning"
    verbose_name = "Kế hoạch, chỉ tiêu, nhiệm vụ"
