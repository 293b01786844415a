"""Counting attempts per key across all web processes (the database is the only state)."""

import datetime as dt
import hashlib

from django.conf import settings

from . import clock
from .models import ThrottleEvent


def _hash(key: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{key}".encode()).hexdigest()


def hit(key: str, limit: int, window: dt.timedelta) -> bool:
    """Record an attempt under `key`; return False when `limit` was already reached."""
    hashed = _hash(key)
    now = clock.now()
    since = now - window
    recent = ThrottleEvent.objects.filter(key=hashed, created_at__gte=since).count()
    if recent >= limit:
        return False
    ThrottleEvent.objects.create(key=hashed, created_at=now)
    return True


def purge(older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
    deleted, _ = ThrottleEvent.objects.filter(created_at__lt=clock.now() - older_than).delete()
    return deleted
