"""The reply address of one conversation and one recipient (see email_replies.py).

`antwoord+<conversation>-<participant>-<day>-<signature>@<REPLY_EMAIL_DOMAIN>`: numbers in
base 36, the day the address was made counted from 2020-01-01, the signature an HMAC of
the rest with SECRET_KEY (django.utils.crypto.salted_hmac), 80 bits in lower-case base 32,
so the address survives mail servers that change its case. It stays under the 64
characters a mail address's local part may have."""

import base64
import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from tijdvoorelkaar.core import clock

LOCAL_PART = "antwoord"
SALT = "tijdvoorelkaar.marketplace.reply-address"
EPOCH = dt.date(2020, 1, 1)
ADDRESS = re.compile(
    rf"^{LOCAL_PART}\+([0-9a-z]{{1,12}})-([0-9a-z]{{1,12}})-([0-9a-z]{{1,6}})-([a-z2-7]{{16}})$"
)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def _signature(payload: str) -> str:
    digest = salted_hmac(SALT, payload, algorithm="sha256").digest()[:10]
    return base64.b32encode(digest).decode().lower()


def reply_address(conversation, participant) -> str | None:
    """The address at which `participant` answers in `conversation` by email, valid from
    today; None without REPLY_EMAIL_DOMAIN."""
    domain = settings.REPLY_EMAIL_DOMAIN
    if not domain:
        return None
    day = (clock.today() - EPOCH).days
    payload = f"{_base36(conversation.pk)}-{_base36(participant.pk)}-{_base36(day)}"
    return f"{LOCAL_PART}+{payload}-{_signature(payload)}@{domain}"


def is_reply_address(address: str) -> bool:
    """Whether `address` has the form of a reply address at our domain (the SMTP server
    takes mail for these only; whether one is genuine is checked on receiving)."""
    local, _at, domain = (address or "").strip().lower().rpartition("@")
    domain_ok = bool(settings.REPLY_EMAIL_DOMAIN) and domain == settings.REPLY_EMAIL_DOMAIN
    return domain_ok and bool(ADDRESS.match(local))


@dataclass(frozen=True)
class ReplyAddress:
    conversation_id: int
    participant_id: int
    made_on: dt.date


def read(address: str) -> ReplyAddress | None:
    """The genuine address's parts; None when it is not ours or its signature is wrong."""
    if not is_reply_address(address):
        return None
    local = address.strip().lower().rpartition("@")[0]
    conversation, participant, day, signature = ADDRESS.match(local).groups()
    if not constant_time_compare(signature, _signature(f"{conversation}-{participant}-{day}")):
        return None
    return ReplyAddress(
        int(conversation, 36), int(participant, 36), EPOCH + dt.timedelta(int(day, 36))
    )
