from django.core.management.base import BaseCommand
from django.db import transaction

from tijdvoorelkaar.core import demo


class Command(BaseCommand):
    help = "Laad demogegevens: werkgebieden, buurten en een gebruiker voor elke rol (idempotent)."

    def handle(self, **options):
        with transaction.atomic():
            areas = demo.seed()
        self.stdout.write(f"Demogegevens klaar: {', '.join(sorted(areas))}.")
        self.stdout.write(f"Demo-logins (wachtwoord '{demo.DEMO_PASSWORD}'):")
        for email, role, area_slug, *_ in demo.USERS:
            self.stdout.write(f"  {role:<13} {email:<38} {area_slug or ''}")
