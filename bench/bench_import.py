"""How long import_registrations takes for a large project, and a repeat import.

Makes a fresh area each run, writes participants/ads/mediations CSVs in a temporary
directory, then times: the check alone (--dry-run), the import, and importing the same
files again (everything unchanged). Run through `bench/run.py import` (migrates first).
"""

import argparse
import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import record, setup_django  # noqa: E402


def write(path: Path, header: list[str], rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def make_files(folder: Path, n_people: int, n_ads: int, n_mediations: int, columns) -> dict:
    rnd = random.Random(1)
    nbs = ["noord", "oost", "zuid", "west"]
    start = dt.date(2020, 1, 1)

    def day(offset_max: int = 1500) -> dt.date:
        return start + dt.timedelta(days=rnd.randrange(offset_max))

    people = [
        [
            f"P{i}",
            f"Voornaam{i} Achternaam",
            f"bench-import-{i}@example.org" if i % 3 else "",
            f"06-{i:08d}" if i % 2 else "",
            rnd.choice(nbs),
            rnd.choice(["v", "m", "x", "onbekend", ""]),
            str(rnd.randrange(1930, 2005)) if i % 4 else "",
            day().isoformat(),
            rnd.choice(["website", "evenement", "mond-tot-mond", ""]),
            "",
        ]
        for i in range(n_people)
    ]
    ads = []
    for i in range(n_ads):
        placed = day(1400)
        closed = placed + dt.timedelta(days=rnd.randrange(10, 200)) if i % 2 else ""
        ads.append(
            [
                f"A{i}",
                f"P{rnd.randrange(n_people)}",
                rnd.choice(["vraag", "aanbod"]),
                rnd.choice(["Klussen", "Tuin", "Boodschappen", "Fietsen", "Koken"]),
                f"Hulp gezocht bij boodschappen en de tuin {i}",
                "Eens per week een uurtje, in overleg.",
                rnd.choice(nbs + [""]),
                placed.isoformat(),
                closed.isoformat() if closed else "",
            ]
        )
    mediations = []
    for i in range(n_mediations):
        a, b = rnd.sample(range(n_people), 2)
        started = day(1400)
        ended = started + dt.timedelta(days=rnd.randrange(5, 300)) if i % 3 else None
        mediations.append(
            [
                f"M{i}",
                f"P{a}",
                f"P{b}",
                rnd.choice(["ja", "nee"]),
                started.isoformat(),
                rnd.choice(["ja", "nee"]),
                ended.isoformat() if ended else "",
                "klus_klaar" if ended else "",
                "",
            ]
        )
    paths = {}
    for kind, rows in (("participants", people), ("ads", ads), ("mediations", mediations)):
        paths[kind] = folder / f"{kind}.csv"
        write(paths[kind], columns[kind], rows)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--participants", type=int, default=5000)
    parser.add_argument("--ads", type=int, default=8000)
    parser.add_argument("--mediations", type=int, default=3000)
    args = parser.parse_args()
    setup_django(args.database_url)

    from django.db import connection

    from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area
    from tijdvoorelkaar.imports import services

    slug = f"bench-import-{int(time.time())}"
    area, _ = create_area(
        slug, "Bench import", [NeighbourhoodSpec(s, s) for s in ("noord", "oost", "zuid", "west")]
    )
    # Emails must be new each run: the same people in another area would be linked.
    from tijdvoorelkaar.accounts.models import User

    User.objects.filter(email__startswith="bench-import-").delete()

    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_files(
            Path(tmp), args.participants, args.ads, args.mediations, services.COLUMNS
        )
        for label, dry_run in (("check_only", True), ("import", False), ("reimport", False)):
            started = time.perf_counter()
            report = services.import_files(area, **paths, dry_run=dry_run)
            seconds = time.perf_counter() - started
            assert report.ok, report.errors[:5]
            figures[label] = {
                "seconds": round(seconds, 2),
                "created": report.created,
                "unchanged": report.unchanged,
            }
            print(label, round(seconds, 2), "s", report.summary_lines(), flush=True)
    record(
        f"import-{connection.vendor}",
        {
            "engine": connection.vendor,
            "rows": {
                "participants": args.participants,
                "ads": args.ads,
                "mediations": args.mediations,
            },
            "figures": figures,
        },
    )


if __name__ == "__main__":
    main()
