"""The audit log: who read or changed sensitive data, and when (append-only)."""

from django.db import models

from . import clock
from .models import AuditEvent


def record(actor, action: str, subject: models.Model, area=None, detail: str = "") -> AuditEvent:
    """Append one event. `detail` must not contain personal data."""
    return AuditEvent.objects.create(
        at=clock.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        area=area,
        action=action,
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        detail=detail[:200],
    )


def events_for(area):
    """The area's audit events, newest first."""
    return AuditEvent.objects.filter(area=area).select_related("actor")
