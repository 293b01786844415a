"""The documented backup and restore, performed: data written after the backup is gone
after the restore, data from before it is back."""

import os
import sqlite3
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = settings.BASE_DIR


def run(args, env):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def sqlite_env(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'live.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    run(["migrate", "-v", "0"], env)
    return env


def test_sqlite_backup_and_restore(sqlite_env, tmp_path):
    run(["create_area", "zeist", "Zeist", "--neighbourhoods", "centrum"], sqlite_env)
    backup = tmp_path / "backup.sqlite3"
    out = run(["backup", "--out", str(backup)], sqlite_env)
    assert "Reservekopie gemaakt" in out and backup.exists()
    run(["create_area", "na-backup", "Na de backup"], sqlite_env)

    # Restore (docs/deployment.md): stop the site, replace the file with the backup.
    live = tmp_path / "live.sqlite3"
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"live.sqlite3{suffix}").unlink(missing_ok=True)
    live.write_bytes(backup.read_bytes())
    with sqlite3.connect(live) as db:
        slugs = {row[0] for row in db.execute("SELECT slug FROM areas_area")}
    assert "zeist" in slugs and "na-backup" not in slugs
    run(["check"], sqlite_env)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump/pg_restore test")
def test_postgresql_backup_and_restore(tmp_path):
    db = settings.DATABASES["default"]
    base = f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    # Names unique to this run: two runs on one server (CI and a developer) never meet.
    run_id = uuid.uuid4().hex[:12]
    live, restored = f"tve_backup_live_{run_id}", f"tve_backup_restored_{run_id}"
    psql = [
        "psql",
        "-h",
        db["HOST"] or "127.0.0.1",
        "-U",
        db["USER"] or "postgres",
        "-d",
        "postgres",
        "-q",
        "-c",
    ]
    subprocess.run(psql + [f"CREATE DATABASE {live}"], check=True)
    env = {**os.environ, "DATABASE_URL": f"{base}/{live}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    try:
        run(["migrate", "-v", "0"], env)
        run(["create_area", "zeist", "Zeist"], env)
        dump = tmp_path / "backup.dump"
        run(["backup", "--out", str(dump)], env)
        run(["create_area", "na-backup", "Na de backup"], env)
        subprocess.run(psql + [f"CREATE DATABASE {restored}"], check=True)
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "-h",
                db["HOST"] or "127.0.0.1",
                "-U",
                db["USER"] or "postgres",
                "-d",
                restored,
                str(dump),
            ],
            check=True,
        )
        out = subprocess.run(
            [
                "psql",
                "-h",
                db["HOST"] or "127.0.0.1",
                "-U",
                db["USER"] or "postgres",
                "-d",
                restored,
                "-Atc",
                "SELECT slug FROM areas_area ORDER BY slug",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        assert "zeist" in out and "na-backup" not in out
    finally:
        for name in (live, restored):
            subprocess.run(psql + [f"DROP DATABASE IF EXISTS {name}"])
