from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core.access import register_role_source
from tijdvoorelkaar.core.roles import PARTICIPANT


def participation(user, area):
    """ "participant" when `user` takes part in `area`."""

    from .models import Participant

    return {PARTICIPANT} if Participant.objects.filter(user=user, area=area).exists() else set()


class ParticipantsConfig(AppConfig):
    name = "tijdvoorelkaar.participants"
    verbose_name = gettext_lazy("Deelnemers")

    def ready(self) -> None:

        register_role_source(participation)
