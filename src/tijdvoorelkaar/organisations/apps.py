from django.apps import AppConfig

from tijdvoorelkaar.accounts import hooks as account_hooks
from tijdvoorelkaar.marketplace import hooks as marketplace_hooks
from tijdvoorelkaar.workspace import hooks as workspace_hooks


class OrganisationsConfig(AppConfig):
    name = "tijdvoorelkaar.organisations"
    verbose_name = "Organisaties, doorverwijzing en outreach"

    def ready(self) -> None:
        from .services import (
            phone_instead_of_email,
            referral_inbox,
            subscribe_at_sign_up,
            tell_referrers_about_intake,
            vacancy_inbox,
        )

        workspace_hooks.dashboard_sections.register(referral_inbox)
        workspace_hooks.intake_recorded.register(tell_referrers_about_intake)
        marketplace_hooks.reaction_recipient.register(vacancy_inbox)
        marketplace_hooks.not_emailable.register(phone_instead_of_email)
        account_hooks.signed_up.register(subscribe_at_sign_up)
