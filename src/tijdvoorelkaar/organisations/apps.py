from django.apps import AppConfig


def referral_inbox(request, area):
    """The broker's dashboard section with the referrals waiting for a decision."""
    from .models import IncomingReferral

    return {
        "template": "organisations/_dashboard_referrals.html",
        "pending": IncomingReferral.objects.waiting_for(request.user, area),
    }


class OrganisationsConfig(AppConfig):
    name = "tijdvoorelkaar.organisations"
    verbose_name = "Organisaties, doorverwijzing en outreach"

    def ready(self) -> None:
        from tijdvoorelkaar.workspace import hooks as workspace_hooks

        from .services import tell_referrers_about_intake

        workspace_hooks.dashboard_sections.register(referral_inbox)
        workspace_hooks.intake_recorded.register(tell_referrers_about_intake)
