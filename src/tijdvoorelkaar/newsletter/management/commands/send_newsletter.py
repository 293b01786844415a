from django.core.management.base import BaseCommand

from tijdvoorelkaar.newsletter.services import send_newsletters


class Command(BaseCommand):
    help = (
        "Queue this month's newsletter for subscribers who did not get it yet, one batch "
        "per run (db_worker sends them). Run it daily in the first days of the month."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=200)

    def handle(self, *args, batch, **options):
        count = send_newsletters(batch_size=batch)
        self.stdout.write(f"{count} nieuwsbrieven in de wachtrij gezet.")
