from django.apps import AppConfig


def referral_inbox(request, area):
    """The broker's dashboard section with the referrals waiting for a decision."""
    from .models import IncomingReferral

    return {
        "template": "organisations/_dashboard_referrals.html",
        "pending": IncomingReferral.objects.waiting_for(request.user, area),
    }


def vacancy_inbox(ad):
    """Reactions to a vacancy go to the contact person of the organisation."""
    if ad.organisation_id is None:
        return None
    from tijdvoorelkaar.marketplace.services import MarketplaceError

    from .services import OrganisationError, inbox_participant

    try:
        return inbox_participant(ad.organisation)
    except OrganisationError as exc:
        raise MarketplaceError(str(exc)) from None


class OrganisationsConfig(AppConfig):
    name = "tijdvoorelkaar.organisations"
    verbose_name = "Organisaties, doorverwijzing en outreach"

    def ready(self) -> None:
        from tijdvoorelkaar.accounts import hooks as account_hooks
        from tijdvoorelkaar.marketplace import hooks as marketplace_hooks
        from tijdvoorelkaar.workspace import hooks as workspace_hooks

        from .services import (
            phone_instead_of_email,
            subscribe_at_sign_up,
            tell_referrers_about_intake,
        )

        workspace_hooks.dashboard_sections.register(referral_inbox)
        workspace_hooks.intake_recorded.register(tell_referrers_about_intake)
        marketplace_hooks.reaction_recipient.register(vacancy_inbox)
        marketplace_hooks.not_emailable.register(phone_instead_of_email)
        account_hooks.signed_up.register(subscribe_at_sign_up)
