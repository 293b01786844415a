import datetime as dt

from django.core.management.base import BaseCommand
from django.db import connection

from tijdvoorelkaar.core import clock, throttle


class Command(BaseCommand):
    help = (
        "Periodiek werk (elk uur draaien, bv. met cron of een systemd-timer): herinneringen "
        "voor onbeantwoorde reacties, verlengmails voor advertenties, nazorg van koppelingen "
        "(taken en 'Hoe gaat het?'-mails), opruimen."
    )

    def handle(self, **options):
        from tijdvoorelkaar.accounts.models import LoginToken
        from tijdvoorelkaar.marketplace import services as marketplace
        from tijdvoorelkaar.mediations import services as mediations

        reminded = marketplace.remind_unanswered()
        renewals = marketplace.send_renewal_reminders()
        follow_ups = mediations.run_follow_ups()
        from tijdvoorelkaar.privacy.services import run_retention

        warned, erased = run_retention()
        purged = throttle.purge()
        tokens, _ = LoginToken.objects.filter(
            expires_at__lt=clock.now() - dt.timedelta(days=1)
        ).delete()
        if connection.vendor == "sqlite":
            # Keeps the query planner's statistics fresh; with a limit this takes
            # milliseconds even on large tables.
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA analysis_limit=1000")
                cursor.execute("ANALYZE")
        self.stdout.write(
            f"Herinneringen onbeantwoorde reacties: {reminded}; verlengmails: {renewals}; "
            f"nazorgmomenten: {follow_ups}; bewaartermijn: {warned} gewaarschuwd, "
            f"{erased} verwijderd; "
            f"opgeruimd: {purged} telpogingen, {tokens} verlopen inloglinks."
        )
