from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "tijdvoorelkaar.workspace"
    verbose_name = "Werkplek sociaal makelaar"
