"""Website use without cookies: daily and monthly counts, salts and marks deleted."""

import datetime as dt

import pytest
import time_machine

from tijdvoorelkaar.areas.services import create_area
from tijdvoorelkaar.reports.models import TrafficDay, TrafficMonth, VisitorMark, VisitorSalt
from tijdvoorelkaar.reports.services import kpi
from tijdvoorelkaar.reports.traffic import close_finished, record_page_view

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


def at(day: int, month: int = 3):
    return time_machine.travel(dt.datetime(2026, month, day, 11, tzinfo=dt.UTC), tick=False)


def test_daily_counts_and_nothing_identifying_is_kept():
    area = create_area("testwijk", "Testwijk")[0]
    with at(2):
        record_page_view(area, ip="192.0.2.1", user_agent=BROWSER, from_outside=True)
        record_page_view(area, ip="192.0.2.1", user_agent=BROWSER, from_outside=False)
        record_page_view(area, ip="192.0.2.2", user_agent=BROWSER, from_outside=True)
    day = TrafficDay.objects.get(area=area)
    assert (day.page_views, day.visits, day.unique_visitors) == (3, 2, 2)
    stored = " ".join(str(v) for v in VisitorMark.objects.values_list("digest", flat=True))
    assert "192.0.2" not in stored and "Firefox" not in stored
    with at(3):  # a new day: yesterday's salt and day marks are gone
        record_page_view(area, ip="192.0.2.1", user_agent=BROWSER, from_outside=True)
    assert not VisitorSalt.objects.filter(kind="dag", starts_on=dt.date(2026, 3, 2)).exists()
    assert not VisitorMark.objects.filter(kind="dag", starts_on=dt.date(2026, 3, 2)).exists()
    assert TrafficDay.objects.get(area=area, day=dt.date(2026, 3, 3)).unique_visitors == 1


def test_regular_visitors_per_month_are_turned_into_totals():
    area = create_area("testwijk", "Testwijk")[0]
    for day in range(1, 7):  # one visitor six times, another once
        with at(day):
            record_page_view(area, ip="198.51.100.7", user_agent=BROWSER, from_outside=True)
    with at(9):
        record_page_view(area, ip="198.51.100.8", user_agent=BROWSER, from_outside=True)
        live = kpi(area, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert live["website_unique_visitors"] == 2
    assert live["website_regular_visitors"] == 1
    assert live["website_visits"] == 7
    with at(1, month=4):
        close_finished()
        closed = kpi(area, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert TrafficMonth.objects.get(area=area).regular_visitors == 1
    assert not VisitorMark.objects.exists() and not VisitorSalt.objects.exists()
    assert closed["website_unique_visitors"] == 2 and closed["website_regular_visitors"] == 1


def test_middleware_counts_public_pages_of_visitors_only(client):
    from tijdvoorelkaar.demo import seed as demo

    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    client.get("/utrecht-zuid/", HTTP_USER_AGENT=BROWSER)
    client.get("/utrecht-zuid/", HTTP_USER_AGENT="Googlebot/2.1")
    client.get("/utrecht-zuid/", HTTP_USER_AGENT="")
    client.post("/utrecht-zuid/", HTTP_USER_AGENT=BROWSER)
    client.get("/utrecht-zuid/bestaat-niet/", HTTP_USER_AGENT=BROWSER)
    from tijdvoorelkaar.accounts.models import User

    client.force_login(User.objects.get(email="makelaar@utrecht-zuid.test"))
    client.get("/utrecht-zuid/", HTTP_USER_AGENT=BROWSER)
    client.get("/utrecht-zuid/makelaar/", HTTP_USER_AGENT=BROWSER)
    day = TrafficDay.objects.get(area=area)
    assert (day.page_views, day.visits, day.unique_visitors) == (1, 1, 1)
