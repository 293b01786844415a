"""The match suggestion engine: in memory, pure Python, no Django.

Built once per area from plain dataclasses (`Index(neighbourhoods, people, ads)`), it
answers "who could help with this request?", "who could use this offer?" and "what could
this participant do for someone else?" with a ranked list, a score breakdown and reasons
in plain Dutch (wording.Text: the pages show them in the reader's language). The same
engine serves the broker's pages (through `services.py`) and the `match_rank` command.

Scoring, in two steps:
1. Text: every ad (and every participant's strengths from the intake) is analysed by
   `lexicon.analyse` into weighted terms: stems, help concepts (laptop -> computer) and
   broad fields (computer -> digitaal). Weights are multiplied by an idf over the area's
   documents and normalised, so the text score is a cosine in [0, 1]. An inverted index
   (per kind: term -> documents) means only documents sharing a term are touched. The
   category is a soft signal: a same-category bonus, never a filter (residents mislabel).
2. Context, for the best few hundred only: same or nearby neighbourhood (haversine
   between centroids), overlapping availability, a shared language other than Dutch,
   shared interests. Constraints: never the same person, never a pair whose earlier
   match ended badly, paused participants left out, people the broker dismissed left
   out, helpers with as many running matches as the area allows rank lower.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from . import intent, lexicon
from .tokens import pairs
from .wording import Text, gettext_noop, joined

REQUEST = "vraag"
OFFER = "aanbod"
OPPOSITE = {REQUEST: OFFER, OFFER: REQUEST}

TITLE_WEIGHT = 1.0
DESCRIPTION_WEIGHT = 0.7
CATEGORY_TEXT_WEIGHT = 0.25  # the category name as words: weak, residents mislabel
CATEGORY_BONUS = 0.06
SAME_NEIGHBOURHOOD = 0.05
NEAR_BONUS = 0.03  # within NEAR_KM
NEAR_KM = 2.5
SAME_DISTRICT = 0.015
AVAILABILITY_BONUS = 0.03
LANGUAGE_BONUS = 0.04
INTEREST_BONUS = 0.02
BUSY_FACTOR = 0.6  # helpers with max running matches or more
POOL = 150  # documents that get the context step
DUTCH = "Nederlands"
# The meaning signal (meaning.py) next to the words: a document's cosine with the query,
# read against the other documents of its kind (0 at the median, 1 at the best) and
# added with this weight to the word score. Measured on bench/data/suggestions_labelled.json
# (bench_suggestions.py): see docs/architecture.md.
MEANING_WEIGHT = 0.6
MEANING_WEIGHT_KNOWN = 0.1
MIN_LANGUAGE_DOCS = 5  # a language with fewer documents is not centred
# With fewer documents of a kind the meaning is left out: among a handful of texts the
# closest is not necessarily close (e5's cosines of unrelated neighbourhood texts reach
# 0.84), and only the place among many says something.
MIN_MEANING_DOCS = 20
MEANING_REASON = 0.5  # the meaning part must be at least this share to be a reason
MEANING_REASON_NEAR = 0.7  # and the text among the closest in meaning of the area
NAMED_NEIGHBOURHOOD = 0.5  # the request names the helper's buurt
ASKED_LANGUAGE = 0.5  # the request asks for someone who speaks a language the helper speaks
NEARBY_FACTOR = 4  # "uit de buurt": the place bonuses count this many times
WRONG_DAYS_FACTOR = 0.7  # "niet in het weekend" and the helper can only then
WEEKEND_DAYS = ("za", "zo")


@dataclass(frozen=True)
class Neighbourhood:
    code: str
    name: str = ""
    district: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Person:
    id: str
    neighbourhood: str | None = None
    languages: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    availability: tuple[str, ...] = ()
    running_matches: int = 0
    paused: bool = False
    strengths: str = ""  # what the intake says someone is good at / likes doing


@dataclass
class AdDoc:
    id: str
    owner: str
    kind: str
    category: str = ""
    title: str = ""
    description: str = ""
    frequency: str = ""
    availability: tuple[str, ...] = ()  # the ad's own "wanneer"; else the owner's
    neighbourhood: str | None = None  # the ad's own buurt; else the owner's


@dataclass
class Suggestion:
    doc_id: str  # the ad id, or "deelnemer:<id>" for a participant's strengths
    person_id: str
    kind: str  # vraag, aanbod, or "kennismaking" for strengths
    score: float
    reasons: list[str]
    notes: list[str]
    breakdown: dict[str, float] = field(default_factory=dict)
    near: float = 0.0  # how close in meaning among the area's documents, 0..1

    @property
    def ad_id(self) -> str | None:
        return None if self.kind == STRENGTHS else self.doc_id


STRENGTHS = "kennismaking"


@dataclass
class Query:
    owner: str | None
    want: str  # the kind of document wanted
    terms: dict[str, float]  # normalised weights
    category: str = ""
    neighbourhood: str | None = None
    availability: frozenset[str] = frozenset()
    ad_id: str | None = None
    vector: np.ndarray | None = None  # the meaning of the query text (meaning.py)
    wishes: intent.Wishes = intent.NONE


@dataclass
class _Doc:
    id: str
    owner: str
    kind: str  # vraag, aanbod or STRENGTHS (indexed with the offers)
    category: str
    terms: dict[str, float]
    surface: dict[str, str]  # stem term -> a word as written, for reasons
    availability: frozenset[str]
    neighbourhood: str | None
    own_concepts: frozenset[str]  # concepts its own words name plainly (for reasons)
    title: str  # the start of the title, for a reason about meaning
    wishes: intent.Wishes  # what a request says about who should help


def ad_text(ad: AdDoc) -> str:
    """The text of an ad whose meaning is compared (title and description)."""
    return " ".join(f"{ad.title or ''} {ad.description or ''}".split())


def strengths_text(person: Person) -> str:
    """What the intake says someone is good at and likes doing, and their interests."""
    return " ".join(" ".join([person.strengths or "", *person.interests]).split())


def person_text(person: Person, extra_text: str = "") -> str:
    """The text of "what could this participant do for someone else?"."""
    return " ".join(f"{strengths_text(person)} {extra_text}".split())


def _key(text: str | None) -> str:
    return " ".join(lexicon.words(text or ""))


def haversine_km(a: Neighbourhood, b: Neighbourhood) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    r = 6371.0
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


REASON_MIN_LETTERS = 4  # a reason never quotes a shorter word


def _raw_terms(title: str, description: str, category: str) -> tuple[dict, dict, frozenset]:
    """Weighted terms of an ad; the words as written by stem (for reasons, only words of
    four letters or more that are not stop words); the concepts its own text names with
    a word of the concept's own (not a weak hint, not the category)."""
    terms: dict[str, float] = {}
    surface: dict[str, str] = {}
    own: set[str] = set()
    for text, weight in (
        (title, TITLE_WEIGHT),
        (description, DESCRIPTION_WEIGHT),
        (category, CATEGORY_TEXT_WEIGHT),
    ):
        for term, w in lexicon.analyse(text or "").items():
            if w * weight > terms.get(term, 0.0):
                terms[term] = w * weight
            # a concept word as written, inflected or in a compound; not a guessed typo (0.9)
            if weight >= DESCRIPTION_WEIGHT and term.startswith("c:") and w >= lexicon.STRONG:
                own.add(term)
        if weight >= DESCRIPTION_WEIGHT:
            meaningful = set(lexicon.meaningful_words(text or ""))
            for written, word in pairs(text or ""):
                if (
                    word not in meaningful
                    or len(written) < REASON_MIN_LETTERS
                    or word in lexicon.HINT_WORDS
                ):
                    continue
                for term, _w in lexicon.analyse_word(word):
                    if term.startswith("s:"):
                        surface.setdefault(term, written)
    return terms, surface, frozenset(own)


def _short(title: str, words: int = 6) -> str:
    parts = (title or "").split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _normalise(terms: dict[str, float], idf: Mapping[str, float], default_idf: float) -> dict:
    weighted = {t: w * idf.get(t, default_idf) for t, w in terms.items()}
    norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    return {t: v / norm for t, v in weighted.items()}


class Index:
    """All open ads (and participants' strengths) of one area, ready to rank."""

    def __init__(
        self,
        neighbourhoods: Iterable[Neighbourhood],
        people: Iterable[Person],
        ads: Iterable[AdDoc],
        *,
        strengths: bool = True,
        vectors: Mapping[str, np.ndarray] | None = None,
    ) -> None:
        """`vectors`: the meaning of each document's text (meaning.py) by document id (an
        ad's id, or "deelnemer:<id>" for strengths); documents without one are found by
        their words only."""
        self.neighbourhoods = {n.code: n for n in neighbourhoods}
        self.neighbourhood_names = intent.neighbourhood_names(
            (n.code, n.name) for n in self.neighbourhoods.values()
        )
        self.people: dict[str, Person] = {p.id: p for p in people}
        raw: list[tuple[AdDoc | Person, str, dict, dict, frozenset]] = []
        languages: list[str] = []  # of each document, to centre its meaning vector
        for ad in ads:
            if ad.kind not in OPPOSITE:
                continue
            terms, surface, own = _raw_terms(ad.title, ad.description, ad.category)
            raw.append((ad, ad.kind, terms, surface, own))
            languages.append(lexicon.language_of(ad_text(ad)) if vectors else "")
        if strengths:
            for person in self.people.values():
                text = strengths_text(person)
                if text:
                    terms, surface, own = _raw_terms(text, "", "")
                    raw.append((person, STRENGTHS, terms, surface, own))
                    languages.append(lexicon.language_of(text) if vectors else "")
        df: dict[str, int] = {}
        for _src, _kind, terms, _s, _o in raw:
            for t in terms:
                df[t] = df.get(t, 0) + 1
        n = max(1, len(raw))
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self.default_idf = math.log(1 + n)
        self.docs: list[_Doc] = []
        self.by_id: dict[str, int] = {}
        # kind -> term -> (doc indexes, weights); strengths are listed with the offers.
        self.postings: dict[str, dict[str, tuple[list[int], list[float]]]] = {
            REQUEST: {},
            OFFER: {},
        }
        self.by_category: dict[str, dict[str, list[int]]] = {REQUEST: {}, OFFER: {}}
        for src, kind, terms, surface, own in raw:
            if isinstance(src, Person):
                doc_id, owner, category = f"deelnemer:{src.id}", src.id, ""
                avail, nb = lexicon.slots(src.availability), src.neighbourhood
                title = _short(src.strengths)
                wishes = intent.NONE
            else:
                doc_id, owner, category = str(src.id), str(src.owner), _key(src.category)
                avail = lexicon.slots(src.availability) if src.availability else None
                nb = src.neighbourhood
                if avail is None:
                    owner_person = self.people.get(owner)
                    avail = lexicon.slots(owner_person.availability if owner_person else ())
                title = _short(src.title)
                wishes = intent.read(f"{src.title}. {src.description}", self.neighbourhood_names)
            doc = _Doc(
                doc_id,
                owner,
                kind,
                category,
                _normalise(terms, self.idf, self.default_idf),
                surface,
                avail,
                nb,
                own,
                title,
                wishes or intent.NONE,
            )
            idx = len(self.docs)
            self.docs.append(doc)
            self.by_id.setdefault(doc_id, idx)
            listed = OFFER if kind == STRENGTHS else kind
            table = self.postings[listed]
            for term, w in doc.terms.items():
                entry = table.get(term)
                if entry is None:
                    table[term] = ([idx], [w])
                else:
                    entry[0].append(idx)
                    entry[1].append(w)
            if category:
                self.by_category[listed].setdefault(category, []).append(idx)
        # The meaning vectors, one row per document (zero where none is known), and per
        # kind the documents that have one.
        self.dimensions = 0
        self.vectors = np.zeros((0, 0), dtype=np.float32)
        self.with_vector: dict[str, np.ndarray] = {}
        self.shifts: dict[str, np.ndarray] = {}
        if vectors:
            self._set_vectors(vectors, languages)

    def _set_vectors(self, vectors: Mapping[str, np.ndarray], languages: list[str]) -> None:
        """The documents' vectors, centred per language: a small multilingual model puts
        texts of one language close together whatever they are about (Arabic typed in
        Latin letters most of all), so each language's mean is replaced by the mean of
        all documents, leaving what the texts are about (bench_suggestions.py measures
        it)."""
        self.dimensions = len(next(iter(vectors.values())))
        self.vectors = np.zeros((len(self.docs), self.dimensions), dtype=np.float32)
        known = {REQUEST: [], OFFER: []}
        by_language: dict[str, list[int]] = {}
        for idx, doc in enumerate(self.docs):
            vector = vectors.get(doc.id)
            if vector is not None and len(vector) == self.dimensions:
                self.vectors[idx] = vector
                known[OFFER if doc.kind == STRENGTHS else doc.kind].append(idx)
                by_language.setdefault(languages[idx], []).append(idx)
        self.with_vector = {k: np.asarray(v, dtype=np.int64) for k, v in known.items()}
        rows = [i for found in by_language.values() for i in found]
        if not rows:
            return
        overall = self.vectors[rows].mean(axis=0)
        for language, found in by_language.items():
            if len(found) >= MIN_LANGUAGE_DOCS:
                self.shifts[language] = overall - self.vectors[found].mean(axis=0)
        for language, found in by_language.items():
            shift = self.shifts.get(language)
            if shift is not None:
                self.vectors[found] += shift
        norms = np.linalg.norm(self.vectors[rows], axis=1, keepdims=True)
        self.vectors[rows] /= np.maximum(norms, 1e-6)

    def centred(self, vector: np.ndarray | None, text: str) -> np.ndarray | None:
        """A query's vector, centred as the documents of its language are."""
        if vector is None or not self.shifts:
            return vector
        shift = self.shifts.get(lexicon.language_of(text))
        if shift is None:
            return vector
        moved = np.asarray(vector, dtype=np.float32) + shift
        return moved / max(float(np.linalg.norm(moved)), 1e-6)

    def nbytes(self) -> int:
        """About how much memory this index holds: the vectors exactly, the rest by the
        size of a document's words and terms as measured (bench_suggestions.py)."""
        terms = sum(len(d.terms) + len(d.surface) for d in self.docs)
        return int(self.vectors.nbytes + 900 * len(self.docs) + 180 * terms)

    # --- queries -------------------------------------------------------------------------

    def vector_of(self, doc_id: str) -> np.ndarray | None:
        """The stored meaning of a document in the index, if it has one."""
        idx = self.by_id.get(str(doc_id))
        if idx is None or not self.dimensions or not self.vectors[idx].any():
            return None
        return self.vectors[idx]

    def query_for_ad(
        self, ad_id: str, ad: AdDoc | None = None, vector: np.ndarray | None = None
    ) -> Query | None:
        """The query for an ad: from the index when the ad is in it (with its stored
        meaning), else from `ad` (and `vector`, the meaning of its text, if known)."""
        idx = self.by_id.get(str(ad_id))
        if idx is not None and self.docs[idx].kind in OPPOSITE:
            doc = self.docs[idx]
            return Query(
                doc.owner,
                OPPOSITE[doc.kind],
                doc.terms,
                doc.category,
                doc.neighbourhood,
                doc.availability,
                doc.id,
                self.vector_of(doc.id) if vector is None else vector,
                doc.wishes,
            )
        if ad is None or ad.kind not in OPPOSITE:
            return None
        terms, _surface, _own = _raw_terms(ad.title, ad.description, ad.category)
        owner = self.people.get(str(ad.owner))
        avail = ad.availability or (owner.availability if owner else ())
        return Query(
            str(ad.owner),
            OPPOSITE[ad.kind],
            _normalise(terms, self.idf, self.default_idf),
            _key(ad.category),
            ad.neighbourhood,
            lexicon.slots(avail),
            str(ad.id),
            self.centred(vector, ad_text(ad)),
            intent.read(f"{ad.title}. {ad.description}", self.neighbourhood_names),
        )

    def query_for_person(
        self, person: Person, extra_text: str = "", vector: np.ndarray | None = None
    ) -> Query:
        """ "Wat kan deze deelnemer voor een ander doen?": open requests that fit what the
        intake says someone is good at and likes doing (and what they offer). `vector`:
        the meaning of person_text(person, extra_text), if known."""
        text = person_text(person, extra_text)
        terms, _surface, _own = _raw_terms(text, "", "")
        return Query(
            str(person.id),
            REQUEST,
            _normalise(terms, self.idf, self.default_idf),
            "",
            None,
            lexicon.slots(person.availability),
            None,
            self.centred(vector, text),
        )

    def candidates(self, query: Query, limit: int = POOL) -> list[tuple[float, int]]:
        """(text score incl. category bonus, doc index) of the best `limit` documents.

        The broad field terms ("digitaal", "dieren") touch many documents and only matter
        for near misses, so the first pass leaves them out; they are added for the
        documents found (an exact score), and used to find documents only when the first
        pass finds fewer than `limit`. The category bonus goes only to documents the text
        already found, unless there are too few of those."""
        table = self.postings[query.want]
        acc: dict[int, float] = {}
        get = acc.get
        fields = []
        for term, qw in query.terms.items():
            if term.startswith("f:"):
                fields.append((term, qw))
                continue
            entry = table.get(term)
            if entry is None:
                continue
            ids, weights = entry
            for i, w in zip(ids, weights, strict=True):
                acc[i] = get(i, 0.0) + qw * w
        if len(acc) < limit:  # few text matches: let near misses and the category in
            for term, _qw in fields:
                entry = table.get(term)
                if entry is not None:
                    for i in entry[0]:
                        acc.setdefault(i, 0.0)
            if query.category:
                for i in self.by_category[query.want].get(query.category, ()):
                    acc.setdefault(i, 0.0)
        if len(acc) > 2 * limit:
            pre = heapq.nlargest(2 * limit, acc.items(), key=lambda item: item[1])
        else:
            pre = list(acc.items())
        docs = self.docs
        lexical = {}
        for i, partial in pre:
            terms = docs[i].terms
            lexical[i] = partial + sum(qw * terms.get(t, 0.0) for t, qw in fields)
        meaning = self._meaning(query, limit, lexical)
        weight = self.meaning_weight(query)
        scored = []
        for i in lexical.keys() | meaning.keys():
            part = weight * meaning.get(i, 0.0)
            score = lexical.get(i, 0.0) + part
            if query.category and docs[i].category == query.category:
                score += CATEGORY_BONUS
            scored.append((score, i, part))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return scored[:limit]

    @staticmethod
    def meaning_weight(query: Query) -> float:
        """How much the meaning counts next to the words: little when the words name a
        help concept (the lexicon knows it in every language we read; the small model
        is weak in Turkish, Polish, Ukrainian and Arabic typed in Latin letters and
        tends to match by language rather than by topic), much when they do not (a
        paraphrase the lexicon has no words for)."""
        known = max((w for t, w in query.terms.items() if t.startswith("c:")), default=0.0)
        return MEANING_WEIGHT_KNOWN if known > 0 else MEANING_WEIGHT

    def _meaning(self, query: Query, limit: int, also: Iterable[int] = ()) -> dict[int, float]:
        """{doc index: how close in meaning, 0..1} for the `limit` documents of the wanted
        kind closest to the query (and the documents `also`), read against all of them: 0
        at the median cosine, 1 at the best (e5's cosines lie close together, so only the
        place among the documents says something)."""
        vector = query.vector
        rows = self.with_vector.get(query.want)
        if vector is None or rows is None or not len(rows) or len(vector) != self.dimensions:
            return {}
        every = self.vectors @ np.asarray(vector, dtype=np.float32)
        sims = every[rows]
        top = float(sims.max())
        middle = float(np.median(sims))
        if top - middle <= 1e-6:
            return {}
        if len(rows) < MIN_MEANING_DOCS:  # too few to tell near from far
            return {}
        if len(rows) > limit:
            best = np.argpartition(-sims, limit - 1)[:limit]
        else:
            best = np.arange(len(rows))
        near = np.clip((sims[best] - middle) / (top - middle), 0.0, 1.0)
        found = {int(rows[b]): float(v) for b, v in zip(best, near, strict=True) if v > 0}
        for i in also:
            if i not in found and self.vectors[i].any():
                v = (float(every[i]) - middle) / (top - middle)
                if v > 0:
                    found[i] = min(1.0, v)
        return found

    def owners(self, pool: list[tuple[float, int, float]]) -> set[str]:
        return {self.docs[i].owner for _s, i, _m in pool}

    def rank(
        self,
        query: Query,
        k: int = 10,
        *,
        people: Mapping[str, Person] | None = None,
        bad_pairs: Iterable[frozenset[str]] = (),
        exclude_people: Iterable[str] = (),
        max_running: int = 3,
        include_strengths: bool = True,
        one_per_person: bool = False,
        pool: list[tuple[float, int, float]] | None = None,
    ) -> list[Suggestion]:
        """The best `k` suggestions for `query`, best first, each with its reasons.

        `people` may give fresher data for the candidates (the page loads it from the
        database for the pool only); it falls back to the people the index was built with.
        """
        people = people if people is not None else self.people
        excluded = {str(p) for p in exclude_people}
        bad = {frozenset(map(str, pair)) for pair in bad_pairs}
        if pool is None:
            pool = self.candidates(query, max(POOL, 5 * k))
        me = people.get(query.owner) if query.owner is not None else None
        my_nb = query.neighbourhood or (me.neighbourhood if me else None)
        my_langs = {lexicon.language_name(v) for v in (me.languages if me else ())}
        my_langs.discard(DUTCH)
        my_interests = {_key(v): v for v in (me.interests if me else ()) if _key(v)}
        # Text relevance counts relative to the best match in the pool, so the context
        # bonuses (a few hundredths) reorder close matches but never outweigh the need.
        best_text = max((self._text_only(query, s, i) for s, i, _m in pool), default=0.0)
        scale = 1.0 / best_text if best_text > 0 else 0.0
        weight = self.meaning_weight(query)
        results: list[Suggestion] = []
        for text_score, idx, meaning in pool:
            doc = self.docs[idx]
            if doc.kind == STRENGTHS and not include_strengths:
                continue
            owner = doc.owner
            if owner == query.owner or owner in excluded:
                continue
            if query.owner is not None and frozenset((owner, query.owner)) in bad:
                continue
            person = people.get(owner)
            if person is not None and person.paused:
                continue
            results.append(
                self._score(
                    query, doc, text_score, meaning, scale, person, my_nb, my_langs, my_interests
                )
            )
            s = results[-1]
            s.near = meaning / weight if weight else 0.0
            if (
                person is not None
                and query.want == OFFER
                and person.running_matches >= max(1, max_running)
            ):
                s.score *= BUSY_FACTOR
                s.breakdown["druk"] = -round(s.score / BUSY_FACTOR * (1 - BUSY_FACTOR), 4)
                s.notes.append(
                    Text(
                        gettext_noop("heeft al %(count)s lopende koppelingen"),
                        count=person.running_matches,
                    )
                )
        results.sort(key=lambda s: (-s.score, s.doc_id))
        if one_per_person:
            seen: set[str] = set()
            unique = []
            for s in results:
                if s.person_id not in seen:
                    seen.add(s.person_id)
                    unique.append(s)
            results = unique
        results = results[:k]
        for s in results:  # the text reasons only for what is shown
            s.reasons[:0] = self._text_reasons(query, self.docs[self.by_id[s.doc_id]], s)
        return results

    def _text_only(self, query: Query, score: float, idx: int) -> float:
        same = bool(query.category) and self.docs[idx].category == query.category
        return score - (CATEGORY_BONUS if same else 0.0)

    def _score(self, query, doc, text_score, meaning, scale, person, my_nb, my_langs, my_interests):
        reasons: list[str] = []
        notes: list[str] = []
        breakdown: dict[str, float] = {}
        same_category = bool(query.category) and doc.category == query.category
        text = (text_score - (CATEGORY_BONUS if same_category else 0.0)) * scale
        breakdown["tekst"] = round(text - meaning * scale, 4)
        if meaning:
            breakdown["betekenis"] = round(meaning * scale, 4)
        score = text
        if same_category:
            score += CATEGORY_BONUS
            breakdown["categorie"] = CATEGORY_BONUS
            reasons.append(Text(gettext_noop("zelfde categorie")))
        their_nb = doc.neighbourhood or (person.neighbourhood if person else None)
        wishes = query.wishes
        place = self._place(my_nb, their_nb)
        if wishes.neighbourhoods and their_nb in wishes.neighbourhoods:
            score += NAMED_NEIGHBOURHOOD
            breakdown["afstand"] = NAMED_NEIGHBOURHOOD
            reasons.append(
                Text(
                    gettext_noop("woont in de gevraagde buurt (%(name)s)"),
                    name=self.neighbourhoods[their_nb].name,
                )
            )
        elif place:
            bonus, reason = place
            if wishes.nearby:
                bonus = round(bonus * NEARBY_FACTOR, 4)
            score += bonus
            breakdown["afstand"] = bonus
            reasons.append(reason)
        if doc.availability and (wishes.weekdays_only or wishes.weekend_only):
            weekend = {slot for slot in doc.availability if slot.split("-", 1)[0] in WEEKEND_DAYS}
            if wishes.weekdays_only and weekend == doc.availability:
                score *= WRONG_DAYS_FACTOR
                notes.append(Text(gettext_noop("kan alleen in het weekend")))
            elif wishes.weekend_only and not weekend:
                score *= WRONG_DAYS_FACTOR
                notes.append(Text(gettext_noop("kan niet in het weekend")))
        if query.availability and doc.availability:
            common = query.availability & doc.availability
            if common:
                first = min(common, key=_slot_order)
                score += AVAILABILITY_BONUS
                breakdown["beschikbaarheid"] = AVAILABILITY_BONUS
                reasons.append(
                    Text(gettext_noop("kan op %(slot)s"), slot=lexicon.slot_label(first))
                )
        theirs = {lexicon.language_name(v) for v in person.languages} if person else set()
        asked = sorted(wishes.languages & theirs)
        if asked:  # "mijn vader spreekt alleen Turks": the language is part of the need
            score += ASKED_LANGUAGE
            breakdown["taal"] = ASKED_LANGUAGE
            names = [Text(n) if n in lexicon.KNOWN_LANGUAGES else n for n in asked]
            reasons.append(
                Text(gettext_noop("spreekt %(languages)s, zoals gevraagd"), languages=joined(names))
            )
        elif person is not None and my_langs:
            shared = sorted(my_langs & theirs)
            if shared:
                score += LANGUAGE_BONUS
                breakdown["taal"] = LANGUAGE_BONUS
                names = [Text(n) if n in lexicon.KNOWN_LANGUAGES else n for n in shared]
                reasons.append(Text(gettext_noop("spreekt %(languages)s"), languages=joined(names)))
        if person is not None and my_interests:
            shared = [
                my_interests[k]
                for k in sorted(my_interests)
                if k in {_key(v) for v in person.interests}
            ]
            if shared:
                bonus = INTEREST_BONUS * min(2, len(shared))
                score += bonus
                breakdown["interesses"] = bonus
                reasons.append(
                    Text(gettext_noop("interesse: %(interests)s"), interests=", ".join(shared[:2]))
                )
        return Suggestion(doc.id, doc.owner, doc.kind, round(score, 4), reasons, notes, breakdown)

    def _text_reasons(self, query: Query, doc: _Doc, suggestion: Suggestion) -> list:
        """Why the texts fit, in words a broker can check: a help concept only when the
        document's own words name it, words it shares (four letters or more, never a stop
        word), and the meaning when the match rests on it."""
        shared = [(query.terms[t] * w, t) for t, w in doc.terms.items() if t in query.terms]
        shared.sort(reverse=True)
        breakdown = suggestion.breakdown
        meaning = breakdown.get("betekenis", 0.0)
        about = []
        rests_on_meaning = meaning >= MEANING_REASON * (meaning + breakdown.get("tekst", 0.0))
        if meaning and rests_on_meaning and suggestion.near >= MEANING_REASON_NEAR:
            about = [Text(gettext_noop("gaat over hetzelfde: %(title)s"), title=f"‘{doc.title}’")]
        if not shared:
            return about
        message = {
            OFFER: gettext_noop("biedt %(what)s"),
            REQUEST: gettext_noop("vraagt %(what)s"),
            STRENGTHS: gettext_noop("kan %(what)s"),
        }[doc.kind]
        concepts = [t for _w, t in shared if t.startswith("c:") and t in doc.own_concepts]
        reasons = []
        if concepts:
            labels = []
            for t in concepts[:2]:
                label = lexicon.CONCEPT_BY_KEY[t[2:]].label
                if label not in labels:
                    labels.append(label)
            reasons.append(Text(message, what=joined([Text(label) for label in labels])))
        else:
            own_fields = {lexicon.CONCEPT_BY_KEY[c[2:]].field for c in doc.own_concepts}
            fields = [t[2:] for _w, t in shared if t.startswith("f:") and t[2:] in own_fields]
            if fields:
                reasons.append(Text(gettext_noop("verwant: %(field)s"), field=Text(fields[0])))
        stems = [doc.surface.get(t) for _w, t in shared if t.startswith("s:")]
        stems = [s for s in stems if s][:2]
        if stems:
            words = ", ".join(f"‘{s}’" for s in stems)
            reasons.append(Text(gettext_noop("noemt ook %(words)s"), words=words))
        reasons.extend(about)
        if doc.kind == STRENGTHS:
            reasons.append(Text(gettext_noop("uit de kennismaking")))
        return reasons

    def _place(self, mine: str | None, theirs: str | None) -> tuple[float, Text] | None:
        if not mine or not theirs:
            return None
        if mine == theirs:
            return SAME_NEIGHBOURHOOD, Text(gettext_noop("zelfde buurt"))
        a, b = self.neighbourhoods.get(mine), self.neighbourhoods.get(theirs)
        if a is None or b is None:
            return None
        km = haversine_km(a, b)
        if km is not None and km <= NEAR_KM:
            bonus = NEAR_BONUS * (1 - km / (2 * NEAR_KM))
            return round(bonus, 4), Text(gettext_noop("buurt dichtbij (%(km)s km)"), km=km)
        if a.district and a.district == b.district:
            return SAME_DISTRICT, Text(gettext_noop("zelfde wijk"))
        return None


_DAY_ORDER = {d: i for i, d in enumerate(lexicon.DAY_NAMES)}
_PART_ORDER = {p: i for i, p in enumerate(lexicon.PARTS)}


def _slot_order(slot: str) -> tuple[int, int]:
    day, part = slot.split("-", 1)
    return _DAY_ORDER[day], _PART_ORDER[part]


def rank_suggestions(index: Index, ad_id: str, k: int = 10, **options) -> list[Suggestion]:
    """The best ads of the opposite kind for one ad, with their reasons (`match_rank`)."""
    query = index.query_for_ad(str(ad_id))
    if query is None:
        return []
    return [s for s in index.rank(query, k, include_strengths=False, **options) if s.ad_id]


def rank_ads(index: Index, ad_id: str, k: int = 10, **options) -> list[str]:
    """Ids of the best ads of the opposite kind for one ad (what `match_rank` prints)."""
    return [s.doc_id for s in rank_suggestions(index, ad_id, k, **options)]
