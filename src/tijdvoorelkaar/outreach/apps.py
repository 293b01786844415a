from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "tijdvoorelkaar.outreach"
    verbose_name = "Outreach en prikbord"
