from django.apps import AppConfig


class PersonSanctionsConfig(AppConfig):
    name = "pcmd.person_sanctions"
    label = "person_sanctions"
    verbose_name = "Xử phạt hành chính cá nhân"
