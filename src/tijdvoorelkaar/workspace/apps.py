from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class WorkspaceConfig(AppConfig):
    name = "tijdvoorelkaar.workspace"
    verbose_name = gettext_lazy("Werkplek sociaal makelaar")
