from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy


def purge_throttles() -> str:
    from . import throttle

    return f"opgeruimd: {throttle.purge()} telpogingen"


class CoreConfig(AppConfig):
    name = "tijdvoorelkaar.core"
    verbose_name = gettext_lazy("Kern")

    def ready(self) -> None:
        from . import periodic
        from .net import parse_networks

        # A mistyped proxy address would silently turn the throttles off or on for the
        # wrong clients: refuse to start instead (every process, gunicorn included).
        try:
            parse_networks(settings.TRUSTED_PROXIES)
        except ValueError as error:
            raise ImproperlyConfigured(str(error)) from None
        periodic.register(90, "core.throttles", purge_throttles)
