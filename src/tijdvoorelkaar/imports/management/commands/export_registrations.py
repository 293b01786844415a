from django.core.management.base import BaseCommand, CommandError

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.imports import services


class Command(BaseCommand):
    help = (
        "Schrijf de deelnemers, advertenties en bemiddelingen van een werkgebied naar "
        "participants.csv, ads.csv en mediations.csv, in het formaat van import_registrations."
    )

    def add_arguments(self, parser):
        parser.add_argument("--area", required=True, help="Korte naam van het werkgebied.")
        parser.add_argument("--out", required=True, help="Map voor de drie bestanden.")

    def handle(self, *args, area, out, **options):
        found = Area.objects.filter(slug=area).first()
        if found is None:
            raise CommandError(f"Werkgebied '{area}' bestaat niet.")
        try:
            counts = services.export_registrations(found, out)
        except OSError as exc:
            raise CommandError(f"Kan niet schrijven naar {out}: {exc.strerror}.") from exc
        for kind, count in counts.items():
            self.stdout.write(f"{kind}.csv: {count} regels ({services.KIND_NAMES[kind]})")
