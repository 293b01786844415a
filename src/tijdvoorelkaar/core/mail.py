"""Email goes out through the task backend (the database queue in production).

Every email has two parts made from two templates: `<template>.txt`, the plain text,
rendered WITHOUT HTML escaping (a name "Anna & <Bob>" stays as typed), and
`<template>.html`, rendered with Django's usual escaping. Both extend the one shared
layout (`core/email/layout.txt` and `core/email/layout.html`: inline styles only, no
images, the area's organisation, phone number and hours at the bottom). Both parts are
rendered in the recipient's language (core.i18n.language_of), and the email goes out from
the area's sender (`area.from_email`)."""

import re
import threading
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django_tasks import task

from .i18n import in_language

# RFC 3834: automatic mail; out-of-office responders do not answer it, so they do not
# write "I am away" into a conversation through its reply address.
AUTO_SUBMITTED = {"Auto-Submitted": "auto-generated"}


@task()
def send_email(
    to: list[str],
    subject: str,
    body: str,
    html: str = "",
    headers: dict | None = None,
    from_email: str | None = None,
    reply_to: list[str] | None = None,
) -> int:
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
        reply_to=reply_to or None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


_state = threading.local()


@contextmanager
def emails_suppressed():
    """Within this block queue_email sends nothing (used when loading demo data, whose
    notifications would be about made-up people)."""
    previous = getattr(_state, "suppressed", False)
    _state.suppressed = True
    try:
        yield
    finally:
        _state.suppressed = previous


def render_text(template_name: str, context: dict) -> str:
    """A plain-text template rendered without HTML escaping, with runs of blank lines
    (left by template tags) folded into one. Trailing spaces stay: the signature line is
    "-- " (dash, dash, space), which mail programs recognise."""
    template = get_template(template_name).template
    text = template.render(Context(context, autoescape=False))
    text = re.sub(r"^[ \t]+$", "", text, flags=re.MULTILINE)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_email(template: str, context: dict, *, language: str | None) -> tuple[str, str]:
    """The (text, html) parts of `template` in `language`."""
    with in_language(language):
        text = render_text(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    return text, html


def queue_email(
    to: str,
    subject: str,
    template: str,
    context: dict,
    *,
    area,
    language: str | None,
    headers: dict | None = None,
    reply_to: str | None = None,
) -> None:
    """Render `<template>.txt` and `<template>.html` in `language` (the recipient's:
    core.i18n.language_of; None is the site's) and queue the email from `area`'s sender.

    Write `subject` in the same language (inside core.i18n.in_language(language)). `area`
    (an Area, or None where none is known) is in the templates' context as `area`; its
    organisation and phone number are in every email's footer. `reply_to` is an address
    replies go to instead of the sender."""
    if getattr(_state, "suppressed", False):
        return
    context = {"area": area, "subject": str(subject), **context}
    text, html = render_email(template, context, language=language)
    from_email = area.from_email if area is not None else settings.DEFAULT_FROM_EMAIL
    send_email.enqueue(
        [to],
        str(subject),
        text,
        html,
        {**AUTO_SUBMITTED, **(headers or {})},
        from_email,
        [reply_to] if reply_to else None,
    )
