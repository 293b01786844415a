"""Erasure leaves no person behind and no figure changed.

A resident with everything a person can have (ads, messages, a mediation with agreement,
events, a flag and a cancellation, intake, background, notes, contact moments, referrals
in and out, a story draft, an API key, tasks and audit entries) is erased; afterwards a
dump of the whole database holds none of their data, and every report figure, for the
whole period and for parts of it, is what it was."""

import datetime as dt
import io
import json

import pytest
import time_machine
from django.core.management import call_command

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.api.auth import create_token
from tijdvoorelkaar.api.models import ApiToken
from tijdvoorelkaar.core import audit
from tijdvoorelkaar.core.phones import normalise_phone
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.imports import services as imports
from tijdvoorelkaar.imports.services import ADS, MEDIATIONS, PARTICIPANTS
from tijdvoorelkaar.imports.tests.helpers import csv_bytes, make_area
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.mediations import services as mediations
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.newsletter import services as newsletter
from tijdvoorelkaar.organisations.models import IncomingReferral
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.privacy.services import erase_person
from tijdvoorelkaar.reports.funder import funder_report
from tijdvoorelkaar.reports.periods import HALF, QUARTER, FixedPeriod
from tijdvoorelkaar.reports.services import kpi
from tijdvoorelkaar.stories import services as stories
from tijdvoorelkaar.tasks import services as tasks
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.workspace import confidential
from tijdvoorelkaar.workspace import services as workspace
from tijdvoorelkaar.workspace.models import Background, BackgroundTally

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 18, 10, 0, tzinfo=dt.UTC)
NAME, EMAIL, PHONE = "Pietersen", "henk.pietersen@example.org", "06 9876 5432"
OLD_ID = "henk-4711"
OLD_EMAIL = "h.pietersen@oud-adres.example"
TOKEN_NAME = "Henks tablet in de keuken"
BACKGROUND = {
    "gender": "man",
    "birth_year": 1950,
    "household": "alleen",
    "work_situation": "arbeidsongeschikt",
    "origin": "marokkaans",
}
# Free texts about Henk, each written somewhere else.
TEXTS = {
    "intro": "Oud-timmerman uit de Rivierenwijk",
    "ad_title": "Wie wil mijn hond Bobbie uitlaten?",
    "ad_description": "Bobbie is een oude labrador",
    "offer_title": "Ik repareer houten stoelen",
    "reply": "mijn voordeur is aan de Groenlaan",
    "agreement": "Bobbie drie keer per week uitlaten",
    "event": "Henk twijfelde eerst erg",
    "flag": "Henk vraagt steeds meer klussen",
    "cancellation": "Henk lag in het ziekenhuis",
    "note": "Somber sinds zijn vrouw overleed",
    "intake_good": "Timmeren en stoelen matten",
    "intake_help": "Boodschappen sinds zijn heupoperatie",
    "contact": "Gebeld over zijn heupoperatie",
    "concern": "Heeft schulden bij de woningcorporatie",
    "referral_out": "Schuldhulp via de wijkcoach",
    "referral_in": "Eenzaam na het overlijden van zijn vrouw",
    "story_title": "Bobbie en zijn nieuwe wandelmaatje",
    "story_body": "Henk en Fatima lopen elke ochtend met Bobbie door het Beatrixpark.",
    "task": "Bel Henk Pietersen terug over zijn heup",
    "audit": "Henk belde boos over zijn uitkering",
    "contact_person": "Marieke Pietersen-Bos",
}


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _at(model, pk, **fields):
    model.objects.filter(pk=pk).update(**fields)


def _people():
    """The area, its broker and coordinator, Henk (the one to erase) and three others, with
    their registration dates and backgrounds."""
    area = demo.seed_areas()["utrecht-zuid"]
    broker = User.objects.create_user(email="sanne@example.org", first_name="Sanne")
    create_user_with_role("sanne@example.org", "broker", area)
    coordinator = create_user_with_role("co@example.org", "coordinator", area).user
    henk = participant(
        area, "Henk", last_name=NAME, email=EMAIL, phone=PHONE, neighbourhood="lunetten"
    )
    henk.intro = TEXTS["intro"]
    henk.phone_normalised = normalise_phone(PHONE)
    henk.external_id = OLD_ID
    henk.registry_email = OLD_EMAIL  # from an old import, before he signed up
    henk.contact_person_name = TEXTS["contact_person"]
    henk.inflow_source = "doorverwijzing"
    henk.referrer_organisation = "Huisartsenpraktijk Lunetten"
    henk.referrer_person = "dokter Van Vliet"
    henk.save()
    _at(Participant, henk.pk, registered_on=dt.date(2026, 3, 12))
    fatima = participant(area, "Fatima", last_name="El Amrani", neighbourhood="hoograven")
    _at(Participant, fatima.pk, registered_on=dt.date(2026, 1, 20))
    kees = participant(area, "Kees", last_name="de Boer", neighbourhood="lunetten")
    _at(Participant, kees.pk, registered_on=dt.date(2026, 3, 25))
    joke = participant(area, "Joke", last_name="Smit")
    _at(Participant, joke.pk, registered_on=dt.date(2025, 11, 3))
    for person, answers in (
        (henk, BACKGROUND),
        (fatima, {"gender": "vrouw", "birth_year": 1985, "household": "paar_kinderen"}),
        (kees, {"gender": "man", "birth_year": 1962, "origin": "turks"}),
    ):
        confidential.save_background(participant=person, broker=broker, data=answers)
    return area, broker, coordinator, henk, fatima


def _ads_and_conversation(henk, fatima):
    """Henk's offer (closed earlier in the year) and open request, Fatima's offer, and
    their conversation."""
    offer = ad(henk, TEXTS["offer_title"], kind="aanbod", category="Klussen")
    _at(
        Ad,
        offer.pk,
        created_at=dt.datetime(2026, 2, 1, 9, tzinfo=dt.UTC),
        closed_at=dt.datetime(2026, 4, 15, 9, tzinfo=dt.UTC),
        expires_on=dt.date(2026, 5, 1),
        status="gesloten",
    )
    request = ad(
        henk,
        TEXTS["ad_title"],
        description=TEXTS["ad_description"],
        category="Dieren",
        availability=["ma-ochtend"],
    )
    ad(fatima, "Ik help met de computer", kind="aanbod", category="Computer en digitaal")
    conversation = marketplace.react(
        ad=request, participant=fatima, body="Hoi Henk, ik loop graag!", base_url="http://x"
    )
    marketplace.reply(
        conversation=conversation,
        participant=henk,
        body=f"Fijn! Bel {PHONE}, {TEXTS['reply']}",
        base_url="http://x",
    )


def _mediation(area, broker, henk, fatima):
    """A mediation of Henk and Fatima with agreement, history, a flag, a cancellation and a
    follow-up task."""
    m = mediations.propose(area=area, broker=broker, requester=henk, provider=fatima)
    mediations.record_answer(m, side="requester", answer="ja", actor=broker)
    mediations.record_answer(m, side="provider", answer="ja", actor=broker)
    m.refresh_from_db()
    mediations.record_introduction(
        m,
        actor=broker,
        agreement={
            "what": TEXTS["agreement"],
            "how_often": "drie keer per week",
            "hours_each_time": 1,
            "starts_on": dt.date(2026, 6, 20),
            "ends_on": None,
            "review_on": dt.date(2026, 9, 1),
            "helper_holds_key": False,
            "requester_expects": "praktisch",
            "provider_expects": "praktisch",
        },
    )
    m.refresh_from_db()
    m.events.create(at=NOW, actor=broker, kind="notitie", note=TEXTS["event"])
    mediations.raise_flag(m, kind="scope_creep", actor=broker, note=TEXTS["flag"])
    mediations.log_cancellation(
        m, by_requester=True, on=dt.date(2026, 6, 17), actor=broker, note=TEXTS["cancellation"]
    )
    tasks.create_task(
        area=area,
        assignee=broker,
        participant=fatima,
        mediation=m,
        title=f"Nazorg: bel Henk {NAME} en Fatima hoe het gaat (bemiddeling #{m.pk})",
        due_on=dt.date(2026, 7, 1),
    )


def _broker_records(area, broker, henk, fatima):
    """Everything the broker records about Henk, his story, API key and newsletter."""
    workspace.record_intake(
        participant=henk,
        broker=broker,
        data={
            "good_at": TEXTS["intake_good"],
            "needs_help_with": TEXTS["intake_help"],
            "inflow_source": "doorverwijzing",
            "referrer_organisation": "Huisartsenpraktijk Lunetten",
            "referrer_person": "dokter Van Vliet",
        },
    )
    confidential.add_note(participant=henk, author=broker, body=TEXTS["note"])
    workspace.log_contact(
        participant=henk,
        broker=broker,
        data={
            "happened_on": dt.date(2026, 6, 1),
            "channel": "telefoon",
            "kind": "ondersteuning",
            "summary": TEXTS["contact"],
        },
    )
    workspace.record_concern(
        participant=henk,
        broker=broker,
        kind="schulden",
        description=TEXTS["concern"],
        follow_up_on=dt.date(2026, 7, 1),
    )
    workspace.record_referral(
        participant=henk,
        broker=broker,
        organisation="Buurtteam Zuid",
        contact="Anouk",
        reason=TEXTS["referral_out"],
        follow_up_on=dt.date(2026, 7, 1),
    )
    tasks.create_task(
        area=area, assignee=broker, participant=henk, title=TEXTS["task"], due_on=NOW.date()
    )
    IncomingReferral.objects.create(
        area=area,
        participant=henk,
        status="aangenomen",
        organisation_name="Huisartsenpraktijk Lunetten",
        referrer_name="dokter Van Vliet",
        reason=TEXTS["referral_in"],
        resident_consent=True,
        created_at=NOW,
    )
    audit.record(broker, "telefoontje", henk, area=area, detail=TEXTS["audit"])
    stories.write_story(
        area=area,
        actor=broker,
        title=TEXTS["story_title"],
        body=TEXTS["story_body"],
        participants=[henk, fatima],
    )
    create_token(henk.user, TOKEN_NAME)
    newsletter.subscribe(area=area, user=henk.user)


@pytest.fixture
def world(frozen):
    area, broker, coordinator, henk, fatima = _people()
    _ads_and_conversation(henk, fatima)
    _mediation(area, broker, henk, fatima)
    _broker_records(area, broker, henk, fatima)
    return area, broker, coordinator, henk, fatima


PERIODS = [
    (dt.date(2020, 1, 1), dt.date(2030, 12, 31)),  # everything
    (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),  # the quarter Henk registered in
    (dt.date(2026, 3, 1), dt.date(2026, 3, 20)),  # ends mid-month, after his registration
    (dt.date(2026, 3, 1), dt.date(2026, 3, 10)),  # ends mid-month, before it
    (dt.date(2026, 4, 1), dt.date(2026, 6, 30)),  # his closed offer, the open request
    (dt.date(2026, 6, 18), dt.date(2026, 6, 18)),  # today only
]


def all_figures(area) -> list[dict]:
    return [kpi(area, start, end) for start, end in PERIODS]


def dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def download_csv(client, area, reader, period="van=2026-01-01&tot=2026-06-30") -> bytes:
    client.force_login(reader)
    response = client.get(f"/{area.slug}/verslag/download.csv?{period}")
    assert response.status_code == 200
    client.logout()
    return response.content


FUNDER_PERIODS = ["van=2026-01-01&tot=2026-06-30", "van=2026-01-01&tot=2026-03-31"]


def test_erasure_leaves_none_of_the_person_in_a_dump_of_the_whole_database(world, client):
    area, broker, coordinator, henk, fatima = world
    before = dump()
    secrets = [NAME, EMAIL, OLD_EMAIL, PHONE, "0698765432", OLD_ID, TOKEN_NAME, *TEXTS.values()]
    for secret in secrets:
        assert secret in before, f"the test world lacks {secret!r}"

    erase_person(henk.user, reason="verzoek van Henk Pietersen per telefoon", actor=broker)

    after = dump()
    for secret in secrets:
        assert secret not in after, secret
    # No object holds two or more of his background answers: no combination survives,
    # only counts per answer.
    answers = {str(v) for v in BACKGROUND.values()}
    for obj in json.loads(after):
        values = {str(v) for v in obj["fields"].values() if v not in (None, "")}
        assert len(values & answers) <= 1, obj
    assert not Background.objects.filter(participant=henk).exists()
    assert not ApiToken.objects.filter(user=henk.user).exists()
    tallies = {
        (t.field, t.value): t.count
        for t in BackgroundTally.objects.filter(area=area, month=dt.date(2026, 3, 1))
    }
    assert tallies == {
        ("gender", "man"): 1,
        ("birth_year", "1950"): 1,
        ("household", "alleen"): 1,
        ("work_situation", "arbeidsongeschikt"): 1,
        ("origin", "marokkaans"): 1,
    }
    # The anonymous row keeps what reports use, with a fresh, meaningless id.
    henk.refresh_from_db()
    assert henk.erased_at is not None
    assert henk.external_id != OLD_ID and henk.external_id.startswith("v")
    assert henk.registered_on == dt.date(2026, 3, 12)
    assert henk.created_at == dt.datetime(2026, 3, 12, tzinfo=dt.UTC)  # the day, no time
    assert henk.neighbourhood.slug == "lunetten"
    assert henk.inflow_source == "doorverwijzing"
    assert henk.referrer_organisation == "Huisartsenpraktijk Lunetten"
    ads = list(Ad.objects.filter(owner=henk).order_by("created_at"))
    assert [(a.kind, a.category.name, a.title, a.description) for a in ads] == [
        ("aanbod", "Klussen", "(verwijderd)", ""),
        ("vraag", "Dieren", "(verwijderd)", ""),
    ]
    assert ads[0].closed_at == dt.datetime(2026, 4, 15, 9, tzinfo=dt.UTC)  # not moved
    assert all(a.availability == [] and a.external_id is None for a in ads)
    # The task about the mediation stays (it is the other side's), with a neutral title.
    m = Mediation.objects.get(requester=henk)
    task = Task.objects.get(mediation=m)
    assert task.participant == fatima and "Henk" not in task.title


def test_every_report_figure_and_the_csv_are_the_same_after_erasure(world, client):
    area, broker, coordinator, henk, fatima = world
    figures = all_figures(area)
    csv_before = download_csv(client, area, coordinator)
    # The world is not empty: the periods see Henk.
    assert figures[0]["composition"]["origin"] == {"onbekend": 2, "marokkaans": 1, "turks": 1}
    assert figures[1]["composition"]["age"]["65 tot 80"] == 1
    assert figures[4]["ads_online_per_day"] > 0

    funder = create_user_with_role("geld@example.org", "funder", area).user
    funder_before = [download_csv(client, area, funder, period) for period in FUNDER_PERIODS]
    fixed = [FixedPeriod(HALF, 2026, 1), FixedPeriod(QUARTER, 2026, 1)]
    funder_figures = funder_report(area, fixed, NOW.date())
    # The funder's first quarter counts Henk (March) among the newcomers' backgrounds.
    assert funder_figures[1][0]["composition"]["origin"]["marokkaans"] == 1

    erase_person(henk.user, reason="verzoek", actor=broker)

    assert all_figures(area) == figures
    assert download_csv(client, area, coordinator) == csv_before
    # The funder's view (newcomers per fixed period, with suppression) is the same too.
    assert funder_report(area, fixed, NOW.date()) == funder_figures
    assert [download_csv(client, area, funder, p) for p in FUNDER_PERIODS] == funder_before


MONTH_ENDS = [
    (dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    (dt.date(2025, 11, 1), dt.date(2025, 11, 30)),
    (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    (dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
    (dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
]


def without_composition(figures: dict) -> dict:
    return {k: v for k, v in figures.items() if k != "composition"}


def test_erasing_everyone_keeps_the_figures(world, client):
    """With everyone erased only tallies are left. Periods that end on the last day of a
    month (all of a funder's fixed periods) are exact; a period ending mid-month is exact
    except the documented composition approximation."""
    area, broker, coordinator, henk, fatima = world
    figures = [kpi(area, start, end) for start, end in MONTH_ENDS]
    mid_month = kpi(area, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
    csv_before = download_csv(client, area, coordinator)
    for person in Participant.objects.filter(area=area).select_related("user"):
        erase_person(person.user, reason="test")
    assert not Background.objects.filter(participant__area=area).exists()
    assert [kpi(area, start, end) for start, end in MONTH_ENDS] == figures
    assert download_csv(client, area, coordinator) == csv_before
    # Mid-month: Kees (registered 25 March, erased) makes March's tally incomplete for
    # a period ending 20 March, so Henk (12 March) counts as "onbekend" there.
    after = kpi(area, dt.date(2026, 3, 1), dt.date(2026, 3, 20))
    assert without_composition(after) == without_composition(mid_month)
    assert after["composition"]["origin"] == {"onbekend": 3}
    assert mid_month["composition"]["origin"] == {"onbekend": 2, "marokkaans": 1}


def test_a_period_ending_mid_month_counts_erased_people_of_that_month_as_unknown(frozen):
    """The documented approximation: tallies are per registration month. When a period
    ends in a month in which someone registered later and was erased, the erased people
    of that month who did register by the end count as "onbekend"; every table still
    adds up to the number of participants."""
    area = demo.seed_areas()["utrecht-zuid"]
    broker = User.objects.create_user(email="sanne@example.org", first_name="Sanne")
    create_user_with_role("sanne@example.org", "broker", area)
    early = participant(area, "Vroeg")
    late = participant(area, "Laat")
    _at(Participant, early.pk, registered_on=dt.date(2026, 3, 5))
    _at(Participant, late.pk, registered_on=dt.date(2026, 3, 25))
    for person, gender in ((early, "vrouw"), (late, "man")):
        confidential.save_background(participant=person, broker=broker, data={"gender": gender})
    start, end = dt.date(2026, 1, 1), dt.date(2026, 3, 10)
    assert kpi(area, start, end)["composition"]["gender"] == {"vrouw": 1}
    for person in (early, late):
        erase_person(person.user, reason="test")
    after = kpi(area, start, end)
    assert after["participants_total"] == 1
    assert after["composition"]["gender"] == {"onbekend": 1}
    assert all(sum(table.values()) == 1 for table in after["composition"].values())
    # The whole month, and any period ending after the 25th, is exact again.
    assert kpi(area, start, dt.date(2026, 3, 31))["composition"]["gender"] == {
        "man": 1,
        "vrouw": 1,
    }


def test_export_files_made_before_erasure_do_not_lead_back(world, tmp_path):
    area, broker, coordinator, henk, fatima = world
    imports.export_registrations(area, tmp_path / "voor")
    old_ids = set(Ad.objects.filter(owner=henk).values_list("external_id", flat=True)) | set(
        Mediation.objects.filter(requester=henk).values_list("external_id", flat=True)
    )
    assert OLD_ID in (tmp_path / "voor" / "participants.csv").read_text()
    erase_person(henk.user, reason="verzoek")
    henk.refresh_from_db()
    assert not Participant.objects.filter(external_id=OLD_ID).exists()
    assert henk.external_id not in (tmp_path / "voor" / "participants.csv").read_text()
    assert not Ad.objects.filter(external_id__in=old_ids).exists()
    assert not Mediation.objects.filter(external_id__in=old_ids).exists()
    # An export made afterwards carries the new id only, without name or contact details.
    imports.export_registrations(area, tmp_path / "na")
    text = (tmp_path / "na" / "participants.csv").read_text()
    assert henk.external_id in text and OLD_ID not in text and NAME not in text


def _import_world(n_people: int = 240) -> tuple:
    """An imported project: 240 participants with ads placed and closed over a year."""
    area = make_area()
    people, ads, matches = [], [], []
    for i in range(n_people):
        people.append(
            {
                "external_id": f"P{i}",
                "name": f"Persoon{i} Achternaam{i}",
                "email": f"persoon{i}@example.org" if i % 3 else "",
                "phone": "",
                "neighbourhood": "centrum" if i % 2 else "haven",
                "gender": "vm"[i % 2],
                "birth_year": str(1940 + i % 60),
                "registered_on": (dt.date(2025, 1, 1) + dt.timedelta(days=i)).isoformat(),
                "inflow_source": "website" if i % 4 else "doorverwijzing",
                "referrer_organisation": "" if i % 4 else "Huisarts",
            }
        )
        for j in range(2):
            placed = dt.date(2025, 1, 1) + dt.timedelta(days=i + 17 * j)
            closed = placed + dt.timedelta(days=20 + (i * 7 + j) % 50)
            ads.append(
                {
                    "external_id": f"A{i}-{j}",
                    "owner_id": f"P{i}",
                    "kind": "vraag" if (i + j) % 2 else "aanbod",
                    "category": "Klussen",
                    "title": f"Advertentie {i}-{j}",
                    "description": "",
                    "neighbourhood": "",
                    "placed_on": placed.isoformat(),
                    "closed_on": closed.isoformat() if (i + j) % 3 else "",
                }
            )
        if i % 5 == 0 and i + 1 < n_people:
            matches.append(
                {
                    "external_id": f"M{i}",
                    "requester_id": f"P{i}",
                    "provider_id": f"P{i + 1}",
                    "broker_supported": "ja",
                    "started_on": (dt.date(2025, 3, 1) + dt.timedelta(days=i)).isoformat(),
                    "reached_active": "ja" if i % 2 else "nee",
                    "ended_on": "",
                    "end_reason": "",
                    "category": "",
                }
            )
    report = imports.import_files(
        area,
        participants=imports.read_csv(
            PARTICIPANTS, "participants.csv", csv_bytes(PARTICIPANTS, people)
        ),
        ads=imports.read_csv(ADS, "ads.csv", csv_bytes(ADS, ads)),
        mediations=imports.read_csv(MEDIATIONS, "mediations.csv", csv_bytes(MEDIATIONS, matches)),
        actor=None,
    )
    assert report.ok, report.errors
    return area


def test_erasing_imported_people_keeps_ads_online_per_day(frozen):
    """The issue's case: on a 240-participant import, ads_online_per_day went from 27.9
    to 28.1 after erasing people (their closed ads were closed again, today)."""
    area = _import_world()
    periods = [
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        (dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
        (dt.date(2025, 1, 1), dt.date(2026, 6, 30)),
        (dt.date(2025, 7, 1), dt.date(2025, 7, 31)),
    ]
    mid_month = (dt.date(2025, 2, 1), dt.date(2025, 2, 14))
    before = [kpi(area, s, e) for s, e in periods]
    before_mid = kpi(area, *mid_month)
    assert before[0]["participants_total"] == 240 and before[0]["ads_online_per_day"] > 20
    erased = Participant.objects.filter(
        area=area, external_id__in=[f"P{i}" for i in range(0, 240, 9)]
    )
    assert erased.count() == 27
    for person in erased:
        erase_person(person.user, reason="verzoek")
    assert [kpi(area, s, e) for s, e in periods] == before
    assert without_composition(kpi(area, *mid_month)) == without_composition(before_mid)


def test_an_imported_person_not_yet_invited_is_found_and_erased_by_address(frozen, tmp_path):
    area = make_area()
    table = imports.read_csv(
        PARTICIPANTS,
        "participants.csv",
        csv_bytes(
            PARTICIPANTS,
            [
                {
                    "external_id": "P1",
                    "name": "Riet van Dam",
                    "email": "riet@example.org",
                    "neighbourhood": "centrum",
                    "gender": "v",
                    "registered_on": "2025-03-01",
                }
            ],
        ),
    )
    assert imports.import_files(area, participants=table).ok
    out = io.StringIO()
    call_command(
        "erase_participant", "--email", "riet@example.org", "--reason", "verzoek", stdout=out
    )
    riet = Participant.objects.get(area=area)
    assert riet.erased_at is not None and riet.registry_email == ""
    assert "riet@example.org" not in dump() and "van Dam" not in dump()
