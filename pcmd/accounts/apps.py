from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pcmd.accounts"
    label = "accounts"
    verbose_name = "Tài khoản và phân quyền"
