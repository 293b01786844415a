from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "tijdvoorelkaar.tasks"
    verbose_name = "Taken"
