from django.apps import AppConfig


class TipsConfig(AppConfig):
    name = "pcmd.tips"
    label = "tips"
    verbose_name = "Tố giác, tin báo"
