"""Scenario `utrecht-zuid-2005`: raw records whose reports reproduce the Utrecht Zuid
tables of 1 July 2005 - 1 July 2007 (seeds/001, summarised in DOMAIN.md).

Only raw records are made (participants with registration dates, inflow and referrers,
voluntary background, ads, reactions, mediations with their dates and flags, and the
website's daily and monthly aggregates); every figure comes out of `reports.kpi`.

The source table cannot be reproduced in full under the report's definitions; see
docs/rapportage.md. In short: in year 1, 23 successful + 19 failed supported mediations
do not fit into 35 supported ones. We keep 35 supported and 23 successful supported
(both also add up to the totals) and make year 1 have 12 failed supported mediations,
so the whole period has 41 instead of 48. Every other figure is exact.

Idempotent: nothing is added when the area already has the scenario's participants.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.areas.services import create_area
from tijdvoorelkaar.marketplace.models import Ad, Category, Conversation
from tijdvoorelkaar.mediations import figures as mediation_figures
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant
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
            return area, False
        rng = random.Random(2005)
        people = _participants(area, rng)
        ads = _ads(area, people)
        _reactions(area, people, ads)
        _mediations(area, people)
        _website(area)
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
