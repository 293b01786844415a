import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import follow_up, services
from tijdvoorelkaar.mediations.models import CheckIn, Flag, Mediation
from tijdvoorelkaar.mediations.services import confirm_going_ahead
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.tasks.models import Task

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def broker(area):
    user = User.objects.create_user(
        email="sanne@example.org", first_name="Sanne", last_name="Bakker"
    )
    Role.objects.create(user=user, area=area, kind="broker")
    return user


@pytest.fixture
def people(area):
    liesbeth = participant(area, "Liesbeth", email="liesbeth@example.org", neighbourhood="lunetten")
    serkan = participant(area, "Serkan", email="serkan@example.org", neighbourhood="hoograven")
    return liesbeth, serkan


AGREEMENT = {
    "what": "Samen de stad in en een wandeling",
    "how_often": "wekelijks",
    "hours_each_time": 2,
    "starts_on": dt.date(2026, 11, 2),
    "ends_on": dt.date(2027, 5, 2),
    "review_on": None,
    "helper_holds_key": False,
    "requester_expects": "gezelschap",
    "provider_expects": "gezelschap",
}


def matched(area, broker, people):
    liesbeth, serkan = people
    m = services.propose(area=area, broker=broker, requester=liesbeth, provider=serkan)
    services.record_answer(m, side="requester", answer="ja", actor=broker)
    services.record_answer(m, side="provider", answer="ja", actor=broker)
    m.refresh_from_db()
    services.record_introduction(m, actor=broker, agreement=AGREEMENT)
    m.refresh_from_db()
    return m


def test_full_path_to_a_running_match_keeps_history(area, broker, people):
    with time_machine.travel(START, tick=False):
        m = matched(area, broker, people)
    assert m.status == "lopend" and m.broker_supported and m.is_match
    assert m.reached_active_on == START.date()
    assert m.next_follow_up_on == START.date() + dt.timedelta(days=14)
    kinds = list(m.events.values_list("kind", flat=True))
    assert kinds[0] == "voorgesteld" and "koppeling" in kinds
    assert all(e.actor == broker for e in m.events.all())
    liesbeth, serkan = people
    liesbeth.refresh_from_db()
    assert liesbeth.routing_stage == "gekoppeld"


def test_nothing_matched_without_both_yes(area, broker, people):
    liesbeth, serkan = people
    m = services.propose(area=area, broker=broker, requester=liesbeth, provider=serkan)
    services.record_answer(m, side="requester", answer="ja", actor=broker)
    with pytest.raises(services.MediationError, match="beide deelnemers ja"):
        services.record_introduction(m, actor=broker, agreement=AGREEMENT)
    with pytest.raises(services.MediationError, match="beide deelnemers ja"):
        services.plan_introduction(m, on=dt.date.today(), actor=broker)
    m = services.record_answer(m, side="provider", answer="nee", actor=broker)
    assert m.status == "niet_doorgegaan" and not m.is_match
    assert "zei nee" in m.end_reason_text


def test_proposing_someone_to_themselves_or_a_paused_person_is_refused(area, broker, people):
    liesbeth, serkan = people
    with pytest.raises(services.MediationError, match="niet aan zichzelf"):
        services.propose(area=area, broker=broker, requester=liesbeth, provider=liesbeth)
    serkan.routing_stage = "gestopt"
    serkan.save()
    with pytest.raises(services.MediationError, match="pauze of is gestopt"):
        services.propose(area=area, broker=broker, requester=liesbeth, provider=serkan)
    breda = participant(demo.seed_areas()["breda-hoge-vucht"], "Fatma")
    with pytest.raises(services.MediationError, match="werkgebied"):
        services.propose(area=area, broker=broker, requester=liesbeth, provider=breda)
    assert Mediation.objects.count() == 0


def test_follow_up_schedule_creates_tasks_and_check_ins(area, broker, people):
    with time_machine.travel(START, tick=False):
        m = matched(area, broker, people)
    mail.outbox.clear()
    with time_machine.travel(START + dt.timedelta(days=13), tick=False):
        assert follow_up.run_follow_ups() == 0
    with time_machine.travel(START + dt.timedelta(days=14), tick=False):
        assert follow_up.run_follow_ups() == 1
        assert follow_up.run_follow_ups() == 0
    task = Task.objects.get(source="nazorg")
    assert task.assignee == broker and "Liesbeth" in task.title
    assert sorted(m.to[0] for m in mail.outbox) == ["liesbeth@example.org", "serkan@example.org"]
    m.refresh_from_db()
    assert m.next_follow_up_on == START.date() + dt.timedelta(days=91)
    with time_machine.travel(START + dt.timedelta(days=91), tick=False):
        follow_up.run_follow_ups()
    m.refresh_from_db()
    assert m.next_follow_up_on == START.date() + dt.timedelta(days=91 + 182)


def check_in_links(message):
    return dict(re.findall(r"^(.+):\n(https?://\S+)$", message.body, re.M))


def test_check_in_link_answers_without_sign_in(client, area, broker, people):
    with time_machine.travel(START, tick=False):
        matched(area, broker, people)
    with time_machine.travel(START + dt.timedelta(days=14), tick=False):
        follow_up.run_follow_ups()
    message = next(m for m in mail.outbox if m.to == ["liesbeth@example.org"])
    links = check_in_links(message)
    assert set(links) == {"Goed", "Het kan beter", "Ik wil stoppen", "Bel mij"}
    path = re.sub(r"https?://[^/]+", "", links["Het kan beter"])
    with time_machine.travel(START + dt.timedelta(days=15), tick=False):
        opened = client.get(path)
        assert opened.status_code == 200
        assert "U koos: <strong>Het kan beter</strong>" in opened.content.decode()
        response = client.post(path, {"answer": "kan_beter"})
        assert response.status_code == 302 and response.url == path
        assert "Dank u wel" in client.get(path).content.decode()
    answer = CheckIn.objects.get(participant__user__email="liesbeth@example.org")
    assert answer.answer == "kan_beter" and answer.answered_at is not None
    attention = follow_up.attention_needed(area)
    assert list(attention["check_ins"]) == [answer]


def test_opening_every_check_in_link_records_nothing(client, area, broker, people):
    """A mail scanner opens every link of the email; only the button records."""
    with time_machine.travel(START, tick=False):
        m = matched(area, broker, people)
    with time_machine.travel(START + dt.timedelta(days=14), tick=False):
        follow_up.run_follow_ups()
    events = m.events.count()
    for message in mail.outbox:
        for link in check_in_links(message).values():
            response = client.get(re.sub(r"https?://[^/]+", "", link))
            assert response.status_code == 200
    assert not CheckIn.objects.filter(answered_at__isnull=False).exists()
    assert not CheckIn.objects.exclude(answer="").exists()
    m.refresh_from_db()
    assert m.stop_requested_at is None and m.events.count() == events
    assert not Task.objects.filter(title__contains="wil stoppen").exists()


def test_the_button_records_once_and_needs_the_form_token(area, broker, people):
    with time_machine.travel(START, tick=False):
        m = matched(area, broker, people)
    with time_machine.travel(START + dt.timedelta(days=14), tick=False):
        follow_up.run_follow_ups()
    message = next(msg for msg in mail.outbox if msg.to == ["liesbeth@example.org"])
    path = re.sub(r"https?://[^/]+", "", check_in_links(message)["Ik wil stoppen"])
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(path, {"answer": "stoppen"}).status_code == 403
    assert not CheckIn.objects.exclude(answer="").exists()
    page = browser.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    events = m.events.count()
    for _ in range(2):
        response = browser.post(path, {"answer": "stoppen", "csrfmiddlewaretoken": token})
        assert response.status_code == 302
    answered = CheckIn.objects.get(participant__user__email="liesbeth@example.org")
    assert answered.answer == "stoppen"
    assert m.events.count() == events + 2  # the answer and the stop request, once each
    assert Task.objects.filter(title__contains="wil stoppen").count() == 1


def test_check_in_emails_come_from_the_area_in_two_parts(area, broker, people):
    area.sender_name, area.sender_email = "Welzijn Zuid", "tve@welzijn-zuid.example"
    area.save()
    with time_machine.travel(START, tick=False):
        matched(area, broker, people)
    mail.outbox.clear()
    with time_machine.travel(START + dt.timedelta(days=14), tick=False):
        follow_up.run_follow_ups()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert message.from_email == "Welzijn Zuid <tve@welzijn-zuid.example>"
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        assert html.count("/hoe-gaat-het/") == 4 and "030 123 45 67" in html


def test_tampered_or_expired_check_in_link_changes_nothing(client, area, broker, people):
    with time_machine.travel(START, tick=False):
        matched(area, broker, people)
    with time_machine.travel(START + dt.timedelta(days=14), tick=False):
        follow_up.run_follow_ups()
    message = next(m for m in mail.outbox if m.to == ["liesbeth@example.org"])
    path = re.sub(r"https?://[^/]+", "", check_in_links(message)["Goed"])
    token = path.split("/")[3]
    tampered = path.replace(token, token[:-3] + ("abc" if token[-3:] != "abc" else "xyz"))
    response = client.get(tampered)
    assert response.status_code == 400 and "klopt niet" in response.content.decode()
    with time_machine.travel(START + dt.timedelta(days=14 + 31), tick=False):
        response = client.get(path)
    assert response.status_code == 400 and "verlopen" in response.content.decode()
    unknown = client.get(path.replace("/goed/", "/misschien/"))
    assert unknown.status_code == 400
    assert not CheckIn.objects.filter(answered_at__isnull=False).exists()


def test_ending_needs_a_reason_and_happens_once(area, broker, people):
    m = matched(area, broker, people)
    with pytest.raises(services.MediationError, match="Kies een reden"):
        services.end(m, actor=broker, reason="")
    with pytest.raises(services.MediationError, match="anders"):
        services.end(m, actor=broker, reason="anders", reason_text=" ")
    m.refresh_from_db()
    assert m.status == "lopend"
    services.end(m, actor=broker, reason="zelfstandig_verder", both_told=True, thanks_said=True)
    m.refresh_from_db()
    assert m.status == "afgerond" and m.end_reason == "zelfstandig_verder" and m.is_match
    assert m.next_follow_up_on is None
    with pytest.raises(services.MediationError, match="al beëindigd"):
        services.end(m, actor=broker, reason="klus_klaar")
    m.refresh_from_db()
    assert m.end_reason == "zelfstandig_verder"
    liesbeth = m.requester
    liesbeth.refresh_from_db()
    assert liesbeth.routing_stage == "zelfstandig"


def test_key_must_be_returned_before_closing(area, broker, people):
    m = matched(area, broker, people)
    m.agreement.helper_holds_key = True
    m.agreement.save()
    with pytest.raises(services.MediationError, match="sleutel"):
        services.end(m, actor=broker, reason="klus_klaar")
    services.end(m, actor=broker, reason="klus_klaar", key_returned=True)


def test_two_cancellations_raise_a_no_show_flag(area, broker, people):
    m = matched(area, broker, people)
    services.log_cancellation(m, by_requester=False, on=dt.date(2026, 11, 10), actor=broker)
    assert not Flag.objects.exists()
    services.log_cancellation(m, by_requester=False, on=dt.date(2026, 11, 17), actor=broker)
    flag = Flag.objects.get()
    assert flag.kind == "niet_komen" and flag.raised_by is None
    assert list(follow_up.attention_needed(area)["flags"]) == [flag]


def test_expectations_that_differ_are_noticed(area, broker, people):
    m = matched(area, broker, people)
    m.agreement.requester_expects = "praktisch"
    assert m.agreement.expectations_differ
    m.agreement.provider_expects = "beide"
    assert not m.agreement.expectations_differ


def test_participant_can_ask_to_stop_and_broker_is_alerted(client, area, broker, people):
    m = matched(area, broker, people)
    liesbeth, _serkan = people
    client.force_login(liesbeth.user)
    page = client.get(f"/{area.slug}/mijn/contacten/").content.decode()
    assert "Samen de stad in" in page and f'data-mediation-id="{m.pk}"' in page
    client.post(f"/{area.slug}/mijn/contacten/{m.pk}/stoppen/")
    m.refresh_from_db()
    assert m.stop_requested_at is not None
    assert Task.objects.filter(assignee=broker, title__contains="wil stoppen").count() == 1
    client.post(f"/{area.slug}/mijn/contacten/bel-mij/", {"message": "Over de afspraken"})
    assert Task.objects.filter(title__contains="bel of mail mij").count() == 1
    # A participant never reaches the broker's pages.
    assert client.get(f"/{area.slug}/makelaar/bemiddelingen/").status_code == 403
    assert client.get(f"/{area.slug}/makelaar/bemiddelingen/{m.pk}/").status_code == 403


def test_coordinator_corrects_with_a_logged_reason(area, broker, people):
    coordinator = User.objects.create_user(email="petra@example.org", first_name="Petra")
    Role.objects.create(user=coordinator, area=area, kind="coordinator")
    m = matched(area, broker, people)
    with pytest.raises(services.MediationError, match="waarom"):
        services.correct(m, coordinator=coordinator, changes={"broker_supported": False}, reason="")
    services.correct(
        m, coordinator=coordinator, changes={"broker_supported": False}, reason="Was zelf gemaakt"
    )
    m.refresh_from_db()
    assert m.broker_supported is False
    event = m.events.last()
    assert event.kind == "correctie" and "Was zelf gemaakt" in event.note


def test_self_made_mediation_is_a_running_match(area, people):
    liesbeth, serkan = people
    offer = ad(serkan, "Gezelschap en een wandeling", kind="aanbod")
    from tijdvoorelkaar.marketplace import services as marketplace

    conversation = marketplace.react(
        ad=offer, participant=liesbeth, body="Graag!", base_url="http://x"
    )
    confirm_going_ahead(conversation, serkan)
    m = confirm_going_ahead(conversation, liesbeth)
    assert m.status == "lopend" and not m.broker_supported and m.is_match


def test_run_periodic_runs_follow_ups(area, broker, people):
    with time_machine.travel(START, tick=False):
        matched(area, broker, people)
    with time_machine.travel(START + dt.timedelta(days=14, hours=1), tick=False):
        call_command("run_periodic")
    assert Task.objects.filter(source="nazorg").count() == 1
