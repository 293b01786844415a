from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "tijdvoorelkaar.pages"
    verbose_name = "Pagina's van de site"
