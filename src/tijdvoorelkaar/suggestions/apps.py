from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SuggestionsConfig(AppConfig):
    name = "tijdvoorelkaar.suggestions"
    verbose_name = gettext_lazy("Koppelsuggesties")
