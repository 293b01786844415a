from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class TasksConfig(AppConfig):
    name = "tijdvoorelkaar.tasks"
    verbose_name = gettext_lazy("Taken")
