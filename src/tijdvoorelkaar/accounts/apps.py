from django.apps import AppConfig


def stored_roles(user, area):
    """Role rows of `user` in `area`, and "admin" for the system administrator."""
    from tijdvoorelkaar.core.roles import ADMIN

    from .models import Role

    roles = set(Role.objects.filter(user=user, area=area).values_list("kind", flat=True))
    if user.is_superuser:
        roles.add(ADMIN)
    return roles


class AccountsConfig(AppConfig):
    name = "tijdvoorelkaar.accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from tijdvoorelkaar.core.access import register_role_source

        register_role_source(stored_roles)
