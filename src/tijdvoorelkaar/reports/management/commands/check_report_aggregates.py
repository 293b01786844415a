from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.mediations import figures


class Command(BaseCommand):
    help = (
        "Vergelijk de opgeslagen maandtellingen van het verslag (bemiddelingen per maand, "
        "duur van koppelingen) met een nieuwe telling uit de bemiddelingen zelf; met --fix "
        "worden verschillen hersteld."
    )

    def add_arguments(self, parser):
        parser.add_argument("--area", help="korte naam van één werkgebied (standaard: alle)")
        parser.add_argument("--fix", action="store_true", help="tel verschillende gebieden opnieuw")

    def handle(self, *, area, fix, **options):
        areas = Area.objects.order_by("slug")
        if area:
            areas = areas.filter(slug=area)
            if not areas.exists():
                raise CommandError(f"Werkgebied '{area}' bestaat niet.")
        wrong = []
        for place in areas:
            found = figures.differences(place.pk)
            if not found:
                continue
            wrong.append(place)
            self.stdout.write(f"{place.slug}: {len(found)} verschil(len)")
            for line in found[:20]:
                self.stdout.write(f"  {line}")
            if fix:
                with transaction.atomic():
                    figures.recount(place.pk)
                self.stdout.write(f"  {place.slug}: opnieuw geteld")
        if not wrong:
            self.stdout.write("De maandtellingen kloppen in elk werkgebied.")
        elif not fix:
            raise CommandError(f"{len(wrong)} werkgebied(en) met verschillen; herstel met --fix.")
