from django.apps import AppConfig


class AreasConfig(AppConfig):
    name = "tijdvoorelkaar.areas"
    verbose_name = "Werkgebieden"
