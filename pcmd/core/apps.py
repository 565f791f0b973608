from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pcmd.core"
    label = "core"
    verbose_name = "Nền tảng"

    def ready(self) -> None:
        # Every model's encrypted columns are kept out of the change log, which stores values as plain text.
        # Models are all loaded and auditlog (listed before our apps) has registered them by now.
        from django.apps import apps

        from pcmd.core.privacy import keep_encrypted_fields_out_of_log

        for model in apps.get_models():
            keep_encrypted_fields_out_of_log(model)
