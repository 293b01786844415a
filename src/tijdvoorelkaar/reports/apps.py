from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "tijdvoorelkaar.reports"
    verbose_name = "Verslagen en monitoring"
