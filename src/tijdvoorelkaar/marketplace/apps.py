from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.accounts import hooks as account_hooks
from tijdvoorelkaar.areas import hooks as area_hooks
from tijdvoorelkaar.core import periodic


def remind_unanswered() -> str:
    from . import services

    return f"Herinneringen onbeantwoorde reacties: {services.remind_unanswered()}"


def send_renewal_reminders() -> str:
    from . import services

    return f"verlengmails: {services.send_renewal_reminders()}"


class MarketplaceConfig(AppConfig):
    name = "tijdvoorelkaar.marketplace"
    verbose_name = gettext_lazy("Marktplaats")

    def ready(self):

        from .categories import settings_section
        from .first_request import place_pending_ad
        from .services import ensure_default_categories
        from .signals import ensure_index_after_migrate

        # Database plumbing only: the full-text index is (re)made after every migrate.
        post_migrate.connect(ensure_index_after_migrate, sender=self)
        periodic.register(10, "marketplace.unanswered", remind_unanswered)
        periodic.register(20, "marketplace.renewals", send_renewal_reminders)
        area_hooks.area_created.register(ensure_default_categories)
        area_hooks.settings_sections.register(settings_section)
        account_hooks.link_used.register(place_pending_ad)
