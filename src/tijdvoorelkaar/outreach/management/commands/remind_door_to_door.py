from django.core.management.base import BaseCommand

from tijdvoorelkaar.outreach.services import remind_door_to_door


class Command(BaseCommand):
    help = "Once a year (from March) give each area's broker a task to plan the door-to-door round."

    def handle(self, *args, **options):
        count = remind_door_to_door()
        self.stdout.write(f"{count} herinneringen voor de deur-aan-deurronde gemaakt.")
