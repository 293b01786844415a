import json

from django.core.management.base import BaseCommand, CommandError

from tijdvoorelkaar.privacy import services


class Command(BaseCommand):
    help = "Druk alle gegevens van een deelnemer af als JSON (inzage en export, AVG)."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)

    def handle(self, email, **options):
        try:
            user = services.find_user(email)
        except services.PrivacyError as exc:
            raise CommandError(str(exc)) from exc
        data = services.export_data(user)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
