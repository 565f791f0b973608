from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "pcmd.legal"
    label = "legal"
    verbose_name = "Văn bản pháp luật, căn cứ xử phạt"
