from django.core.management.base import BaseCommand, CommandError

from tijdvoorelkaar.areas.services import AreaError, NeighbourhoodSpec, create_area, name_from_slug


class Command(BaseCommand):
    help = "Maak een werkgebied met zijn buurten (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("name")
        parser.add_argument(
            "--neighbourhoods", default="", help="Korte namen van buurten, met komma's."
        )

    def handle(self, slug, name, neighbourhoods, **options):
        specs = [
            NeighbourhoodSpec(slug=s.strip(), name=name_from_slug(s.strip()))
            for s in neighbourhoods.split(",")
            if s.strip()
        ]
        try:
            area, created = create_area(slug, name, specs)
        except AreaError as exc:
            raise CommandError(str(exc)) from exc
        verb = "aangemaakt" if created else "bestond al"
        self.stdout.write(
            f"Werkgebied {area.slug} ({area.name}) {verb}; {area.neighbourhoods.count()} buurten."
        )
