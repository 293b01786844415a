"""Server time of the public ad listing and search: a large area next to a small one.

Creates (once) an area with 100,000 ads and 20,000 participants and a second area with
1,000 ads and 200 participants, both through `manage.py bench_marketplace_data` (same
neighbourhoods, categories and texts), then times the listing, its filters and full-text
searches as an anonymous visitor on both, side by side in one run: the requests of a case
alternate between the two areas, so both see the same machine load. Printed per case:
p50/p95 for each area and the ratio large/small (the goal: at most 2). Every case checks
that the large area's page really lists ads (or, for the search that should find nothing,
that it says so), so error pages or empty results cannot pass for fast pages."""

import argparse
import re
import time

from common import load, record, setup_django, summarise, time_get

AREA = "bench-markt"
SMALL_AREA = "bench-markt-klein"
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


def ensure_data(
    ads: int, participants: int, seed: int, rebuild: bool, area_slug: str = AREA
) -> None:
    from django.core.management import call_command

    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.marketplace.models import Ad
    from tijdvoorelkaar.participants.models import Participant

    area = Area.objects.filter(slug=area_slug).first()
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
        area=area_slug,
        ads=ads,
        participants=participants,
        seed=seed,
    )
    print(f"gegevens aangemaakt in {time.perf_counter() - start:.1f} s", flush=True)


def check(client, url: str, expect_results: bool, strict: bool = True) -> int:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} gaf {response.status_code}")
    html = response.content.decode()
    found = len(RESULT.findall(html))
    if not strict:  # the small area: a listing with ads or the "nothing found" text
        assert found > 0 or NOTHING_FOUND in html, f"{url}: geen lijst"
    elif expect_results:
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
    parser.add_argument("--small-ads", type=int, default=1_000)
    parser.add_argument("--small-participants", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--only", help="run only cases whose name contains this")
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.db import connection
    from django.test import Client

    ensure_data(args.ads, args.participants, args.seed, args.rebuild)
    ensure_data(args.small_ads, args.small_participants, args.seed, args.rebuild, SMALL_AREA)
    client = Client()
    results = {}
    load_before = load()
    for name, query, expect_results in CASES:
        if args.only and args.only not in name:
            continue
        urls = {
            size: f"/{slug}/advertenties/" + (f"?{query}" if query else "")
            for size, slug in (("large", AREA), ("small", SMALL_AREA))
        }
        on_page = {
            "large": check(client, urls["large"], expect_results),
            "small": check(client, urls["small"], expect_results, strict=False),
        }
        for _ in range(args.warmup):
            for url in urls.values():
                time_get(client, url)
        samples = {"large": [], "small": []}
        for _ in range(args.repeat):
            for size, url in urls.items():
                samples[size].append(time_get(client, url))
        large, small = summarise(samples["large"]), summarise(samples["small"])
        ratio = {
            "p50": round(large["p50_ms"] / small["p50_ms"], 2),
            "p95": round(large["p95_ms"] / small["p95_ms"], 2),
        }
        results[name] = {
            "query": query,
            "large": large,
            "small": small,
            "ratio_large_to_small": ratio,
            "ads_on_page": on_page,
        }
        print(
            f"{name:22} {args.ads} ads p50 {large['p50_ms']:7.2f} p95 {large['p95_ms']:7.2f} | "
            f"{args.small_ads} ads p50 {small['p50_ms']:7.2f} p95 {small['p95_ms']:7.2f} | "
            f"ratio p50 {ratio['p50']:.2f} p95 {ratio['p95']:.2f}",
            flush=True,
        )
    load_after = load()
    print(f"load average voor {load_before}, na {load_after}")
    record(
        f"marketplace-{connection.vendor}",
        {
            "database": connection.vendor,
            "data": {
                "large": {"area": AREA, "ads": args.ads, "participants": args.participants},
                "small": {
                    "area": SMALL_AREA,
                    "ads": args.small_ads,
                    "participants": args.small_participants,
                },
            },
            "repeat": args.repeat,
            "load_before": load_before,
            "load_after": load_after,
            "cases": results,
        },
    )
    over = [n for n, r in results.items() if r["ratio_large_to_small"]["p50"] > 2]
    print("verhouding groot/klein (p50) boven 2: " + (", ".join(over) if over else "geen"))


if __name__ == "__main__":
    main()
