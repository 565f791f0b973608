from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "pcmd.agencies"
    label = "agencies"
    verbose_name = "Cơ quan, đơn vị và đội kiểm tra liên ngành"
