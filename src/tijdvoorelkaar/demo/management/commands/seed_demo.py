from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tijdvoorelkaar.demo import seed as demo

SCENARIOS = ("utrecht-zuid-2005",)


class Command(BaseCommand):
    help = "Laad demogegevens: werkgebieden, buurten en een gebruiker voor elke rol (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scenario",
            help="laad in plaats daarvan een scenario: " + ", ".join(SCENARIOS),
        )

    def handle(self, **options):
        scenario = options.get("scenario")
        if scenario:
            if scenario not in SCENARIOS:
                raise CommandError(
                    f"Onbekend scenario '{scenario}'. Kies uit: {', '.join(SCENARIOS)}."
                )
            from tijdvoorelkaar.demo.scenario import seed_scenario

            area, created = seed_scenario()
            state = "aangemaakt" if created else "stond er al"
            self.stdout.write(f"Scenario {scenario}: werkgebied '{area.slug}' {state}.")
            return
        with transaction.atomic():
            areas = demo.seed()
        self.stdout.write(f"Demogegevens klaar: {', '.join(sorted(areas))}.")
        self.stdout.write(f"Demo-logins (wachtwoord '{demo.DEMO_PASSWORD}'):")
        for email, role, area_slug, *_ in demo.USERS:
            self.stdout.write(f"  {role:<13} {email:<38} {area_slug or ''}")
