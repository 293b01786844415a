import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = (
        "Maak een reservekopie van de database: SQLite met de online-backup (veilig terwijl "
        "de site draait), PostgreSQL met pg_dump (custom format)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", help="Bestand (standaard var/backups/<datum-tijd>.<ext>)")

    def handle(self, out, **options):
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        db = settings.DATABASES["default"]
        if connection.vendor == "sqlite":
            target = Path(out or settings.BASE_DIR / "var" / "backups" / f"{stamp}.sqlite3")
            target.parent.mkdir(parents=True, exist_ok=True)
            connection.ensure_connection()
            destination = sqlite3.connect(target)
            try:
                connection.connection.backup(destination)
            finally:
                destination.close()
        elif connection.vendor == "postgresql":
            if shutil.which("pg_dump") is None:
                raise CommandError("pg_dump is niet gevonden; installeer postgresql-client.")
            target = Path(out or settings.BASE_DIR / "var" / "backups" / f"{stamp}.dump")
            target.parent.mkdir(parents=True, exist_ok=True)
            env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
            command = [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                f"--file={target}",
                f"--host={db.get('HOST') or 'localhost'}",
                f"--port={db.get('PORT') or 5432}",
                f"--username={db.get('USER') or 'postgres'}",
                db["NAME"],
            ]
            result = subprocess.run(command, env=env, capture_output=True, text=True)
            if result.returncode != 0:
                raise CommandError(f"pg_dump mislukte: {result.stderr.strip()}")
        else:
            raise CommandError(f"Geen reservekopie voor database '{connection.vendor}'.")
        self.stdout.write(f"Reservekopie gemaakt: {target} ({target.stat().st_size} bytes)")
