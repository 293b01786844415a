"""`make bench`: run every benchmark in bench/ on SQLite and, when reachable, PostgreSQL.

Figures are printed and written to bench/results/*.json; bench/RESULTS.md records them
with the machine and date."""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/tve_bench")
SQLITE_URL = f"sqlite:///{HERE.parent / 'var' / 'bench.sqlite3'}"


def postgres_available() -> bool:
    try:
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-q",
                "-c",
                "CREATE DATABASE tve_bench",
            ],
            capture_output=True,
            timeout=20,
        )
        check = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], timeout=10)
        return check.returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def run(script: str, database_url: str, *extra: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=HERE.parent,
        env=env,
        check=True,
    )
    print(f"== {script} op {database_url.split(':')[0]}", flush=True)
    subprocess.run(
        [sys.executable, str(HERE / script), "--database-url", database_url, *extra],
        cwd=HERE,
        env=env,
        check=True,
    )


def main() -> None:
    only = sys.argv[1:]
    scripts = sorted(p.name for p in HERE.glob("bench_*.py"))
    if only:
        scripts = [s for s in scripts if any(o in s for o in only)]
    urls = [SQLITE_URL] + ([PG_URL] if postgres_available() else [])
    for script in scripts:
        for url in urls:
            run(script, url)


if __name__ == "__main__":
    main()
