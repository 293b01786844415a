"""Factories for accounts: users and their roles."""

import factory

from tijdvoorelkaar.accounts.models import Role, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"bewoner{n}@example.org")
    first_name = "Bewoner"
    last_name = "Achternaam"

    @classmethod
    def _create(cls, model_class, *args, password=None, **kwargs):
        return model_class.objects.create_user(*args, password=password, **kwargs)


def user_with_role(area, role: str, **fields) -> User:
    """A user holding `role` (organisation, broker, coordinator, funder) in `area`."""
    user = UserFactory(**fields)
    Role.objects.get_or_create(user=user, area=area, kind=role)
    return user
