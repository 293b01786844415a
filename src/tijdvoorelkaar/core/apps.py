from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tijdvoorelkaar.core"
    verbose_name = "Kern"
