"""Success stories with consent, newsletter content and opt-in, the area's sender, and
phone tasks when a participant has no email or mail bounced."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from tijdvoorelkaar.accounts import services as accounts
from tijdvoorelkaar.accounts.models import LoginToken
from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.tests.factories import ad as make_ad
from tijdvoorelkaar.organisations import services
from tijdvoorelkaar.organisations.models import (
    NewsletterSubscription,
    OutreachActivity,
    PhoneInstead,
    SocialMapEntry,
    StoryConsent,
)
from tijdvoorelkaar.participants.tests.factories import participant as make_participant
from tijdvoorelkaar.tasks.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def area():
    area, _ = create_area("zuid", "Zuid", [NeighbourhoodSpec("oost", "Oost", 52.0, 5.1)])
    marketplace.ensure_default_categories(area)
    return area


@pytest.fixture
def broker(area):
    return create_user_with_role("m@zuid.test", "broker", area, first_name="Sanne").user


@pytest.fixture
def pair(area):
    return make_participant(area, "Bert", last_name="Jansen"), make_participant(area, "Carla")


def story(area, broker, pair, body="Bert hielp Carla met haar tuin. Nu drinken ze koffie."):
    return services.write_story(
        area=area, actor=broker, title="Een tuin vol koffie", body=body, participants=pair
    )


def consent_all(s, broker, pair):
    for p in pair:
        services.give_story_consent(story=s, participant=p, actor=broker, channel="telefoon")


# --- Stories -----------------------------------------------------------------------------


def test_a_story_is_public_only_with_everyones_consent(area, broker, pair):
    s = story(area, broker, pair)
    with pytest.raises(services.OrganisationError, match="iedereen"):
        services.publish_story(story=s, actor=broker)
    services.give_story_consent(story=s, participant=pair[0], actor=broker, channel="telefoon")
    with pytest.raises(services.OrganisationError):
        services.publish_story(story=s, actor=broker)
    # Carla consents herself, on her own page.
    services.give_story_consent(story=s, participant=pair[1], actor=pair[1].user, channel="x")
    services.publish_story(story=s, actor=broker)
    assert list(services.public_stories(area)) == [s]
    carla = StoryConsent.objects.get(story=s, participant=pair[1])
    assert (carla.channel, carla.recorded_by) == ("site", pair[1].user)
    bert = StoryConsent.objects.get(story=s, participant=pair[0])
    assert (bert.channel, bert.recorded_by) == ("telefoon", broker)
    assert services.story_names(s) == ["Bert", "Carla"]


def test_withdrawing_takes_the_story_down_at_once(area, broker, pair):
    s = story(area, broker, pair)
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    services.withdraw_story_consent(story=s, participant=pair[1], actor=pair[1].user)
    s.refresh_from_db()
    assert s.published_at is None and s.taken_down_reason == "toestemming ingetrokken"
    assert not services.public_stories(area).exists()
    # Even a stale "published" flag cannot show it: the public query checks consents.
    type(s).objects.filter(pk=s.pk).update(published_at=clock.now())
    assert not services.public_stories(area).exists()
    # New consent does not republish by itself; the broker decides.
    services.give_story_consent(story=s, participant=pair[1], actor=pair[1].user, channel="")
    type(s).objects.filter(pk=s.pk).update(published_at=None)
    assert not services.public_stories(area).exists()


def test_an_erased_participant_keeps_the_story_down(area, broker, pair):
    s = story(area, broker, pair)
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    pair[1].delete()
    assert not services.public_stories(area).exists()


def test_stories_use_first_names_only_and_rules_who_may_act(area, broker, pair):
    with pytest.raises(services.OrganisationError, match="Jansen"):
        story(area, broker, pair, body="Bert Jansen hielp Carla.")
    with pytest.raises(services.OrganisationError, match="sociaal makelaar"):
        services.write_story(area=area, actor=pair[0].user, title="T", body="B", participants=pair)
    with pytest.raises(services.OrganisationError, match="deelnemer"):
        services.write_story(area=area, actor=broker, title="T", body="B", participants=[])
    s = story(area, broker, pair)
    # Bert cannot consent for Carla, a broker cannot claim "on the site".
    with pytest.raises(services.OrganisationError):
        services.give_story_consent(story=s, participant=pair[1], actor=pair[0].user, channel="")
    with pytest.raises(services.OrganisationError):
        services.give_story_consent(story=s, participant=pair[1], actor=broker, channel="site")
    outsider = make_participant(area, "Dirk")
    with pytest.raises(services.OrganisationError):
        services.withdraw_story_consent(story=s, participant=outsider, actor=outsider.user)
    assert not StoryConsent.objects.filter(given_at__isnull=False).exists()


def test_home_page_shows_published_stories_with_first_names(area, broker, pair):
    s = story(area, broker, pair)
    client = Client()
    assert "Een tuin vol koffie" not in client.get("/zuid/").content.decode()
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    page = client.get("/zuid/").content.decode()
    assert "Een tuin vol koffie" in page and "Bert, Carla" in page
    assert "Jansen" not in page and "Achternaam" not in page


def test_participant_withdraws_on_my_stories_page(area, broker, pair):
    s = story(area, broker, pair)
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    client = Client()
    client.force_login(pair[0].user)
    page = client.get("/zuid/mijn/verhalen/")
    assert "Een tuin vol koffie" in page.content.decode()
    mine = StoryConsent.objects.get(story=s, participant=pair[0])
    theirs = StoryConsent.objects.get(story=s, participant=pair[1])
    # Another person's consent cannot be touched from this page.
    client.post("/zuid/mijn/verhalen/", {"consent": theirs.pk, "action": "intrekken"})
    assert services.public_stories(area).exists()
    client.post("/zuid/mijn/verhalen/", {"consent": mine.pk, "action": "intrekken"})
    assert not services.public_stories(area).exists()


def test_broker_story_page_refuses_a_missing_channel(area, broker, pair):
    s = story(area, broker, pair)
    client = Client()
    client.force_login(broker)
    consent = s.consents.first()
    response = client.post(
        f"/zuid/makelaar/verhalen/{s.pk}/", {"consent": consent.pk, "action": "toestemming"}
    )
    assert response.status_code == 400
    assert "Kies hoe de deelnemer toestemming gaf" in response.content.decode()
    assert not StoryConsent.objects.filter(given_at__isnull=False).exists()
    response = client.post(
        "/zuid/makelaar/verhalen/",
        {"title": "T", "body": "Tekst", "participants": "12, abc"},
    )
    assert response.status_code == 400
    assert "alleen deelnemersnummers" in response.content.decode()


# --- Newsletter ------------------------------------------------------------------------------


def test_newsletter_carries_stories_and_activities_but_not_withdrawn_ones(area, broker, pair):
    today = clock.today()
    s = story(area, broker, pair)
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    hidden = services.write_story(
        area=area, actor=broker, title="Ingetrokken verhaal", body="Tekst", participants=[pair[0]]
    )
    consent_all(hidden, broker, [pair[0]])
    services.publish_story(story=hidden, actor=broker)
    services.withdraw_story_consent(story=hidden, participant=pair[0], actor=pair[0].user)
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


# --- The area's sender -------------------------------------------------------------------------


def test_newsletter_and_referral_feedback_come_from_the_area(area, broker, settings):
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
    referral = services.refer_resident(
        area=area,
        data={
            "first_name": "Gerrit",
            "phone": "0612345678",
            "organisation_name": "Praktijk",
            "referrer_name": "Dokter",
            "referrer_email": "dokter@p.test",
            "resident_consent": True,
            "feedback_consent": True,
        },
    )
    referral = services.accept_referral(referral=referral, broker=broker)
    area.sender_email = "zuid@tve.test"
    area.save()
    mail.outbox.clear()
    services.tell_referrers_about_intake(referral.participant)
    assert mail.outbox[0].from_email == "TijdVoorElkaar Zuid <zuid@tve.test>"


# --- No email, bounces -------------------------------------------------------------------------


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
    from time_machine import travel

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


def jpeg_with_gps() -> bytes:
    import io

    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # camera make: must not survive
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_story_photo_is_cleaned_and_shown_only_while_public(area, broker, pair, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    staff = Client()
    staff.force_login(broker)
    response = staff.post(
        "/zuid/makelaar/verhalen/",
        {
            "title": "Met foto",
            "body": "Bert en Carla in de tuin.",
            "participants": f"{pair[0].pk}, {pair[1].pk}",
            "photo": SimpleUploadedFile("x.jpg", jpeg_with_gps(), "image/jpeg"),
        },
    )
    assert response.status_code == 400
    assert "Beschrijf kort wat er op de foto staat" in response.content.decode()
    bad = staff.post(
        "/zuid/makelaar/verhalen/",
        {
            "title": "Met foto",
            "body": "Tekst",
            "participants": str(pair[0].pk),
            "photo": SimpleUploadedFile("x.jpg", b"geen foto", "image/jpeg"),
            "photo_alt": "x",
        },
    )
    assert "geen foto die we kunnen gebruiken" in bad.content.decode()
    response = staff.post(
        "/zuid/makelaar/verhalen/",
        {
            "title": "Met foto",
            "body": "Bert en Carla in de tuin.",
            "participants": f"{pair[0].pk}, {pair[1].pk}",
            "photo": SimpleUploadedFile("x.jpg", jpeg_with_gps(), "image/jpeg"),
            "photo_alt": "Twee buren in een moestuin",
        },
    )
    assert response.status_code == 302
    s = services.Story.objects.get()
    assert s.photo.name.startswith("verhalen/") and "x.jpg" not in s.photo.name
    url = f"/zuid/verhalen/{s.pk}/foto/"
    assert staff.get(url).status_code == 200  # the broker previews it
    public = Client()
    assert public.get(url).status_code == 404
    consent_all(s, broker, pair)
    services.publish_story(story=s, actor=broker)
    photo = public.get(url)
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"
    assert b"Telefoonmerk" not in b"".join(photo.streaming_content)
    assert 'alt="Twee buren in een moestuin"' in public.get("/zuid/").content.decode()
    services.withdraw_story_consent(story=s, participant=pair[0], actor=pair[0].user)
    assert public.get(url).status_code == 404
