from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MarketplaceConfig(AppConfig):
    name = "tijdvoorelkaar.marketplace"
    verbose_name = "Marktplaats"

    def ready(self):
        from .signals import ensure_index_after_migrate

        post_migrate.connect(ensure_index_after_migrate, sender=self)
