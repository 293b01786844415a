from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class AreasConfig(AppConfig):
    name = "tijdvoorelkaar.areas"
    verbose_name = gettext_lazy("Werkgebieden")
