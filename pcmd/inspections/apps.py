from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "pcmd.inspections"
    label = "inspections"
    verbose_name = "Kiểm tra, xử lý vi phạm"
