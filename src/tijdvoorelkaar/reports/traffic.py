"""Counting website use without cookies, without third parties and without storing IPs.

Per area per day: page views, visits and unique visitors. A visitor is recognised only
within one day, by an HMAC of (IP, user agent, area) keyed with a random salt for that day;
and within one calendar month, by the same construction with a monthly salt, only to tell
how many came 6 or more times. Salts and marks are deleted once their day or month is
over; what stays are the totals. See docs/privacy.md for the reasoning."""

import datetime as dt
import hashlib
import hmac
import secrets

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock

from .models import TrafficDay, TrafficMonth, VisitorMark, VisitorSalt
from .services import REGULAR_VISITS

DAY, MONTH = "dag", "maand"


def _salt(kind: str, starts_on: dt.date) -> str:
    found = VisitorSalt.objects.filter(kind=kind, starts_on=starts_on).first()
    if found:
        return found.value
    try:
        with transaction.atomic():
            created = VisitorSalt.objects.create(
                kind=kind, starts_on=starts_on, value=secrets.token_hex(32)
            )
    except IntegrityError:  # another process made it first
        return VisitorSalt.objects.get(kind=kind, starts_on=starts_on).value
    close_finished(starts_on if kind == DAY else clock.today())
    return created.value


def _digest(salt: str, ip: str, user_agent: str, area: Area) -> str:
    message = f"{ip}\n{user_agent}\n{area.pk}".encode()
    return hmac.new(salt.encode(), message, hashlib.sha256).hexdigest()


def record_page_view(area: Area, *, ip: str, user_agent: str, from_outside: bool) -> None:
    """Count one public page view. A visit starts when the visitor comes from outside the
    site or is seen for the first time that day."""
    today = clock.today()
    month = today.replace(day=1)
    day_mark = _digest(_salt(DAY, today), ip, user_agent, area)
    with transaction.atomic():
        TrafficDay.objects.get_or_create(area=area, day=today)
        _mark, first_today = VisitorMark.objects.get_or_create(
            area=area, kind=DAY, starts_on=today, digest=day_mark
        )
        visit = from_outside or first_today
        TrafficDay.objects.filter(area=area, day=today).update(
            page_views=F("page_views") + 1,
            visits=F("visits") + int(visit),
            unique_visitors=F("unique_visitors") + int(first_today),
        )
        if visit:
            month_mark = _digest(_salt(MONTH, month), ip, user_agent, area)
            VisitorMark.objects.get_or_create(
                area=area, kind=MONTH, starts_on=month, digest=month_mark
            )
            VisitorMark.objects.filter(
                area=area, kind=MONTH, starts_on=month, digest=month_mark
            ).update(visits=F("visits") + 1)


@transaction.atomic
def close_finished(today: dt.date | None = None) -> None:
    """Turn the marks of finished months into totals, then delete finished marks and salts."""
    today = today or clock.today()
    month = today.replace(day=1)
    finished = (
        VisitorMark.objects.filter(kind=MONTH, starts_on__lt=month)
        .values("area_id", "starts_on")
        .annotate(unique=Count("pk"), regular=Count("pk", filter=Q(visits__gte=REGULAR_VISITS)))
    )
    for row in finished:  # one row per area and month, not per visitor
        TrafficMonth.objects.update_or_create(
            area_id=row["area_id"],
            month=row["starts_on"],
            defaults={"unique_visitors": row["unique"], "regular_visitors": row["regular"]},
        )
    VisitorMark.objects.filter(kind=MONTH, starts_on__lt=month).delete()
    VisitorMark.objects.filter(kind=DAY, starts_on__lt=today).delete()
    VisitorSalt.objects.filter(kind=MONTH, starts_on__lt=month).delete()
    VisitorSalt.objects.filter(kind=DAY, starts_on__lt=today).delete()
