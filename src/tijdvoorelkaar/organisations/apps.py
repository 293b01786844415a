from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "tijdvoorelkaar.organisations"
    verbose_name = "Organisaties, doorverwijzing en outreach"
