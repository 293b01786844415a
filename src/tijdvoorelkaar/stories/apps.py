from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "tijdvoorelkaar.stories"
    verbose_name = "Verhalen"
