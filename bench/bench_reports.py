"""Server time of the whole-period report (`reports.services.kpi`) for a large area.

Creates (once) the area `bench-verslag` with 200,000 participants and 1,000,000
mediations through `manage.py bench_reports_data`, then times kpi() for the whole
five-year period. On SQLite a smaller size is used unless --participants/--mediations
are given (a note is printed). Checks the figures are real (not an empty area)."""

import argparse
import datetime as dt
import time

from common import record, setup_django, summarise


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--participants", type=int)
    parser.add_argument("--mediations", type=int)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.reports.services import kpi

    large = connection.vendor == "postgresql"
    participants = args.participants or (200_000 if large else 20_000)
    mediations = args.mediations or (1_000_000 if large else 100_000)
    if not large and not args.mediations:
        print("SQLite: kleinere maat (20.000 deelnemers, 100.000 bemiddelingen).")
    slug = f"bench-verslag-{mediations}"
    call_command("bench_reports_data", participants=participants, mediations=mediations, area=slug)
    area = Area.objects.get(slug=slug)
    start, end = dt.date(2020, 1, 1), dt.date(2024, 12, 31)
    samples = []
    for _ in range(args.runs):
        began = time.perf_counter()
        figures = kpi(area, start, end)
        samples.append((time.perf_counter() - began) * 1000)
    assert figures["mediations_total"] == mediations, figures["mediations_total"]
    assert figures["participants_total"] == participants
    summary = summarise(samples)
    print(f"kpi() hele periode, {mediations} bemiddelingen, {participants} deelnemers: {summary}")
    record(
        f"reports_{connection.vendor}",
        {"kpi_whole_period": summary, "mediations": mediations, "participants": participants},
    )


if __name__ == "__main__":
    main()
