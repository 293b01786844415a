from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "tijdvoorelkaar.demo"
    verbose_name = "Demo en benchmarkgegevens"
