from django.apps import AppConfig


class CriminalCasesConfig(AppConfig):
    name = "pcmd.criminal_cases"
    label = "criminal_cases"
    verbose_name = "Vụ án hình sự về mại dâm"
