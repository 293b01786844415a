"""Upgrading keeps the data: an installation made with an earlier release is migrated by
this code and everything in it is still there and readable.

The earlier release is checked out from this repository into a git worktree; its own code
creates a database (SQLite, or a fresh PostgreSQL database when the suite runs on
PostgreSQL) and loads the demo data; then this code migrates that database. Move EARLIER
forward at each release."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

# The release this upgrade starts from: main before the production issue (D) landed.
EARLIER = "165ffc0dc4b34cbe282f9284da88529ae5e1d650"
# Tables an upgrade may drop or empty on purpose, with the reason.
DROPPED = {
    "core_throttleevent": "throttle counts (minutes old, not kept data) moved to buckets",
}
# Django's own bookkeeping grows with new models and migrations; it never shrinks.
BOOKKEEPING = {"django_migrations", "django_content_type", "auth_permission"}
REPO = Path(settings.BASE_DIR)

READ_EVERYTHING = """
import json
from django.apps import apps
from django.contrib.auth import authenticate
from django.test import Client
from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.demo.seed import DEMO_PASSWORD
from tijdvoorelkaar.marketplace.models import Ad

rows = {}
for model in apps.get_models():
    if model._meta.managed and not model._meta.proxy:
        # Loading every field of every row fails on a column that lost its meaning.
        rows[model._meta.db_table] = sum(1 for _ in model._default_manager.all().iterator())
pages = {}
client = Client(HTTP_HOST="127.0.0.1")
ad = Ad.objects.filter(area__slug="utrecht-zuid").order_by("pk").first()
for path in ["/", "/utrecht-zuid/", "/utrecht-zuid/advertenties/",
             f"/utrecht-zuid/advertenties/{ad.pk}/"]:
    pages[path] = client.get(path).status_code
client.force_login(User.objects.get(email="makelaar@utrecht-zuid.test"))
word = max(ad.title.split(), key=len)
listing = client.get("/utrecht-zuid/advertenties/", {"q": word}).content.decode()
search = f'href="/utrecht-zuid/advertenties/{ad.pk}/"' in listing
for path in ["/utrecht-zuid/makelaar/", "/utrecht-zuid/makelaar/deelnemers/",
             "/utrecht-zuid/makelaar/bemiddelingen/", "/utrecht-zuid/verslag/"]:
    pages[path] = client.get(path).status_code
logins = [email for email in ("deelnemer@utrecht-zuid.test", "coordinator@utrecht-zuid.test")
          if authenticate(email=email, password=DEMO_PASSWORD) is not None]
print("RESULT" + json.dumps({"rows": rows, "pages": pages, "logins": logins, "search": search}))
"""


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
    )


def _earlier_release() -> None:
    if _git("cat-file", "-e", f"{EARLIER}^{{commit}}").returncode != 0:
        _git("fetch", "--quiet", "origin", EARLIER)
    if _git("cat-file", "-e", f"{EARLIER}^{{commit}}").returncode != 0:
        pytest.fail(
            f"Commit {EARLIER} (de eerdere release) ontbreekt in deze clone; "
            "clone zonder --depth of haal hem op met git fetch."
        )


def _manage(code: Path, database_url: str, *args: str) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ENV", "TVE_TESTING", "SQLITE_TEST_NAME", "STATIC_ROOT"}
    }
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="tijdvoorelkaar.settings",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        TASK_BACKEND="immediate",
        PYTHONPATH=str(code / "src"),
    )
    done = subprocess.run(
        [sys.executable, str(code / "manage.py"), *args],
        cwd=code,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"{code.name}: manage.py {' '.join(args)}\n{done.stderr[-3000:]}"
    return done.stdout


class Database:
    """A new, empty database on the engine the suite runs on."""

    def __init__(self, tmp_path: Path):
        self.postgres = connection.vendor == "postgresql"
        if self.postgres:
            params = settings.DATABASES["default"]
            self.name = f"tve_upgrade_{uuid.uuid4().hex[:12]}"
            auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
            self.server = (
                f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
            )
            self.url = f"{self.server}/{self.name}"
            self._admin(f'CREATE DATABASE "{self.name}"')
        else:
            self.path = tmp_path / "upgrade.sqlite3"
            self.url = f"sqlite:///{self.path}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as admin:
            admin.execute(sql)

    def table_counts(self) -> dict[str, int]:
        if self.postgres:
            import psycopg

            with psycopg.connect(self.url) as db:
                tables = [
                    row[0]
                    for row in db.execute(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    )
                ]
                return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        with sqlite3.connect(self.path) as db:
            # A full-text index (a virtual table) keeps its data in shadow tables named
            # after it; a rebuild changes their row counts, not the data. The search is
            # checked through the listing instead (READ_EVERYTHING).
            virtual = [
                row[0]
                for row in db.execute(
                    "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'"
                )
            ]
            tables = [
                row[0]
                for row in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
                )
                if not any(row[0].startswith(f"{name}_") for name in virtual)
            ]
            return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}

    def drop(self) -> None:
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def earlier_code(tmp_path):
    _earlier_release()
    tree = tmp_path / "earlier"
    added = _git("worktree", "add", "--detach", str(tree), EARLIER)
    assert added.returncode == 0, added.stderr
    try:
        yield tree
    finally:
        _git("worktree", "remove", "--force", str(tree))
        shutil.rmtree(tree, ignore_errors=True)
        _git("worktree", "prune")


def test_demo_data_of_the_earlier_release_survives_the_upgrade(earlier_code, tmp_path):
    database = Database(tmp_path)
    try:
        _manage(earlier_code, database.url, "migrate", "--noinput", "-v", "0")
        _manage(earlier_code, database.url, "seed_demo")
        _manage(earlier_code, database.url, "seed_demo", "--scenario", "utrecht-zuid-2005")
        before = database.table_counts()
        assert before["participants_participant"] > 100, "the earlier demo data is missing"

        _manage(REPO, database.url, "migrate", "--noinput", "-v", "0")
        after = database.table_counts()
        lost = {
            table: (count, after.get(table))
            for table, count in before.items()
            if table not in DROPPED
            and (
                after.get(table, -1) < count if table in BOOKKEEPING else after.get(table) != count
            )
        }
        assert not lost, f"tabellen met andere aantallen na de upgrade: {lost}"

        out = _manage(REPO, database.url, "shell", "-c", READ_EVERYTHING)
        result = json.loads(out.split("RESULT", 1)[1])
        for table, count in before.items():
            if table in result["rows"] and table not in DROPPED.keys() | BOOKKEEPING:
                assert result["rows"][table] == count, table
        assert set(result["pages"].values()) == {200}, result["pages"]
        assert len(result["logins"]) == 2, "demo logins no longer work"
        assert result["search"], "the search no longer finds an ad of the earlier release"
        # This release's demo loader runs on the upgraded database as on a new one.
        _manage(REPO, database.url, "seed_demo")
    finally:
        database.drop()
