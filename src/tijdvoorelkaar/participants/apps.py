from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "tijdvoorelkaar.participants"
    verbose_name = "Deelnemers"
