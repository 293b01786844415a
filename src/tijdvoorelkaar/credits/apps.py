from django.apps import AppConfig


class CreditsConfig(AppConfig):
    name = "tijdvoorelkaar.credits"
    verbose_name = "Roosjes (tijdtegoed)"
