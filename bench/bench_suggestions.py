"""Match suggestions: quality per language, engine speed with the query's embedding,
index memory, the worker's embedding speed, and the page's server time.

    python bench/bench_suggestions.py [--database-url URL] [--skip-page] [--throughput]

1. Quality: bench/data/suggestions_labelled.json (made by make_suggestion_set.py; 184
   requests in Dutch, English, Turkish, Arabic in both scripts, Polish, Ukrainian and
   mixed). For every request the offers are ranked by the engine as the pages rank
   ("fused": words and meaning), by its words only ("lexical"), by the embedding only
   ("meaning"), and by two baselines written here: "category only" and "keyword overlap"
   (shared Dutch stems). Reported per language of the request: recall@5 (a right offer in
   the first five: does the broker find the right person there?), strict recall@5 (share
   of all right offers in the first five) and MRR (1 / rank of the first right offer).
2. Engine: one request against 50,000 candidate offers (synthetic, built from the set's
   texts and extra fragments, each with the stored vector of the text it was made from),
   p50/p95 of embedding the request's own text and ranking; the index build apart.
3. Index memory: an index of 10,000 ads with vectors, measured with tracemalloc, next to
   the estimate the cache's budget uses.
4. With --throughput: the task worker's job on an area with 1,000 new texts (SQLite).
5. Page (the figure that counts): /<area>/makelaar/suggesties/<ad>/ as the area's broker,
   with about 50,000 open ads in the area (`bench_marketplace_data --area bench-sugg
   --ads 79000`), Django test client through every middleware, the view, the database
   and the template; the first request (which builds the area's index) apart from the
   warm ones. The worker's memory over 300 areas: bench_suggestion_memory.py.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as settings.py does for the site

import numpy as np  # noqa: E402
from common import ROOT, load, record, summarise

sys.path.insert(0, str(ROOT / "src"))

DATA = Path(__file__).resolve().parent / "data" / "suggestions_labelled.json"


# --- quality --------------------------------------------------------------------------------


def _offers_for(data, query_ad):
    return [
        a for a in data["ads"] if a["kind"] != query_ad["kind"] and a["owner"] != query_ad["owner"]
    ]


def _tie(query_ad, ad) -> float:
    """A fixed pseudo-random tie breaker per (query, candidate), so that the order in which
    the set was written does not help a baseline."""
    return random.Random(f"{query_ad['id']}/{ad['id']}").random()


def rank_category_only(data, query_ad):
    same = query_ad.get("category") or ""
    offers = _offers_for(data, query_ad)
    return [
        a["id"]
        for a in sorted(offers, key=lambda a: (a.get("category") != same, _tie(query_ad, a)))
    ]


def rank_keyword_overlap(data, query_ad):
    from tijdvoorelkaar.core.dutch import STOPWORDS, stem, words

    def stems(ad):
        text = f"{ad.get('title') or ''} {ad.get('description') or ''}"
        return {stem(w) for w in words(text) if w not in STOPWORDS}

    mine = stems(query_ad)
    scored = [
        (-len(mine & stems(a)), _tie(query_ad, a), a["id"]) for a in _offers_for(data, query_ad)
    ]
    return [ad_id for _s, _t, ad_id in sorted(scored)]


def rank_engine_factory(data, mode: str = "fused"):
    """The engine's ranker: "fused" (words and meaning, as the pages rank), "lexical"
    (words only) or "meaning" (the embedding only: the query's words are left out)."""

    from tijdvoorelkaar.suggestions.management.commands.match_rank import load

    index, _original, _queries = load(data, with_meaning=mode != "lexical")

    def rank(_data, query_ad):
        query = index.query_for_ad(query_ad["id"])
        if mode == "meaning":
            query.terms, query.category = {}, ""
        ranked = index.rank(query, 10, include_strengths=False)
        return [s.doc_id for s in ranked]

    return rank


def evaluate(data, ranker, language: str | None = None) -> dict:
    """recall@5, strict recall@5 and MRR over the set's queries (of one language)."""
    ads = {a["id"]: a for a in data["ads"]}
    languages = data.get("languages", {})
    hits = strict = rr = 0.0
    misses = []
    queries = [
        q for q in data["queries"] if language is None or languages.get(q["ad"], "nl") == language
    ]
    for query in queries:
        qid = query["ad"]
        relevant = set(data["labels"][qid])
        ranking = ranker(data, ads[qid])
        top5 = ranking[:5]
        found = relevant & set(top5)
        hits += bool(found)
        strict += len(found) / min(5, len(relevant))
        first = next((i for i, r in enumerate(ranking) if r in relevant), None)
        rr += 0 if first is None else 1 / (first + 1)
        if not found:
            misses.append(ads[qid]["title"])
    n = max(1, len(queries))
    return {
        "queries": len(queries),
        "recall_at_5": round(hits / n, 3),
        "strict_recall_at_5": round(strict / n, 3),
        "mrr": round(rr / n, 3),
        "missed": misses,
    }


def quality() -> dict:
    """Each ranker on the whole set and per language of the query."""
    data = json.loads(DATA.read_text())
    languages = sorted(set(data.get("languages", {}).values()) or {"nl"})
    rankers = {
        "fused": rank_engine_factory(data, "fused"),
        "lexical": rank_engine_factory(data, "lexical"),
        "meaning": rank_engine_factory(data, "meaning"),
        "category_only": rank_category_only,
        "keyword_overlap": rank_keyword_overlap,
    }
    result = {}
    for name, ranker in rankers.items():
        result[name] = {"all": evaluate(data, ranker)}
        for language in languages:
            result[name][language] = evaluate(data, ranker, language)
    return result


def print_quality(result: dict) -> None:
    languages = [k for k in next(iter(result.values())) if k != "all"]
    print(f"{'ranker':16} {'all':>11} " + " ".join(f"{lang:>11}" for lang in languages))
    for name, per in result.items():
        cells = [f"{per[k]['recall_at_5']:.2f}/{per[k]['mrr']:.2f}" for k in ["all", *languages]]
        print(f"{name:16} " + " ".join(f"{c:>11}" for c in cells))


# --- speed ----------------------------------------------------------------------------------

FRAGMENTS = [
    "Ik woon op de tweede verdieping.",
    "Liefst in de ochtend.",
    "Het hoeft niet snel.",
    "Ik heb weinig tijd maar help graag.",
    "Bel gerust even.",
    "Een uurtje per week.",
    "Ik ben gepensioneerd en heb tijd over.",
    "Het gaat om een kleine klus.",
    "Samen koffie drinken mag ook.",
    "Ik spreek ook Engels.",
]


def speed(candidates: int = 50_000, repeat: int = 3) -> dict:
    from tijdvoorelkaar.suggestions import engine, meaning
    from tijdvoorelkaar.suggestions.management.commands.match_rank import load

    data = json.loads(DATA.read_text())
    rnd = random.Random(3)
    offers = [a for a in data["ads"] if a["kind"] == "aanbod"]
    requests = [a for a in data["ads"] if a["kind"] == "vraag"]
    people = list(data["participants"])
    for n in range(10_000):
        base = rnd.choice(people)
        people.append(
            {**base, "id": f"x{n}", "neighbourhood": rnd.choice(data["neighbourhoods"])["code"]}
        )
    ads = list(requests)
    origin = {a["id"]: a for a in requests}
    for n in range(candidates):
        base = rnd.choice(offers)
        origin[f"s{n}"] = base
        other = rnd.choice(offers)
        ads.append(
            {
                "id": f"s{n}",
                "owner": f"x{rnd.randrange(10_000)}",
                "kind": "aanbod",
                "category": rnd.choice([base["category"], other["category"]]),
                "title": base["title"],
                "description": " ".join(
                    [base["description"], *rnd.sample(FRAGMENTS, rnd.randint(0, 2))]
                ),
            }
        )
    # Meaning vectors as the worker would have stored them: each synthetic ad gets the
    # real vector of the text it was made from (embedding 50,000 texts here would take
    # minutes and tell nothing about ranking speed).
    base_texts = sorted({engine.ad_text(_doc(a)) for a in offers + requests})
    base_vectors = dict(zip(base_texts, meaning.embed(base_texts), strict=True))
    vectors = {str(a["id"]): base_vectors[engine.ad_text(_doc(origin[a["id"]]))] for a in ads}
    big = {**data, "participants": people, "ads": ads}
    start = time.perf_counter()
    index, _o, _q = load(big, with_meaning=False)
    plain = index
    index = engine.Index(
        plain.neighbourhoods.values(),
        plain.people.values(),
        [_doc(a) for a in ads],
        strengths=False,
        vectors=vectors,
    )
    build_s = time.perf_counter() - start
    by_id = {a["id"]: a for a in ads}
    samples = []
    for _ in range(repeat):
        for query in data["queries"]:
            ad = _doc(by_id[query["ad"]])
            t0 = time.perf_counter()
            # a request as the page answers it: its own text embedded, then ranked
            vector = meaning.embed_one(engine.ad_text(ad))
            q = index.query_for_ad(ad.id, ad, vector)
            index.rank(q, 10, include_strengths=False)
            samples.append((time.perf_counter() - t0) * 1000)
    return {
        "candidates": sum(1 for a in ads if a["kind"] == "aanbod"),
        "index_build_s": round(build_s, 2),
        "query_with_embedding": summarise(samples),
    }


def _doc(a: dict):
    from tijdvoorelkaar.suggestions import engine

    return engine.AdDoc(
        id=str(a["id"]),
        owner=str(a.get("owner") or ""),
        kind=a["kind"],
        category=a.get("category") or "",
        title=a.get("title") or "",
        description=a.get("description") or "",
    )


def index_memory(ads: int = 10_000) -> dict:
    """What an index of `ads` ads holds (tracemalloc counts Python objects and NumPy's
    arrays), next to the estimate the cache budgets with (Index.nbytes)."""
    import tracemalloc

    from tijdvoorelkaar.suggestions import engine, meaning

    data = json.loads(DATA.read_text())
    rnd = random.Random(11)
    base = [a for a in data["ads"] if a["kind"] in ("vraag", "aanbod")]
    docs = []
    for n in range(ads):
        a, b = rnd.choice(base), rnd.choice(base)
        docs.append(
            engine.AdDoc(
                id=f"m{n}",
                owner=f"o{n % 3000}",
                kind=a["kind"],
                category=a.get("category") or "",
                title=a["title"],
                description=f"{b.get('description') or ''} {rnd.choice(FRAGMENTS)}",
            )
        )
    rng = np.random.default_rng(3)
    vectors = {
        d.id: v / np.linalg.norm(v)
        for d, v in zip(
            docs, rng.standard_normal((ads, meaning.DIMENSIONS)).astype(np.float32), strict=True
        )
    }
    people = [engine.Person(f"o{n}", "lunetten") for n in range(3000)]
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = engine.Index([], people, docs, strengths=False, vectors=vectors)
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return {
        "ads": ads,
        "held_mb": round(held / 2**20, 1),
        "estimate_mb": round(index.nbytes() / 2**20, 1),
        "vectors_mb": round(index.vectors.nbytes / 2**20, 1),
    }


def embedding_throughput(texts: int = 1000) -> dict:
    """The task worker's job (`embeddings.embed_area`) on an area with `texts` new ad
    texts, on a fresh SQLite database: texts embedded and stored per second."""
    import tempfile

    from common import setup_django

    tmp = tempfile.mkdtemp()
    setup_django(f"sqlite:///{tmp}/embed.db")
    from django.core.management import call_command

    from tijdvoorelkaar.demo import seed as demo
    from tijdvoorelkaar.marketplace.models import Ad, Category
    from tijdvoorelkaar.participants.tests.factories import participant
    from tijdvoorelkaar.suggestions import embeddings
    from tijdvoorelkaar.suggestions.models import TextEmbedding

    call_command("migrate", verbosity=0)
    area = demo.seed_areas()["utrecht-zuid"]
    owner = participant(area, "Bench", neighbourhood="lunetten")
    category = Category.objects.filter(area=area).first()
    data = json.loads(DATA.read_text())
    rnd = random.Random(13)
    base = data["ads"]
    rows = []
    for n in range(texts):
        a, b = rnd.choice(base), rnd.choice(base)
        rows.append(
            Ad(
                area=area,
                owner=owner,
                kind=rnd.choice(["vraag", "aanbod"]),
                category=category,
                title=a["title"],
                description=f"{b.get('description') or ''} ({n})",
                visibility="public",
                created_at=area.created_at,
                expires_on=area.created_at.date().replace(year=area.created_at.year + 5),
            )
        )
    Ad.objects.bulk_create(rows)
    wanted = len(embeddings.area_texts(area))
    t0 = time.perf_counter()
    made = embeddings.embed_area(area.pk)
    seconds = time.perf_counter() - t0
    return {
        "texts_in_area": wanted,
        "embedded": made,
        "stored": TextEmbedding.objects.filter(area=area).count(),
        "seconds": round(seconds, 1),
        "texts_per_second": round(made / seconds, 1),
    }


# --- the page -------------------------------------------------------------------------------


def page(database_url: str | None, ads: int, participants: int, repeat: int) -> dict:
    from common import setup_django, staff_client

    setup_django(database_url)
    from django.core.management import call_command
    from django.db import connection

    from tijdvoorelkaar.areas.models import Area
    from tijdvoorelkaar.core import clock
    from tijdvoorelkaar.marketplace.models import Ad
    from tijdvoorelkaar.suggestions import services

    area = Area.objects.filter(slug="bench-sugg").first()
    if area is None or Ad.objects.filter(area=area).count() != ads:  # made once, then kept
        call_command(
            "bench_marketplace_data",
            area="bench-sugg",
            ads=ads,
            participants=participants,
            seed=1,
            stdout=open("/dev/null", "w"),  # noqa: SIM115
        )
    area = Area.objects.get(slug="bench-sugg")
    # The meaning vectors the task worker would have stored (random, under the texts'
    # real digests): the page then ranks with words and meaning, as in production.
    from bench_suggestion_memory import fill_vectors

    fill_vectors([area])
    open_ads = services.inputs.open_ads(area)
    open_count = open_ads.count()
    request_ids = list(
        open_ads.filter(kind=Ad.Kind.REQUEST).order_by("id").values_list("id", flat=True)[:400]
    )
    client = staff_client(area, "broker")
    services.clear_cache()
    url = "/bench-sugg/makelaar/suggesties/{}/"
    t0 = time.perf_counter()
    response = client.get(url.format(request_ids[0]))
    cold_ms = (time.perf_counter() - t0) * 1000
    assert response.status_code == 200, response.status_code
    rnd = random.Random(5)
    samples = []
    listed = []
    for _ in range(repeat):
        ad_id = rnd.choice(request_ids)
        t0 = time.perf_counter()
        response = client.get(url.format(ad_id))
        samples.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200
        listed.append(response.content.count(b'class="suggestion"'))
    return {
        "database": connection.vendor,
        "open_ads_in_area": open_count,
        "participants": participants,
        "today": clock.today().isoformat(),
        "cold_first_request_ms": round(cold_ms, 1),
        "warm": summarise(samples),
        "suggestions_listed_median": statistics.median(listed),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--skip-page", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument(
        "--throughput", action="store_true", help="the task worker's embedding speed (SQLite)"
    )
    parser.add_argument("--ads", type=int, default=79_000, help="about 50,000 end up open")
    parser.add_argument("--participants", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    payload = {"load_before": load()}
    vendor = "nodb"
    if not args.skip_quality:
        payload["quality"] = quality()
        print_quality(payload["quality"])
        payload["speed_50k"] = speed()
        payload["index_memory_10k"] = index_memory()
    if args.throughput:
        payload["embedding_throughput"] = embedding_throughput()
    if not args.skip_page:
        payload["page"] = page(args.database_url, args.ads, args.participants, args.repeat)
        vendor = payload["page"]["database"]
    payload["load_after"] = load()
    record(f"suggestions-{vendor}", payload)


if __name__ == "__main__":
    main()
