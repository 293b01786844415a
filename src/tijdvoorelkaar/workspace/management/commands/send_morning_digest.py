from django.core.management.base import BaseCommand

from tijdvoorelkaar.workspace.tasks import morning_digest


class Command(BaseCommand):
    help = (
        "Zet de ochtendmail met de taken van vandaag (en achterstallige taken) voor elke "
        "sociaal makelaar in de wachtrij. Draai dit elke ochtend (cron of systemd-timer)."
    )

    def handle(self, *args, **options):
        result = morning_digest.enqueue()
        self.stdout.write(f"Ochtendmail in de wachtrij gezet (taak {result.id}).")
