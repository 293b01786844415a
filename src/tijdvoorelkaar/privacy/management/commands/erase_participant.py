from django.core.management.base import BaseCommand, CommandError

from tijdvoorelkaar.privacy import services


class Command(BaseCommand):
    help = (
        "Verwijder of anonimiseer alle persoonsgegevens van een deelnemer (AVG). "
        "Cijfers in verslagen blijven gelijk."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--reason",
            required=True,
            help="Waarom (zonder persoonsgegevens), bv. 'verzoek per telefoon'.",
        )

    def handle(self, email, reason, **options):
        try:
            user = services.find_user(email)
            counts = services.erase_person(user, reason=reason)
        except services.PrivacyError as exc:
            raise CommandError(str(exc)) from exc
        summary = ", ".join(f"{k}: {v}" for k, v in counts.items())
        self.stdout.write(f"Verwijderd. {summary}.")
