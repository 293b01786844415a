"""The first visit: write the request first, then who you are; confirm by email and land
on the placed request, or ask to be called back. Private by default."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail

from tijdvoorelkaar.accounts.models import LoginToken, User
from tijdvoorelkaar.accounts.services import purge_old_links
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.testing import link_from_mail
from tijdvoorelkaar.marketplace.first_request import title_from
from tijdvoorelkaar.marketplace.models import Ad, Signal
from tijdvoorelkaar.participants.models import Participant, Visibility
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.tasks.models import Task

pytestmark = pytest.mark.django_db

URL = "/utrecht-zuid/hulp-vragen/"
TEXT = (
    "Ik kan slecht lopen en zoek iemand die één keer per week met mij boodschappen doet. "
    "Het liefst op dinsdag."
)


def form(area, **changes):
    data = {
        "text": TEXT,
        "visibility": Visibility.PARTICIPANTS,
        "first_name": "Gerda",
        "neighbourhood": area.neighbourhoods.get(slug="lunetten").pk,
        "reach": "email",
        "email": "gerda@example.org",
        "phone": "",
        "privacy": "on",
    }
    data.update(changes)
    return data


def confirm(client, message):
    path = link_from_mail(message)
    assert client.get(path).status_code == 200  # opening the link changes nothing
    assert not Ad.objects.filter(description=TEXT).exists()
    return client.post(path)


def test_the_request_is_placed_only_when_the_link_is_used(client, demo_users, area):
    response = client.post(URL, form(area))
    assert response.status_code == 200
    assert "Kijk in uw e-mail" in response.content.decode()
    assert not User.objects.filter(email="gerda@example.org").exists()
    assert not Ad.objects.filter(description=TEXT).exists()

    (message,) = mail.outbox
    landed = confirm(client, message)
    ad = Ad.objects.get(description=TEXT)
    assert landed.status_code == 302
    assert landed["Location"] == f"/utrecht-zuid/advertenties/{ad.pk}/geplaatst/"
    assert ad.owner.user.email == "gerda@example.org"
    assert ad.owner.neighbourhood.slug == "lunetten"
    assert (ad.kind, ad.visibility) == (Ad.Kind.REQUEST, Visibility.PARTICIPANTS)
    assert ad.title == "Ik kan slecht lopen en zoek iemand die één keer per week met mij…"
    # The broker reads every new request.
    assert Signal.objects.filter(ad=ad, kind=Signal.Kind.NEW_REQUEST).count() == 1

    page = client.get(landed["Location"]).content.decode()
    assert "Wat gebeurt er nu?" in page
    assert "Buurtbewoners die meedoen en ingelogd zijn, kunnen dit lezen" in page
    assert 'href="tel:+31301234567"' in page
    # Nobody without an account reads it.
    client.logout()
    assert client.get(f"/utrecht-zuid/advertenties/{ad.pk}/").status_code == 404


def test_a_known_address_gets_a_sign_in_link_that_places_the_request(client, demo_users, area):
    anna = User.objects.get(email="deelnemer@utrecht-zuid.test")
    client.post(URL, form(area, email="Deelnemer@utrecht-zuid.test", first_name="Anna"))
    (message,) = mail.outbox
    assert "inloglink" in message.subject.lower()
    landed = confirm(client, message)
    ad = Ad.objects.get(description=TEXT)
    assert ad.owner == Participant.objects.get(user=anna, area=area)
    assert landed["Location"].endswith(f"/advertenties/{ad.pk}/geplaatst/")
    assert User.objects.filter(email="deelnemer@utrecht-zuid.test").count() == 1


def test_call_me_back_keeps_the_request_for_the_broker(client, demo_users, area):
    response = client.post(URL, form(area, reach="phone", email="", phone="06 1234 5678"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "We bellen u terug" in page and "06 1234 5678" in page
    assert mail.outbox == []

    ad = Ad.objects.get(description=TEXT)
    gerda = ad.owner
    assert not gerda.user.email and not gerda.user.has_usable_password()
    assert (gerda.phone, gerda.preferred_channel) == ("06 1234 5678", "telefoon")
    assert ad.visibility == Visibility.BROKERS  # open after the broker's call
    task = Task.objects.get(participant=gerda)
    assert task.source == Task.Source.CALL_BACK
    assert "06 1234 5678" in task.title and ad.title in task.title
    assert "ingelogde deelnemers" in task.title  # what she chose, for after the call
    assert client.get(f"/utrecht-zuid/advertenties/{ad.pk}/").status_code == 404

    # Asking again with the same number adds a request to the same entry, then stops.
    client.post(URL, form(area, reach="phone", email="", phone="0612345678", text="Nog iets."))
    assert Participant.objects.filter(area=area, phone_normalised="0612345678").count() == 1
    refused = client.post(URL, form(area, reach="phone", email="", phone="06-12345678"))
    assert refused.status_code == 400
    assert "al" in refused.content.decode() and Ad.objects.filter(owner=gerda).count() == 2


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"email": ""}, "Vul uw e-mailadres in, of kies: bel mij terug."),
        ({"reach": "phone", "email": "", "phone": ""}, "Vul uw telefoonnummer in"),
        ({"reach": "phone", "email": "", "phone": "06 123"}, "10 cijfers"),
        ({"text": "   "}, "Schrijf in een paar woorden waar het om gaat."),
        ({"privacy": ""}, "akkoord met de privacyverklaring"),
    ],
)
def test_bad_input_is_refused_and_everything_typed_stays(
    client, demo_users, area, changes, field_message
):
    response = client.post(URL, form(area, **changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert field_message in page
    assert "Gerda" in page
    if changes.get("text") is None:
        assert "Ik kan slecht lopen" in page
    assert mail.outbox == [] and not Ad.objects.filter(description=TEXT).exists()


def test_an_expired_link_can_be_sent_again_with_everything_typed(client, demo_users, area):
    client.post(URL, form(area))
    (message,) = mail.outbox
    path = link_from_mail(message)
    with time_machine.travel(clock.now() + dt.timedelta(minutes=30)):
        page = client.get(path)
        assert page.status_code == 400
        assert "Wat u heeft ingevuld, hebben we nog bewaard." in page.content.decode()
        assert client.post(path, {"resend": "1"}).status_code == 200
        assert len(mail.outbox) == 2
        assert client.post(path).status_code == 400  # the old link stays dead
        client.post(link_from_mail(mail.outbox[1]))
    assert Ad.objects.filter(description=TEXT).count() == 1
    # A day later nothing of the unconfirmed sign-up is kept.
    client.post(URL, form(area, email="iemand@example.org"))
    with time_machine.travel(clock.now() + dt.timedelta(days=2)):
        purge_old_links()
        assert not LoginToken.objects.filter(payload__email="iemand@example.org").exists()


def test_signed_in_participants_go_to_the_usual_form(client, demo_users):
    client.force_login(User.objects.get(email="deelnemer@utrecht-zuid.test"))
    response = client.get("/utrecht-zuid/hulp-aanbieden/")
    assert response["Location"] == "/utrecht-zuid/advertenties/nieuw/?soort=aanbod"


def test_without_an_account_the_usual_form_sends_you_to_the_first_request(client, area):
    assert client.get("/utrecht-zuid/advertenties/nieuw/?soort=vraag")["Location"] == URL
    assert (
        client.get("/utrecht-zuid/advertenties/nieuw/?soort=aanbod")["Location"]
        == "/utrecht-zuid/hulp-aanbieden/"
    )


def test_new_ads_are_private_by_default(client, demo_users, area):
    me = participant(area, "Karel", email="karel@example.org")
    client.force_login(me.user)
    page = client.get("/utrecht-zuid/advertenties/nieuw/?soort=vraag").content.decode()
    checked = re.findall(r'<input[^>]*name="visibility" value="(\w+)"[^>]* checked>', page)
    assert checked == ["participants"]
    assert "zoekmachine" in page  # the choice explained in one sentence
    assert Ad(area=area).visibility == Visibility.PARTICIPANTS
    first = client.get(URL)  # signed in: sent on; the first-request form for a visitor:
    client.logout()
    assert first.status_code == 302
    page = client.get(URL).content.decode()
    checked = re.findall(r'<input[^>]*name="visibility" value="(\w+)"[^>]* checked>', page)
    assert checked == ["participants"]


def test_the_broker_needs_consent_for_the_open_internet(client, demo_broker, area):
    gerda = participant(area, "Gerda", email=None)
    client.force_login(demo_broker)
    url = f"/utrecht-zuid/makelaar/deelnemers/{gerda.pk}/advertentie/vraag/"
    data = {
        "title": "Boodschappen op dinsdag",
        "description": "",
        "category": area.categories.first().pk,
        "neighbourhood": "",
        "frequency": "wekelijks",
        "duration": "uur",
        "visibility": "public",
    }
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert "Vraag eerst of de bewoner het goed vindt" in refused.content.decode()
    assert not Ad.objects.filter(owner=gerda).exists()
    assert client.post(url, {**data, "public_consent": "on"}).status_code == 302
    assert Ad.objects.get(owner=gerda).visibility == Visibility.PUBLIC


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Wie helpt mij met mijn tuin? Hij is te groot.", "Wie helpt mij met mijn tuin?"),
        ("Boodschappen", "Boodschappen"),
        ("  Hulp bij de computer.\nMijn laptop is traag.", "Hulp bij de computer"),
        (
            "ik zoek iemand die af en toe een kopje koffie komt drinken want ik ben veel alleen",
            "ik zoek iemand die af en toe een kopje koffie komt drinken want ik…",
        ),
    ],
)
def test_the_title_is_the_first_sentence(text, title):
    assert title_from(text) == title
