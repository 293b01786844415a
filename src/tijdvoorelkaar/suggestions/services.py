"""Match suggestions for the broker: the engine fed from the database.

The index of an area (its open requests and offers, its participants' strengths, and the
meaning vectors the task worker stored for their texts) is built once and kept in memory
per process, keyed by a cheap fingerprint of the area's open ads, intakes and vectors; it
is rebuilt when that changes or after `INDEX_TTL` seconds. The indexes of all areas share
a memory budget (settings.SUGGESTIONS_INDEX_MEMORY_MB, 512 MB per process by default):
the least recently used are dropped when it is full. Building one area's index holds up
only the requests for that area. The people around a query (pause, running matches,
languages, interests, availability) are read fresh from the database for the few
hundred best candidates only, as are the pairs that ended badly and the broker's
dismissals. The broker always decides: nothing here proposes or changes a match.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant

from . import embeddings, engine, inputs, meaning, tasks, wording
from .models import Dismissal

BAD_END_REASONS = (
    Mediation.EndReason.EXPECTATIONS,
    Mediation.EndReason.TOO_MUCH,
    Mediation.EndReason.AGREEMENTS_BROKEN,
)
INDEX_TTL = 600  # seconds
DEFAULT_K = 10


@dataclass
class _Entry:
    key: tuple
    built: float
    index: engine.Index
    nbytes: int


_cache: OrderedDict[int, _Entry] = OrderedDict()  # least recently used first
_cache_lock = threading.Lock()  # guards _cache and _area_locks, held only briefly
_area_locks: dict[int, threading.Lock] = {}


class SuggestionError(ServiceError):
    """A request about suggestions that cannot be carried out; the message is for the
    broker (translated)."""


@dataclass
class Row:
    """One suggestion as the page shows it."""

    suggestion: engine.Suggestion
    participant: Participant
    ad: Ad | None  # the candidate's ad, None when the suggestion comes from the intake

    @property
    def reasons(self) -> list[str]:
        """The engine's reasons in the reader's language."""
        return [_in_reader_language(text) for text in self.suggestion.reasons]

    @property
    def notes(self) -> list[str]:
        return [_in_reader_language(text) for text in self.suggestion.notes]


def _in_reader_language(text: str) -> str:
    return wording.translated(text, _, lambda value: number_format(round(value, 1), decimal_pos=1))


# --- building the engine input --------------------------------------------------------------


def build_index(area: Area) -> engine.Index:
    """The area's index; texts without a stored vector yet are found by their words, and
    the task worker is asked to embed them."""
    ads = inputs.ads(area)
    people = inputs.people(area)
    texts = embeddings.texts_of(ads, people.values())
    vectors, missing = embeddings.vectors_for(area, texts)
    if missing:
        tasks.schedule(area.pk)  # outside a transaction an inline task backend runs it now
        rest = {doc_id: text for doc_id, text in texts.items() if doc_id not in vectors}
        vectors.update(embeddings.vectors_for(area, rest)[0])
    return engine.Index(inputs.neighbourhoods(area), people.values(), ads, vectors=vectors)


def memory_budget() -> int:
    return int(getattr(settings, "SUGGESTIONS_INDEX_MEMORY_MB", 512)) * 1024 * 1024


def _fresh(entry: _Entry | None, key: tuple) -> bool:
    return entry is not None and entry.key == key and time.monotonic() - entry.built < INDEX_TTL


def index_for(area: Area) -> engine.Index:
    """The area's index, built once and reused while the area's open ads, intakes,
    participants and vectors stay the same (and at most INDEX_TTL seconds)."""
    key = (*inputs.fingerprint(area), embeddings.stored_count(area))
    with _cache_lock:
        entry = _cache.get(area.pk)
        if _fresh(entry, key):
            _cache.move_to_end(area.pk)
            return entry.index
        area_lock = _area_locks.setdefault(area.pk, threading.Lock())
    with area_lock:  # one build per area; other areas are not held up
        with _cache_lock:
            entry = _cache.get(area.pk)
            if _fresh(entry, key):
                _cache.move_to_end(area.pk)
                return entry.index
        index = build_index(area)
        with _cache_lock:
            _cache[area.pk] = _Entry(key, time.monotonic(), index, index.nbytes())
            _cache.move_to_end(area.pk)
            _evict(keep=area.pk)
        return index


def _evict(keep: int) -> None:
    """Drop the least recently used indexes until the rest fit the budget (never `keep`,
    the one just asked for)."""
    budget = memory_budget()
    total = sum(e.nbytes for e in _cache.values())
    for pk in list(_cache):
        if total <= budget:
            break
        if pk != keep:
            total -= _cache.pop(pk).nbytes


def cached_bytes() -> int:
    """What the cached indexes hold, by their own estimate (for the bench and the admin)."""
    with _cache_lock:
        return sum(e.nbytes for e in _cache.values())


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


# --- constraints --------------------------------------------------------------------------


def bad_pairs_for(area: Area, participant_id: int) -> set[frozenset[str]]:
    """Pairs with `participant_id` whose earlier mediation ended badly."""
    rows = Mediation.objects.filter(
        Q(requester_id=participant_id) | Q(provider_id=participant_id),
        area=area,
        end_reason__in=BAD_END_REASONS,
    ).values_list("requester_id", "provider_id")
    return {frozenset((str(a), str(b))) for a, b in rows}


def dismissed_for(ad: Ad) -> set[str]:
    return {
        str(p) for p in Dismissal.objects.filter(ad=ad).values_list("participant_id", flat=True)
    }


# --- what the pages call ------------------------------------------------------------------


def _rank(area: Area, index: engine.Index, query: engine.Query, *, exclude, k: int):
    pool = index.candidates(query, max(engine.POOL, 5 * k))
    ids = {int(o) for o in index.owners(pool)}
    if query.owner is not None:
        ids.add(int(query.owner))
    people = inputs.people(area, ids)
    return index.rank(
        query,
        k,
        people=people,
        bad_pairs=bad_pairs_for(area, int(query.owner)) if query.owner else (),
        exclude_people=exclude,
        max_running=area.max_running_matches,
        one_per_person=True,
        pool=pool,
    )


def _rows(area: Area, suggestions: list[engine.Suggestion]) -> list[Row]:
    people = Participant.objects.filter(
        area=area, pk__in=[int(s.person_id) for s in suggestions]
    ).select_related("user", "neighbourhood")
    people = {str(p.pk): p for p in people}
    ad_ids = [int(s.ad_id) for s in suggestions if s.ad_id]
    ads = {str(a.pk): a for a in Ad.objects.filter(area=area, pk__in=ad_ids)}
    return [
        Row(s, people[s.person_id], ads.get(s.ad_id) if s.ad_id else None)
        for s in suggestions
        if s.person_id in people
    ]


def suggestions_for_ad(area: Area, ad: Ad, *, k: int = DEFAULT_K) -> list[Row]:
    """Who could help with this request, or who could use this offer, best first."""
    if ad.area_id != area.pk or ad.kind not in (Ad.Kind.REQUEST, Ad.Kind.OFFER):
        raise SuggestionError(_("Voor deze advertentie zijn geen suggesties te maken."))
    if ad.owner_id is None:
        raise SuggestionError(_("Deze advertentie hoort niet bij een deelnemer."))
    index = index_for(area)
    row = Ad.objects.filter(pk=ad.pk).values_list(*inputs.AD_FIELDS).get()
    doc = inputs.ad_doc(row)
    vector = index.vector_of(doc.id)
    if vector is None:  # not among the open ads (e.g. in talks): its own text only
        text = engine.ad_text(doc)
        vector = embeddings.stored_vector(area, text)
        if vector is None and text:
            vector = meaning.embed_one(text)
    query = index.query_for_ad(str(ad.pk), doc, vector)
    return _rows(area, _rank(area, index, query, exclude=dismissed_for(ad), k=k))


def suggestions_for_participant(
    area: Area, participant: Participant, *, k: int = DEFAULT_K
) -> list[Row]:
    """ "Wat kan deze deelnemer voor een ander doen?": open requests that fit what the
    intake says this person is good at and likes doing, and what they offer."""
    if participant.area_id != area.pk:
        raise SuggestionError(_("Deze deelnemer hoort niet bij dit werkgebied."))
    index = index_for(area)
    person = inputs.people(area, {participant.pk})[str(participant.pk)]
    offers = inputs.open_ads(area).filter(owner=participant, kind=Ad.Kind.OFFER)
    extra = " ".join(f"{t} {d}" for t, d in offers.values_list("title", "description"))
    text = engine.person_text(person, extra)
    vector = meaning.embed_one(text) if text else None  # the query's own text only
    query = index.query_for_person(person, extra, vector)
    dismissed_ads = set(
        Dismissal.objects.filter(participant=participant).values_list("ad_id", flat=True)
    )
    suggestions = _rank(area, index, query, exclude=(), k=k + len(dismissed_ads))
    suggestions = [s for s in suggestions if s.ad_id and int(s.ad_id) not in dismissed_ads]
    return _rows(area, suggestions[:k])


def has_strengths(area: Area, participant: Participant) -> bool:
    strengths, _availability = inputs.latest_intakes(area, {participant.pk}).get(
        participant.pk, ("", [])
    )
    return bool(strengths or participant.interests) or (
        inputs.open_ads(area).filter(owner=participant, kind=Ad.Kind.OFFER).exists()
    )


def dismiss(*, area: Area, broker, ad: Ad, participant: Participant) -> Dismissal:
    """The broker finds `participant` not suitable for `ad`: not suggested for it again."""
    if ad.area_id != area.pk or participant.area_id != area.pk:
        raise SuggestionError(_("Deze advertentie of deelnemer hoort niet bij dit werkgebied."))
    if ad.kind not in (Ad.Kind.REQUEST, Ad.Kind.OFFER):
        raise SuggestionError(
            _("Alleen bij een vraag of aanbod kan een suggestie afgewezen worden.")
        )
    existing = Dismissal.objects.filter(ad=ad, participant=participant).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Dismissal.objects.create(
                area=area, ad=ad, participant=participant, broker=broker, at=clock.now()
            )
    except IntegrityError:  # a double click raced us
        return Dismissal.objects.get(ad=ad, participant=participant)


def proposal_query(ad: Ad, participant: Participant) -> str:
    """The query string that opens the proposal page (C) with both people filled in."""
    side = "helper" if ad.kind == Ad.Kind.REQUEST else "vrager"
    return f"?advertentie={ad.pk}&{side}={participant.pk}"
