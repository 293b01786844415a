from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "tijdvoorelkaar.imports"
    verbose_name = "Importeren en exporteren"
