"""Rules of outreach (activities, sign-ups, the door-to-door reminder) and of the
notice-board papers."""

import datetime as dt
import io

import pytest
from django.test import Client
from pypdf import PdfReader

from tijdvoorelkaar.core import clock
from tijdvoorelkaar.marketplace.services import set_status
from tijdvoorelkaar.marketplace.tests.factories import ad as make_ad
from tijdvoorelkaar.outreach import pdf, services
from tijdvoorelkaar.outreach.models import OutreachActivity
from tijdvoorelkaar.participants.tests.factories import participant as make_participant
from tijdvoorelkaar.reports.services import kpi
from tijdvoorelkaar.tasks.models import Task

pytestmark = pytest.mark.django_db


def test_group_visit_conversion_in_the_report(area, broker):
    visit = services.record_activity(
        area=area,
        actor=broker,
        data={
            "kind": "groepsbezoek",
            "held_on": clock.today(),
            "group": "Koffie",
            "place": "Buurthuis",
            "reached": 12,
        },
    )
    for i in range(3):
        services.sign_up_at_activity(
            activity=visit,
            broker=broker,
            data={
                "first_name": f"P{i}",
                "phone": f"06 5000 000{i}",
                "preferred_channel": "telefoon",
            },
        )
    services.record_activity(
        area=area,
        actor=broker,
        data={
            "kind": "deur_aan_deur",
            "held_on": clock.today(),
            "place": "Oost",
            "addresses_visited": 80,
            "conversations": 20,
            "reached": 20,
        },
    )
    figures = kpi(area, clock.today(), clock.today())["group_visits"]
    assert figures == {
        "group_visits": 1,
        "group_visits_reached": 12,
        "group_visits_joined": 3,
        "group_visits_conversion": 0.25,
    }
    assert OutreachActivity.objects.count() == 2


def test_door_to_door_reminder_once_a_year(area, broker):
    assert services.remind_door_to_door(today=dt.date(2026, 2, 1)) == 0
    assert services.remind_door_to_door(today=dt.date(2026, 3, 2)) == 1
    assert services.remind_door_to_door(today=dt.date(2026, 9, 2)) == 0
    assert services.remind_door_to_door(today=dt.date(2027, 3, 1)) == 1
    assert Task.objects.filter(title__startswith="Deur-aan-deurronde").count() == 2


def test_ad_code_lookup_is_for_staff_of_the_area_only(area, broker):
    ad = make_ad(make_participant(area, "Els"))
    assert services.find_ad_by_code(broker, area, f"advertentie {ad.pk}") == ad
    assert services.find_ad_by_code(broker, area, "geen nummer") is None
    assert services.find_ad_by_code(ad.owner.user, area, str(ad.pk)) is None


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_papers_carry_current_public_ads_with_their_codes(area):
    owner = make_participant(area, "Els")
    current = make_ad(owner, "Wie helpt met mijn tuin?", category="Tuin")
    closed = make_ad(owner, "Oude vraag die klaar is")
    set_status(closed, "gesloten")
    paper = services.ads_list(area)
    assert [ad.code for ad in paper.ads] == [f"advertentie {current.pk}"]
    assert (paper.ads[0].category, paper.ads[0].title) == ("Tuin", "Wie helpt met mijn tuin?")
    text = pdf_text(pdf.ads_list_pdf(paper))
    assert f"advertentie {current.pk}" in text and "Oude vraag" not in text
    poster = services.poster(area, "https://buurt.test/")
    assert poster.site == "https://buurt.test/zuid/"
    text = pdf_text(pdf.poster_pdf(poster))
    assert "Wie helpt met mijn tuin?" in text and "Meedoen: https://buurt.test/zuid/" in text


def test_the_poster_shows_the_newest_eight_ads_and_an_empty_list_says_so(area):
    assert "geen advertenties" in pdf_text(pdf.ads_list_pdf(services.ads_list(area)))
    owner = make_participant(area, "Els")
    ads = [make_ad(owner, f"Vraag nummer {i}") for i in range(10)]
    shown = [ad.code for ad in services.poster(area, "https://buurt.test").ads]
    assert len(shown) == 8
    assert f"advertentie {ads[-1].pk}" in shown and f"advertentie {ads[0].pk}" not in shown


def test_a_group_visit_without_a_group_is_refused_on_the_field_and_saves_nothing(area, broker):
    client = Client()
    client.force_login(broker)
    response = client.post(
        "/zuid/makelaar/outreach/",
        {"kind": "groepsbezoek", "held_on": "2026-11-16", "place": "Buurthuis", "reached": "12"},
    )
    assert response.status_code == 400
    assert "Vul in welke groep u bezocht." in response.content.decode()
    assert 'value="Buurthuis"' in response.content.decode()
    assert not OutreachActivity.objects.exists()
    with pytest.raises(services.OutreachError, match="sociaal makelaar"):
        services.record_activity(
            area=area,
            actor=make_participant(area, "Anna").user,
            data={"kind": "kraam", "held_on": clock.today(), "place": "Markt"},
        )
