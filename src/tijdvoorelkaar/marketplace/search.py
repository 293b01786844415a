"""Full-text search over ads, one function for both database engines.

The text is reduced to Dutch stems in Python (core.dutch) and stored in Ad.search_stems.
SQLite indexes that column with an FTS5 table kept in step by triggers; PostgreSQL with a
GIN index on to_tsvector('simple', search_stems). PostgreSQL's own 'dutch' configuration
is not used because its older Snowball stemmer keeps boodschap and boodschappen apart
('boodschap' / 'boodschapp'); one analyser gives both engines the same results.
"""

from django.db import connection
from django.db.models import BooleanField, F, Func, QuerySet, Value
from django.db.models.expressions import RawSQL

from tijdvoorelkaar.core.dutch import document_stems, query_groups

FTS_TABLE = "marketplace_ad_fts"
PG_INDEX = "marketplace_ad_search_gin"

SQLITE_SETUP = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        search_stems, content='marketplace_ad', content_rowid='id', tokenize='unicode61')""",
    f"""CREATE TRIGGER IF NOT EXISTS marketplace_ad_fts_ai AFTER INSERT ON marketplace_ad BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_stems) VALUES (new.id, new.search_stems); END""",
    f"""CREATE TRIGGER IF NOT EXISTS marketplace_ad_fts_ad AFTER DELETE ON marketplace_ad BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_stems)
        VALUES ('delete', old.id, old.search_stems); END""",
    f"""CREATE TRIGGER IF NOT EXISTS marketplace_ad_fts_au AFTER UPDATE OF search_stems
        ON marketplace_ad BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_stems)
        VALUES ('delete', old.id, old.search_stems);
        INSERT INTO {FTS_TABLE}(rowid, search_stems) VALUES (new.id, new.search_stems); END""",
]


def ad_stems(ad) -> str:
    category = ad.category.name if ad.category_id else ""
    return document_stems(ad.title, ad.description, category)


def ensure_search_index(using_connection=None) -> None:
    """Create the engine's full-text index when missing (run after every migrate: SQLite
    drops triggers when Django rebuilds a table). Idempotent."""
    conn = using_connection or connection
    with conn.cursor() as cursor:
        if conn.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE "
                "'marketplace_ad_fts_%'"
            )
            had_triggers = cursor.fetchone()[0] == 3
            for statement in SQLITE_SETUP:
                cursor.execute(statement)
            if not had_triggers:
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        elif conn.vendor == "postgresql":
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON marketplace_ad "
                "USING gin (to_tsvector('simple'::regconfig, search_stems))"
            )


def matches(queryset: QuerySet, query: str) -> QuerySet:
    """Narrow `queryset` of ads to those matching every meaningful word of `query`."""
    groups = query_groups(query)
    if not groups:
        return queryset
    if connection.vendor == "postgresql":
        expr = " & ".join("(" + " | ".join(sorted(g)) + ")" for g in groups)
        # Built from expressions (not raw SQL with the table name) so it also works when
        # Django aliases the table, e.g. inside a subquery.
        vector = Func(
            F("search_stems"), template="to_tsvector('simple'::regconfig, %(expressions)s)"
        )
        tsquery = Func(Value(expr), template="to_tsquery('simple'::regconfig, %(expressions)s)")
        condition = Func(
            vector,
            tsquery,
            template="%(expressions)s",
            arg_joiner=" @@ ",
            output_field=BooleanField(),
        )
        return queryset.filter(condition)
    expr = " AND ".join("(" + " OR ".join(f'"{s}"' for s in sorted(g)) + ")" for g in groups)
    return queryset.filter(
        id__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expr])
    )
