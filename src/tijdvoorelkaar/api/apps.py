from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tijdvoorelkaar.api"
    verbose_name = "API"
