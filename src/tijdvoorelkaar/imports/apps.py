from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ImportsConfig(AppConfig):
    name = "tijdvoorelkaar.imports"
    verbose_name = gettext_lazy("Importeren en exporteren")
