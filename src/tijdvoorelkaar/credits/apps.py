from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class CreditsConfig(AppConfig):
    name = "tijdvoorelkaar.credits"
    verbose_name = gettext_lazy("Roosjes (tijdtegoed)")
