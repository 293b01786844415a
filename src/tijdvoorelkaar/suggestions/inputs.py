"""What the suggestion engine is fed from the database: an area's open ads, its people (with
the latest intake's strengths and availability, their running matches and pauses) and its
neighbourhoods, as the engine's plain dataclasses."""

from __future__ import annotations

from django.db.models import Count, Max

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant, Stage
from tijdvoorelkaar.workspace.models import Intake

from . import engine

RUNNING_STATUSES = (Mediation.Status.RUNNING, Mediation.Status.PAUSED)


def open_ads(area: Area):
    """Listed ads of the area, and of those only the open ones (not those in talks)."""
    return (
        Ad.objects.filter(area=area, kind__in=(Ad.Kind.REQUEST, Ad.Kind.OFFER), owner__isnull=False)
        .listed()
        .filter(status=Ad.Status.OPEN)
    )


def fingerprint(area: Area) -> tuple:
    ads = open_ads(area).aggregate(n=Count("id"), last=Max("updated_at"))
    intakes = Intake.objects.filter(participant__area=area).aggregate(n=Count("id"), last=Max("id"))
    people = Participant.objects.filter(area=area).aggregate(n=Count("id"), last=Max("id"))
    return (ads["n"], ads["last"], intakes["n"], intakes["last"], people["n"], people["last"])


def latest_intakes(area: Area, ids=None) -> dict[int, tuple[str, list]]:
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


def running(area: Area, ids=None) -> dict[int, int]:
    qs = Mediation.objects.filter(area=area, status__in=RUNNING_STATUSES)
    if ids is not None:
        qs = qs.filter(provider_id__in=ids)
    rows = qs.values("provider_id").annotate(n=Count("id")).values_list("provider_id", "n")
    return dict(rows)


def people(area: Area, ids=None) -> dict[str, engine.Person]:
    today = clock.today()
    qs = Participant.objects.filter(area=area)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    intakes = latest_intakes(area, ids)
    running_now = running(area, ids)
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
            running_matches=running_now.get(pid, 0),
            paused=stage == Stage.STOPPED or (paused_until is not None and paused_until >= today),
            strengths=strengths,
        )
    return people


def neighbourhoods(area: Area) -> list[engine.Neighbourhood]:
    return [
        engine.Neighbourhood(str(pk), name, None, lat, lon)
        for pk, name, lat, lon in area.neighbourhoods.values_list(
            "pk", "name", "latitude", "longitude"
        )
    ]


def ad_doc(row) -> engine.AdDoc:
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


AD_FIELDS = (
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


def ads(area: Area) -> list[engine.AdDoc]:
    return [ad_doc(row) for row in open_ads(area).values_list(*AD_FIELDS).iterator(5000)]


def last_text_change_by_area() -> dict[int, object]:
    """{area id: the newest change of a resident's request or offer (placed, edited,
    closed) or intake}, for the areas that have one."""
    ads = (
        Ad.objects.filter(kind__in=(Ad.Kind.REQUEST, Ad.Kind.OFFER), owner__isnull=False)
        .values("area")
        .annotate(last=Max("updated_at"))
        .values_list("area", "last")
    )
    intakes = (
        Intake.objects.values("participant__area")
        .annotate(last=Max("created_at"))
        .values_list("participant__area", "last")
    )
    changed: dict[int, object] = dict(ads)
    for area, last in intakes:
        if area not in changed or changed[area] < last:
            changed[area] = last
    return changed
