"""The stored meaning vectors of an area's texts (models.TextEmbedding): which texts an
area has, which of them still need a vector, and the vectors the index is built with."""

from __future__ import annotations

import numpy as np
from django.db.models import Max

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock

from . import engine, inputs, meaning
from .models import TextEmbedding

BATCH = 32
FEW = 500  # up to this many texts are looked up by digest, more by reading the area's rows


def current() -> tuple[str, str]:
    """(model, version) of the vectors that are used."""
    return meaning.MODEL, meaning.version()


def texts_of(ads: list[engine.AdDoc], people) -> dict[str, str]:
    """{document id: text} for the ads and the people's strengths, as the index has them."""
    texts = {ad.id: engine.ad_text(ad) for ad in ads if ad.kind in engine.OPPOSITE}
    for person in people:
        text = engine.strengths_text(person)
        if text:
            texts[f"deelnemer:{person.id}"] = text
    return texts


def area_texts(area: Area) -> dict[str, str]:
    """{document id: text} of everything the area's index compares by meaning."""
    return texts_of(inputs.ads(area), inputs.people(area).values())


def vectors_for(area: Area, texts: dict[str, str]) -> tuple[dict[str, np.ndarray], int]:
    """{document id: vector} for the texts that have a vector of the current model, and how
    many have none yet."""
    model, version = current()
    by_digest: dict[str, list[str]] = {}
    for doc_id, text in texts.items():
        by_digest.setdefault(meaning.digest(text), []).append(doc_id)
    found: dict[str, np.ndarray] = {}
    rows = TextEmbedding.objects.filter(area=area, model=model, version=version)
    if len(by_digest) <= FEW:  # a few texts (those still missing): look them up
        rows = rows.filter(digest__in=list(by_digest))
    for digest, vector in rows.values_list("digest", "vector").iterator(2000):
        for doc_id in by_digest.get(digest, ()):
            found[doc_id] = meaning.from_bytes(vector)
    return found, len(texts) - len(found)


def stored_vector(area: Area, text: str) -> np.ndarray | None:
    model, version = current()
    row = (
        TextEmbedding.objects.filter(
            area=area, model=model, version=version, digest=meaning.digest(text)
        )
        .values_list("vector", flat=True)
        .first()
    )
    return None if row is None else meaning.from_bytes(row)


def stored_count(area: Area) -> int:
    model, version = current()
    return TextEmbedding.objects.filter(area=area, model=model, version=version).count()


def embed_area(area_id: int) -> int:
    """Make the missing vectors of the area's texts (in batches), and delete vectors of
    texts the area no longer has or of another model. Returns how many were made."""
    area = Area.objects.filter(pk=area_id).first()
    if area is None:
        return 0
    model, version = current()
    wanted = {meaning.digest(text): text for text in area_texts(area).values()}
    existing = set(
        TextEmbedding.objects.filter(area=area, model=model, version=version).values_list(
            "digest", flat=True
        )
    )
    missing = [(d, t) for d, t in wanted.items() if d not in existing]
    made = 0
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        vectors = meaning.embed([text for _d, text in batch])
        made += store(area, [(digest, v) for (digest, _t), v in zip(batch, vectors, strict=True)])
    TextEmbedding.objects.filter(area=area).exclude(model=model, version=version).delete()
    _delete(area, existing - wanted.keys())
    return made


def store(area: Area, vectors: list[tuple[str, np.ndarray]]) -> int:
    """Store (digest, vector) pairs of the current model for `area`; a pair stored
    already (a second worker was quicker) is left as it is. Returns how many were given."""
    model, version = current()
    now = clock.now()
    TextEmbedding.objects.bulk_create(
        [
            TextEmbedding(
                area=area,
                digest=digest,
                model=model,
                version=version,
                vector=meaning.to_bytes(vector),
                created_at=now,
            )
            for digest, vector in vectors
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    return len(vectors)


def _delete(area: Area, digests: set[str]) -> int:
    gone = sorted(digests)
    deleted = 0
    for start in range(0, len(gone), 500):
        deleted += TextEmbedding.objects.filter(
            area=area, digest__in=gone[start : start + 500]
        ).delete()[0]
    return deleted


def forget_gone_texts(area: Area) -> int:
    """Delete the vectors of texts the area no longer has (an erased person's ads and
    intake, a closed ad) at once, without the model. Returns how many went."""
    wanted = {meaning.digest(text) for text in area_texts(area).values()}
    stored = set(TextEmbedding.objects.filter(area=area).values_list("digest", flat=True))
    return _delete(area, stored - wanted)


def areas_needing_work() -> list[int]:
    """Areas whose ads or intakes changed after their newest vector of the current model
    (or that have none): the hourly catch-up asks the worker to check only those."""
    model, version = current()
    newest = dict(
        TextEmbedding.objects.filter(model=model, version=version)
        .values("area")
        .annotate(last=Max("created_at"))
        .values_list("area", "last")
    )
    changed = inputs.last_text_change_by_area()
    return sorted(pk for pk, last in changed.items() if pk not in newest or newest[pk] < last)
