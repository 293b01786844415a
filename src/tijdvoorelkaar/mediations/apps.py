from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core import periodic


def run_follow_ups() -> str:
    from . import follow_up

    return f"nazorgmomenten: {follow_up.run_follow_ups()}"


class MediationsConfig(AppConfig):
    name = "tijdvoorelkaar.mediations"
    verbose_name = gettext_lazy("Bemiddelingen")

    def ready(self) -> None:

        periodic.register(30, "mediations.follow_ups", run_follow_ups)
