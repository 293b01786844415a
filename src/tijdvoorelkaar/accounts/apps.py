from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tijdvoorelkaar.accounts"
    verbose_name = "Accounts"
