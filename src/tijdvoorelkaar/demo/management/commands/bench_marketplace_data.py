"""Bulk data for the marketplace benchmark: one area with many participants and ads.

    manage.py bench_marketplace_data --area bench-markt --ads 100000 --participants 20000

The area is (re)created with its neighbourhoods and default categories; its existing ads
and participants (and their users) are removed first. Rows are written with bulk_create,
so the services are bypassed: search_stems is filled here with the same analysis as
`search.ad_stems`. The SQLite full-text triggers and the PostgreSQL GIN index pick the rows
up by themselves. The same --seed gives the same data (dates are relative to today).
"""

import datetime as dt
import random
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas.models import Neighbourhood
from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.dutch import document_stems
from tijdvoorelkaar.marketplace.models import AVAILABILITY_SLOTS, Ad, Category
from tijdvoorelkaar.participants.models import Participant, Visibility

BATCH = 2000

NEIGHBOURHOODS = [
    ("centrum", "Centrum"),
    ("oosterpark", "Oosterpark"),
    ("de-weide", "De Weide"),
    ("molenwijk", "Molenwijk"),
    ("kanaalzone", "Kanaalzone"),
    ("bloemenbuurt", "Bloemenbuurt"),
    ("stationskwartier", "Stationskwartier"),
    ("nieuw-west", "Nieuw-West"),
]

FIRST_NAMES = """Anna Bram Chantal Daan Esra Fatma Gerrit Hanneke Ilse Jan Karim Lotte Mohamed
    Noor Olga Piet Quinten Rachid Sanne Thijs Ursula Vera Willem Yusuf Zeynep Ahmed Bep
    Coby Dirk Emma Fenna Gijs Hatice Ingrid Joost Kees Latifa Marloes Nina Oscar Priya
    Romy Sem Tineke Umar Wendy Youssef Aisha Lucas Mila Jesse Julia Luuk Sara Finn
    Tess Ruben Zoë Hendrik Riet Truus Henk Wim Gerda Annie""".split()

LAST_INITIALS = "ABCDEFGHIJKLMNOPRSTVWYZ"

# Per category slug: request titles, offer titles and description fragments. The words
# vary between singular and plural on purpose (hond/honden, tablet/tablets).
TOPICS = {
    "klussen": (
        [
            "Hulp gezocht bij het ophangen van een lamp",
            "Wie kan een kast in elkaar zetten?",
            "Schilderij en spiegels ophangen",
            "Lekkende kraan repareren",
            "Hulp bij kleine klusjes in huis",
            "Gordijnrails ophangen in de woonkamer",
            "Fietsband plakken en remmen afstellen",
            "Deur klemt, wie kan helpen?",
            "Plankjes ophangen in de keuken",
            "Nieuwe deurbel aansluiten",
        ],
        [
            "Handige buurman helpt met klussen",
            "Ik repareer uw fiets",
            "Kleine reparaties in en om het huis",
            "Klusjesman met eigen gereedschap",
            "Ik help met het monteren van meubels",
            "Fietsen nakijken en banden plakken",
        ],
        [
            "Ik heb zelf geen boormachine.",
            "Het gereedschap is aanwezig.",
            "Duurt waarschijnlijk een uurtje.",
            "De ladder staat al klaar.",
            "Ik kan zelf niet meer goed trappen op.",
            "Een schroevendraaier en een waterpas heb ik wel.",
        ],
    ),
    "tuin": (
        [
            "Wie helpt mij met de tuin?",
            "Heg snoeien in het voorjaar",
            "Gras maaien achter het huis",
            "Onkruid wieden tussen de tegels",
            "Bladeren harken in de herfst",
            "Hulp bij het planten van bloembollen",
            "Tuintje opruimen na de winter",
            "Plantjes water geven tijdens vakantie",
        ],
        [
            "Ik maai graag uw gras",
            "Tuinieren is mijn hobby",
            "Hulp bij snoeien en wieden",
            "Ik geef uw planten water",
            "Samen de moestuin bijhouden",
        ],
        [
            "De tuin is niet groot.",
            "Er staat een grasmaaier in de schuur.",
            "De heggen zijn flink gegroeid.",
            "Ik heb last van mijn rug en kan niet meer bukken.",
            "Tuinafval mag in de groene container.",
            "De rozen moeten ook gesnoeid worden.",
        ],
    ),
    "boodschappen": (
        [
            "Wie doet wekelijks boodschappen voor mij?",
            "Boodschappen halen bij de supermarkt",
            "Hulp bij de boodschappen op zaterdag",
            "Medicijnen ophalen bij de apotheek",
            "Zware boodschap naar boven dragen",
            "Samen naar de markt voor de boodschappen",
            "Boodschappenlijstje afwerken",
        ],
        [
            "Ik doe graag een boodschap voor u",
            "Boodschappen bezorgen in de buurt",
            "Ik ga toch naar de supermarkt, boodschap mee?",
            "Hulp bij boodschappen en de apotheek",
        ],
        [
            "Ik loop slecht en kan de tassen niet dragen.",
            "Het gaat om een paar tassen.",
            "Ik betaal natuurlijk de boodschappen zelf.",
            "De supermarkt is om de hoek.",
            "Het liefst op dinsdagochtend.",
            "Een briefje met de boodschappen ligt klaar.",
        ],
    ),
    "computer-en-digitaal": (
        [
            "Hulp met mijn laptop",
            "Wie legt mij de tablet uit?",
            "Computer is traag, wie kijkt mee?",
            "Hulp bij videobellen met de kleinkinderen",
            "Nieuwe telefoon instellen",
            "Printer aansluiten op de computer",
            "Foto's van de telefoon op de laptop zetten",
            "Hulp met DigiD en de app",
            "Tablets en apps leren gebruiken",
            "Wifi werkt niet op mijn laptops",
        ],
        [
            "Ik help met computers en laptops",
            "Uitleg over tablets en smartphones",
            "Digitale hulp voor ouderen",
            "Ik los computerproblemen op",
            "Samen oefenen met de computer",
        ],
        [
            "Ik snap niets van al die knoppen.",
            "Het gaat om een Windows computer.",
            "Mijn kleinzoon woont te ver weg om te helpen.",
            "Ik wil graag zelf leren e-mailen.",
            "Het wachtwoord ben ik kwijt.",
            "De updates blijven maar komen.",
        ],
    ),
    "administratie-en-formulieren": (
        [
            "Hulp bij het invullen van formulieren",
            "Belastingaangifte samen doen",
            "Formulier van de gemeente invullen",
            "Post en administratie op orde brengen",
            "Toeslagen aanvragen, wie helpt?",
            "Brief van de zorgverzekeraar begrijpen",
        ],
        [
            "Ik help met formulieren en brieven",
            "Hulp bij de belastingaangifte",
            "Samen uw administratie ordenen",
            "Ik leg brieven van instanties uit",
        ],
        [
            "Ik begrijp de brieven niet goed.",
            "Er liggen een paar formulieren klaar.",
            "De aanvraag moet voor het eind van de maand binnen zijn.",
            "Ik heb de papieren in een map.",
            "Het gaat om een formulier voor de huurtoeslag.",
        ],
    ),
    "taal": (
        [
            "Wie wil Nederlands met mij oefenen?",
            "Taalmaatje gezocht",
            "Hulp bij Nederlandse les",
            "Samen praten om de taal te leren",
            "Brieven leren schrijven in het Nederlands",
        ],
        [
            "Taalmaatje voor nieuwe buren",
            "Ik oefen graag Nederlands met u",
            "Conversatieles Engels of Nederlands",
            "Ik help met taal en lezen",
        ],
        [
            "Ik woon twee jaar in Nederland.",
            "Praten in de bibliotheek kan ook.",
            "Een uurtje per week zou fijn zijn.",
            "Ik spreek Arabisch en een beetje Engels.",
            "Samen koffie drinken en praten.",
        ],
    ),
    "huiswerk": (
        [
            "Huiswerkbegeleiding voor mijn zoon",
            "Hulp bij wiskunde, tweede klas",
            "Wie helpt mijn dochter met rekenen?",
            "Bijles Engels gezocht",
        ],
        [
            "Ik geef bijles wiskunde",
            "Huiswerkhulp voor basisschoolkinderen",
            "Student helpt met huiswerk",
        ],
        [
            "Hij zit in groep zeven.",
            "De toetsweek komt eraan.",
            "Twee keer per week na school.",
            "Rekenen en begrijpend lezen gaan moeizaam.",
        ],
    ),
    "gezelschap-en-samen-iets-doen": (
        [
            "Wie wil samen wandelen?",
            "Gezelschap gezocht voor een kopje koffie",
            "Samen spelletjes doen",
            "Maatje gezocht om mee naar de markt te gaan",
            "Wie gaat mee naar het museum?",
        ],
        [
            "Ik kom graag op de koffie",
            "Wandelmaatje in de buurt",
            "Samen een spelletje of een praatje",
            "Voorlezen en gezelschap",
        ],
        [
            "Sinds mijn man overleden is, ben ik veel alleen.",
            "Ik houd van kaarten en sjoelen.",
            "Een rondje door het park is al fijn.",
            "Gewoon even een praatje maken.",
        ],
    ),
    "vervoer-en-begeleiding": (
        [
            "Vervoer naar het ziekenhuis",
            "Wie rijdt mij naar de huisarts?",
            "Begeleiding bij een afspraak",
            "Rit naar de tandarts",
            "Hulp bij verhuizen van een paar dozen",
        ],
        [
            "Ik rijd u naar afspraken",
            "Begeleiding naar het ziekenhuis",
            "Auto beschikbaar voor korte ritjes",
        ],
        [
            "De afspraak is om tien uur.",
            "Ik heb een rollator bij me.",
            "Terug met de bus lukt wel.",
            "Het ziekenhuis is aan de andere kant van de stad.",
        ],
    ),
    "huishouden": (
        [
            "Hulp bij het strijken",
            "Ramen lappen aan de binnenkant",
            "Wie helpt met opruimen?",
            "Hulp bij de was ophangen",
            "Koken voor een paar dagen",
        ],
        [
            "Ik kook graag een maaltijd extra",
            "Hulp in het huishouden",
            "Samen opruimen en ordenen",
        ],
        [
            "Na mijn operatie mag ik niet tillen.",
            "Het gaat om een kleine flat.",
            "Een pan soep zou al fijn zijn.",
            "De wasmachine staat op zolder.",
        ],
    ),
    "dieren": (
        [
            "Wie laat mijn hond uit?",
            "Honden uitlaten op werkdagen",
            "Oppas voor de kat tijdens vakantie",
            "Hond uitlaten in de ochtend",
            "Wie zorgt voor mijn konijnen?",
            "Hulp met mijn twee honden",
            "Katten voeren tijdens een weekend weg",
            "Vogels verzorgen in de zomer",
        ],
        [
            "Ik laat graag uw hond uit",
            "Hondenuitlaatservice in de buurt",
            "Oppas voor katten en konijnen",
            "Ik pas op uw huisdieren",
            "Dierenliefhebber helpt met honden",
        ],
        [
            "Het is een rustige hond.",
            "De honden zijn goed opgevoed en lief voor kinderen.",
            "De kat krijgt twee keer per dag eten.",
            "Ik kan zelf niet meer goed lopen.",
            "Een lange wandeling in het park is fijn.",
            "De riem hangt bij de deur.",
        ],
    ),
    "kinderen-en-oppas": (
        [
            "Oppas gezocht voor woensdagmiddag",
            "Kinderen van school halen",
            "Wie past op onze kinderen?",
            "Oppas voor een avond",
        ],
        [
            "Ervaren oppas in de buurt",
            "Ik haal uw kind van school",
            "Oppassen op kinderen in het weekend",
        ],
        [
            "Ze zijn vier en zeven jaar oud.",
            "De school is vlakbij.",
            "Ik werk tot half zes.",
            "Ze slapen meestal om acht uur.",
        ],
    ),
    "creatief": (
        [
            "Wie leert mij breien?",
            "Hulp bij het maken van een fotoboek",
            "Naaimachine leren gebruiken",
            "Kleding vermaken",
        ],
        [
            "Ik leer u breien en haken",
            "Kleding herstellen en vermaken",
            "Samen schilderen of tekenen",
        ],
        [
            "Ik heb wol en naalden.",
            "Een broek moet korter.",
            "Het fotoboek is voor een verjaardag.",
            "Creatief bezig zijn geeft rust.",
        ],
    ),
    "overig": (
        [
            "Wie kan mij helpen?",
            "Hulp gezocht voor een klein klusje",
            "Vraag over iets anders",
            "Hulp bij het uitzoeken van spullen",
        ],
        [
            "Ik help waar ik kan",
            "Twee handen beschikbaar",
            "Vraag het maar, ik help graag",
        ],
        [
            "Bel of stuur een bericht.",
            "Ik woon hier al dertig jaar.",
            "Ik heb tijd op doordeweekse dagen.",
        ],
    ),
}

# Added to some descriptions: common and rare words that searches can aim at.
EXTRAS = [
    "Alvast bedankt!",
    "Vriendelijke groet.",
    "Ik woon op de derde verdieping, er is een lift.",
    "Koffie staat klaar.",
    "Het kan ook in het weekend.",
    "Liefst iemand uit de buurt.",
    "Ik ben doof aan een oor, dus praat rustig.",
    "Mijn buurvrouw kan ook meedoen.",
    "Er is een parkeerplaats voor de deur.",
    "Ik heb een hond, hij is heel lief.",
    "Na de boodschappen drinken we samen koffie.",
    "Mijn laptop is oud maar werkt nog.",
]
RARE_WORDS = ["accordeon", "xylofoon", "zeilboot", "oliebollen", "kweepeer", "tandem"]


def _weighted(rng: random.Random, options: list[tuple[str, float]]) -> str:
    return rng.choices([o for o, _w in options], weights=[w for _o, w in options])[0]


class Command(BaseCommand):
    help = "Maakt (opnieuw) een werkgebied met veel deelnemers en advertenties voor benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--area", default="bench-markt")
        parser.add_argument("--name", default="Benchmark Markt")
        parser.add_argument("--ads", type=int, default=100_000)
        parser.add_argument("--participants", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        if options["participants"] < 1 and options["ads"] > 0:
            raise CommandError("Advertenties hebben minstens een deelnemer nodig.")
        rng = random.Random(options["seed"])
        started = time.perf_counter()
        area, _created = create_area(
            options["area"],
            options["name"],
            [NeighbourhoodSpec(slug, name) for slug, name in NEIGHBOURHOODS],
        )
        self._clear(area)
        self.stdout.write(f"leeggemaakt in {time.perf_counter() - started:.1f} s")
        neighbourhoods = list(Neighbourhood.objects.filter(area=area).order_by("slug"))
        categories = list(Category.objects.filter(area=area).order_by("position", "slug"))
        participants = self._participants(area, neighbourhoods, options["participants"], rng)
        self.stdout.write(
            f"{len(participants)} deelnemers na {time.perf_counter() - started:.1f} s"
        )
        self._ads(area, participants, neighbourhoods, categories, options["ads"], rng)
        self.stdout.write(f"{options['ads']} advertenties na {time.perf_counter() - started:.1f} s")
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # What autovacuum does shortly after a load this size (statistics and the
                # visibility map that index-only scans rely on).
                for model in (User, Participant, Ad):
                    cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
            else:
                # What the hourly `run_periodic` does on a deployed SQLite database.
                cursor.execute("PRAGMA analysis_limit=1000")
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"klaar in {time.perf_counter() - started:.1f} s"))

    # --- removing the previous data ------------------------------------------------------

    def _clear(self, area) -> None:
        """Remove the area's ads and participants. Rows that point at them (conversations,
        reports, ...) go through the ORM; the ads themselves are removed with one
        statement because the ORM would load 100,000 objects first."""
        with transaction.atomic():
            for rel in Ad._meta.related_objects:
                if rel.many_to_many or not rel.field.concrete:
                    continue
                rel.related_model._default_manager.filter(
                    **{f"{rel.field.name}__area": area}
                ).delete()
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {Ad._meta.db_table} WHERE area_id = %s", [area.pk])
            users = User.objects.filter(participations__area=area)
            user_ids = list(users.values_list("pk", flat=True))
            Participant.objects.filter(area=area).delete()
            for start in range(0, len(user_ids), BATCH):
                chunk = user_ids[start : start + BATCH]
                # Only users that take part nowhere else.
                User.objects.filter(pk__in=chunk, participations__isnull=True).delete()

    # --- participants ---------------------------------------------------------------------

    def _participants(self, area, neighbourhoods, count, rng) -> list[Participant]:
        password = make_password(None)
        prefix = area.slug
        users = []
        for n in range(count):
            users.append(
                User(
                    email=f"deelnemer{n}@{prefix}.bench.invalid",
                    first_name=rng.choice(FIRST_NAMES),
                    last_name=rng.choice(LAST_INITIALS) + ".",
                    password=password,
                )
            )
        with transaction.atomic():
            for start in range(0, len(users), BATCH):
                User.objects.bulk_create(users[start : start + BATCH])
            if any(u.pk is None for u in users):
                by_email = dict(
                    User.objects.filter(email__endswith=f"@{prefix}.bench.invalid").values_list(
                        "email", "pk"
                    )
                )
                for user in users:
                    user.pk = by_email[user.email]
            today = clock.today()
            participants = [
                Participant(
                    area=area,
                    user=user,
                    neighbourhood=rng.choice(neighbourhoods),
                    display_name=(user.first_name + " " + user.last_name)
                    if rng.random() < 0.3
                    else "",
                    profile_visibility=_weighted(
                        rng,
                        [
                            (Visibility.PUBLIC, 0.3),
                            (Visibility.PARTICIPANTS, 0.6),
                            (Visibility.BROKERS, 0.1),
                        ],
                    ),
                    registered_on=today - dt.timedelta(days=rng.randrange(730)),
                )
                for user in users
            ]
            for start in range(0, len(participants), BATCH):
                Participant.objects.bulk_create(participants[start : start + BATCH])
        if any(p.pk is None for p in participants):
            by_user = dict(Participant.objects.filter(area=area).values_list("user_id", "pk"))
            for participant in participants:
                participant.pk = by_user[participant.user_id]
        return participants

    # --- ads ------------------------------------------------------------------------------

    def _ads(self, area, participants, neighbourhoods, categories, count, rng) -> None:
        now = clock.now()
        by_slug = {c.slug: c for c in categories}
        topics = [(by_slug[slug], topic) for slug, topic in TOPICS.items() if slug in by_slug]
        # Popular subjects come up more often than creative help.
        weights = [TOPIC_WEIGHTS.get(category.slug, 1) for category, _t in topics]
        batch: list[Ad] = []
        with transaction.atomic():
            for _n in range(count):
                category, topic = rng.choices(topics, weights)[0]
                batch.append(_random_ad(rng, area, category, topic, participants, now))
                if len(batch) == BATCH:
                    Ad.objects.bulk_create(batch)
                    batch = []
            if batch:
                Ad.objects.bulk_create(batch)


TOPIC_WEIGHTS = {"boodschappen": 3, "computer-en-digitaal": 3, "dieren": 2.5, "klussen": 2.5}
STATUS_WEIGHTS = [
    (Ad.Status.OPEN, 0.75),
    (Ad.Status.IN_TALKS, 0.10),
    (Ad.Status.HELPED, 0.08),
    (Ad.Status.CLOSED, 0.07),
]
DURATION_WEIGHTS = [
    (Ad.Duration.SHORT, 0.3),
    (Ad.Duration.HOURS, 0.45),
    (Ad.Duration.PART_OF_DAY, 0.18),
    (Ad.Duration.LONGER, 0.05),
    (Ad.Duration.DAYS, 0.02),
]
VISIBILITY_WEIGHTS = [
    (Visibility.PUBLIC, 0.9),
    (Visibility.PARTICIPANTS, 0.08),
    (Visibility.BROKERS, 0.02),
]
TWO_YEARS = 730 * 24 * 3600


def _random_ad(rng, area, category, topic, participants, now) -> Ad:
    """One ad of the generated set (the random draws in a fixed order, so a seed always
    gives the same data)."""
    requests, offers, fragments = topic
    kind = Ad.Kind.REQUEST if rng.random() < 0.6 else Ad.Kind.OFFER
    title = rng.choice(requests if kind == Ad.Kind.REQUEST else offers)
    parts = rng.sample(fragments, k=min(len(fragments), rng.randint(1, 3)))
    if rng.random() < 0.35:
        parts.append(rng.choice(EXTRAS))
    if rng.random() < 0.002:
        parts.append(f"Ik heb ook een {rng.choice(RARE_WORDS)}.")
    description = " ".join(parts)
    created_at = now - dt.timedelta(seconds=rng.randrange(TWO_YEARS))
    status = _weighted(rng, STATUS_WEIGHTS)
    today = clock.today()
    if rng.random() < 0.85:
        expires_on = today + dt.timedelta(days=rng.randint(1, 91))
    else:
        expires_on = today - dt.timedelta(days=rng.randint(1, 300))
    owner = rng.choice(participants)
    return Ad(
        area=area,
        owner=owner,
        kind=kind,
        title=title,
        description=description,
        category=category,
        neighbourhood=owner.neighbourhood if rng.random() < 0.9 else None,
        frequency=rng.choice(Ad.Frequency.values),
        duration=_weighted(rng, DURATION_WEIGHTS),
        availability=sorted(rng.sample(AVAILABILITY_SLOTS, rng.randint(0, 4))),
        status=status,
        visibility=_weighted(rng, VISIBILITY_WEIGHTS),
        expires_on=expires_on,
        hidden_for_review=rng.random() < 0.003,
        search_stems=document_stems(title, description, category.name),
        created_at=created_at,
        closed_at=created_at + dt.timedelta(days=rng.randint(1, 60))
        if status in (Ad.Status.HELPED, Ad.Status.CLOSED)
        else None,
    )
