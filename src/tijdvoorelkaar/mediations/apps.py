from django.apps import AppConfig


class MediationsConfig(AppConfig):
    name = "tijdvoorelkaar.mediations"
    verbose_name = "Bemiddelingen"
