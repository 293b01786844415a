"""Match suggestions at national scale: a worker's memory after it served all 300 areas.

    # 1. the national set (bench_national.py build, e.g. --scale 0.25: 300 areas, 500,000
    #    ads), then a stored vector for every text of every area, as the task worker would
    #    have made them (random unit vectors under the texts' real digests: embedding
    #    half a million texts takes hours and says nothing about memory):
    python bench/bench_national.py build --database-url postgres://... --scale 0.25
    python bench/bench_suggestion_memory.py vectors --database-url postgres://...
    # 2. two fresh processes, one after the other, each touching every area once (the
    #    area's index, then the suggestions for one of its open requests, as the page
    #    asks them): one with the default budget (SUGGESTIONS_INDEX_MEMORY_MB=512), one
    #    without a bound worth the name (100,000 MB), for comparison:
    python bench/bench_suggestion_memory.py measure --database-url postgres://...

Reported per process: RSS (VmRSS from /proc) before the first area and after every 50,
the indexes kept and what they hold by their own estimate, the time to build one area's
index (p50/p95) and the suggestions' time for a warm index. Also the index memory per
10,000 ads, measured as the growth of the unbounded process's RSS per ad indexed.
"""

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
from common import ROOT, load, record, setup_django, summarise

sys.path.insert(0, str(ROOT / "src"))


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def fill_vectors(areas) -> int:
    """A random unit vector under the real digest of every text of `areas` that has none,
    as the task worker would have stored them. Returns how many were made."""
    from django.db import transaction

    from tijdvoorelkaar.suggestions import embeddings, meaning
    from tijdvoorelkaar.suggestions.models import TextEmbedding

    rng = np.random.default_rng(7)
    made = 0
    for area in areas:
        digests = {meaning.digest(t) for t in embeddings.area_texts(area).values()}
        have = set(TextEmbedding.objects.filter(area=area).values_list("digest", flat=True))
        pairs = []
        for digest in sorted(digests - have):
            v = rng.standard_normal(meaning.DIMENSIONS).astype(np.float32)
            pairs.append((digest, v / np.linalg.norm(v)))
        with transaction.atomic():
            made += embeddings.store(area, pairs)
    return made


def vectors(args) -> dict:
    setup_django(args.database_url)
    from tijdvoorelkaar.areas.models import Area

    started = time.perf_counter()
    made = fill_vectors(Area.objects.filter(slug__startswith="nat-").order_by("slug"))
    return {"vectors_made": made, "seconds": round(time.perf_counter() - started, 1)}


def touch_all(args) -> dict:
    """In this process: every area once, as a worker serving the whole country would."""
    setup_django(args.database_url)
    from django.conf import settings

    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.marketplace.models import Ad
    from tijdvoorelkaar.suggestions import inputs, services

    settings.SUGGESTIONS_INDEX_MEMORY_MB = args.budget_mb
    areas = list(Area.objects.filter(slug__startswith="nat-").order_by("slug"))
    services.clear_cache()
    before = rss_mb()
    samples = [{"areas": 0, "rss_mb": round(before, 1)}]
    builds, asks, docs = [], [], 0
    for n, area in enumerate(areas, 1):
        t0 = time.perf_counter()
        index = services.index_for(area)
        builds.append((time.perf_counter() - t0) * 1000)
        docs += len(index.docs)
        request = inputs.open_ads(area).filter(kind=Ad.Kind.REQUEST).order_by("id").first()
        if request is not None:
            t0 = time.perf_counter()
            services.suggestions_for_ad(area, request)
            asks.append((time.perf_counter() - t0) * 1000)
        if n % 50 == 0:
            samples.append(
                {
                    "areas": n,
                    "rss_mb": round(rss_mb(), 1),
                    "indexes_kept": len(services._cache),
                    "kept_estimate_mb": round(services.cached_bytes() / 2**20, 1),
                }
            )
    after = rss_mb()
    return {
        "budget_mb": args.budget_mb,
        "areas": len(areas),
        "documents_indexed": docs,
        "rss_before_mb": round(before, 1),
        "rss_after_mb": round(after, 1),
        "samples": samples,
        "index_build_ms": summarise(builds),
        "suggestions_warm_ms": summarise(asks),
    }


def measure(args) -> dict:
    results = {"load_before": load()}
    for budget in (512, 100_000):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "touch",
                "--database-url",
                args.database_url,
                "--budget-mb",
                str(budget),
            ],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        results[f"budget_{budget}"] = json.loads(out.stdout.strip().splitlines()[-1])
    unbounded = results["budget_100000"]
    grown = unbounded["rss_after_mb"] - unbounded["rss_before_mb"]
    results["index_mb_per_10000_ads"] = round(grown / unbounded["documents_indexed"] * 10_000, 1)
    results["load_after"] = load()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["vectors", "measure", "touch"])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--budget-mb", type=int, default=512)
    args = parser.parse_args()
    if args.what == "vectors":
        print(json.dumps(vectors(args)))
    elif args.what == "touch":
        print(json.dumps(touch_all(args)))
    else:
        record("suggestion-memory", measure(args))


if __name__ == "__main__":
    main()
