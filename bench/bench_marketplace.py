"""Server time of the public ad listing and search with a large area.

Creates (once) an area with 100,000 ads and 20,000 participants through
`manage.py bench_marketplace_data`, then times the listing, its filters and full-text
searches as an anonymous visitor. Every case checks that the page really lists ads (or,
for the search that should find nothing, that it says so), so error pages or empty
results cannot pass for fast pages."""

import argparse
import re
import time

from common import record, setup_django, summarise, time_get

AREA = "bench-markt"
RESULT = re.compile(r'data-ad-id="\d+"')
NOTHING_FOUND = "Er zijn geen advertenties gevonden"

# (name, query string, whether results are expected)
CASES = [
    ("listing_page_1", "", True),
    ("listing_page_50", "page=50", True),
    ("filter_soort_vraag", "soort=vraag", True),
    ("filter_categorie", "categorie=dieren", True),
    ("filter_buurt", "buurt=molenwijk", True),
    ("filters_combined", "soort=aanbod&categorie=computer-en-digitaal&buurt=centrum", True),
    ("search_hond", "q=hond", True),
    ("search_honden", "q=honden", True),
    ("search_boodschappen", "q=boodschappen", True),
    ("search_two_words", "q=laptop+hulp", True),
    ("search_rare_word", "q=accordeon", True),
    ("search_no_match", "q=zwembadrenovatie", False),
    ("search_and_filters", "q=boodschappen&soort=vraag&buurt=centrum", True),
]


def ensure_data(ads: int, participants: int, seed: int, rebuild: bool) -> None:
    from django.core.management import call_command

    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.marketplace.models import Ad
    from tijdvoorelkaar.participants.models import Participant

    area = Area.objects.filter(slug=AREA).first()
    if (
        not rebuild
        and area is not None
        and Ad.objects.filter(area=area).count() == ads
        and Participant.objects.filter(area=area).count() == participants
    ):
        return
    start = time.perf_counter()
    call_command(
        "bench_marketplace_data",
        area=AREA,
        ads=ads,
        participants=participants,
        seed=seed,
    )
    print(f"gegevens aangemaakt in {time.perf_counter() - start:.1f} s", flush=True)


def check(client, url: str, expect_results: bool) -> int:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} gaf {response.status_code}")
    html = response.content.decode()
    found = len(RESULT.findall(html))
    if expect_results:
        assert found > 0, f"{url}: geen advertenties op de pagina"
    else:
        assert found == 0 and NOTHING_FOUND in html, f"{url}: verwachtte geen resultaten"
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--repeat", type=int, default=120)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--ads", type=int, default=100_000)
    parser.add_argument("--participants", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--only", help="run only cases whose name contains this")
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.db import connection
    from django.test import Client

    ensure_data(args.ads, args.participants, args.seed, args.rebuild)
    client = Client()
    base = f"/{AREA}/advertenties/"
    results = {}
    for name, query, expect_results in CASES:
        if args.only and args.only not in name:
            continue
        url = base + (f"?{query}" if query else "")
        on_page = check(client, url, expect_results)
        for _ in range(args.warmup):
            time_get(client, url)
        summary = summarise([time_get(client, url) for _ in range(args.repeat)])
        summary["url"] = url
        summary["ads_on_page"] = on_page
        results[name] = summary
        print(
            f"{name:22} p50 {summary['p50_ms']:7.2f} ms  p95 {summary['p95_ms']:7.2f} ms"
            f"  max {summary['max_ms']:7.2f} ms",
            flush=True,
        )
    record(
        f"marketplace-{connection.vendor}",
        {
            "database": connection.vendor,
            "data": {"area": AREA, "ads": args.ads, "participants": args.participants},
            "repeat": args.repeat,
            "cases": results,
        },
    )
    slow = [n for n, s in results.items() if s["p95_ms"] > 100]
    print("p95 boven 100 ms: " + (", ".join(slow) if slow else "geen"))


if __name__ == "__main__":
    main()
