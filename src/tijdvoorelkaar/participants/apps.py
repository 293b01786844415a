from django.apps import AppConfig


def participation(user, area):
    """ "participant" when `user` takes part in `area`."""
    from tijdvoorelkaar.core.roles import PARTICIPANT

    from .models import Participant

    return {PARTICIPANT} if Participant.objects.filter(user=user, area=area).exists() else set()


class ParticipantsConfig(AppConfig):
    name = "tijdvoorelkaar.participants"
    verbose_name = "Deelnemers"

    def ready(self) -> None:
        from tijdvoorelkaar.core.access import register_role_source

        register_role_source(participation)
