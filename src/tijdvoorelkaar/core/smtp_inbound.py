"""A small SMTP server (aiosmtpd) that takes mail for a few addresses and hands each
message to a function; an app decides which addresses and what happens
(marketplace/management/commands/receive_mail.py: replies by email).

It is an input surface open to the network, so it is narrow (docs/security.md):
- only recipients `accepts(address)` says yes to (else 550, before any data is sent);
- at most MAX_RECIPIENTS recipients per message (452 for more);
- at most `max_bytes` per message (aiosmtpd advertises SIZE and answers 552 beyond it,
  without keeping the rest);
- at most MESSAGES_PER_HOUR messages per connecting address (450: try later), counted in
  the database like every throttle (core/throttle.py), so restarts do not reset it;
- a connection idle for TIMEOUT seconds is closed.
No authentication, no relaying, no TLS: put it on 127.0.0.1 behind the mail server that
receives the domain's mail (docs/deployment.md), or on a port only that server reaches."""

import datetime as dt
import logging
from collections.abc import Callable

from aiosmtpd.controller import Controller
from asgiref.sync import sync_to_async
from django.db import close_old_connections, connections

from . import throttle

logger = logging.getLogger(__name__)

MAX_RECIPIENTS = 5
MESSAGES_PER_HOUR = 60
TIMEOUT = 60

Deliver = Callable[[bytes, list[str], str], object]


def _checked_in(function: Callable, *args):
    """Run a database function in a worker thread of the server: a fresh connection,
    closed afterwards (mail comes seldom; an idle thread keeps no connection open)."""
    close_old_connections()
    try:
        return function(*args)
    finally:
        connections.close_all()


class InboundHandler:
    """aiosmtpd's handler: the checks above, then `deliver(raw, recipients, mail_from)`."""

    def __init__(self, *, accepts: Callable[[str], bool], deliver: Deliver):
        self.accepts = accepts
        self.deliver = deliver

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        client = session.peer[0] if isinstance(session.peer, tuple) else str(session.peer)
        allowed = await sync_to_async(_checked_in, thread_sensitive=False)(
            throttle.hit, f"smtp-client:{client}", MESSAGES_PER_HOUR, dt.timedelta(hours=1)
        )
        if not allowed:
            return "450 4.7.1 Too many messages from your address, try again later"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if len(envelope.rcpt_tos) >= MAX_RECIPIENTS:
            return "452 4.5.3 Too many recipients"
        if not self.accepts(address):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", errors="replace")
        try:
            await sync_to_async(_checked_in, thread_sensitive=False)(
                self.deliver, raw, list(envelope.rcpt_tos), envelope.mail_from or ""
            )
        except Exception:  # noqa: BLE001 - the sending server keeps the mail and retries
            logger.exception("Inkomende e-mail niet verwerkt")
            return "451 4.3.0 Temporary failure, try again later"
        return "250 OK: message accepted"


def make_server(
    *, host: str, port: int, max_bytes: int, accepts: Callable[[str], bool], deliver: Deliver
) -> Controller:
    """The server, not yet started: `.start()` runs it in a thread of its own, `.stop()`
    ends it."""
    return Controller(
        InboundHandler(accepts=accepts, deliver=deliver),
        hostname=host,
        port=port,
        data_size_limit=max_bytes,
        timeout=TIMEOUT,
        server_hostname="tijdvoorelkaar",
    )
