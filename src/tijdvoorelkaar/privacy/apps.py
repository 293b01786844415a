from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core import periodic


def run_retention() -> str:
    from . import services

    warned, erased = services.run_retention()
    return f"bewaartermijn: {warned} gewaarschuwd, {erased} verwijderd"


class PrivacyConfig(AppConfig):
    name = "tijdvoorelkaar.privacy"
    verbose_name = gettext_lazy("Privacy (inzage, export, verwijderen)")

    def ready(self) -> None:

        periodic.register(40, "privacy.retention", run_retention)
