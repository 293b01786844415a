"""Rank matches for ads given in a JSON file, in memory, without the database.

    manage.py match_rank --input FILE.json [--k 10] [--reasons] [--no-meaning]

Input: {"neighbourhoods": [{"code", "name", "district", "lat", "lon"}],
"participants": [{"id", "neighbourhood", "languages", "interests", "availability"}],
"ads": [{"id", "owner", "kind": "vraag"|"aanbod", "category", "title", "description",
"frequency"}], "queries": [{"ad": "<id>"}]}. Other keys are ignored; optional ones may be
missing or null. Output (stdout, only this): {"rankings": {"<query ad id>": [ad ids of
the opposite kind, best first, at most k]}, "seconds": <time spent ranking>}; with
--reasons also "reasons": {"<query ad id>": {"<ad id>": ["<Dutch reason>", ...]}} for the
ranked ads. It runs the same engine as the broker's suggestion pages, meaning vectors
included: here the ads' texts are embedded in this process (the pages use the vectors the
task worker stored); --no-meaning ranks by the words alone.
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from tijdvoorelkaar.suggestions import engine, meaning, wording


def _list(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v is not None)


def _float(value):
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _text(value) -> str:
    return "" if value is None else str(value)


def load(data: dict, *, with_meaning: bool = True) -> tuple[engine.Index, dict[str, object], list]:
    """Engine objects from the contract's JSON; returns the index, the original ad ids by
    their string form, and the query ad ids (as given)."""
    if not isinstance(data, dict):
        raise CommandError("De invoer moet een JSON-object zijn.")
    neighbourhoods = [
        engine.Neighbourhood(
            _text(n.get("code")),
            _text(n.get("name")),
            n.get("district"),
            _float(n.get("lat")),
            _float(n.get("lon")),
        )
        for n in data.get("neighbourhoods") or ()
        if isinstance(n, dict) and n.get("code") is not None
    ]
    people = [
        engine.Person(
            id=_text(p.get("id")),
            neighbourhood=None if p.get("neighbourhood") is None else _text(p["neighbourhood"]),
            languages=_list(p.get("languages")),
            interests=_list(p.get("interests")),
            availability=_list(p.get("availability")),
        )
        for p in data.get("participants") or ()
        if isinstance(p, dict) and p.get("id") is not None
    ]
    original: dict[str, object] = {}
    ads = []
    for a in data.get("ads") or ():
        if not isinstance(a, dict) or a.get("id") is None or a.get("kind") not in engine.OPPOSITE:
            continue
        original.setdefault(str(a["id"]), a["id"])
        ads.append(
            engine.AdDoc(
                id=str(a["id"]),
                owner=_text(a.get("owner")),
                kind=a["kind"],
                category=_text(a.get("category")),
                title=_text(a.get("title")),
                description=_text(a.get("description")),
                frequency=_text(a.get("frequency")),
            )
        )
    queries = []
    for q in data.get("queries") or ():
        ad_id = q.get("ad") if isinstance(q, dict) else q
        if ad_id is not None:
            queries.append(ad_id)
    vectors = None
    if with_meaning and ads:
        texts = [engine.ad_text(ad) for ad in ads]
        vectors = dict(zip([ad.id for ad in ads], meaning.embed(texts), strict=True))
    index = engine.Index(neighbourhoods, people, ads, strengths=False, vectors=vectors)
    return index, original, queries


class Command(BaseCommand):
    help = "Rangschik passende advertenties voor de advertenties in een JSON-bestand."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help="het JSON-bestand")
        parser.add_argument("--k", type=int, default=10, help="hoeveel per advertentie")
        parser.add_argument(
            "--reasons", action="store_true", help="ook de redenen per gerangschikte advertentie"
        )
        parser.add_argument(
            "--no-meaning", action="store_true", help="alleen op woorden, zonder betekenis"
        )

    def handle(self, *args, **options):
        k = options["k"]
        if k < 1:
            raise CommandError("--k moet minstens 1 zijn.")
        try:
            with open(options["input"], encoding="utf-8") as fh:
                data = json.load(fh)
        except OSError as exc:
            raise CommandError(f"Kan het bestand niet lezen: {exc}") from exc
        except ValueError as exc:
            raise CommandError(f"Het bestand is geen geldige JSON: {exc}") from exc
        start = time.perf_counter()
        index, original, queries = load(data, with_meaning=not options["no_meaning"])
        rankings = {}
        reasons = {}
        for ad_id in queries:
            ranked = engine.rank_suggestions(index, str(ad_id), k)
            rankings[str(ad_id)] = [original.get(s.doc_id, s.doc_id) for s in ranked]
            if options["reasons"]:
                with translation.override("nl"):
                    reasons[str(ad_id)] = {
                        s.doc_id: [wording.translated(r, translation.gettext) for r in s.reasons]
                        for s in ranked
                    }
        seconds = time.perf_counter() - start
        out = {"rankings": rankings, "seconds": round(seconds, 6)}
        if options["reasons"]:
            out["reasons"] = reasons
        self.stdout.write(json.dumps(out, ensure_ascii=False))
