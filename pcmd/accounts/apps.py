from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pcmd.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self) -> None:
        # Registers the OpenAPI description of our session authentication (drf-spectacular extensions
        # register themselves when their module is imported).
        from pcmd.accounts import schema  # noqa: F401
