"""Email goes out through the task backend (the database queue in production)."""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django_tasks import task

from .i18n import site_language


@task()
def send_email(
    to: list[str],
    subject: str,
    body: str,
    html: str = "",
    headers: dict | None = None,
    from_email: str | None = None,
) -> int:
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
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


def queue_email(
    to: str,
    subject: str,
    template: str,
    context: dict,
    headers: dict | None = None,
    from_email: str | None = None,
) -> None:
    """Render `<template>.txt` (and `.html` when present) in Dutch and queue the email.
    Write `subject` in Dutch too (inside core.i18n.site_language()), whatever language the
    person who caused the email reads. `from_email` (e.g. `area.from_email`) defaults to
    DEFAULT_FROM_EMAIL."""
    if getattr(_state, "suppressed", False):
        return
    with site_language():
        body = render_to_string(f"{template}.txt", context)
        try:
            html = render_to_string(f"{template}.html", context)
        except Exception:  # noqa: BLE001 - the HTML part is optional
            html = ""
        subject = str(subject)
    send_email.enqueue([to], subject, body, html, headers, from_email)
