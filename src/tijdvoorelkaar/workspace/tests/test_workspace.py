"""The broker's workspace: contract, access, registration, intake, notes, routing, tasks."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace.models import Ad, Category, Signal
from tijdvoorelkaar.marketplace.services import ensure_default_categories
from tijdvoorelkaar.participants.models import Participant, Stage
from tijdvoorelkaar.tasks import services as tasks
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.workspace import caseload, confidential, services
from tijdvoorelkaar.workspace.models import Background, ConfidentialNote, ContactMoment


def seed_people() -> dict:
    """Areas and a user for every role (not the marketplace demo data, which changes)."""
    areas = demo.seed_areas()
    demo.seed_users(areas)
    return areas


pytestmark = pytest.mark.django_db

UZ = "utrecht-zuid"


@pytest.fixture
def areas():
    return seed_people()


@pytest.fixture
def broker(areas):
    return User.objects.get(email="makelaar@utrecht-zuid.test")


@pytest.fixture
def broker2(areas):
    return User.objects.get(email="makelaar2@utrecht-zuid.test")


@pytest.fixture
def uz(areas):
    return areas[UZ]


def register_jansen(area, broker, **extra):
    data = {
        "first_name": "Riet",
        "last_name": "Jansen",
        "phone": "06-12345678",
        "email": "",
        "preferred_channel": "telefoon",
        **extra,
    }
    return services.register_participant(area=area, broker=broker, data=data)


def client_for(client, email):
    if email:
        client.force_login(User.objects.get(email=email))
    return client


# --- Contract ------------------------------------------------------------------------------

PAGES = ["/utrecht-zuid/makelaar/", "/utrecht-zuid/makelaar/deelnemers/?q=jansen"]
REFUSED = [
    "deelnemer@utrecht-zuid.test",
    "buurthuis@utrecht-zuid.test",
    "financier@utrecht-zuid.test",
    "makelaar@breda-hoge-vucht.test",
    "coordinator@breda-hoge-vucht.test",
]


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, areas, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/utrecht-zuid/inloggen/")


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("email", REFUSED)
def test_other_roles_and_other_areas_are_refused(client, areas, url, email):
    response = client_for(client, email).get(url)
    assert response.status_code in (403, 404)


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("email", ["makelaar@utrecht-zuid.test", "coordinator@utrecht-zuid.test"])
def test_brokers_and_coordinators_get_the_pages(client, areas, url, email):
    assert client_for(client, email).get(url).status_code == 200


def test_breda_broker_cannot_see_or_change_anything_of_utrecht(client, uz, broker):
    p = register_jansen(uz, broker)
    confidential.add_note(participant=p, author=broker, body="Slecht ter been")
    task = services.schedule_next_contact(
        participant=p, broker=broker, on=clock.today() + dt.timedelta(days=1)
    )
    client_for(client, "makelaar@breda-hoge-vucht.test")
    base = f"/utrecht-zuid/makelaar/deelnemers/{p.pk}/"
    for suffix in ["", "notities/", "achtergrond/", "kennismaking/", "fase/", "overdragen/"]:
        assert client.get(base + suffix).status_code == 403
    assert client.post(base + "notities/", {"body": "x"}).status_code == 403
    assert client.post(base + "fase/", {"stage": "gestopt"}).status_code == 403
    assert client.post(f"/utrecht-zuid/makelaar/taken/{task.pk}/klaar/").status_code == 403
    # Their own area's URLs with Utrecht's ids: not found.
    breda_base = f"/breda-hoge-vucht/makelaar/deelnemers/{p.pk}/"
    assert client.get(breda_base).status_code == 404
    assert client.get(breda_base + "notities/").status_code == 404
    assert client.post(f"/breda-hoge-vucht/makelaar/taken/{task.pk}/klaar/").status_code == 404
    assert (
        client.get("/breda-hoge-vucht/makelaar/deelnemers/?q=jansen").content.count(b"Jansen") == 0
    )
    p.refresh_from_db()
    task.refresh_from_db()
    assert p.routing_stage == Stage.SIGNED_UP
    assert task.done_at is None
    assert ConfidentialNote.objects.count() == 1
    assert not AuditEvent.objects.filter(action="note.read").exists()


def test_participant_never_sees_workspace_data(client, uz, broker):
    p = register_jansen(uz, broker)
    confidential.add_note(participant=p, author=broker, body="Geheim-notitie-123")
    confidential.save_background(
        participant=p, broker=broker, data={"gender": "vrouw", "birth_year": 1948}
    )
    anna = User.objects.get(email="deelnemer@utrecht-zuid.test")
    anna_p = Participant.objects.get(user=anna)
    confidential.add_note(participant=anna_p, author=broker, body="Over-Anna-456")
    tasks.create_task(
        area=uz, assignee=broker, title="Anna bellen", due_on=clock.today(), participant=anna_p
    )
    client.force_login(anna)
    for url in [
        "/utrecht-zuid/makelaar/",
        "/utrecht-zuid/makelaar/taken/",
        "/utrecht-zuid/makelaar/logboek/",
        f"/utrecht-zuid/makelaar/deelnemers/{p.pk}/notities/",
        f"/utrecht-zuid/makelaar/deelnemers/{anna_p.pk}/",
        f"/utrecht-zuid/makelaar/deelnemers/{anna_p.pk}/notities/",
        f"/utrecht-zuid/makelaar/deelnemers/{anna_p.pk}/achtergrond/",
    ]:
        assert client.get(url).status_code == 403, url
    for url in ["/utrecht-zuid/mijn/", f"/utrecht-zuid/deelnemers/{anna_p.pk}/"]:
        content = client.get(url).content.decode()
        assert "Over-Anna-456" not in content
        assert "Anna bellen" not in content
        assert "aangemeld" not in content.lower().replace("aangemeld op", "")
    assert "werkplek" not in client.get("/utrecht-zuid/").content.decode().lower()


def test_audit_log_is_for_coordinators_only(client, uz, broker):
    assert (
        client_for(client, "makelaar@utrecht-zuid.test")
        .get("/utrecht-zuid/makelaar/logboek/")
        .status_code
        == 403
    )
    client.logout()
    assert (
        client_for(client, "coordinator@utrecht-zuid.test")
        .get("/utrecht-zuid/makelaar/logboek/")
        .status_code
        == 200
    )


# --- Registration and duplicates -----------------------------------------------------------


def test_phone_numbers_are_normalised():
    assert services.normalise_phone("06-12345678") == "0612345678"
    assert services.normalise_phone("+31 6 1234 5678") == "0612345678"
    assert services.normalise_phone("0031 (0)6 12345678") != ""
    assert services.normalise_phone("0031 6 12345678") == "0612345678"
    assert services.normalise_phone("") == ""


def test_register_resident_without_email(uz, broker):
    p = register_jansen(uz, broker)
    assert p.user.email is None
    assert p.registered_by == broker
    assert p.assigned_broker == broker
    assert p.phone_normalised == "0612345678"
    assert p.routing_stage == Stage.SIGNED_UP
    assert p.stage_changes.count() == 1


def test_duplicate_phone_is_caught_and_nothing_is_saved(uz, broker):
    first = register_jansen(uz, broker)
    users = User.objects.count()
    with pytest.raises(services.DuplicateParticipant) as exc:
        register_jansen(uz, broker, first_name="Henk", phone="+31 6 1234 5678")
    assert exc.value.existing == first
    assert User.objects.count() == users
    assert Participant.objects.filter(area=uz).count() == 2  # Anna and Riet


def test_duplicate_email_is_caught(uz, broker):
    register_jansen(uz, broker, email="riet@example.org", phone="")
    with pytest.raises(services.DuplicateParticipant):
        register_jansen(uz, broker, email="RIET@example.org", phone="")


def test_duplicate_phone_through_the_form_links_to_the_existing(client, uz, broker):
    first = register_jansen(uz, broker)
    client.force_login(broker)
    response = client.post(
        "/utrecht-zuid/makelaar/deelnemers/nieuw/",
        {"first_name": "Henk", "phone": "0612 345 678", "preferred_channel": "telefoon"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "al een deelnemer met dit telefoonnummer" in content
    assert f"/utrecht-zuid/makelaar/deelnemers/{first.pk}/" in content
    assert not User.objects.filter(first_name="Henk").exists()


def test_registration_needs_consent_for_a_contact_person(client, uz, broker):
    client.force_login(broker)
    response = client.post(
        "/utrecht-zuid/makelaar/deelnemers/nieuw/",
        {
            "first_name": "Klaas",
            "last_name": "Kuipers",
            "preferred_channel": "contactpersoon",
            "contact_person_name": "Marijke",
            "contact_person_phone": "0301234567",
        },
    )
    assert response.status_code == 400
    assert "toestemming" in response.content.decode()
    assert not User.objects.filter(last_name="Kuipers").exists()


def test_registry_search_by_name_phone_and_neighbourhood(client, uz, broker):
    from tijdvoorelkaar.areas.models import Neighbourhood

    register_jansen(uz, broker, neighbourhood=Neighbourhood.objects.get(slug="hoograven"))
    client.force_login(broker)
    for q in ["jansen", "Riet", "+31 6 1234 5678", "12345678", "hoograven"]:
        response = client.get("/utrecht-zuid/makelaar/deelnemers/", {"q": q})
        assert "Riet Jansen" in response.content.decode(), q
    response = client.get("/utrecht-zuid/makelaar/deelnemers/", {"q": "pietersen"})
    assert "Riet Jansen" not in response.content.decode()


# --- Intake, background, ads ---------------------------------------------------------------


def test_empty_intake_is_refused_and_saves_nothing(client, uz, broker):
    p = register_jansen(uz, broker)
    client.force_login(broker)
    response = client.post(
        f"/utrecht-zuid/makelaar/deelnemers/{p.pk}/kennismaking/",
        {"held_on": clock.today().isoformat(), "channel": "bezoek", "languages_text": "Turks"},
    )
    assert response.status_code == 400
    assert "Vul minstens één van de drie vragen in" in response.content.decode()
    p.refresh_from_db()
    assert p.intakes.count() == 0
    assert p.languages == []
    assert p.routing_stage == Stage.SIGNED_UP
    with pytest.raises(services.WorkspaceError):
        services.record_intake(participant=p, broker=broker, data={"good_at": "  "})


def test_intake_moves_stage_and_records_inflow(uz, broker):
    p = register_jansen(uz, broker)
    services.record_intake(
        participant=p,
        broker=broker,
        data={
            "good_at": "Breien",
            "languages": ["Nederlands"],
            "inflow_source": "doorverwijzing",
            "referrer_organisation": "Huisartsenpraktijk Lunetten",
        },
    )
    p.refresh_from_db()
    assert p.routing_stage == Stage.INTRODUCED
    assert p.referrer_organisation == "Huisartsenpraktijk Lunetten"
    assert p.contact_moments.get().kind == ContactMoment.Kind.INTRODUCTION


def test_birth_year_in_the_future_is_refused(client, uz, broker):
    p = register_jansen(uz, broker)
    client.force_login(broker)
    response = client.post(
        f"/utrecht-zuid/makelaar/deelnemers/{p.pk}/achtergrond/",
        {"gender": "vrouw", "birth_year": clock.today().year + 1},
    )
    assert response.status_code == 400
    assert "Het geboortejaar kan niet in de toekomst liggen." in response.content.decode()
    assert not Background.objects.exists()
    with pytest.raises(services.WorkspaceError):
        confidential.save_background(
            participant=p, broker=broker, data={"birth_year": clock.today().year + 5}
        )
    assert not Background.objects.exists()


def test_background_can_be_declined_per_question(uz, broker):
    p = register_jansen(uz, broker)
    bg = confidential.save_background(
        participant=p,
        broker=broker,
        data={"gender": "niet_zeggen", "birth_year_declined": True, "origin": "niet_zeggen"},
    )
    assert bg.gender == "niet_zeggen"
    assert bg.birth_year is None and bg.birth_year_declined


def test_place_ad_for_resident_with_email_sends_a_message(uz, broker, mailoutbox):
    ensure_default_categories(uz)
    p = register_jansen(uz, broker, email="riet@example.org", preferred_channel="e-mail")
    ad = services.place_ad_for(
        participant=p,
        broker=broker,
        kind="vraag",
        data={"title": "Hulp bij boodschappen", "category": Category.objects.filter(area=uz)[0]},
    )
    assert ad.placed_by == broker and ad.owner == p
    assert len(mailoutbox) == 1
    assert "Hulp bij boodschappen" in mailoutbox[0].body
    p.refresh_from_db()
    assert p.routing_stage == Stage.AD_PLACED


def test_place_ad_for_resident_without_email_sends_nothing(uz, broker, mailoutbox):
    ensure_default_categories(uz)
    p = register_jansen(uz, broker)
    services.place_ad_for(
        participant=p,
        broker=broker,
        kind="aanbod",
        data={"title": "Ik brei sjaals", "category": Category.objects.filter(area=uz)[0]},
    )
    assert Ad.objects.get().placed_with_help
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("vraag", "De vraag 'Tassen dragen' staat op de site."),
        ("aanbod", "Het aanbod 'Tassen dragen' staat op de site."),
    ],
)
def test_placing_an_ad_for_someone_says_de_vraag_and_het_aanbod(client, uz, broker, kind, sentence):
    ensure_default_categories(uz)
    p = register_jansen(uz, broker)
    client.force_login(broker)
    response = client.post(
        f"/{UZ}/makelaar/deelnemers/{p.pk}/advertentie/{kind}/",
        {
            "title": "Tassen dragen",
            "category": Category.objects.filter(area=uz)[0].pk,
            "frequency": "eenmalig",
            "duration": "uur",
            "visibility": "participants",
        },
        follow=True,
    )
    page = response.content.decode().replace("&#x27;", "'")
    assert sentence in page
    assert "De aanbod" not in page


# --- Confidential notes and the audit log --------------------------------------------------


def test_every_note_read_and_write_is_logged(client, uz, broker):
    p = register_jansen(uz, broker)
    client.force_login(broker)
    url = f"/utrecht-zuid/makelaar/deelnemers/{p.pk}/notities/"
    response = client.post(url, {"body": "Gehoorapparaat; spreek langzaam."})
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="note.write", actor=broker).count() == 1
    for _i in range(2):
        assert "Gehoorapparaat" in client.get(url).content.decode()
    reads = AuditEvent.objects.filter(action="note.read", actor=broker, area=uz)
    assert reads.count() == 2
    event = reads.first()
    assert event.subject_type == "participants.participant"
    assert event.subject_id == str(p.pk)
    assert "Gehoorapparaat" not in event.detail and "Jansen" not in event.detail
    # The coordinator sees them in the log.
    client.force_login(User.objects.get(email="coordinator@utrecht-zuid.test"))
    log = client.get("/utrecht-zuid/makelaar/logboek/").content.decode()
    assert log.count("Vertrouwelijke notities gelezen") == 2
    assert "Vertrouwelijke notitie geschreven" in log
    assert "Sanne Bakker" in log


def test_background_read_is_logged(client, uz, broker):
    p = register_jansen(uz, broker)
    client.force_login(broker)
    client.get(f"/utrecht-zuid/makelaar/deelnemers/{p.pk}/achtergrond/")
    assert AuditEvent.objects.filter(action="background.read").count() == 1


def test_empty_note_is_refused(client, uz, broker):
    p = register_jansen(uz, broker)
    client.force_login(broker)
    response = client.post(f"/utrecht-zuid/makelaar/deelnemers/{p.pk}/notities/", {"body": " "})
    assert response.status_code == 400
    assert not ConfidentialNote.objects.exists()
    assert not AuditEvent.objects.filter(action="note.write").exists()


# --- Routing, contacts, tasks --------------------------------------------------------------


def test_support_conversations_are_counted_and_the_limit_warns(client, uz, broker):
    uz.max_support_conversations = 2
    uz.save(update_fields=["max_support_conversations"])
    p = register_jansen(uz, broker)
    results = [
        services.log_contact(
            participant=p,
            broker=broker,
            data={
                "happened_on": clock.today(),
                "channel": "telefoon",
                "kind": "ondersteuning",
                "summary": f"Gesprek {i}",
            },
        )
        for i in range(3)
    ]
    assert [r.support_count for r in results] == [1, 2, 3]
    assert [r.over_limit for r in results] == [False, False, True]
    client.force_login(broker)
    page = client.get(f"/utrecht-zuid/makelaar/deelnemers/{p.pk}/").content.decode()
    assert "meer dan het maximum van 2" in page


def test_stage_change_keeps_history(uz, broker):
    p = register_jansen(uz, broker)
    services.change_stage(participant=p, broker=broker, stage=Stage.MEDIATING)
    services.change_stage(participant=p, broker=broker, stage=Stage.MATCHED)
    assert [c.to_stage for c in p.stage_changes.all()] == ["gekoppeld", "bemiddeling", "aangemeld"]
    with pytest.raises(services.WorkspaceError):
        services.change_stage(participant=p, broker=broker, stage=Stage.MATCHED)


def test_logging_a_call_ticks_off_the_call_back(uz, broker):
    p = register_jansen(uz, broker)
    task = services.schedule_next_contact(participant=p, broker=broker, on=clock.today())
    services.log_contact(
        participant=p,
        broker=broker,
        data={
            "happened_on": clock.today(),
            "channel": "telefoon",
            "kind": "nazorg",
            "summary": "Teruggebeld",
        },
    )
    task.refresh_from_db()
    assert task.done_at is not None


def test_concern_and_referral_make_follow_up_tasks(uz, broker):
    p = register_jansen(uz, broker)
    later = clock.today() + dt.timedelta(days=14)
    services.record_concern(
        participant=p, broker=broker, kind="vereenzaamd", description="", follow_up_on=later
    )
    services.record_referral(
        participant=p,
        broker=broker,
        organisation="Schuldhulp Utrecht",
        contact="",
        reason="Schulden",
        follow_up_on=later,
    )
    assert sorted(Task.objects.values_list("source", flat=True)) == ["doorverwijzing", "zorg"]
    assert all(t.due_on == later and t.assignee == broker for t in Task.objects.all())


def test_signal_becomes_a_task_and_is_resolved(client, uz, broker):
    signal = Signal.objects.create(
        area=uz, kind=Signal.Kind.UNANSWERED_REACTION, created_at=clock.now()
    )
    client.force_login(broker)
    assert "Reactie onbeantwoord" in client.get("/utrecht-zuid/makelaar/").content.decode()
    client.post(f"/utrecht-zuid/makelaar/signalen/{signal.pk}/", {"action": "taak"})
    signal.refresh_from_db()
    assert signal.resolved_by == broker
    task = Task.objects.get(signal=signal)
    assert task.due_on == clock.today() and task.source == Task.Source.SIGNAL
    assert "Geen open signalen." in client.get("/utrecht-zuid/makelaar/").content.decode()


def test_signal_of_other_area_is_not_found(client, areas, broker):
    signal = Signal.objects.create(
        area=areas["breda-hoge-vucht"], kind=Signal.Kind.NEW_REACTION, created_at=clock.now()
    )
    client.force_login(broker)
    response = client.post(f"/utrecht-zuid/makelaar/signalen/{signal.pk}/", {"action": "x"})
    assert response.status_code == 404
    signal.refresh_from_db()
    assert signal.resolved_at is None


# --- Handover ------------------------------------------------------------------------------


def test_handover_moves_participant_and_tasks_and_tells_them(uz, broker, broker2, mailoutbox):
    with_email = register_jansen(uz, broker, email="riet@example.org", phone="")
    without = register_jansen(uz, broker, first_name="Henk", phone="0307654321")
    task = services.schedule_next_contact(participant=with_email, broker=broker, on=clock.today())
    count = caseload.hand_over_caseload(area=uz, from_broker=broker, to_broker=broker2, by=broker)
    assert count == 2
    with_email.refresh_from_db()
    task.refresh_from_db()
    assert with_email.assigned_broker == broker2
    assert task.assignee == broker2
    assert [m.to for m in mailoutbox] == [["riet@example.org"]]
    assert "Youssef Amrani" in mailoutbox[0].body
    assert Task.objects.filter(participant=without, assignee=broker2, source="overdracht").exists()
    assert AuditEvent.objects.filter(action="handover").count() == 2


def test_handover_only_to_a_broker_of_the_area(uz, broker):
    p = register_jansen(uz, broker)
    breda = User.objects.get(email="makelaar@breda-hoge-vucht.test")
    with pytest.raises(services.WorkspaceError):
        caseload.hand_over(participants=[p], to_broker=breda, by=broker)
    p.refresh_from_db()
    assert p.assigned_broker == broker


# --- Morning digest ------------------------------------------------------------------------


def test_morning_digest_sends_each_broker_their_tasks(uz, broker, broker2, mailoutbox):
    today = clock.today()
    tasks.create_task(area=uz, assignee=broker, title="Riet bellen", due_on=today)
    tasks.create_task(
        area=uz, assignee=broker, title="Oude taak", due_on=today - dt.timedelta(days=2)
    )
    tasks.create_task(
        area=uz, assignee=broker, title="Volgende week", due_on=today + dt.timedelta(days=7)
    )
    done = tasks.create_task(area=uz, assignee=broker2, title="Al gedaan", due_on=today)
    tasks.complete_task(done, broker2)
    call_command("send_morning_digest")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["makelaar@utrecht-zuid.test"]
    assert "Riet bellen" in mail.body and "Oude taak" in mail.body
    assert "Volgende week" not in mail.body
    assert reverse("workspace:dashboard", args=[UZ]) in mail.body


def test_every_workspace_form_works_through_the_pages(client, uz, broker, broker2):
    p = register_jansen(uz, broker)
    client.force_login(broker)
    base = f"/utrecht-zuid/makelaar/deelnemers/{p.pk}/"
    later = (clock.today() + dt.timedelta(days=3)).isoformat()
    for suffix in ["", "fase/", "zorgsignaal/", "doorverwijzing/", "contactmoment/"]:
        assert client.get(base + suffix).status_code == 200, suffix
    for url in ["/utrecht-zuid/makelaar/taken/", "/utrecht-zuid/makelaar/overdracht/"]:
        assert client.get(url).status_code == 200
    assert client.post(base + "fase/", {"stage": "bemiddeling"}).status_code == 302
    post = client.post(
        base + "zorgsignaal/", {"kind": "schulden", "description": "", "follow_up_on": later}
    )
    assert post.status_code == 302
    post = client.post(
        base + "doorverwijzing/",
        {"organisation": "Buurtteam", "reason": "Schulden", "follow_up_on": later},
    )
    assert post.status_code == 302
    post = client.post(
        "/utrecht-zuid/makelaar/taken/",
        {"title": "Folders brengen", "due_on": later, "assignee": broker2.pk},
    )
    assert post.status_code == 302
    assert client.post(base + "doorverwijzing/", {"organisation": ""}).status_code == 400
    p.refresh_from_db()
    assert p.routing_stage == Stage.MEDIATING
    assert Task.objects.filter(assignee=broker2, title="Folders brengen").exists()
    assert Task.objects.filter(participant=p).count() == 2
    task = Task.objects.get(title="Folders brengen")
    assert client.get("/utrecht-zuid/makelaar/taken/?wie=iedereen").status_code == 200
    response = client.post(f"/utrecht-zuid/makelaar/taken/{task.pk}/klaar/", {"terug": "taken"})
    assert response["Location"] == "/utrecht-zuid/makelaar/taken/"
    task.refresh_from_db()
    assert task.done_by == broker
    post = client.post(
        "/utrecht-zuid/makelaar/overdracht/",
        {"from_broker": broker.pk, "to_broker": broker2.pk},
    )
    assert post.status_code == 302
    p.refresh_from_db()
    assert p.assigned_broker == broker2


def test_pause_keeps_a_participant_out_of_proposals(client):
    import datetime as dt

    from tijdvoorelkaar.accounts.models import User
    from tijdvoorelkaar.demo import seed as demo
    from tijdvoorelkaar.mediations import services as mediations
    from tijdvoorelkaar.participants.tests.factories import participant

    areas = demo.seed_areas()
    demo.seed_users(areas)
    area = areas["utrecht-zuid"]
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    asker, helper = participant(area, "Vraag"), participant(area, "Help")
    client.force_login(broker)
    url = f"/utrecht-zuid/makelaar/deelnemers/{helper.pk}/pauze/"
    assert client.post(url, {"until": "2001-01-01"}).status_code == 400
    until = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert client.post(url, {"until": until}).status_code == 302
    helper.refresh_from_db()
    assert helper.paused_until.isoformat() == until
    with pytest.raises(mediations.MediationError, match="pauze"):
        mediations.propose(area=area, broker=broker, requester=asker, provider=helper)
    client.post(url, {"until": ""})
    helper.refresh_from_db()
    assert helper.paused_until is None
    mediations.propose(area=area, broker=broker, requester=asker, provider=helper)
