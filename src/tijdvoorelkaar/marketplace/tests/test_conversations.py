import datetime as dt

import pytest
import time_machine
from django.core import mail

from tijdvoorelkaar.core.testing import link_from_mail
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.marketplace.models import Ad, Conversation, Message, Report, Signal
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.mediations.services import confirm_going_ahead
from tijdvoorelkaar.participants.tests.factories import participant

from .factories import ad

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(area):
    owner = participant(
        area, "Henk", last_name="Pietersen", phone="06 1111 2222", email="henk@example.org"
    )
    helper = participant(
        area, "Fatima", last_name="El Amrani", phone="06 3333 4444", email="fatima@example.org"
    )
    return owner, helper, ad(owner, "Wie wil mijn hond uitlaten?", category="Dieren")


def react(client, area, the_ad, body="Ik loop graag met honden!", token="r1"):
    return client.post(
        f"/{area.slug}/advertenties/{the_ad.pk}/reageren/",
        {"body": body, "submission_token": token},
    )


def test_reaction_opens_conversation_and_emails_owner(client, area, pair):
    owner, helper, the_ad = pair
    client.force_login(helper.user)
    response = react(client, area, the_ad)
    assert response.status_code == 302
    conversation = Conversation.objects.get()
    assert (conversation.owner, conversation.initiator) == (owner, helper)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["henk@example.org"]
    assert "Fatima heeft gereageerd" in message.body
    assert link_from_mail(message) == f"/{area.slug}/gesprekken/{conversation.pk}/"
    # The email to the owner never carries the other's contact details.
    assert "fatima@example.org" not in message.body and "3333" not in message.body


def test_double_click_on_react_makes_one_message(client, area, pair):
    _owner, helper, the_ad = pair
    client.force_login(helper.user)
    react(client, area, the_ad)
    react(client, area, the_ad)
    assert Conversation.objects.count() == 1
    assert Message.objects.count() == 1
    assert len(mail.outbox) == 1


def test_cannot_react_to_own_or_closed_ad_or_with_empty_text(client, area, pair):
    owner, helper, the_ad = pair
    client.force_login(owner.user)
    own = react(client, area, the_ad)
    assert own.status_code == 400
    assert "eigen advertentie" in own.content.decode()
    client.force_login(helper.user)
    empty = react(client, area, the_ad, body="   ")
    assert empty.status_code == 400
    assert "Schrijf een kort bericht" in empty.content.decode()
    services.set_status(the_ad, Ad.Status.CLOSED)
    closed = react(client, area, the_ad)
    assert closed.status_code == 400
    assert "gesloten" in closed.content.decode()
    assert Conversation.objects.count() == 0 and mail.outbox == []


def test_anonymous_visitor_is_invited_to_sign_up(client, area, pair):
    _owner, _helper, the_ad = pair
    page = client.get(f"/{area.slug}/advertenties/{the_ad.pk}/").content.decode()
    assert "Meld u aan" in page and "Reactie versturen" not in page
    response = client.post(f"/{area.slug}/advertenties/{the_ad.pk}/reageren/", {"body": "hoi"})
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_contact_details_only_when_both_share(client, area, pair):
    owner, helper, the_ad = pair
    client.force_login(helper.user)
    react(client, area, the_ad)
    conversation = Conversation.objects.get()
    url = f"/{area.slug}/gesprekken/{conversation.pk}/"
    client.post(url + "delen/", {"share": "ja"})
    page = client.get(url).content.decode()
    assert "henk@example.org" not in page and "1111" not in page
    client.force_login(owner.user)
    assert "fatima@example.org" not in client.get(url).content.decode()
    client.post(url + "delen/", {"share": "ja"})
    page = client.get(url).content.decode()
    assert "fatima@example.org" in page and "06 3333 4444" in page
    # Last names stay hidden even then.
    assert "El Amrani" not in page


def test_reply_and_going_ahead_records_a_self_made_mediation(client, area, pair):
    owner, helper, the_ad = pair
    client.force_login(helper.user)
    react(client, area, the_ad)
    conversation = Conversation.objects.get()
    url = f"/{area.slug}/gesprekken/{conversation.pk}/"
    client.force_login(owner.user)
    client.post(url, {"body": "Fijn! Woensdag?", "submission_token": "m2"})
    conversation.refresh_from_db()
    assert conversation.owner_replied_at is not None
    assert mail.outbox[-1].to == ["fatima@example.org"]
    client.post(url + "we-gaan-het-doen/")
    assert Mediation.objects.count() == 0
    client.post(url + "we-gaan-het-doen/")  # clicking twice changes nothing
    client.force_login(helper.user)
    client.post(url + "we-gaan-het-doen/")
    client.post(url + "we-gaan-het-doen/")
    mediation = Mediation.objects.get()
    assert mediation.requester == owner and mediation.provider == helper
    assert mediation.ad == the_ad and mediation.broker_supported is False
    assert mediation.started_on is not None
    the_ad.refresh_from_db()
    assert the_ad.status == "in_gesprek"


def test_offer_roles_are_reversed(area):
    owner = participant(area, "Serkan")
    asker = participant(area, "Liesbeth")
    offer = ad(owner, "Gezelschap en een wandeling", kind="aanbod")
    conversation = services.react(ad=offer, participant=asker, body="Graag!", base_url="http://x")
    confirm_going_ahead(conversation, owner)
    mediation = confirm_going_ahead(conversation, asker)
    assert mediation.requester == asker and mediation.provider == owner


def test_outsiders_cannot_read_a_conversation(client, area, pair):
    _owner, helper, the_ad = pair
    conversation = services.react(ad=the_ad, participant=helper, body="Hoi", base_url="http://x")
    outsider = participant(area, "Nieuwsgierig")
    client.force_login(outsider.user)
    url = f"/{area.slug}/gesprekken/{conversation.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "ik doe mee"}).status_code == 404
    assert client.post(url + "we-gaan-het-doen/").status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_reporting_a_message_hides_it_until_review(client, area, pair):
    owner, helper, the_ad = pair
    conversation = services.react(
        ad=the_ad, participant=helper, body="Kunt u mij geld lenen?", base_url="http://x"
    )
    message = conversation.messages.get()
    client.force_login(owner.user)
    url = f"/{area.slug}/gesprekken/{conversation.pk}/berichten/{message.pk}/melden/"
    assert client.post(url, {"reason": ""}).status_code == 400
    client.post(url, {"reason": "Vraagt om geld"})
    message.refresh_from_db()
    assert message.hidden_for_review
    assert (
        "geld lenen"
        not in client.get(f"/{area.slug}/gesprekken/{conversation.pk}/").content.decode()
    )
    report = Report.objects.get()
    demo.seed_users(
        {"utrecht-zuid": area, "breda-hoge-vucht": demo.seed_areas()["breda-hoge-vucht"]}
    )
    from tijdvoorelkaar.accounts.models import User

    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    client.force_login(broker)
    review = client.get(f"/{area.slug}/makelaar/meldingen/").content.decode()
    assert "Vraagt om geld" in review
    client.post(f"/{area.slug}/makelaar/meldingen/", {"report": report.pk, "action": "verbergen"})
    report.refresh_from_db()
    message.refresh_from_db()
    assert report.outcome == "verwijderd" and message.hidden_for_review


def test_reporting_an_ad_and_restoring_it(client, area, pair):
    owner, helper, the_ad = pair
    client.force_login(helper.user)
    client.post(f"/{area.slug}/advertenties/{the_ad.pk}/melden/", {"reason": "Vreemd"})
    the_ad.refresh_from_db()
    assert the_ad.hidden_for_review
    client.logout()
    assert client.get(f"/{area.slug}/advertenties/{the_ad.pk}/").status_code == 404
    broker = participant(area, "Makelaar").user
    from tijdvoorelkaar.accounts.models import Role

    Role.objects.create(user=broker, area=area, kind="broker")
    client.force_login(helper.user)
    assert client.get(f"/{area.slug}/makelaar/meldingen/").status_code == 403
    client.force_login(broker)
    report = Report.objects.get()
    client.post(f"/{area.slug}/makelaar/meldingen/", {"report": report.pk, "action": "terugzetten"})
    the_ad.refresh_from_db()
    assert not the_ad.hidden_for_review


def test_unanswered_reaction_reminds_owner_after_five_days_once(area, pair):
    owner, helper, the_ad = pair
    start = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        conversation = services.react(
            ad=the_ad, participant=helper, body="Hoi", base_url="http://x"
        )
    mail.outbox.clear()
    with time_machine.travel(start + dt.timedelta(days=4), tick=False):
        assert services.remind_unanswered() == 0
    with time_machine.travel(start + dt.timedelta(days=5, minutes=1), tick=False):
        assert services.remind_unanswered() == 1
        assert services.remind_unanswered() == 0
    assert mail.outbox[0].to == ["henk@example.org"]
    assert "wacht nog op antwoord" in mail.outbox[0].body
    signal = Signal.objects.get(kind="onbeantwoorde_reactie")
    assert signal.conversation == conversation and signal.resolved_at is None
    services.reply(
        conversation=conversation, participant=owner, body="Sorry, ja graag", base_url="http://x"
    )
    signal.refresh_from_db()
    assert signal.resolved_at is not None


def test_broker_matching_mode_signals_each_new_reaction(area, pair):
    _owner, helper, the_ad = pair
    area.matching_mode = "broker"
    area.save()
    the_ad.refresh_from_db()
    services.react(ad=the_ad, participant=helper, body="Hoi", base_url="http://x")
    assert Signal.objects.filter(kind="nieuwe_reactie").count() == 1


def test_renewal_reminder_a_week_before_expiry(area, pair):
    _owner, _helper, the_ad = pair
    mail.outbox.clear()
    with time_machine.travel(the_ad.expires_on - dt.timedelta(days=8), tick=False):
        assert services.send_renewal_reminders() == 0
    with time_machine.travel(the_ad.expires_on - dt.timedelta(days=6), tick=False):
        assert services.send_renewal_reminders() == 1
        assert services.send_renewal_reminders() == 0
    assert "verloopt bijna" in mail.outbox[0].subject
    assert f"/advertenties/{the_ad.pk}/" in mail.outbox[0].body


def test_no_anonymous_page_shows_contact_details_or_last_names(client, area, pair):
    owner, helper, the_ad = pair
    services.react(ad=the_ad, participant=helper, body="Hoi", base_url="http://x")
    owner.profile_visibility = "public"
    owner.intro = "Ik woon hier al lang."
    owner.save()
    pages = [
        f"/{area.slug}/",
        f"/{area.slug}/advertenties/",
        f"/{area.slug}/advertenties/?q=hond",
        f"/{area.slug}/advertenties/{the_ad.pk}/",
        f"/{area.slug}/deelnemers/{owner.pk}/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for secret in (
            "henk@example.org",
            "Pietersen",
            "06 1111 2222",
            "fatima@example.org",
            "El Amrani",
        ):
            assert secret not in html, (url, secret)
        assert "Henk" in html or url == f"/{area.slug}/"


def test_a_reused_submission_token_never_returns_someone_elses_writes(area, pair):
    owner, helper, the_ad = pair
    stranger = participant(area, "Vreemde")
    services.react(
        ad=the_ad,
        participant=helper,
        body="Van Fatima",
        base_url="http://x",
        submission_token="zelfde",
    )
    conversation = services.react(
        ad=the_ad,
        participant=stranger,
        body="Van de vreemde",
        base_url="http://x",
        submission_token="zelfde",
    )
    assert list(conversation.messages.values_list("body", flat=True)) == ["Van de vreemde"]
    mine, _ = services.create_ad(
        area=area,
        owner=owner,
        kind="vraag",
        data={"title": "Eerste", "category": the_ad.category},
        submission_token="ad-token",
    )
    theirs, created = services.create_ad(
        area=area,
        owner=stranger,
        kind="vraag",
        data={"title": "Tweede", "category": the_ad.category},
        submission_token="ad-token",
    )
    assert created and theirs.pk != mine.pk and theirs.owner == stranger
