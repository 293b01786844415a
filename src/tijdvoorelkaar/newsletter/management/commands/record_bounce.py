from django.core.management.base import BaseCommand, CommandError

from tijdvoorelkaar.newsletter.services import NewsletterError, record_bounce


class Command(BaseCommand):
    help = (
        "Record that mail to EMAIL bounced: the broker of each participant with that "
        "address gets a task to phone. Called by the mail server's bounce handler, e.g. "
        "`manage.py record_bounce jan@example.nl --reason '550 mailbox unavailable'`."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--reason", default="")

    def handle(self, *args, email, reason, **options):
        try:
            rows = record_bounce(email, reason)
        except NewsletterError as exc:
            raise CommandError(str(exc)) from exc
        tasks = sum(1 for r in rows if r.task_id)
        known = sum(1 for r in rows if r.participant_id)
        self.stdout.write(f"Bounce vastgelegd: {known} deelnemer(s), {tasks} belta(a)k(en).")
