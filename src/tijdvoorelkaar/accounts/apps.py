from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from tijdvoorelkaar.core import periodic
from tijdvoorelkaar.core.access import register_role_source
from tijdvoorelkaar.core.roles import ADMIN


def stored_roles(user, area):
    """Role rows of `user` in `area`, and "admin" for the system administrator."""

    from .models import Role

    roles = set(Role.objects.filter(user=user, area=area).values_list("kind", flat=True))
    if user.is_superuser:
        roles.add(ADMIN)
    return roles


class AccountsConfig(AppConfig):
    name = "tijdvoorelkaar.accounts"
    verbose_name = gettext_lazy("Accounts")

    def ready(self) -> None:
        from .services import purge_old_links

        register_role_source(stored_roles)
        periodic.register(91, "accounts.sign_in_links", purge_old_links)
