from django.apps import AppConfig

from tijdvoorelkaar.marketplace import hooks as marketplace_hooks
from tijdvoorelkaar.workspace import hooks as workspace_hooks


class OrganisationsConfig(AppConfig):
    name = "tijdvoorelkaar.organisations"
    verbose_name = "Organisaties, vacatures en doorverwijzing"

    def ready(self) -> None:
        from .services import referral_inbox, tell_referrers_about_intake, vacancy_inbox

        workspace_hooks.dashboard_sections.register(referral_inbox)
        workspace_hooks.intake_recorded.register(tell_referrers_about_intake)
        marketplace_hooks.reaction_recipient.register(vacancy_inbox)
