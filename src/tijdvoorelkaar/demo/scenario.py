"""Scenario `utrecht-zuid-2005`: raw records whose reports reproduce the Utrecht Zuid
tables of 1 July 2005 - 1 July 2007 (seeds/001, summarised in DOMAIN.md).

Only raw records are made (participants with registration dates, inflow and referrers,
voluntary background, ads, reactions, mediations with their dates and flags, the
website's daily and monthly aggregates, the group visits with who joined at each, the
local organisations with their vacancies and volunteer placements, and the Roosjes
bookings); every figure comes out of `reports.kpi`.

The source table cannot be reproduced in full under the report's definitions; see
docs/rapportage.md. In short: in year 1, 23 successful + 19 failed supported mediations
do not fit into 35 supported ones. We keep 35 supported and 23 successful supported
(both also add up to the totals) and make year 1 have 12 failed supported mediations,
so the whole period has 41 instead of 48. Every other figure is exact.

Idempotent: nothing is added when the area already has the scenario's participants;
the group visits, the organisations and the Roosjes are each added once, also to an
area made before they were part of the scenario.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.areas.services import create_area
from tijdvoorelkaar.credits.models import Account, CreditOrganisation, Movement, Transfer
from tijdvoorelkaar.marketplace.models import Ad, Category, Conversation
from tijdvoorelkaar.mediations import figures as mediation_figures
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.organisations.models import Organisation, OrganisationContact
from tijdvoorelkaar.outreach.models import OutreachActivity
from tijdvoorelkaar.participants.models import Inflow, Participant, Stage, Visibility
from tijdvoorelkaar.reports.models import TrafficDay, TrafficMonth
from tijdvoorelkaar.workspace.models import Background

SLUG = "utrecht-zuid-2005"
NAME = "Utrecht Zuid 2005-2007"
PREFIX = "uz2005-"
YEAR_1 = (dt.date(2005, 7, 1), dt.date(2006, 6, 30))
YEAR_2 = (dt.date(2006, 7, 1), dt.date(2007, 6, 30))
WHOLE = (YEAR_1[0], YEAR_2[1])

# What the reports must show, per period (year 1, year 2, whole period).
EXPECTED = {
    "mediations_total": (48, 141, 189),
    "mediations_supported": (35, 76, 111),
    "matches_successful": (30, 54, 84),
    "matches_successful_supported": (23, 37, 60),
    # The source says 19 / 29 / 48: impossible for year 1 (see the module docstring).
    "mediations_supported_failed": (12, 29, 41),
    "reactions_total": (75, 122, 197),
    "website_visits": (7447, 17436, 24883),
    "website_visits_per_day": (20, 47, 34),
    "website_unique_visitors": (2045, 3349, 5394),
    "website_regular_visitors": (219, 709, 928),
    "ads_online_per_day": (44.0, 58.0, 51.0),
}
SOURCE_TABLE_FAILED = (19, 29, 48)
# The other figures of seeds/001, for the whole period (kpi() over WHOLE).
EXPECTED_WHOLE = {
    "group_visits": 40,
    "group_visits_reached": 348,
    "group_visits_joined": 84,
    "volunteer_placements": 14,
    "vacancy_organisations": 23,
    "time_credits_issued": 3736,
}
PARTICIPANTS_TOTAL = 168
NEW_PER_YEAR = (70, 98)

REFERRERS = [
    ("Huisartsenpraktijk Lunetten", 4),
    ("Huisartsenpraktijk Hoograven", 3),
    ("Altrecht ggz", 3),
    ("Maatschappelijk werk Portes", 2),
    ("Thuiszorg Utrecht", 2),
    ("MEE Utrecht", 2),
    ("Buurtteam Zuid", 2),
    ("Woningcorporatie Mitros", 2),
    ("Wijkbureau Zuid", 1),
    ("Vluchtelingenwerk", 1),
    ("Ouderenadviseur Zuid", 1),
]
INFLOW = [
    ("groepsbezoek", 84),
    ("website", 25),
    ("mond-tot-mond", 20),
    ("markt", 8),
    ("huisbezoek", 5),
    ("", 3),
]
FAILED_REASONS = [
    "verwachtingen_verschilden",
    "geen_tijd",
    "gezondheid",
    "verhuisd",
    "anders",
    "",
]
DONE_REASONS = ["klus_klaar", "zelfstandig_verder", "klus_klaar", ""]


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _spread(total: int, parts: int) -> list[int]:
    """`total` split in `parts` whole numbers that differ by at most one."""
    base, rest = divmod(total, parts)
    return [base + (1 if i < rest else 0) for i in range(parts)]


def _months(first: dt.date, count: int) -> list[dt.date]:
    return [
        dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        for i in range(count)
    ]


def seed_scenario() -> tuple:
    """Create (once) the area and its raw records. Returns (area, created)."""
    from tijdvoorelkaar.demo.seed import AREAS

    with transaction.atomic():
        area, _ = create_area(SLUG, NAME, AREAS["utrecht-zuid"][1])
        _staff(area)
        if Participant.objects.filter(area=area, external_id__startswith=PREFIX).exists():
            _community(area)
            return area, False
        rng = random.Random(2005)
        people = _participants(area, rng)
        ads = _ads(area, people)
        _reactions(area, people, ads)
        _mediations(area, people)
        _website(area)
    _community(area)
    return area, True


STAFF = [
    ("coordinator@utrecht-zuid.test", "coordinator", "Petra", "de Wit"),
    ("makelaar@utrecht-zuid.test", "broker", "Sanne", "Bakker"),
    ("financier@utrecht-zuid.test", "funder", "Gemeente", "Utrecht"),
]


def _staff(area) -> None:
    """The Utrecht Zuid demo coordinator, broker and funder also work in this area."""
    from tijdvoorelkaar.demo.seed import DEMO_PASSWORD

    for email, role, first, last in STAFF:
        create_user_with_role(
            email, role, area, password=DEMO_PASSWORD, first_name=first, last_name=last
        )


def _participants(area, rng) -> list[Participant]:
    neighbourhoods = list(area.neighbourhoods.all())
    inflow = [source for source, n in INFLOW for _ in range(n)]
    inflow += ["doorverwijzing"] * sum(n for _, n in REFERRERS)
    rng.shuffle(inflow)
    referrers = iter(name for name, n in REFERRERS for _ in range(n))
    users = User.objects.bulk_create(
        User(email=None, first_name=f"Deelnemer {i + 1}", password="!")
        for i in range(PARTICIPANTS_TOTAL)
    )
    rows = []
    for i, user in enumerate(users):
        if i < NEW_PER_YEAR[0]:
            registered = YEAR_1[0] + dt.timedelta(days=i * 365 // NEW_PER_YEAR[0])
        else:
            j = i - NEW_PER_YEAR[0]
            registered = YEAR_2[0] + dt.timedelta(days=j * 365 // NEW_PER_YEAR[1])
        source = inflow[i]
        rows.append(
            Participant(
                area=area,
                user=user,
                neighbourhood=neighbourhoods[i % len(neighbourhoods)],
                registered_on=registered,
                inflow_source=source,
                referrer_organisation=next(referrers) if source == "doorverwijzing" else "",
                external_id=f"{PREFIX}p{i + 1}",
            )
        )
    people = Participant.objects.bulk_create(rows)
    # Voluntary background: 160 answered (some questions declined), 8 did not.
    now = timezone.now()
    backgrounds = []
    for i, person in enumerate(people):
        if i % 21 == 0:
            continue
        backgrounds.append(
            Background(
                participant=person,
                gender=rng.choices(["vrouw", "man", "niet_zeggen"], [74, 25, 1])[0],
                birth_year=rng.randint(1925, 1985) if i % 9 else None,
                household=rng.choices(
                    ["alleen", "paar", "paar_kinderen", "ouder_kinderen"], [60, 20, 12, 8]
                )[0],
                work_situation=rng.choices(
                    ["betaald", "gepensioneerd", "arbeidsongeschikt", "werkzoekend", "huishouden"],
                    [32, 30, 18, 10, 10],
                )[0],
                origin=rng.choices(
                    ["nederlands", "turks", "marokkaans", "surinaams", "anders", "niet_zeggen"],
                    [78, 5, 6, 5, 4, 2],
                )[0],
                updated_at=now,
            )
        )
    Background.objects.bulk_create(backgrounds)
    return people


def _ads(area, people) -> dict[int, list[Ad]]:
    """Ads that keep on average 44 (year 1) and 58 (year 2) online per day; 22 of the 100
    participants who place ads place both a vraag and an aanbod."""
    categories = list(Category.objects.filter(area=area))
    # (owner index, kind) for every ad; the first 22 owners place both kinds.
    owners = [(i, kind) for i in range(22) for kind in ("vraag", "aanbod")]
    counts = {1: 176 + 1, 2: 232 + 1}
    total = sum(counts.values())
    j = 0
    while len(owners) < total:
        owner = 22 + (j % 78)
        owners.append((owner, "vraag" if owner % 2 == 0 else "aanbod"))
        j += 1
    rows, by_year, n = [], {1: [], 2: []}, 0
    for year, (first, _last) in ((1, YEAR_1), (2, YEAR_2)):
        full = counts[year] - 1
        short_days = 44 if year == 1 else 58
        for k in range(counts[year]):
            owner_index, kind = owners[n]
            if k == full:  # one ad closed early, to make the average exact
                created, online_days = first, short_days
            else:
                created, online_days = first + dt.timedelta(days=k * 274 // full), 91
            owner = people[owner_index]
            ad = Ad(
                area=area,
                owner=owner,
                kind=kind,
                title=f"{'Gevraagd' if kind == 'vraag' else 'Aangeboden'}: hulp {n + 1}",
                category=categories[n % len(categories)],
                neighbourhood=owner.neighbourhood,
                status=Ad.Status.CLOSED,
                expires_on=created + dt.timedelta(days=90),
                created_at=_at(created),
                closed_at=_at(created + dt.timedelta(days=online_days - 1), 18)
                if online_days < 91
                else None,
                external_id=f"{PREFIX}a{n + 1}",
            )
            rows.append(ad)
            by_year[year].append(ad)
            n += 1
    Ad.objects.bulk_create(rows)
    return by_year


def _reactions(area, people, ads) -> None:
    rows = []
    for year, count in ((1, 75), (2, 122)):
        year_ads = ads[year]
        for k in range(count):
            ad = year_ads[(k * 7) % len(year_ads)]
            initiator = people[(100 + k + year * 30) % PARTICIPANTS_TOTAL]
            if initiator.pk == ad.owner_id:
                initiator = people[(101 + k + year * 30) % PARTICIPANTS_TOTAL]
            rows.append(
                Conversation(
                    ad=ad,
                    area=area,
                    initiator=initiator,
                    owner=ad.owner,
                    created_at=ad.created_at + dt.timedelta(days=1 + k % 5),
                    owner_replied_at=ad.created_at + dt.timedelta(days=2 + k % 5),
                )
            )
    Conversation.objects.bulk_create(rows)


def _match_pairs() -> list[tuple[int, int]]:
    """(requester, provider) of the 84 successful matches: 100 people, of whom 20 are the
    requester in one match and the provider in another (reciprocity 0.2)."""
    both = list(range(20))
    only_requester = list(range(20, 60))
    only_provider = list(range(60, 100))
    requesters = both + only_requester + only_requester[:24]
    providers = only_provider + only_provider[:24] + both
    return list(zip(requesters, providers, strict=True))


def _mediations(area, people) -> None:
    S = Mediation.Status
    categories = list(Category.objects.filter(area=area))
    pairs = iter(_match_pairs())
    rows = []
    n = 0

    def add(year_start, offset, supported, outcome, index):
        nonlocal n
        started = year_start + dt.timedelta(days=offset)
        fields = {"status": S.PROPOSED, "reached_active_on": None, "ended_on": None}
        if outcome == "match":
            requester, provider = next(pairs)
            reached = started + dt.timedelta(days=14)
            fields.update(status=S.RUNNING, reached_active_on=reached)
            if index % 3:
                fields.update(
                    status=S.COMPLETED,
                    ended_on=reached + dt.timedelta(days=30 + (index * 37) % 170),
                    end_reason=DONE_REASONS[index % len(DONE_REASONS)],
                )
        else:
            requester, provider = 100 + index % 34, 134 + (index * 5) % 34
            if outcome == "failed":
                fields.update(
                    status=S.CANCELLED,
                    ended_on=started + dt.timedelta(days=20 + index % 40),
                    end_reason=FAILED_REASONS[index % len(FAILED_REASONS)],
                )
        n += 1
        rows.append(
            Mediation(
                area=area,
                requester=people[requester],
                provider=people[provider],
                category=categories[n % len(categories)],
                broker_supported=supported,
                started_on=started,
                external_id=f"{PREFIX}m{n}",
                **fields,
            )
        )

    # (year start, supported?, outcome, how many)
    plan = [
        (YEAR_1[0], True, "match", 23),
        (YEAR_1[0], False, "match", 7),
        (YEAR_1[0], True, "failed", 12),
        (YEAR_1[0], False, "failed", 6),
        (YEAR_2[0], True, "match", 37),
        (YEAR_2[0], False, "match", 17),
        (YEAR_2[0], True, "failed", 29),
        (YEAR_2[0], True, "open", 10),
        (YEAR_2[0], False, "failed", 40),
        (YEAR_2[0], False, "open", 8),
    ]
    for year_start, supported, outcome, count in plan:
        for k in range(count):
            add(year_start, k * 300 // count, supported, outcome, n)
    Mediation.objects.bulk_create(rows)
    mediation_figures.recount(area.pk)


def _website(area) -> None:
    """Daily page views, visits and visitors; monthly visitors and regular visitors."""
    days, months = [], []
    for (first, last), visits, unique, regular in (
        (YEAR_1, 7447, 2045, 219),
        (YEAR_2, 17436, 3349, 709),
    ):
        length = (last - first).days + 1
        for i, count in enumerate(_spread(visits, length)):
            days.append(
                TrafficDay(
                    area=area,
                    day=first + dt.timedelta(days=i),
                    page_views=count * 4 + i % 7,
                    visits=count,
                    unique_visitors=count - count // 6,
                )
            )
        for month, u, r in zip(
            _months(first, 12), _spread(unique, 12), _spread(regular, 12), strict=True
        ):
            months.append(
                TrafficMonth(area=area, month=month, unique_visitors=u, regular_visitors=r)
            )
    TrafficDay.objects.bulk_create(days)
    TrafficMonth.objects.bulk_create(months)


# --- Group visits, organisations and Roosjes ---------------------------------------------


def _community(area) -> None:
    """The group visits, the organisations (vacancies, placements) and the Roosjes, each
    once."""
    with transaction.atomic():
        people = _scenario_people(area)
        if not OutreachActivity.objects.filter(
            area=area, kind=OutreachActivity.Kind.GROUP_VISIT
        ).exists():
            _group_visits(area, people)
        if not Organisation.objects.filter(area=area).exists():
            _organisations(area, people)
        if not Transfer.objects.filter(area=area).exists():
            _roosjes(area, people)


def _scenario_people(area) -> list[Participant]:
    """The 168 participants in the order they were made (p1, p2, ...)."""
    people = Participant.objects.filter(area=area, external_id__startswith=PREFIX + "p")
    return sorted(people, key=lambda person: int(person.external_id[len(PREFIX) + 1 :]))


GROUPS = [
    ("Ouderensoos Lunetten", "Buurthuis De Leeuw"),
    ("Vrouwengroep Hoograven", "Wijkcentrum Hoograven"),
    ("Taalcafé", "Bibliotheek Hoograven"),
    ("Koffieochtend", "Kerkelijk Centrum Hoograven"),
    ("Mantelzorgcafé", "Zorgcentrum Tolsteeg"),
    ("Bewonersvereniging Rotsoord", "Buurttuin Rotsoord"),
    ("Ouders van De Notenkraker", "Basisschool De Notenkraker"),
    ("Inloop Humanitas", "Buurthuis De Leeuw"),
]
GROUP_VISITS = 40
GROUP_VISITS_REACHED = 348


def _group_visits(area, people) -> None:
    """40 group visits spread over the two years that reached 348 residents; each of the
    84 participants who came through a group visit joined at the last visit held on or
    before the day they registered."""
    days = [WHOLE[0] + dt.timedelta(days=k * 730 // GROUP_VISITS) for k in range(GROUP_VISITS)]
    joined: list[list[Participant]] = [[] for _ in days]
    for person in people:
        if person.inflow_source != "groepsbezoek":
            continue
        k = max(i for i, day in enumerate(days) if day <= person.registered_on)
        joined[k].append(person)
    others = _spread(GROUP_VISITS_REACHED - sum(len(j) for j in joined), GROUP_VISITS)
    visits = OutreachActivity.objects.bulk_create(
        OutreachActivity(
            area=area,
            kind=OutreachActivity.Kind.GROUP_VISIT,
            held_on=day,
            group=GROUPS[k % len(GROUPS)][0],
            place=GROUPS[k % len(GROUPS)][1],
            reached=len(joined[k]) + others[k],
            created_at=_at(day, 16),
        )
        for k, day in enumerate(days)
    )
    through = OutreachActivity.joined.through
    through.objects.bulk_create(
        through(outreachactivity_id=visit.pk, participant_id=person.pk)
        for visit, people_joined in zip(visits, joined, strict=True)
        for person in people_joined
    )


# (name, kind); the first ones also take part in Roosjes (CREDIT_ORGANISATIONS).
ORGANISATIONS = [
    ("Buurthuis De Leeuw", "buurthuis"),
    ("Zorgcentrum Tolsteeg", "zorginstelling"),
    ("Kringloopwinkel Zuid", "winkel"),
    ("Humanitas Utrecht Zuid", "vrijwilligersorganisatie"),
    ("Scouting De Vonk", "scouting"),
    ("Wijkcentrum Hoograven", "buurthuis"),
    ("Basisschool De Notenkraker", "school"),
    ("Bibliotheek Hoograven", "anders"),
    ("Buurttuin Rotsoord", "anders"),
    ("Kerkelijk Centrum Hoograven", "anders"),
    ("Verpleeghuis Rosendael", "zorginstelling"),
    ("Speeltuinvereniging Lunetten", "vrijwilligersorganisatie"),
    ("Voedselbank Utrecht Zuid", "vrijwilligersorganisatie"),
    ("Taalhuis Zuid", "vrijwilligersorganisatie"),
    ("Repair Café Zuid", "vrijwilligersorganisatie"),
    ("Sportvereniging Lunetten", "anders"),
    ("Vluchtelingenwerk Zuid", "vrijwilligersorganisatie"),
    ("Muziekschool Zuid", "school"),
    ("Wijkbus Zuid", "vrijwilligersorganisatie"),
    ("Stichting Present Utrecht", "vrijwilligersorganisatie"),
    ("Huiswerkklas Hoograven", "school"),
    ("Maaltijdproject De Tafel", "vrijwilligersorganisatie"),
    ("Dierenweide Lunetten", "vrijwilligersorganisatie"),
]
VACANCIES_PER_YEAR = (9, 14)  # one vacancy per organisation: 23 organisations
PLACEMENTS_PER_YEAR = (6, 8)  # 14 volunteers found work at a local organisation


def _organisations(area, people) -> None:
    """23 organisations, each of which placed one volunteer vacancy (9 in year 1, 14 in
    year 2), and 14 volunteer placements through them. A vacancy is one of the
    scenario's ads of that year made into a vacancy: an ad without reactions of a
    participant who keeps other ads, so every other figure stays as it was (the ads
    online per day count vacancies too)."""
    from django.utils.text import slugify

    now = timezone.now()
    organisations = Organisation.objects.bulk_create(
        Organisation(area=area, name=name, slug=slugify(name), kind=kind, created_at=now)
        for name, kind in ORGANISATIONS
    )
    vacancies = _vacancy_ads(area)
    for organisation, ad in zip(organisations, vacancies, strict=True):
        ad.kind, ad.owner, ad.organisation = Ad.Kind.VACANCY, None, organisation
        ad.title = f"Vacature: vrijwilliger bij {organisation.name}"[:100]
    Ad.objects.bulk_update(vacancies, ["kind", "owner", "organisation", "title"])

    # The placements: the first vacancies of each year found a volunteer two weeks after
    # they were placed. The organisation's side is its contact person's participant
    # record (not a resident: registered today, so it is in no report of 2005-2007).
    S = Mediation.Status
    firsts = [0, VACANCIES_PER_YEAR[0]]
    rows = []
    for year, (first, count) in enumerate(zip(firsts, PLACEMENTS_PER_YEAR, strict=True)):
        for k in range(count):
            organisation, ad = organisations[first + k], vacancies[first + k]
            inbox = _inbox(area, organisation, now)
            started = ad.created_at.date() + dt.timedelta(days=14)
            pool = _registered_by(people, started)
            volunteer = pool[-(1 + (3 * k + year) % len(pool))]
            ended = started + dt.timedelta(days=120) if k % 2 else None
            rows.append(
                Mediation(
                    area=area,
                    requester=inbox,
                    provider=volunteer,
                    organisation=organisation,
                    ad=ad,
                    category_id=ad.category_id,
                    broker_supported=True,
                    status=S.COMPLETED if ended else S.RUNNING,
                    started_on=started,
                    reached_active_on=started,
                    ended_on=ended,
                    end_reason="klus_klaar" if ended else "",
                    external_id=f"{PREFIX}v{len(rows) + 1}",
                )
            )
    Mediation.objects.bulk_create(rows)


def _vacancy_ads(area) -> list[Ad]:
    """Per year, the first ads without reactions, never closed early, of owners who
    place only one kind of ad (and have four or more), one per owner."""
    chosen: list[Ad] = []
    owners_seen: set[int] = set()
    both = set(
        Ad.objects.filter(area=area, kind=Ad.Kind.REQUEST)
        .filter(owner__in=Ad.objects.filter(area=area, kind=Ad.Kind.OFFER).values("owner"))
        .values_list("owner_id", flat=True)
    )
    for (first, last), count in zip((YEAR_1, YEAR_2), VACANCIES_PER_YEAR, strict=True):
        ads = (
            Ad.objects.filter(
                area=area,
                external_id__startswith=PREFIX,
                created_at__date__gte=first,
                created_at__date__lte=last,
                closed_at__isnull=True,
                conversations__isnull=True,
            )
            .select_related("owner")
            .order_by("created_at", "pk")
        )
        taken = 0
        for ad in ads:
            if ad.owner_id in owners_seen or ad.owner_id in both:
                continue
            owners_seen.add(ad.owner_id)
            chosen.append(ad)
            taken += 1
            if taken == count:
                break
    return chosen


def _inbox(area, organisation, now) -> Participant:
    """The organisation's contact person and the participant record that holds the
    organisation's side of its placements, as the organisations app makes them."""
    user = User.objects.create(
        email=None, first_name="Contactpersoon", last_name=organisation.name[:80], password="!"
    )
    OrganisationContact.objects.create(organisation=organisation, user=user, created_at=now)
    return Participant.objects.create(
        area=area,
        user=user,
        profile_visibility=Visibility.BROKERS,
        display_name=f"{user.first_name} ({organisation.name})"[:60],
        registered_on=now.date(),
        routing_stage=Stage.INDEPENDENT,
        inflow_source=Inflow.OTHER,
    )


def _registered_by(people, day: dt.date) -> list[Participant]:
    return [person for person in people if person.registered_on <= day]


# Roosjes: 3,736 issued over the two years (seeds/001) by four organisations that reward
# their volunteers every month; two of them take Roosjes for a discount.
CREDIT_ORGANISATIONS = [
    ("Buurthuis De Leeuw", True, "Koffie, thee en korting op cursussen"),
    ("Zorgcentrum Tolsteeg", False, ""),
    ("Kringloopwinkel Zuid", True, "Korting op tweedehands spullen"),
    ("Humanitas Utrecht Zuid", False, ""),
]
ISSUED_PER_YEAR = (1412, 2324)  # hours; 3,736 together
THANKS_QUARTERS = 8  # residents thank the other side of a match with two hours
REDEEMED_QUARTERS = 12  # three hours for a discount, once a month


def _roosjes(area, people) -> None:
    """Roosjes switched on; every month each of the four organisations issues to three
    volunteers (the year's total spread over its bookings), residents thank each other
    after a match, and once a month someone exchanges Roosjes for a discount. Written as
    the ledger writes them (a transfer with movements that sum to zero); the balances
    are the sums of the movements."""
    area.time_credits_enabled = True
    area.save(update_fields=["time_credits_enabled"])
    organisations = [
        CreditOrganisation.objects.create(
            area=area, name=name, accepts_roosjes=accepts, discount_text=discount
        )
        for name, accepts, discount in CREDIT_ORGANISATIONS
    ]
    accounts = {
        ("org", org.pk): Account.objects.create(
            area=area, kind=Account.Kind.ORGANISATION, organisation=org
        )
        for org in organisations
    }

    def of(person: Participant) -> Account:
        key = ("person", person.pk)
        if key not in accounts:
            accounts[key] = Account.objects.create(
                area=area, kind=Account.Kind.PARTICIPANT, participant=person
            )
        return accounts[key]

    bookings: list[tuple[str, dt.date, list[tuple[Account, int]], Mediation | None]] = []
    for (first, _last), total in zip((YEAR_1, YEAR_2), ISSUED_PER_YEAR, strict=True):
        amounts = iter(_spread(total, 12 * len(organisations)))
        for m, month in enumerate(_months(first, 12)):
            day = month + dt.timedelta(days=24)
            pool = _registered_by(people, day)
            for o, organisation in enumerate(organisations):
                hours = _spread(next(amounts), 3)
                start, step = (m * 7 + o * 11) % len(pool), 5 if len(pool) >= 15 else 1
                volunteers = [pool[(start + j * step) % len(pool)] for j in range(3)]
                lines = [(of(v), h * 4) for v, h in zip(volunteers, hours, strict=True)]
                bookings.append(
                    (
                        Transfer.Kind.ISSUE,
                        day,
                        [(accounts[("org", organisation.pk)], -sum(q for _a, q in lines))] + lines,
                        None,
                    )
                )
            receiver = volunteers[0]
            shop = organisations[2 if m % 2 else 0]
            bookings.append(
                (
                    Transfer.Kind.REDEMPTION,
                    day + dt.timedelta(days=3),
                    [
                        (of(receiver), -REDEEMED_QUARTERS),
                        (accounts[("org", shop.pk)], REDEEMED_QUARTERS),
                    ],
                    None,
                )
            )
    matches = Mediation.objects.filter(
        area=area, organisation__isnull=True, reached_active_on__isnull=False
    ).select_related("requester", "provider")
    for match in matches.order_by("reached_active_on", "pk"):
        day = match.reached_active_on + dt.timedelta(days=21)
        if day <= WHOLE[1]:
            lines = [(of(match.requester), -THANKS_QUARTERS), (of(match.provider), THANKS_QUARTERS)]
            bookings.append((Transfer.Kind.THANKS, day, lines, match))
    transfers = Transfer.objects.bulk_create(
        Transfer(
            area=area,
            kind=kind,
            amount=sum(q for _a, q in lines if q > 0),
            mediation=mediation,
            created_at=_at(day, 14),
        )
        for kind, day, lines, mediation in bookings
    )
    Movement.objects.bulk_create(
        Movement(transfer=transfer, account=account, amount=quarters)
        for transfer, (_k, _d, lines, _m) in zip(transfers, bookings, strict=True)
        for account, quarters in lines
    )
    balances: dict[int, int] = {}
    for _k, _d, lines, _m in bookings:
        for account, quarters in lines:
            balances[account.pk] = balances.get(account.pk, 0) + quarters
    for account in accounts.values():
        account.balance = balances.get(account.pk, 0)
    Account.objects.bulk_update(list(accounts.values()), ["balance"])
