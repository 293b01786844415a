from django.apps import AppConfig

from tijdvoorelkaar.accounts import hooks as account_hooks
from tijdvoorelkaar.marketplace import hooks as marketplace_hooks


class NewsletterConfig(AppConfig):
    name = "tijdvoorelkaar.newsletter"
    verbose_name = "Nieuwsbrief en onbestelbare e-mail"

    def ready(self) -> None:
        from .services import phone_instead_of_email, subscribe_at_sign_up

        marketplace_hooks.not_emailable.register(phone_instead_of_email)
        account_hooks.signed_up.register(subscribe_at_sign_up)
