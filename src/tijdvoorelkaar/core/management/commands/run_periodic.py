from django.core.management.base import BaseCommand
from django.db import connection

from tijdvoorelkaar.core import periodic


class Command(BaseCommand):
    help = (
        "Periodiek werk (elk uur draaien, bv. met cron of een systemd-timer): herinneringen "
        "voor onbeantwoorde reacties, verlengmails voor advertenties, nazorg van koppelingen "
        "(taken en 'Hoe gaat het?'-mails), bewaartermijn, opruimen. Elke app meldt zijn "
        "werk aan in core/periodic.py."
    )

    def handle(self, **options):
        reports = periodic.run_all()
        if connection.vendor == "sqlite":
            # Keeps the query planner's statistics fresh; with a limit this takes
            # milliseconds even on large tables.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA analysis_limit=1000")
                cursor.execute("ANALYZE")
        self.stdout.write("; ".join(reports) + ".")
