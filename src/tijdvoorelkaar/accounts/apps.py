from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core import clock, periodic
from tijdvoorelkaar.core.access import register_role_source
from tijdvoorelkaar.core.roles import ADMIN


def stored_roles(user, area):
    """Role rows of `user` in `area`, and "admin" for the system administrator."""

    from .models import Role

    roles = set(Role.objects.filter(user=user, area=area).values_list("kind", flat=True))
    if user.is_superuser:
        roles.add(ADMIN)
    return roles


def purge_sign_in_links() -> str:
    import datetime as dt

    from .models import LoginToken

    purged, _ = LoginToken.objects.filter(
        expires_at__lt=clock.now() - dt.timedelta(days=1)
    ).delete()
    return f"verlopen inloglinks: {purged}"


class AccountsConfig(AppConfig):
    name = "tijdvoorelkaar.accounts"
    verbose_name = gettext_lazy("Accounts")

    def ready(self) -> None:

        register_role_source(stored_roles)
        periodic.register(91, "accounts.sign_in_links", purge_sign_in_links)
