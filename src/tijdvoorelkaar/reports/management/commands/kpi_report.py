import csv
import json

from django.core.management.base import BaseCommand, CommandError

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.reports.services import ReportError, kpi, parse_period


class Command(BaseCommand):
    help = "Print the period report of an area as one JSON object (or CSV: key,value)."

    def add_arguments(self, parser):
        parser.add_argument("--area", required=True, help="korte naam van het werkgebied")
        parser.add_argument("--start", required=True, help="begindatum JJJJ-MM-DD")
        parser.add_argument("--end", required=True, help="einddatum JJJJ-MM-DD (telt mee)")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *, area, start, end, format, **options):
        try:
            first, last = parse_period(start, end)
        except ReportError as error:
            raise CommandError(str(error)) from None
        found = Area.objects.filter(slug=area).first()
        if found is None:
            raise CommandError(f"Werkgebied '{area}' bestaat niet.")
        figures = kpi(found, first, last)
        if format == "json":
            self.stdout.write(json.dumps(figures, ensure_ascii=False, sort_keys=True))
            return
        writer = csv.writer(self.stdout)
        writer.writerow(["kengetal", "waarde"])
        for key, value in sorted(figures.items()):
            if isinstance(value, dict):
                for sub, n in value.items():
                    if isinstance(n, dict):
                        for sub2, m in n.items():
                            writer.writerow([f"{key}.{sub}.{sub2}", m])
                    else:
                        writer.writerow([f"{key}.{sub}", n])
            else:
                writer.writerow([key, "" if value is None else value])
