from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core import periodic
from tijdvoorelkaar.marketplace import hooks as marketplace_hooks
from tijdvoorelkaar.workspace import hooks as workspace_hooks


def _ad_text_changed(ad) -> None:
    from .tasks import schedule_for_worker

    schedule_for_worker(ad.area_id)


def _intake_recorded(participant) -> None:
    from .tasks import schedule_for_worker

    schedule_for_worker(participant.area_id)


def _catch_up() -> str:
    from .tasks import catch_up

    return catch_up()


class SuggestionsConfig(AppConfig):
    name = "tijdvoorelkaar.suggestions"
    verbose_name = gettext_lazy("Koppelsuggesties")

    def ready(self):
        # The meaning vectors of changed texts are made by the task worker (tasks.py).
        marketplace_hooks.ad_text_changed.register(_ad_text_changed)
        workspace_hooks.intake_recorded.register(_intake_recorded)
        periodic.register(50, "suggestions.embeddings", _catch_up)
