"""Counting attempts per key across all web processes (the database is the only state).

A window of, say, 15 minutes is kept as ten buckets of a tenth of it. `hit` adds one to
the current bucket with a single atomic statement (INSERT ... ON CONFLICT DO UPDATE ...
RETURNING: the database serialises concurrent increments of one row, on SQLite and on
PostgreSQL), then adds the buckets before it, which no longer change. So every concurrent
request sees its own count, and exactly `limit` attempts pass per window, whatever the
number of web processes; there is no count-then-insert gap."""

import datetime as dt
import hashlib

from django.conf import settings
from django.db import connection
from django.db.models import Sum

from . import clock
from .models import ThrottleBucket

BUCKETS_PER_WINDOW = 10


def _hash(key: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{key}".encode()).hexdigest()


def _bucket_start(now: dt.datetime, size: dt.timedelta) -> dt.datetime:
    seconds = max(int(size.total_seconds()), 1)
    epoch = int(now.timestamp())
    return dt.datetime.fromtimestamp(epoch - epoch % seconds, tz=dt.UTC)


def _increment(key: str, start: dt.datetime) -> int:
    q = connection.ops.quote_name
    table, key_, start_, count = (
        q(name) for name in (ThrottleBucket._meta.db_table, "key", "start", "count")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_}, {start_}, {count}) VALUES (%s, %s, 1) "
            f"ON CONFLICT ({key_}, {start_}) DO UPDATE SET {count} = {table}.{count} + 1 "
            f"RETURNING {count}",
            [key, connection.ops.adapt_datetimefield_value(start)],
        )
        return cursor.fetchone()[0]


def hit(key: str, limit: int, window: dt.timedelta) -> bool:
    """Record an attempt under `key`; return False when `limit` attempts were already
    made in the last `window` (the refused attempt counts too)."""
    hashed = _hash(key)
    size = window / BUCKETS_PER_WINDOW
    start = _bucket_start(clock.now(), size)
    current = _increment(hashed, start)
    earlier = ThrottleBucket.objects.filter(
        key=hashed, start__lt=start, start__gt=start - window
    ).aggregate(n=Sum("count"))["n"]
    return current + (earlier or 0) <= limit


def purge(older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
    deleted, _ = ThrottleBucket.objects.filter(start__lt=clock.now() - older_than).delete()
    return deleted
