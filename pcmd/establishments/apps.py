from django.apps import AppConfig


class EstablishmentsConfig(AppConfig):
    name = "pcmd.establishments"
    label = "establishments"
    verbose_name = "Cơ sở kinh doanh dịch vụ"
