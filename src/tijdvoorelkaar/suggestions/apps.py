from django.apps import AppConfig


class SuggestionsConfig(AppConfig):
    name = "tijdvoorelkaar.suggestions"
    verbose_name = "Koppelsuggesties"
