"""The unread count next to "Gesprekken": the number of the person's conversations with a
message from the other side that they have not opened since; one query."""

import html
import re

import pytest

from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.marketplace.models import Conversation
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.participants.tests.factories import participant

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def unread(user, area) -> int:
    return Conversation.objects.filter(area=area).unread_by(user).count()


def nav_link_name(client, area) -> str:
    """The accessible name of the "Gesprekken" link: its aria-label, else its text."""
    page = client.get(f"/{area.slug}/").content.decode()
    link = re.search(rf'<a ([^>]*href="/{area.slug}/gesprekken/"[^>]*)>(.*?)</a>', page, re.S)
    assert link, "no Gesprekken link in the navigation"
    label = re.search(r'aria-label="([^"]*)"', link[1])
    text = label[1] if label else re.sub(r"<[^>]+>", "", link[2])
    return " ".join(html.unescape(text).split())


def test_new_messages_count_until_opened_and_the_navigation_says_so(
    area, client, django_assert_num_queries
):
    anna = participant(area, "Anna", neighbourhood="lunetten")
    ben, carla = participant(area, "Ben"), participant(area, "Carla")
    garden = ad(anna, "Wie helpt met de tuin?")
    reading = ad(anna, "Wie leest mij de krant voor?")
    with_ben = services.react(ad=garden, participant=ben, body="Ik help graag.", base_url=BASE)
    with_carla = services.react(ad=reading, participant=carla, body="Dat doe ik.", base_url=BASE)

    with django_assert_num_queries(1):
        assert unread(anna.user, area) == 2
    assert unread(ben.user, area) == 0  # his own reaction is not news to him

    client.force_login(anna.user)
    assert nav_link_name(client, area) == "Gesprekken, 2 ongelezen"
    assert "2 ongelezen" in client.get(f"/{area.slug}/mijn/").content.decode()

    # Opening one conversation reads it; the list marks the other one.
    client.get(f"/{area.slug}/gesprekken/{with_ben.pk}/")
    assert unread(anna.user, area) == 1
    listing = client.get(f"/{area.slug}/gesprekken/").content.decode()
    assert listing.count("nieuw bericht") == 1
    assert nav_link_name(client, area) == "Gesprekken, 1 ongelezen"

    # Writing in a conversation reads it too; the other side now has news.
    services.reply(conversation=with_carla, participant=anna, body="Graag!", base_url=BASE)
    assert unread(anna.user, area) == 0
    assert unread(carla.user, area) == 1
    assert nav_link_name(client, area) == "Gesprekken"

    # A message hidden after a report does not count.
    message = services.reply(
        conversation=with_ben, participant=ben, body="Nog een vraag", base_url=BASE
    )
    assert unread(anna.user, area) == 1
    services.report(area=area, reporter=anna.user, reason="Niet aardig", message=message)
    assert unread(anna.user, area) == 0

    # Signed out there is no count.
    client.logout()
    assert "ongelezen" not in client.get(f"/{area.slug}/").content.decode()
