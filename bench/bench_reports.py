"""The whole-period report for a large area, through the page and as kpi().

Creates (once) the area `bench-verslag-<n>` with 200,000 participants and 1,000,000
mediations through `manage.py bench_reports_data` (which also stores the monthly counts),
then times, for the whole five-year period:

  page      GET /<area>/verslag/?van=2020-01-01&tot=2024-12-31 as the area's coordinator
            (Django test client: every middleware, the view, the tables, the charts and
            the template, as a browser's request), the figure the goal is about;
  kpi       reports.services.kpi() alone (the figures, no page);
  kpi_raw   kpi(..., monthly=False): every mediation read, without the monthly counts
            (what the report cost before them; fewer runs, it is slow).

On SQLite a smaller size is used unless --participants/--mediations are given (a note is
printed). Checks the figures are real (not an empty area) and that both ways agree."""

import argparse
import datetime as dt
import time

from common import load, machine, record, setup_django, staff_client, summarise


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--participants", type=int)
    parser.add_argument("--mediations", type=int)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--raw-runs", type=int, default=3)
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
    load_before = load()

    figures = kpi(area, start, end)
    assert figures["mediations_total"] == mediations, figures["mediations_total"]
    assert figures["participants_total"] == participants

    client = staff_client(area, "coordinator")
    url = f"/{slug}/verslag/?van={start}&tot={end}"
    shown = f"{mediations:,}".replace(",", ".")  # Dutch thousands separator
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert shown in html or str(mediations) in html, "het verslag toont het aantal niet"

    def timed(work, runs: int) -> dict:
        samples = []
        for _ in range(runs):
            began = time.perf_counter()
            work()
            samples.append((time.perf_counter() - began) * 1000)
        return summarise(samples)

    def page() -> None:
        answer = client.get(url)
        assert answer.status_code == 200

    results = {
        "page": timed(page, args.runs),
        "kpi": timed(lambda: kpi(area, start, end), args.runs),
    }
    raw = None
    if args.raw_runs:
        results["kpi_raw"] = timed(lambda: kpi(area, start, end, monthly=False), args.raw_runs)
        raw = kpi(area, start, end, monthly=False)
        assert raw == figures, "met en zonder maandtellingen verschillen de cijfers"
    load_after = load()
    for name, summary in results.items():
        print(f"{name:8} {mediations} bemiddelingen, {participants} deelnemers: {summary}")
    print(f"load average voor {load_before}, na {load_after}; {machine()}")
    record(
        f"reports_{connection.vendor}",
        {
            **results,
            "url": url,
            "mediations": mediations,
            "participants": participants,
            "load_before": load_before,
            "load_after": load_after,
            "same_figures_without_monthly_counts": raw is not None,
        },
    )


if __name__ == "__main__":
    main()
