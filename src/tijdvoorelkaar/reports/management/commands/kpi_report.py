import json

from django.core.management.base import BaseCommand, CommandError

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import spreadsheet
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
        spreadsheet.write_csv(self.stdout, [["kengetal", "waarde"], *_rows(figures)])


def _rows(figures: dict):
    for key, value in sorted(figures.items()):
        if isinstance(value, dict):
            for sub, n in value.items():
                if isinstance(n, dict):
                    for sub2, m in n.items():
                        yield [f"{key}.{sub}.{sub2}", m]
                else:
                    yield [f"{key}.{sub}", n]
        else:
            yield [key, "" if value is None else value]
