import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand

from tijdvoorelkaar.core.smtp_inbound import make_server
from tijdvoorelkaar.marketplace.email_replies import receive
from tijdvoorelkaar.marketplace.reply_addresses import is_reply_address


def deliver(raw: bytes, recipients: list[str], mail_from: str) -> None:
    receive(raw, recipients=recipients, envelope_sender=mail_from)


class Command(BaseCommand):
    help = (
        "Ontvangt antwoorden per e-mail (SMTP) op antwoord+...@REPLY_EMAIL_DOMAIN en zet ze "
        "in het gesprek. Draait tot Ctrl+C. Zie docs/deployment.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=2525)

    def handle(self, *args, host, port, **options):
        server = make_server(
            host=host,
            port=port,
            max_bytes=settings.INBOUND_EMAIL_MAX_BYTES,
            accepts=is_reply_address,
            deliver=deliver,
        )
        server.start()
        domain = settings.REPLY_EMAIL_DOMAIN
        if domain:
            self.stdout.write(f"Antwoorden per e-mail: SMTP op {host}:{port} voor *@{domain}.")
        else:
            self.stdout.write(
                f"SMTP op {host}:{port}, maar REPLY_EMAIL_DOMAIN is leeg: elk adres wordt "
                "geweigerd en e-mails krijgen geen antwoordadres."
            )
        stopped = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stopped.set())
        try:
            while not stopped.wait(1):
                pass
        finally:
            server.stop()
            self.stdout.write("SMTP-server gestopt.")
