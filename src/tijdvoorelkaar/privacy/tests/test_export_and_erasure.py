import datetime as dt
import io
import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation
from pypdf import PdfReader

from tijdvoorelkaar.accounts.models import Role, User
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.core.pdf_fonts import pdf_fonts
from tijdvoorelkaar.core.pdf_rtl import logical
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Ad, Conversation, Message
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import services as mediations
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.tasks import services as tasks
from tijdvoorelkaar.workspace import confidential

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE = "Pietersen", "henk.pietersen@example.org", "06 9876 5432"


@pytest.fixture
def world():
    area = demo.seed_areas()["utrecht-zuid"]
    broker = User.objects.create_user(
        email="sanne@example.org", first_name="Sanne", last_name="Bakker"
    )
    Role.objects.create(user=broker, area=area, kind="broker")
    henk = participant(
        area, "Henk", last_name=NAME, email=EMAIL, phone=PHONE, neighbourhood="lunetten"
    )
    henk.intro = f"Ik ben Henk {NAME}, bel me op {PHONE}."
    henk.save()
    fatima = participant(area, "Fatima", last_name="El Amrani", email="fatima@example.org")
    vraag = ad(
        henk, "Wie wil mijn hond uitlaten?", description=f"Groet, Henk {NAME}", category="Dieren"
    )
    ad(henk, "Ik help met klussen", kind="aanbod", category="Klussen")
    conversation = marketplace.react(
        ad=vraag, participant=fatima, body="Hoi Henk, ik kan!", base_url="http://x"
    )
    marketplace.reply(
        conversation=conversation,
        participant=henk,
        body=f"Fijn, mijn nummer is {PHONE}",
        base_url="http://x",
    )
    m = mediations.propose(area=area, broker=broker, requester=henk, provider=fatima)
    mediations.record_answer(m, side="requester", answer="ja", actor=broker)
    mediations.record_answer(m, side="provider", answer="ja", actor=broker)
    m.refresh_from_db()
    mediations.record_introduction(
        m,
        actor=broker,
        agreement={
            "what": f"Hond van Henk {NAME} uitlaten",
            "how_often": "wekelijks",
            "hours_each_time": 1,
            "starts_on": dt.date(2026, 11, 2),
            "ends_on": None,
            "review_on": dt.date(2027, 2, 1),
            "helper_holds_key": False,
            "requester_expects": "praktisch",
            "provider_expects": "praktisch",
        },
    )
    confidential.add_note(participant=henk, author=broker, body=f"{NAME} is soms somber.")
    tasks.create_task(
        area=area,
        assignee=broker,
        participant=henk,
        title=f"Bel Henk {NAME} terug",
        due_on=dt.date(2026, 12, 1),
    )
    return area, broker, henk, fatima


def figures(area):
    return {
        "participants": Participant.objects.filter(area=area).count(),
        "ads": Ad.objects.filter(area=area).count(),
        "vraag": Ad.objects.filter(area=area, kind="vraag").count(),
        "reactions": Conversation.objects.filter(area=area).count(),
        "mediations": Mediation.objects.filter(area=area).count(),
        "matches": Mediation.objects.filter(area=area, reached_active_on__isnull=False).count(),
        "supported": Mediation.objects.filter(area=area, broker_supported=True).count(),
    }


def dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_export_contains_everything_including_broker_notes(world):
    area, broker, henk, fatima = world
    out = io.StringIO()
    call_command("export_participant", "--email", EMAIL.upper(), stdout=out)
    data = json.loads(out.getvalue())
    text = json.dumps(data, ensure_ascii=False)
    assert data["account"]["e-mailadres"] == EMAIL
    assert "Wie wil mijn hond uitlaten?" in text
    assert "is soms somber" in text  # what the broker noted
    assert "Bel Henk Pietersen terug" in text
    assert "Fijn, mijn nummer is" in text
    assert "bemiddelingen" in text
    assert AuditEvent.objects.filter(action="person.export").count() == 1
    with pytest.raises(CommandError, match="niemand"):
        call_command("export_participant", "--email", "niemand@example.org")


def kpi_report(area) -> dict:
    out = io.StringIO()
    call_command(
        "kpi_report",
        "--area",
        area.slug,
        "--start",
        "2020-01-01",
        "--end",
        "2030-12-31",
        "--format",
        "json",
        stdout=out,
    )
    return json.loads(out.getvalue())


def test_erasure_leaves_no_trace_and_keeps_figures(world):
    area, broker, henk, fatima = world
    report_before = kpi_report(area)
    assert report_before["participants_total"] == 2
    assert report_before["mediations_total"] == 1
    assert report_before["ads_new"] == 2
    before = figures(area)
    assert NAME in dump() and EMAIL in dump()

    out = io.StringIO()
    call_command(
        "erase_participant", "--email", EMAIL, "--reason", "verzoek per telefoon", stdout=out
    )
    assert "Verwijderd" in out.getvalue()

    everything = dump()
    for secret in (NAME, EMAIL, PHONE, "06 9876", "0698765432"):
        assert secret not in everything, secret
    assert figures(area) == before
    assert kpi_report(area) == report_before

    henk.refresh_from_db()
    assert henk.user.email is None and not henk.user.is_active
    assert not Ad.objects.filter(owner=henk, status="open").exists()
    assert Message.objects.filter(sender__isnull=True).count() == 1
    # The other side keeps their own words, without Henk's name.
    assert Message.objects.get(sender=fatima).body == "Hoi verwijderde deelnemer, ik kan!"
    assert AuditEvent.objects.filter(action="person.erase").count() == 1
    with pytest.raises(CommandError):
        call_command("erase_participant", "--email", EMAIL, "--reason", "nog eens")


def test_erasure_needs_a_reason(world):
    with pytest.raises(CommandError):
        call_command("erase_participant", "--email", EMAIL, "--reason", " ")
    assert User.objects.filter(email=EMAIL).exists()


def test_others_with_the_same_last_name_keep_their_name(world):
    area, broker, henk, fatima = world
    namesake = participant(area, "Piet", last_name=NAME, email="piet@example.org")
    call_command("erase_participant", "--email", EMAIL, "--reason", "verzoek")
    namesake.user.refresh_from_db()
    assert namesake.user.last_name == NAME


def test_retention_warns_then_erases_inactive_participants(world):
    import time_machine
    from django.core import mail

    from tijdvoorelkaar.privacy.services import run_retention

    area, broker, henk, fatima = world
    active = participant(area, "Actief", email="actief@example.org")
    start = dt.datetime(2029, 1, 10, 9, tzinfo=dt.UTC)  # far beyond 24 months of silence
    User.objects.filter(pk=active.user.pk).update(last_activity_at=start - dt.timedelta(days=3))
    mail.outbox.clear()
    with time_machine.travel(start, tick=False):
        warned, erased = run_retention()
        assert (warned, erased) == (2, 0)  # Henk and Fatima; the broker is staff
        assert run_retention() == (0, 0)
    assert {m.to[0] for m in mail.outbox} == {EMAIL, "fatima@example.org"}
    # Fatima signs in again within the 30 days: her warning is cancelled.
    User.objects.filter(pk=fatima.user.pk).update(last_activity_at=start + dt.timedelta(days=5))
    with time_machine.travel(start + dt.timedelta(days=31), tick=False):
        assert run_retention() == (0, 1)
    henk.user.refresh_from_db()
    fatima.user.refresh_from_db()
    assert henk.user.email is None and fatima.user.email == "fatima@example.org"
    assert active.user.email == "actief@example.org"


@pytest.mark.parametrize("language", ["nl", "uk", "ar"])
def test_the_export_pdf_is_in_the_readers_language(client, world, language):
    if language != "nl" and pdf_fonts()[0] == "Helvetica":
        pytest.skip("DejaVu Sans is not installed")
    area, _broker, henk, _fatima = world
    client.force_login(henk.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(f"/{area.slug}/mijn/privacy/download.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(io.BytesIO(response.content)).pages
    )
    with translation.override(language):
        title = translation.gettext("Mijn gegevens bij TijdVoorElkaar")
    words = [w for w in logical(title).split() if w.isalpha()]
    assert words and all(w in text for w in words), (language, words)
    assert "Wie wil mijn hond uitlaten?" in text  # what he wrote stays as written
