"""National scale on PostgreSQL: a data set and throughput next to the framework's floor.

    # 1. the data set (300 areas, 500,000 participants, 2,000,000 ads, 1,250,000
    #    reactions with 5,000,000 messages, 1,000,000 mediations, 300,000 intakes, and
    #    Roosjes in every third area at --scale 1), made with INSERT ... SELECT
    #    generate_series, then the report's monthly counts and VACUUM ANALYZE:
    nice -n 19 python bench/bench_national.py build --database-url postgres://postgres@127.0.0.1:5432/tve_nat
    # 2. on one area of it, through the real request path (Django test client: middleware,
    #    view, template): listing and search (anonymous), the suggestions page (the area's
    #    broker) and the whole-period report page (its coordinator); then requests/s of
    #    sign-up -> post -> react under gunicorn next to a trivial Django view under the
    #    same gunicorn (bench/floor_wsgi.py), unless --skip-load:
    python bench/bench_national.py measure --database-url postgres://... [--skip-load]

Proportions (per area, about): 1,667 participants, 6,667 ads, 4,167 reactions, 3,333
mediations (two thirds reach "lopend"), 1,000 intakes; in a Roosjes area also 1,667
accounts with two hours of paper Roosjes each and a thank-you after every match. Compare
Utrecht Zuid 2005-2007: 168 participants, 410 ads, 197 reactions, 189 mediations.

The flow per virtual user, all through HTTP with CSRF tokens like a browser:
  sign-up:  GET /<area>/aanmelden/, POST it (a new address; queues the confirmation email)
  post:     GET /<area>/advertenties/nieuw/, POST a new ad (a signed-in participant)
  react:    GET the new ad's page, POST a reaction to it (another signed-in participant)
Six requests per flow. Sign-ups come from rotating 127.x.y.z source addresses so the
per-address sign-up throttle (5 a minute) does not turn them into refusals. The people
who post and react signed in once before the timing (password sign-in is deliberately
slow and is not part of the flow). Email goes to Django's in-memory backend.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RESULTS_DIR, ROOT, machine, setup_django, summarise  # noqa: E402

FULL = {
    "areas": 300,
    "participants": 500_000,
    "ads": 2_000_000,
    "messages": 5_000_000,
    "mediations": 1_000_000,
}
# Of every ten participants, six had an intake with a broker; every third area has
# Roosjes (time credits) switched on.
INTAKE_SHARE = 6
ROOSJES_EVERY = 3
END_REASONS = ["klus_klaar", "zelfstandig_verder", "geen_tijd", "verhuisd", "gezondheid"]
MESSAGES_PER_CONVERSATION = 4
NEIGHBOURHOODS_PER_AREA = 4
PASSWORD = "bench-wachtwoord-0123"
TITLES = [
    ("vraag", "Wie wil mijn hond uitlaten?", "Twee keer per week een half uur."),
    ("aanbod", "Ik help met de computer", "Laptop, tablet of telefoon instellen."),
    ("vraag", "Hulp bij boodschappen", "Ik kan zelf niet goed tillen."),
    ("aanbod", "Samen wandelen in het park", "Elke ochtend rond tien uur."),
    ("vraag", "Wie helpt met formulieren?", "Brieven van de gemeente begrijpen."),
    ("aanbod", "Fietsen repareren", "Band plakken, remmen afstellen."),
    ("vraag", "Gezelschap gezocht", "Af en toe een kopje koffie samen."),
    ("aanbod", "Taalles Nederlands", "Oefenen met praten, een uur per week."),
    ("vraag", "Tuin opruimen", "Bladeren harken en onkruid wieden."),
    ("aanbod", "Oppassen op kinderen", "Na school, in overleg."),
    ("vraag", "Lamp ophangen", "Een klein klusje in de woonkamer."),
    ("aanbod", "Koken voor de buurt", "Ik kook graag een pan soep extra."),
    ("vraag", "Vervoer naar het ziekenhuis", "Donderdagochtend, heen en terug."),
    ("aanbod", "Accordeon spelen", "Muziek op een buurtfeest of bij u thuis."),
    ("vraag", "Huiswerkbegeleiding wiskunde", "Voor mijn zoon in de tweede klas."),
    ("aanbod", "Boodschappen meenemen", "Ik ga elke dag naar de supermarkt."),
]


# --- Building the data set ----------------------------------------------------------------


def _columns(model, given: dict[str, str], connection) -> tuple[list[str], list[str], list]:
    """Column names and SQL expressions for an INSERT ... SELECT into `model`: the given
    expressions, and for every other column its default (as a parameter) or NULL. Works
    when other work adds columns with defaults."""
    from django.utils import timezone

    columns, exprs, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(field.column)
        if field.name in given:
            value = given[field.name]
            expr, values = value if isinstance(value, tuple) else (value, [])
            exprs.append(expr)
            params.extend(values)
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            exprs.append("%s")
            params.append(timezone.now())
        elif field.has_default():
            exprs.append("%s")
            params.append(field.get_db_prep_save(field.get_default(), connection))
        elif field.null:
            exprs.append("NULL")
        elif field.blank:
            exprs.append("''")
        else:
            raise RuntimeError(f"{model.__name__}.{field.name}: geen waarde en geen standaard")
    return columns, exprs, params


def insert_select(model, given: dict[str, str], source: str, params: list, connection) -> int:
    # "%" is psycopg's placeholder sign: modulo operators are doubled, "%s" stays.
    given = {
        k: (re.sub(r"%(?!s)", "%%", v[0]), v[1])
        if isinstance(v, tuple)
        else re.sub(r"%(?!s)", "%%", v)
        for k, v in given.items()
    }
    source = re.sub(r"%(?!s)", "%%", source)
    columns, exprs, default_params = _columns(model, given, connection)
    # Parameters in SELECT-list order (defaults and given values), then the source's.
    sql = (
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "
        f"SELECT {', '.join(exprs)} {source}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, default_params + params)
        return cursor.rowcount


def _id_range(model, where: str, connection) -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT min(id), max(id), count(*) FROM {model._meta.db_table} {where}")
        low, high, n = cursor.fetchone()
    if high - low + 1 != n:
        raise RuntimeError(f"{model.__name__}: ids niet aaneengesloten")
    return low, n


def build(args) -> dict:
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection, transaction

    from tijdvoorelkaar.accounts.models import User
    from tijdvoorelkaar.areas.models import Area, Neighbourhood
    from tijdvoorelkaar.marketplace.models import (
        DEFAULT_CATEGORIES,
        Ad,
        Category,
        Conversation,
        Message,
    )
    from tijdvoorelkaar.marketplace.search import document_stems
    from tijdvoorelkaar.participants.models import Participant

    assert connection.vendor == "postgresql", "dit benchmark is voor PostgreSQL"
    sizes = {k: max(1, int(v * args.scale)) for k, v in FULL.items()}
    sizes["areas"] = FULL["areas"]  # always 300 areas; the rest scales
    n_areas, n_people, n_ads = sizes["areas"], sizes["participants"], sizes["ads"]
    n_conv = sizes["messages"] // MESSAGES_PER_CONVERSATION
    if n_conv > n_ads:
        raise SystemExit("meer gesprekken dan advertenties")
    timings = {}
    call_command("migrate", verbosity=0)
    if Area.objects.filter(slug__startswith="nat-").exists():
        raise SystemExit("er staat al een nationale set in deze database; gebruik een lege")

    started = time.perf_counter()
    with transaction.atomic():
        Area.objects.bulk_create(
            Area(slug=f"nat-{a:03d}", name=f"Wijk {a:03d}") for a in range(n_areas)
        )
        areas = list(Area.objects.filter(slug__startswith="nat-").order_by("slug"))
        Neighbourhood.objects.bulk_create(
            Neighbourhood(area=area, name=f"Buurt {n}", slug=f"buurt-{n}")
            for area in areas
            for n in range(NEIGHBOURHOODS_PER_AREA)
        )
        Category.objects.bulk_create(
            Category(area=area, name=name, slug=re.sub(r"[^a-z]+", "-", name.lower()), position=i)
            for area in areas
            for i, name in enumerate(DEFAULT_CATEGORIES)
        )
    area_low, _ = _id_range(Area, "WHERE slug LIKE 'nat-%'", connection)
    nb_low, _ = _id_range(Neighbourhood, f"WHERE area_id >= {area_low}", connection)
    cat_low, _ = _id_range(Category, f"WHERE area_id >= {area_low}", connection)
    n_cats = len(DEFAULT_CATEGORIES)
    timings["areas"] = time.perf_counter() - started

    step = time.perf_counter()
    hashed = User(email="x@example.org")
    hashed.set_password(PASSWORD)
    with transaction.atomic():
        insert_select(
            User,
            {
                "email": "'nat' || i || '@bench.test'",
                "first_name": "'Deelnemer' || i",
                "last_name": "'Bench'",
                "password": ("%s", [hashed.password]),
                "date_joined": "now() - (i % 700) * interval '1 day'",
            },
            "FROM generate_series(1::bigint, %s::bigint) AS i",
            [n_people],
            connection,
        )
    user_low, _ = _id_range(User, "WHERE email LIKE 'nat%@bench.test'", connection)
    timings["users"] = time.perf_counter() - step

    # Participant i (1-based) lives in area (i - 1) % n_areas.
    step = time.perf_counter()
    with transaction.atomic():
        insert_select(
            Participant,
            {
                "area": f"{area_low} + (i - 1) % {n_areas}",
                "user": f"{user_low} + i - 1",
                "neighbourhood": (
                    f"{nb_low} + ((i - 1) % {n_areas}) * {NEIGHBOURHOODS_PER_AREA}"
                    f" + (i / {n_areas}) % {NEIGHBOURHOODS_PER_AREA}"
                ),
            },
            "FROM generate_series(1::bigint, %s::bigint) AS i",
            [n_people],
            connection,
        )
    part_low, _ = _id_range(Participant, f"WHERE area_id >= {area_low}", connection)
    timings["participants"] = time.perf_counter() - step

    # Ad i: owner participant o(i) = (i * 7919) % P + 1, in that participant's area; kind,
    # title and stems from TITLES x categories (stems made by the search code itself).
    step = time.perf_counter()
    stems, titles, descriptions, kinds = [], [], [], []
    for kind, title, description in TITLES:
        for name in DEFAULT_CATEGORIES:
            stems.append(document_stems(title, description, name))
            titles.append(title)
            descriptions.append(description)
            kinds.append(kind)
    combos = len(stems)
    owner = f"((i * 7919) % {n_people} + 1)"
    # Kind, text, category, neighbourhood, status and visibility come from a hash of i
    # (x.h, 0..65535), not from i itself: the owner's area is a function of i, and taking
    # them from i % n made whole areas hold requests only (or offers only).
    combo = f"(1 + (x.h % {len(TITLES)}) * {n_cats} + (x.h / {len(TITLES)}) % {n_cats})::int"
    with transaction.atomic():
        insert_select(
            Ad,
            {
                "area": f"{area_low} + ({owner} - 1) % {n_areas}",
                "owner": f"{part_low} + {owner} - 1",
                "kind": (f"(%s::text[])[{combo}]", [kinds]),
                "title": (f"(%s::text[])[{combo}]", [titles]),
                "description": (f"(%s::text[])[{combo}]", [descriptions]),
                "search_stems": (f"(%s::text[])[{combo}]", [stems]),
                "category": (
                    f"{cat_low} + (({owner} - 1) % {n_areas}) * {n_cats}"
                    f" + (x.h / {len(TITLES)}) % {n_cats}"
                ),
                "neighbourhood": (
                    f"{nb_low} + (({owner} - 1) % {n_areas}) * {NEIGHBOURHOODS_PER_AREA}"
                    f" + (x.h / 7) % {NEIGHBOURHOODS_PER_AREA}"
                ),
                "frequency": "'eenmalig'",
                "duration": "'uur'",
                "status": (
                    "CASE WHEN (x.h / 224) % 20 < 15 THEN 'open'"
                    " WHEN (x.h / 224) % 20 < 17 THEN 'in_gesprek'"
                    " WHEN (x.h / 224) % 20 < 19 THEN 'geholpen' ELSE 'gesloten' END"
                ),
                "visibility": (
                    "CASE WHEN (x.h / 4480) % 10 = 0 THEN 'participants' ELSE 'public' END"
                ),
                "expires_on": "current_date + ((i % 100) - 15)::int",
                "created_at": "now() - (i % 63072000) * interval '1 second'",
            },
            "FROM generate_series(1::bigint, %s::bigint) AS i CROSS JOIN LATERAL"
            " (SELECT ((i * 2654435761) % 4294967296) / 65536 AS h) AS x",
            [n_ads],
            connection,
        )
    ad_low, _ = _id_range(Ad, f"WHERE area_id >= {area_low}", connection)
    timings["ads"] = time.perf_counter() - step
    assert combos == len(TITLES) * n_cats

    # Conversation k on ad k, started by the participant 300 places further on (same
    # area, never the owner), each with MESSAGES_PER_CONVERSATION messages.
    step = time.perf_counter()
    with transaction.atomic():
        insert_select(
            Conversation,
            {
                "ad": "a.id",
                "area": "a.area_id",
                "owner": "a.owner_id",
                "initiator": (
                    f"CASE WHEN a.owner_id + {n_areas} < {part_low + n_people} "
                    f"THEN a.owner_id + {n_areas} ELSE a.owner_id - {n_areas} END"
                ),
                "created_at": "a.created_at + interval '2 hours'",
                "owner_replied_at": "a.created_at + interval '1 day'",
            },
            f"FROM marketplace_ad a WHERE a.id BETWEEN {ad_low} AND {ad_low} + %s - 1",
            [n_conv],
            connection,
        )
    timings["conversations"] = time.perf_counter() - step
    step = time.perf_counter()
    with transaction.atomic():
        insert_select(
            Message,
            {
                "conversation": "c.id",
                "sender": "CASE WHEN m % 2 = 1 THEN c.initiator_id ELSE c.owner_id END",
                "body": "'Bericht ' || m || ' in dit gesprek. Zaterdag om tien uur past mij.'",
                "created_at": "c.created_at + m * interval '3 hours'",
            },
            f"FROM marketplace_conversation c CROSS JOIN generate_series(1, "
            f"{MESSAGES_PER_CONVERSATION}) AS m WHERE c.area_id >= {area_low}",
            [],
            connection,
        )
    timings["messages"] = time.perf_counter() - step
    counts = {}
    step = time.perf_counter()
    counts["mediations"] = _mediations(sizes, area_low, part_low, cat_low, connection)
    timings["mediations"] = time.perf_counter() - step
    step = time.perf_counter()
    counts["intakes"] = _intakes(area_low, connection)
    timings["intakes"] = time.perf_counter() - step
    step = time.perf_counter()
    counts.update(_roosjes(area_low, n_areas, connection))
    timings["roosjes"] = time.perf_counter() - step
    step = time.perf_counter()
    _monthly_counts(area_low)
    timings["monthly_counts"] = time.perf_counter() - step
    step = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    timings["vacuum_analyze"] = time.perf_counter() - step
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    result = {
        "scale": args.scale,
        "sizes": {**sizes, "conversations": n_conv, **counts},
        "seconds": {k: round(v, 1) for k, v in timings.items()},
        "total_seconds": round(time.perf_counter() - started, 1),
        "database_size_mb": round(size / 1e6),
    }
    print(json.dumps(result, indent=2))
    return result


def _mediations(sizes: dict, area_low: int, part_low: int, cat_low: int, connection) -> int:
    """Mediations over the last five years, spread evenly over the areas; two thirds
    reach "lopend" ten days after the start, most end 20 to 220 days after it (a proposal
    that never ran always ends), three in five were supported by the broker. Requester and
    provider are two participants of the mediation's area (participant i lives in area
    (i - 1) % areas, see above)."""
    from django.db import transaction

    from tijdvoorelkaar.marketplace.models import DEFAULT_CATEGORIES
    from tijdvoorelkaar.mediations.models import Mediation

    n_areas = sizes["areas"]
    per_area = sizes["participants"] // n_areas
    n_cats = len(DEFAULT_CATEGORIES)
    ended = "x.ended"
    with transaction.atomic():
        return insert_select(
            Mediation,
            {
                "area": f"{area_low} + i % {n_areas}",
                "requester": f"{part_low} + i % {n_areas} + {n_areas} * ((i * 7919) % {per_area})",
                "provider": (
                    f"{part_low} + i % {n_areas}"
                    f" + {n_areas} * ((i * 7919 + 1 + i % 97) % {per_area})"
                ),
                "category": f"{cat_low} + (i % {n_areas}) * {n_cats} + (i / {n_areas}) % {n_cats}",
                "broker_supported": "(i % 5 < 3)",
                "started_on": "current_date - x.ago",
                "reached_active_on": "CASE WHEN x.reached THEN current_date - x.ago + 10 END",
                "ended_on": f"CASE WHEN {ended} THEN current_date - x.ago + x.runs END",
                "status": (
                    f"CASE WHEN {ended} AND x.reached THEN 'afgerond'"
                    f" WHEN {ended} THEN 'niet_doorgegaan'"
                    " WHEN x.reached THEN 'lopend' ELSE 'voorgesteld' END"
                ),
                "end_reason": (
                    f"CASE WHEN {ended} THEN (%s::text[])[1 + i % {len(END_REASONS)}] ELSE '' END",
                    [END_REASONS],
                ),
            },
            "FROM generate_series(1::bigint, %s::bigint) AS i CROSS JOIN LATERAL ("
            " SELECT y.ago, y.runs, y.reached,"
            " (y.ago >= y.runs AND (i % 7 > 0 OR NOT y.reached)) AS ended"
            " FROM (SELECT (i % 1826)::int AS ago, (20 + i % 200)::int AS runs,"
            " ((i / 7) % 3 <> 2 AND i % 1826 >= 10) AS reached) AS y) AS x",
            [sizes["mediations"]],
            connection,
        )


def _intakes(area_low: int, connection) -> int:
    """An intake with a broker for six in ten participants, on the day they registered."""
    from django.db import transaction

    from tijdvoorelkaar.workspace.models import Intake

    with transaction.atomic():
        return insert_select(
            Intake,
            {
                "participant": "p.id",
                "held_on": "p.registered_on",
                "good_at": "'Koken en luisteren'",
                "needs_help_with": "'Formulieren'",
                "created_at": "now()",
            },
            f"FROM participants_participant p WHERE p.area_id >= {area_low}"
            f" AND p.id % 10 < {INTAKE_SHARE}",
            [],
            connection,
        )


def _roosjes(area_low: int, n_areas: int, connection) -> dict:
    """Roosjes in every third area: a project account and an account per participant;
    two hours (8 quarters) of paper Roosjes handed to each participant, and a thank-you
    of 4 to 8 quarters from requester to provider a week after each match reached
    "lopend". Every transfer has its two movements; balances are their sums."""
    from django.db import transaction

    from tijdvoorelkaar.credits.models import Account, Movement, Transfer

    on = f"a.id >= {area_low} AND (a.id - {area_low}) % {ROOSJES_EVERY} = 0"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE areas_area a SET time_credits_enabled = TRUE WHERE {on}")
        insert_select(
            Account,
            {"area": "a.id", "kind": "'project'", "balance": "0"},
            f"FROM areas_area a WHERE {on}",
            [],
            connection,
        )
        accounts = insert_select(
            Account,
            {"area": "p.area_id", "kind": "'deelnemer'", "participant": "p.id", "balance": "0"},
            f"FROM participants_participant p JOIN areas_area a ON a.id = p.area_id WHERE {on}",
            [],
            connection,
        )
        # Paper Roosjes: one transfer per participant account, in account order; the
        # transfers' ids are consecutive, so the n-th transfer belongs to the n-th account.
        paper = insert_select(
            Transfer,
            {
                "area": "acc.area_id",
                "kind": "'papier'",
                "amount": "8",
                "note": "'Papieren Roosjes bij de kennismaking'",
                "created_at": "now() - (acc.id % 700) * interval '1 day'",
            },
            f"FROM credits_account acc WHERE acc.kind = 'deelnemer' AND acc.area_id >= {area_low}"
            " ORDER BY acc.id",
            [],
            connection,
        )
        transfer_low, _ = _id_range(Transfer, "WHERE kind = 'papier'", connection)
        cursor.execute(
            f"""CREATE TEMP TABLE bench_paper AS
            SELECT {transfer_low} + row_number() OVER (ORDER BY acc.id) - 1 AS transfer_id,
                   acc.id AS account_id, p.id AS project_id
            FROM credits_account acc
            JOIN credits_account p ON p.area_id = acc.area_id AND p.kind = 'project'
            WHERE acc.kind = 'deelnemer' AND acc.area_id >= {area_low}"""
        )
        insert_select(
            Movement,
            {"transfer": "b.transfer_id", "account": "b.account_id", "amount": "8"},
            "FROM bench_paper b",
            [],
            connection,
        )
        insert_select(
            Movement,
            {"transfer": "b.transfer_id", "account": "b.project_id", "amount": "-8"},
            "FROM bench_paper b",
            [],
            connection,
        )
        thanks = insert_select(
            Transfer,
            {
                "area": "m.area_id",
                "kind": "'bedankje'",
                "amount": "4 + m.id % 5",
                "mediation": "m.id",
                "created_at": "m.reached_active_on + interval '7 days'",
            },
            f"FROM mediations_mediation m JOIN areas_area a ON a.id = m.area_id WHERE {on}"
            " AND m.reached_active_on IS NOT NULL AND m.reached_active_on + 7 <= current_date",
            [],
            connection,
        )
        for side, sign in (("provider_id", ""), ("requester_id", "-")):
            insert_select(
                Movement,
                {"transfer": "t.id", "account": "acc.id", "amount": f"{sign}t.amount"},
                "FROM credits_transfer t JOIN mediations_mediation m ON m.id = t.mediation_id"
                f" JOIN credits_account acc ON acc.participant_id = m.{side}"
                f" WHERE t.kind = 'bedankje' AND t.area_id >= {area_low}",
                [],
                connection,
            )
        cursor.execute(
            f"""UPDATE credits_account acc SET balance = s.total
            FROM (SELECT mv.account_id, SUM(mv.amount) AS total FROM credits_movement mv
                  GROUP BY mv.account_id) AS s
            WHERE s.account_id = acc.id AND acc.area_id >= {area_low}"""
        )
        cursor.execute("DROP TABLE bench_paper")
    return {"roosjes_accounts": accounts, "roosjes_paper": paper, "roosjes_thanks": thanks}


def _monthly_counts(area_low: int) -> None:
    """The report's monthly mediation counts, as the services keep them."""
    from django.db import transaction

    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.mediations import figures

    for area_id in Area.objects.filter(pk__gte=area_low).values_list("pk", flat=True):
        with transaction.atomic():
            figures.recount(area_id)


# --- Measuring ----------------------------------------------------------------------------


def page_timings(args) -> dict:
    """Listing and search p95 on one national-set area (test client, server time only)."""
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    setup_django(args.database_url)
    from django.test import Client

    from tijdvoorelkaar.areas.models import Area

    # nat-006: Roosjes switched on (every third area from nat-000).
    area = Area.objects.filter(slug__startswith="nat-").order_by("slug")[6]
    client = Client()
    cases = {
        "listing": f"/{area.slug}/advertenties/",
        "listing page 20": f"/{area.slug}/advertenties/?page=20",
        "search common word": f"/{area.slug}/advertenties/?q=hond",
        "search two words": f"/{area.slug}/advertenties/?q=computer+laptop",
        "API listing": f"/api/areas/{area.slug}/ads?q=boodschappen",
    }
    out = {}
    for name, url in cases.items():
        for _ in range(5):
            client.get(url)
        samples = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        out[name] = summarise(samples)
        print(name, out[name])
    out.update(_suggestion_and_report_timings(area, args.requests))
    return out


def _suggestion_and_report_timings(area, requests: int) -> dict:
    """The suggestions page as the area's broker and the whole-period report page as its
    coordinator, on the same area, through the test client (middleware, view, template)."""
    import datetime as dt

    from common import staff_client

    from tijdvoorelkaar.marketplace.models import Ad
    from tijdvoorelkaar.mediations.models import Mediation

    broker = staff_client(area, "broker")
    request_ads = list(
        Ad.objects.filter(area=area, kind="vraag", status="open", owner__isnull=False).values_list(
            "pk", flat=True
        )[:20]
    )
    if not request_ads:  # the generated set holds offers only: add a few requests
        from tijdvoorelkaar.marketplace.models import Category
        from tijdvoorelkaar.marketplace.services import create_ad
        from tijdvoorelkaar.participants.models import Participant

        owners = list(Participant.objects.filter(area=area)[:20])
        titles = [
            "Mijn laptop doet raar",
            "Wie laat mijn hond uit?",
            "Hulp met formulieren",
            "Boodschappen doen lukt niet meer",
            "Wie snoeit mijn heg?",
        ]
        category = Category.objects.filter(area=area).first()
        for i, owner in enumerate(owners):
            ad, _ = create_ad(
                area=area,
                owner=owner,
                kind="vraag",
                data={"title": titles[i % len(titles)], "category": category},
            )
            request_ads.append(ad.pk)
    out = {}
    samples, listed = [], []
    for i in range(requests + 3):
        url = f"/{area.slug}/makelaar/suggesties/{request_ads[i % len(request_ads)]}/"
        start = time.perf_counter()
        response = broker.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        if i >= 3:  # the first requests build the area's index
            samples.append(elapsed)
            listed.append(response.content.count(b'class="suggestion"'))
    out["suggestions page (broker)"] = summarise(samples) | {
        "suggestions_listed_median": sorted(listed)[len(listed) // 2]
    }
    print("suggestions page (broker)", out["suggestions page (broker)"])

    today = dt.date.today()
    first = today.replace(year=today.year - 5, day=1)
    mediations = Mediation.objects.filter(area=area, started_on__gte=first).count()
    assert mediations > 0, "geen bemiddelingen in dit werkgebied"
    coordinator = staff_client(area, "coordinator")
    url = f"/{area.slug}/verslag/?van={first}&tot={today}"
    samples = []
    for i in range(min(requests, 20) + 1):
        start = time.perf_counter()
        response = coordinator.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        if i:  # the first request warms the caches
            samples.append(elapsed)
    name = f"report page, whole period (one area, {mediations} mediations)"
    out[name] = summarise(samples)
    print(name, out[name])
    return out


class Browserish:
    """A tiny HTTP client with cookies and CSRF handling, optionally from a given source
    address (so sign-ups come from many addresses)."""

    def __init__(self, port: int, source: str | None = None, cookies: dict | None = None):
        self.port, self.source, self.cookies = port, source, dict(cookies or {})
        self.conn = None
        self.location = ""

    def _connection(self):
        if self.conn is None:
            kwargs = {"source_address": (self.source, 0)} if self.source else {}
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60, **kwargs)
        return self.conn

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str]:
        headers = {"Host": "localhost"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://localhost{path}"
        for attempt in range(2):
            try:
                conn = self._connection()
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (ConnectionError, http.client.HTTPException):
                self.conn = None
                if attempt:
                    raise
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        self.location = response.getheader("Location", "")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, text

    @staticmethod
    def csrf(html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "geen CSRF-token in het formulier"
        return match.group(1)


def _form_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )
    return match.group(1) if match else ""


def _select_first(html: str, name: str) -> str:
    block = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert block, f"geen keuzelijst {name}"
    values = [v for v in re.findall(r'<option value="([^"]*)"', block.group(1)) if v]
    return values[0]


def flow(port: int, area: str, poster: Browserish, reactor: Browserish, n: int) -> int:
    """One sign-up -> post -> react through HTTP; returns the number of requests made."""
    source = f"127.{1 + n // 60000 % 200}.{n // 250 % 240}.{1 + n % 250}"
    visitor = Browserish(port, source=source)
    status, html = visitor.request("GET", f"/{area}/aanmelden/")
    assert status == 200, f"aanmeldpagina: {status}"
    status, html = visitor.request(
        "POST",
        f"/{area}/aanmelden/",
        {
            "csrfmiddlewaretoken": visitor.csrf(html),
            "first_name": "Nieuw",
            "email": f"flow{n}-{random.randrange(10**9)}@bench.test",
            "neighbourhood": _select_first(html, "neighbourhood"),
            "privacy": "on",
        },
    )
    assert status == 200 and "errorlist" not in html and "--invalid" not in html, (
        f"aanmelden: {status}"
    )
    status, html = poster.request("GET", f"/{area}/advertenties/nieuw/?soort=aanbod")
    assert status == 200, f"advertentieformulier: {status}"
    status, _ = poster.request(
        "POST",
        f"/{area}/advertenties/nieuw/",
        {
            "csrfmiddlewaretoken": poster.csrf(html),
            "soort": "aanbod",
            "title": f"Ik help met fietsen {n}",
            "description": "Band plakken en remmen afstellen.",
            "category": _select_first(html, "category"),
            "neighbourhood": _select_first(html, "neighbourhood"),
            "frequency": "eenmalig",
            "duration": "uur",
            "visibility": "public",
            "submission_token": _form_value(html, "submission_token"),
        },
    )
    assert status == 302, f"advertentie plaatsen: {status}"
    ad_id = re.search(r"/advertenties/(\d+)/", poster.location).group(1)
    status, html = reactor.request("GET", f"/{area}/advertenties/{ad_id}/")
    assert status == 200, f"advertentie: {status}"
    status, _ = reactor.request(
        "POST",
        f"/{area}/advertenties/{ad_id}/reageren/",
        {
            "csrfmiddlewaretoken": reactor.csrf(html),
            "body": "Ik kom graag helpen, zaterdag?",
            "submission_token": _form_value(html, "submission_token"),
        },
    )
    assert status == 302, f"reageren: {status}"
    return 6


def floor_flow(port: int, client: Browserish) -> int:
    status, _ = client.request("GET", "/")
    assert status == 200, status
    return 1


def run_load(clients: int, seconds: float, work) -> dict:
    """`clients` threads call work(thread, n) until the time is up; requests per second."""
    counts, errors, lock = [0] * clients, [], threading.Lock()
    deadline = time.perf_counter() + seconds
    sequence = iter(range(10**9))

    def loop(t):
        while time.perf_counter() < deadline:
            with lock:
                n = next(sequence)
            try:
                counts[t] += work(t, n)
            except Exception as exc:  # counted and reported, never hidden
                with lock:
                    errors.append(repr(exc)[:200])

    started = time.perf_counter()
    threads = [threading.Thread(target=loop, args=(t,)) for t in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": sum(counts),
        "seconds": round(elapsed, 1),
        "requests_per_s": round(sum(counts) / elapsed, 1),
        "errors": len(errors),
        "first_errors": errors[:3],
    }


def _gunicorn(app: str, port: int, workers: int, env: dict, chdir: Path) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--chdir",
        str(chdir),
    ]
    process = subprocess.Popen(command, env=env, start_new_session=True)
    for _ in range(100):
        time.sleep(0.2)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/", headers={"Host": "localhost"})
            conn.getresponse().read()
            return process
        except OSError:
            continue
    process.kill()
    raise RuntimeError(f"gunicorn {app} startte niet")


def _stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def _signed_in_people(area_slug: str, count: int) -> list[dict]:
    """Participants of the bench area with a session (made directly, not by signing in:
    password hashing is deliberately slow and not part of the flow)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.participants.models import Participant

    area = Area.objects.get(slug=area_slug)
    people = Participant.objects.filter(area=area).select_related("user").order_by("pk")
    cookies = []
    for participant in people[:count]:
        session = SessionStore()
        session[SESSION_KEY] = str(participant.user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = participant.user.get_session_auth_hash()
        session.create()
        cookies.append({settings.SESSION_COOKIE_NAME: session.session_key})
    return cookies


def measure(args) -> dict:
    from common import load

    load_before = load()
    result = {"pages": page_timings(args), "load_before": load_before, "load_after": load()}
    print("load average voor", result["load_before"], "na", result["load_after"])
    if args.skip_load:
        return result
    from tijdvoorelkaar.areas.models import Area

    area = Area.objects.filter(slug__startswith="nat-").order_by("slug")[3].slug
    cookies = _signed_in_people(area, 2 * args.clients)
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONPATH": str(ROOT / "src"),
        "LOG_LEVEL": "ERROR",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    port = 18000 + random.randrange(1000)
    app = _gunicorn("tijdvoorelkaar.wsgi:application", port, args.workers, env, ROOT)
    try:
        posters = [Browserish(port, cookies=cookies[2 * t]) for t in range(args.clients)]
        reactors = [Browserish(port, cookies=cookies[2 * t + 1]) for t in range(args.clients)]
        flow(port, area, posters[0], reactors[0], 10**8)  # warm-up, and fail early
        load = run_load(
            args.clients,
            args.seconds,
            lambda t, n: flow(port, area, posters[t], reactors[t], n),
        )
    finally:
        _stop(app)
    print("flow", load)
    floor_port = port + 1
    floor = _gunicorn("floor_wsgi:application", floor_port, args.workers, env, ROOT / "bench")
    try:
        floor_clients = [Browserish(floor_port) for _ in range(args.clients)]
        floor_load = run_load(
            args.clients, args.seconds, lambda t, n: floor_flow(floor_port, floor_clients[t])
        )
    finally:
        _stop(floor)
    print("floor", floor_load)
    result |= {
        "area": area,
        "gunicorn_workers": args.workers,
        "client_threads": args.clients,
        "flow": load | {"flows_per_s": round(load["requests_per_s"] / 6, 1)},
        "floor": floor_load,
        "ratio_to_floor": round(load["requests_per_s"] / floor_load["requests_per_s"], 3),
    }
    print("ratio to floor", result["ratio_to_floor"])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("what", choices=["build", "measure"])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument(
        "--skip-load", action="store_true", help="measure: the pages only, no gunicorn run"
    )
    args = parser.parse_args()
    RESULTS_DIR.mkdir(exist_ok=True)
    if args.what == "build":
        result = build(args)
        name = "national_build"
    else:
        result = measure(args)
        name = "national_measure"
    result |= {"machine": machine(), "date": dt.date.today().isoformat()}
    (RESULTS_DIR / f"{name}.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
