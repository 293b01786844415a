from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "tijdvoorelkaar.privacy"
    verbose_name = "Privacy (inzage, export, verwijderen)"
