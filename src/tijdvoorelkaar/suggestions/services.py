"""Match suggestions for the broker: the engine fed from the database.

The text index of an area (its open requests and offers and its participants' strengths)
is built once and kept in memory per process, keyed by a cheap fingerprint of the area's
open ads and intakes; it is rebuilt when that changes or after `INDEX_TTL` seconds. The
people around a query (pause, running matches, languages, interests, availability) are
read fresh from the database for the few hundred best candidates only, as are the
pairs that ended badly and the broker's dismissals. The broker always decides: nothing
here proposes or changes a match.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant, Stage
from tijdvoorelkaar.workspace.models import Intake

from . import engine, wording
from .models import Dismissal

BAD_END_REASONS = (
    Mediation.EndReason.EXPECTATIONS,
    Mediation.EndReason.TOO_MUCH,
    Mediation.EndReason.AGREEMENTS_BROKEN,
)
RUNNING_STATUSES = (Mediation.Status.RUNNING, Mediation.Status.PAUSED)
INDEX_TTL = 600  # seconds
DEFAULT_K = 10

_cache: dict[int, tuple[tuple, float, engine.Index]] = {}
_lock = threading.Lock()


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


def _open_ads(area: Area):
    # Listed ads, and of those only the open ones (not those already in talks).
    return (
        Ad.objects.filter(area=area, kind__in=(Ad.Kind.REQUEST, Ad.Kind.OFFER), owner__isnull=False)
        .listed()
        .filter(status=Ad.Status.OPEN)
    )


def _fingerprint(area: Area) -> tuple:
    ads = _open_ads(area).aggregate(n=Count("id"), last=Max("updated_at"))
    intakes = Intake.objects.filter(participant__area=area).aggregate(n=Count("id"), last=Max("id"))
    people = Participant.objects.filter(area=area).aggregate(n=Count("id"), last=Max("id"))
    return (ads["n"], ads["last"], intakes["n"], intakes["last"], people["n"], people["last"])


def _latest_intakes(area: Area, ids=None) -> dict[int, tuple[str, list]]:
    qs = Intake.objects.filter(participant__area=area)
    if ids is not None:
        qs = qs.filter(participant_id__in=ids)
    latest: dict[int, tuple[str, list]] = {}
    rows = qs.order_by("participant_id", "-held_on", "-id").values_list(
        "participant_id", "good_at", "likes_doing", "availability"
    )
    for pid, good_at, likes, availability in rows:
        if pid not in latest:
            latest[pid] = (f"{good_at} {likes}".strip(), availability or [])
    return latest


def _running(area: Area, ids=None) -> dict[int, int]:
    qs = Mediation.objects.filter(area=area, status__in=RUNNING_STATUSES)
    if ids is not None:
        qs = qs.filter(provider_id__in=ids)
    rows = qs.values("provider_id").annotate(n=Count("id")).values_list("provider_id", "n")
    return dict(rows)


def _people(area: Area, ids=None) -> dict[str, engine.Person]:
    today = clock.today()
    qs = Participant.objects.filter(area=area)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    intakes = _latest_intakes(area, ids)
    running = _running(area, ids)
    people = {}
    rows = qs.values_list(
        "id", "neighbourhood_id", "languages", "interests", "routing_stage", "paused_until"
    )
    for pid, nb, languages, interests, stage, paused_until in rows:
        strengths, availability = intakes.get(pid, ("", []))
        people[str(pid)] = engine.Person(
            id=str(pid),
            neighbourhood=str(nb) if nb else None,
            languages=tuple(languages or ()),
            interests=tuple(interests or ()),
            availability=tuple(availability),
            running_matches=running.get(pid, 0),
            paused=stage == Stage.STOPPED or (paused_until is not None and paused_until >= today),
            strengths=strengths,
        )
    return people


def _neighbourhoods(area: Area) -> list[engine.Neighbourhood]:
    return [
        engine.Neighbourhood(str(pk), name, None, lat, lon)
        for pk, name, lat, lon in area.neighbourhoods.values_list(
            "pk", "name", "latitude", "longitude"
        )
    ]


def _ad_doc(row) -> engine.AdDoc:
    pk, owner, kind, category, title, description, frequency, availability, nb = row
    return engine.AdDoc(
        id=str(pk),
        owner=str(owner),
        kind=kind,
        category=category or "",
        title=title,
        description=description,
        frequency=frequency,
        availability=tuple(availability or ()),
        neighbourhood=str(nb) if nb else None,
    )


_AD_FIELDS = (
    "id",
    "owner_id",
    "kind",
    "category__name",
    "title",
    "description",
    "frequency",
    "availability",
    "neighbourhood_id",
)


def build_index(area: Area) -> engine.Index:
    ads = [_ad_doc(row) for row in _open_ads(area).values_list(*_AD_FIELDS).iterator(5000)]
    return engine.Index(_neighbourhoods(area), _people(area).values(), ads)


def index_for(area: Area) -> engine.Index:
    """The area's index, built once and reused while the area's open ads, intakes and
    participants stay the same (and at most INDEX_TTL seconds)."""
    key = _fingerprint(area)
    now = time.monotonic()
    cached = _cache.get(area.pk)
    if cached and cached[0] == key and now - cached[1] < INDEX_TTL:
        return cached[2]
    with _lock:
        cached = _cache.get(area.pk)
        if cached and cached[0] == key and now - cached[1] < INDEX_TTL:
            return cached[2]
        index = build_index(area)
        _cache[area.pk] = (key, time.monotonic(), index)
        return index


def clear_cache() -> None:
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
    people = _people(area, ids)
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
    row = Ad.objects.filter(pk=ad.pk).values_list(*_AD_FIELDS).get()
    query = index.query_for_ad(str(ad.pk), _ad_doc(row))
    return _rows(area, _rank(area, index, query, exclude=dismissed_for(ad), k=k))


def suggestions_for_participant(
    area: Area, participant: Participant, *, k: int = DEFAULT_K
) -> list[Row]:
    """ "Wat kan deze deelnemer voor een ander doen?": open requests that fit what the
    intake says this person is good at and likes doing, and what they offer."""
    if participant.area_id != area.pk:
        raise SuggestionError(_("Deze deelnemer hoort niet bij dit werkgebied."))
    index = index_for(area)
    person = _people(area, {participant.pk})[str(participant.pk)]
    offers = _open_ads(area).filter(owner=participant, kind=Ad.Kind.OFFER)
    extra = " ".join(f"{t} {d}" for t, d in offers.values_list("title", "description"))
    query = index.query_for_person(person, extra)
    dismissed_ads = set(
        Dismissal.objects.filter(participant=participant).values_list("ad_id", flat=True)
    )
    suggestions = _rank(area, index, query, exclude=(), k=k + len(dismissed_ads))
    suggestions = [s for s in suggestions if s.ad_id and int(s.ad_id) not in dismissed_ads]
    return _rows(area, suggestions[:k])


def has_strengths(area: Area, participant: Participant) -> bool:
    strengths, _availability = _latest_intakes(area, {participant.pk}).get(participant.pk, ("", []))
    return bool(strengths or participant.interests) or (
        _open_ads(area).filter(owner=participant, kind=Ad.Kind.OFFER).exists()
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
