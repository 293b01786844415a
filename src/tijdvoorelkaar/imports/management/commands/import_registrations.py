from django.core.management.base import BaseCommand, CommandError

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.imports import services


class Command(BaseCommand):
    help = (
        "Importeer deelnemers, advertenties en bemiddelingen uit CSV-bestanden (UTF-8) in "
        "een werkgebied: alles of niets. Met --dry-run wordt alleen gecontroleerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("--area", required=True, help="Korte naam van het werkgebied.")
        parser.add_argument("--participants", help="CSV met deelnemers.")
        parser.add_argument("--ads", help="CSV met advertenties (vraag en aanbod).")
        parser.add_argument("--mediations", help="CSV met bemiddelingen.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren, niets opslaan."
        )

    def handle(self, *args, area, participants, ads, mediations, dry_run, **options):
        found = Area.objects.filter(slug=area).first()
        if found is None:
            raise CommandError(f"Werkgebied '{area}' bestaat niet.")
        if not (participants or ads or mediations):
            raise CommandError("Geef minstens één bestand: --participants, --ads of --mediations.")
        try:
            report = services.import_files(
                found,
                participants=participants,
                ads=ads,
                mediations=mediations,
                dry_run=dry_run,
            )
        except services.ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if not report.ok:
            count = len(report.errors)
            raise CommandError(
                f"Niets geïmporteerd: {count} {'fout' if count == 1 else 'fouten'} gevonden.\n"
                + "\n".join(report.errors)
            )
        if dry_run:
            self.stdout.write("Controle geslaagd (--dry-run): er is niets opgeslagen.")
        else:
            self.stdout.write(f"Import in {found.slug} geslaagd.")
        for line in report.summary_lines():
            self.stdout.write(line)
