"""The newsletter (subscribing, the sign-up opt-in, content, batches, unsubscribe links,
the area's sender) and the phone tasks when a participant has no email or mail bounced."""

import datetime as dt

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from time_machine import travel

from tijdvoorelkaar.accounts import services as accounts
from tijdvoorelkaar.accounts.models import LoginToken
from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.tests.factories import ad as make_ad
from tijdvoorelkaar.newsletter import services
from tijdvoorelkaar.newsletter.models import NewsletterSubscription, PhoneInstead
from tijdvoorelkaar.organisations.models import SocialMapEntry
from tijdvoorelkaar.outreach.models import OutreachActivity
from tijdvoorelkaar.participants.tests.factories import participant as make_participant
from tijdvoorelkaar.stories import services as stories
from tijdvoorelkaar.tasks.models import Task

pytestmark = pytest.mark.django_db


def test_newsletter_batches_headers_and_tampered_links(area):
    people = [make_participant(area, f"P{i}") for i in range(3)]
    make_ad(people[0], "Nieuwe vraag")
    subs = [services.subscribe(area=area, user=p.user) for p in people]
    mail.outbox.clear()
    assert services.send_newsletters(batch_size=2, base_url="http://x") == 2
    assert services.send_newsletters(batch_size=2, base_url="http://x") == 1
    assert services.send_newsletters(batch_size=2, base_url="http://x") == 0
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Nieuwe vraag" in message.body
    assert message.alternatives and "text/html" in message.alternatives[0][1]
    token = services.unsubscribe_token(subs[0])
    assert services.subscription_from_token(area, token + "x") is None
    # A mail program's one-click POST needs no session or CSRF token.
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/zuid/nieuwsbrief/afmelden/{token}/").status_code == 200
    assert not NewsletterSubscription.objects.get(pk=subs[0].pk).active
    assert NewsletterSubscription.objects.get(pk=subs[1].pk).active


def consent_all(story, broker, people):
    for p in people:
        stories.give_story_consent(story=story, participant=p, actor=broker, channel="telefoon")


def test_newsletter_carries_stories_and_activities_but_not_withdrawn_ones(area, broker):
    pair = make_participant(area, "Bert"), make_participant(area, "Carla")
    today = clock.today()
    s = stories.write_story(
        area=area,
        actor=broker,
        title="Een tuin vol koffie",
        body="Bert hielp Carla.",
        participants=pair,
    )
    consent_all(s, broker, pair)
    stories.publish_story(story=s, actor=broker)
    hidden = stories.write_story(
        area=area, actor=broker, title="Ingetrokken verhaal", body="Tekst", participants=[pair[0]]
    )
    consent_all(hidden, broker, [pair[0]])
    stories.publish_story(story=hidden, actor=broker)
    stories.withdraw_story_consent(story=hidden, participant=pair[0], actor=pair[0].user)
    for kind, place in (("markt", "Het plein"), ("groepsbezoek", "Besloten groep")):
        OutreachActivity.objects.create(
            area=area,
            kind=kind,
            held_on=today + dt.timedelta(days=10),
            place=place,
            created_at=clock.now(),
        )
    SocialMapEntry.objects.create(
        area=area,
        name="Repair Café",
        what_for="Spullen maken",
        when="elke zaterdag",
        created_at=clock.now(),
    )
    services.subscribe(area=area, user=pair[0].user)
    mail.outbox.clear()
    assert services.send_newsletters(month=today, base_url="http://x") == 1
    body = mail.outbox[0].body
    assert "Een tuin vol koffie" in body and "Ingetrokken verhaal" not in body
    assert "Het plein" in body and "Besloten groep" not in body
    assert "Repair Café" in body
    assert "Een tuin vol koffie" in mail.outbox[0].alternatives[0][0]


def test_sign_up_opt_in_creates_the_subscription(area):
    nb = area.neighbourhoods.get()
    for email, wanted in (("ja@x.test", True), ("nee@x.test", False)):
        accounts.request_sign_up(
            first_name="Ria",
            email=email,
            neighbourhood=nb,
            area=area,
            base_url="http://x",
            client_key=email,
            newsletter=wanted,
        )
    tokens = LoginToken.objects.filter(purpose=LoginToken.Purpose.SIGN_UP).order_by("pk")
    assert [t.payload["newsletter"] for t in tokens] == [True, False]
    for token in tokens:
        accounts._create_participant_account(token.payload, area)
    subs = NewsletterSubscription.objects.filter(area=area)
    assert [s.user.email for s in subs] == ["ja@x.test"]


def test_sign_up_form_offers_the_newsletter(area):
    page = Client().get("/zuid/aanmelden/").content.decode()
    assert "Ik wil de maandelijkse nieuwsbrief ontvangen" in page


def test_newsletter_comes_from_the_areas_sender(area, settings):
    settings.DEFAULT_FROM_EMAIL = "TijdVoorElkaar <noreply@site.test>"
    p = make_participant(area, "Els")
    services.subscribe(area=area, user=p.user)
    mail.outbox.clear()
    services.send_newsletters(base_url="http://x")
    assert mail.outbox[-1].from_email == "TijdVoorElkaar <noreply@site.test>"
    area.sender_name, area.sender_email = "TijdVoorElkaar Zuid", "zuid@tve.test"
    area.save()
    NewsletterSubscription.objects.update(last_sent_month=None)
    services.send_newsletters(base_url="http://x")
    assert mail.outbox[-1].from_email == "TijdVoorElkaar Zuid <zuid@tve.test>"
    area.sender_email = ""
    assert area.from_email == "TijdVoorElkaar Zuid <noreply@site.test>"


def test_no_email_gives_the_broker_a_phone_task_once_a_day(area, broker):
    owner = make_participant(area, "Opa", email=None)
    helper = make_participant(area, "Kim")
    the_ad = make_ad(owner, "Hulp met de computer")
    conversation = marketplace.react(
        ad=the_ad, participant=helper, body="Ik kan helpen", base_url="x"
    )
    marketplace.reply(conversation=conversation, participant=helper, body="Nog iets", base_url="x")
    tasks = Task.objects.filter(participant=owner)
    assert [t.title for t in tasks] == ["Bel Opa: er is een bericht over Hulp met de computer"]
    assert tasks[0].assignee == broker
    # The next day a new message gives a new task.
    with travel(clock.now() + dt.timedelta(days=1)):
        marketplace.reply(conversation=conversation, participant=helper, body="Hoi", base_url="x")
    assert Task.objects.filter(participant=owner).count() == 2
    assert PhoneInstead.objects.filter(kind="geen_email").count() == 2


def test_phone_task_goes_to_the_assigned_broker(area, broker):
    other = create_user_with_role("m2@zuid.test", "broker", area, first_name="Ahmed").user
    owner = make_participant(area, "Opa", email=None)
    owner.assigned_broker = other
    owner.save()
    conversation = marketplace.react(
        ad=make_ad(owner, "Boodschappen"),
        participant=make_participant(area),
        body="Ja",
        base_url="x",
    )
    assert Task.objects.get(participant=owner).assignee == other
    assert conversation.pk


def test_record_bounce_command_makes_a_task_and_stores_only_a_hash(area, broker, capsys):
    p = make_participant(area, "Wim", email="wim@example.org")
    call_command("record_bounce", "Wim@Example.org", "--reason", "550 mailbox unavailable")
    call_command("record_bounce", "wim@example.org")
    task = Task.objects.get(participant=p)
    assert task.title == "Bel Wim: e-mail kwam niet aan (550 mailbox unavailable)"
    assert task.assignee == broker
    rows = PhoneInstead.objects.filter(kind="bounce")
    assert rows.count() == 2 and all("@" not in r.email_hash for r in rows)
    call_command("record_bounce", "onbekend@example.org")
    assert PhoneInstead.objects.filter(participant__isnull=True).count() == 1
    assert Task.objects.count() == 1
    assert "1 deelnemer(s), 0 belta" in capsys.readouterr().out


def test_the_newsletter_page_turns_it_on_and_off(area):
    anna = make_participant(area, "Anna")
    client = Client()
    client.force_login(anna.user)
    refused = client.post("/zuid/nieuwsbrief/", {"action": "misschien"})
    assert refused.status_code == 400
    assert "Kies of u de nieuwsbrief wilt ontvangen." in refused.content.decode()
    assert not NewsletterSubscription.objects.exists()
    on = client.post("/zuid/nieuwsbrief/", {"action": "aan"}, follow=True)
    assert "U krijgt voortaan de maandelijkse nieuwsbrief." in on.content.decode()
    assert NewsletterSubscription.objects.get(user=anna.user).active
    off = client.post("/zuid/nieuwsbrief/", {"action": "uit"}, follow=True)
    assert "U krijgt de nieuwsbrief niet meer." in off.content.decode()
    assert not NewsletterSubscription.objects.get(user=anna.user).active


def test_without_an_email_address_the_newsletter_is_refused_with_a_message(area):
    opa = make_participant(area, "Opa", email=None)
    client = Client()
    client.force_login(opa.user)
    response = client.post("/zuid/nieuwsbrief/", {"action": "aan"})
    assert response.status_code == 400
    assert "Voor de nieuwsbrief is een e-mailadres nodig." in response.content.decode()
    assert not NewsletterSubscription.objects.exists()


def test_links_of_newsletters_sent_before_the_move_still_unsubscribe(area):
    """The signing salt kept its old name: a link from an earlier newsletter works."""
    sub = services.subscribe(area=area, user=make_participant(area, "Els").user)
    old_link_token = signing.dumps(
        {"s": sub.pk}, salt="tijdvoorelkaar.organisations.newsletter-unsubscribe"
    )
    assert services.subscription_from_token(area, old_link_token) == sub
