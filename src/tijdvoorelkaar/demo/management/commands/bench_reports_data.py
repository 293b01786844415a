"""Bench data for the period report: one area with many participants and mediations,
made by INSERT ... SELECT over a generated series (seconds, not hours)."""

import datetime as dt
import json

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas.services import create_area
from tijdvoorelkaar.mediations import figures as mediation_figures
from tijdvoorelkaar.mediations.models import Mediation, MediationMonth
from tijdvoorelkaar.participants.models import Participant

FIRST = dt.date(2020, 1, 1)
DAYS = 1826  # five years


def _literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | dict):
        value = json.dumps(value)
    return "'" + str(value).replace("'", "''") + "'"


def _day(expr: str) -> str:
    if connection.vendor == "postgresql":
        return f"(DATE '{FIRST}' + ({expr})::int)"
    return f"date('{FIRST}', '+' || ({expr}) || ' days')"


def _insert(model, count: int, overrides: dict[str, str]) -> None:
    """INSERT count rows of `model`; columns not overridden get the field's default."""
    columns, values = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.column in overrides:
            values.append(overrides[field.column])
        else:
            values.append(
                _literal(
                    field.get_default() if field.has_default() else (None if field.null else "")
                )
            )
    sql = (
        f"WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < {count - 1}) "
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "
        f"SELECT {', '.join(values)} FROM s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)


class Command(BaseCommand):
    help = "Maak benchgegevens voor het verslag (werkgebied bench-verslag)."

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=200_000)
        parser.add_argument("--mediations", type=int, default=1_000_000)
        parser.add_argument("--area", default="bench-verslag")

    def handle(self, *, participants, mediations, area, **options):
        with transaction.atomic():
            place = create_area(area, "Bench verslag")[0]
            if Participant.objects.filter(area=place).exists():
                if not MediationMonth.objects.filter(area=place).exists():
                    mediation_figures.recount(place.pk)  # made before the monthly counts
                self.stdout.write("Benchgegevens bestaan al.")
                return
            _insert_participants(place, participants)
            _insert_mediations(place, participants, mediations)
            mediation_figures.recount(place.pk)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # What autovacuum does after such a load: statistics, and the visibility
                # map that lets the report read the covering indexes alone.
                for table in ("mediations_mediation", "participants_participant"):
                    cursor.execute(f"VACUUM ANALYZE {table}")
            else:
                cursor.execute("ANALYZE")
        self.stdout.write(f"{participants} deelnemers en {mediations} bemiddelingen gemaakt.")


NOW = "CURRENT_TIMESTAMP"


def _insert_participants(place, participants: int) -> None:
    tag = f"bench-{place.pk}-"
    _insert(
        User,
        participants,
        {
            "email": f"'{tag}' || i || '@example.org'",
            "first_name": "'Bench'",
            "password": "'!'",
            "date_joined": NOW,
            "is_active": "TRUE",
        },
    )
    first_user = User.objects.filter(email=f"{tag}0@example.org").values_list("pk", flat=True)[0]
    sources = ["website", "groepsbezoek", "doorverwijzing", "markt", "", "mond-tot-mond"]
    source = (
        "CASE i % 6 "
        + " ".join(f"WHEN {n} THEN {_literal(s)}" for n, s in enumerate(sources))
        + " END"
    )
    _insert(
        Participant,
        participants,
        {
            "area_id": str(place.pk),
            "user_id": f"{first_user} + i",
            "registered_on": _day(f"i % {DAYS}"),
            "created_at": NOW,
            "external_id": f"'{tag}' || i",
            "inflow_source": source,
            "referrer_organisation": (
                "CASE WHEN i % 6 = 2 THEN 'Organisatie ' || (i % 40) ELSE '' END"
            ),
        },
    )


def _insert_mediations(place, participants: int, mediations: int) -> None:
    first = Participant.objects.filter(area=place).order_by("pk").values_list("pk", flat=True)[0]
    reasons = ["klus_klaar", "geen_tijd", "", "verhuisd"]
    reason = (
        "CASE i % 4 "
        + " ".join(f"WHEN {n} THEN {_literal(s)}" for n, s in enumerate(reasons))
        + " END"
    )
    _insert(
        Mediation,
        mediations,
        {
            "area_id": str(place.pk),
            "requester_id": f"{first} + ((i % {participants}) * 7919) % {participants}",
            "provider_id": (
                f"{first} + ((i % {participants}) * 7919 + 1 + i % 97) % {participants}"
            ),
            "broker_supported": "(i % 5 < 3)",
            "status": "CASE WHEN i % 3 = 0 THEN 'afgerond' ELSE 'niet_doorgegaan' END",
            "started_on": _day(f"i % {DAYS}"),
            "reached_active_on": f"CASE WHEN i % 3 = 0 THEN {_day(f'i % {DAYS} + 10')} END",
            "ended_on": f"CASE WHEN i % 7 > 0 THEN {_day(f'i % {DAYS} + 20 + i % 200')} END",
            "end_reason": reason,
            "created_at": NOW,
            "external_id": "NULL",
        },
    )
