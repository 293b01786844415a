"""Meaning vectors: made by the task worker when texts change, stored once per text with
the model's name and version; pages embed no more than their own query; the indexes of
all areas stay within the memory budget, and one area's build does not hold up another."""

import datetime as dt
import threading

import pytest

from tijdvoorelkaar.core import clock
from tijdvoorelkaar.demo import seed as demo
from tijdvoorelkaar.marketplace import services as marketplace
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.marketplace.tests.factories import ad
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.privacy.services import erase_person
from tijdvoorelkaar.suggestions import embeddings, engine, meaning, services, tasks
from tijdvoorelkaar.suggestions.models import TextEmbedding
from tijdvoorelkaar.workspace.models import Intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def area():
    services.clear_cache()
    areas = demo.seed_areas()
    demo.seed_users(areas)
    return areas["utrecht-zuid"]


@pytest.fixture(autouse=True)
def worker(monkeypatch):
    """As in production: the hooks queue the embedding for a worker (here the inline
    backend runs it when the transaction commits)."""
    monkeypatch.setattr(tasks, "has_worker", lambda: True)


@pytest.fixture
def counted_embeddings(monkeypatch):
    """Every text meaning.embed is asked for, in order."""
    asked: list[str] = []
    real = meaning.embed

    def embed(texts):
        asked.extend(texts)
        return real(texts)

    monkeypatch.setattr(meaning, "embed", embed)
    return asked


def _placed(area, django_capture_on_commit_callbacks):
    """Two offers and a request, placed as residents do: the worker runs on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        asker = participant(area, "Liesbeth", neighbourhood="lunetten")
        request = ad(asker, "Looking for someone to walk my dog", category="Overig")
        walker = participant(area, "Fatima", neighbourhood="lunetten")
        ad(walker, "Ik laat uw hond uit", kind="aanbod", category="Dieren")
        cook = participant(area, "Priya", neighbourhood="hoograven")
        ad(cook, "Ik leer u roti maken", kind="aanbod", category="Overig")
    return request


def test_the_worker_stores_one_vector_per_text_with_its_model(
    area, django_capture_on_commit_callbacks
):
    _placed(area, django_capture_on_commit_callbacks)
    rows = TextEmbedding.objects.filter(area=area)
    assert rows.count() == 3
    model, version = embeddings.current()
    assert set(rows.values_list("model", "version")) == {(model, version)}
    stored = meaning.from_bytes(rows.first().vector)
    assert stored.shape == (meaning.DIMENSIONS,)
    assert abs(float(stored @ stored) - 1.0) < 1e-3


def test_an_edited_text_gets_a_new_vector_and_the_old_one_goes(
    area, django_capture_on_commit_callbacks
):
    request = _placed(area, django_capture_on_commit_callbacks)
    before = set(TextEmbedding.objects.filter(area=area).values_list("digest", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        marketplace.update_ad(request, {"title": "Wie laat mijn hond uit?"})
    after = set(TextEmbedding.objects.filter(area=area).values_list("digest", flat=True))
    assert meaning.digest("Wie laat mijn hond uit?") in after
    assert meaning.digest("Looking for someone to walk my dog") not in after
    assert len(after) == len(before)


def test_a_model_upgrade_re_embeds_in_the_background(
    area, django_capture_on_commit_callbacks, monkeypatch
):
    _placed(area, django_capture_on_commit_callbacks)
    monkeypatch.setattr(meaning, "version", lambda: "9.9.9")
    assert embeddings.vectors_for(area, embeddings.area_texts(area))[1] == 3  # none usable
    assert embeddings.embed_area(area.pk) == 3
    assert set(TextEmbedding.objects.filter(area=area).values_list("version", flat=True)) == {
        "9.9.9"
    }


def test_the_suggestion_page_embeds_nothing_for_an_open_request(
    area, django_capture_on_commit_callbacks, counted_embeddings
):
    request = _placed(area, django_capture_on_commit_callbacks)
    counted_embeddings.clear()
    rows = services.suggestions_for_ad(area, request)
    assert counted_embeddings == []
    assert rows[0].ad.title == "Ik laat uw hond uit"


def test_what_can_someone_do_embeds_only_their_own_text(
    area, django_capture_on_commit_callbacks, counted_embeddings
):
    _placed(area, django_capture_on_commit_callbacks)
    helper = participant(area, "Kees", neighbourhood="lunetten")
    Intake.objects.create(
        participant=helper,
        held_on=area.created_at.date(),
        good_at="wandelen met honden",
        created_at=area.created_at,
    )
    services.clear_cache()
    with django_capture_on_commit_callbacks(execute=True):
        services.index_for(area)  # asks the worker (inline here) for Kees's strengths
    assert TextEmbedding.objects.filter(digest=meaning.digest("wandelen met honden")).exists()
    services.clear_cache()
    counted_embeddings.clear()
    services.suggestions_for_participant(area, helper)
    assert counted_embeddings == ["wandelen met honden"]


def test_a_closed_ad_loses_its_vector(area, django_capture_on_commit_callbacks):
    request = _placed(area, django_capture_on_commit_callbacks)
    marketplace.set_status(request, Ad.Status.CLOSED)
    embeddings.embed_area(area.pk)
    digests = set(TextEmbedding.objects.filter(area=area).values_list("digest", flat=True))
    assert meaning.digest("Looking for someone to walk my dog") not in digests
    assert len(digests) == 2


class _FakeArea:
    def __init__(self, pk):
        self.pk = pk


def _fake_index(nbytes):
    index = engine.Index([], [], [])
    index.nbytes = lambda: nbytes
    return index


def test_indexes_stay_within_the_budget_least_recently_used_first(monkeypatch, settings):
    settings.SUGGESTIONS_INDEX_MEMORY_MB = 3
    mb = 1024 * 1024
    monkeypatch.setattr(services.inputs, "fingerprint", lambda area: (area.pk,))
    monkeypatch.setattr(services.embeddings, "stored_count", lambda area: 0)
    monkeypatch.setattr(services, "build_index", lambda area: _fake_index(mb))
    services.clear_cache()
    for pk in (1, 2, 3):
        services.index_for(_FakeArea(pk))
    services.index_for(_FakeArea(1))  # 1 is used again: 2 is now the oldest
    services.index_for(_FakeArea(4))
    assert list(services._cache) == [3, 1, 4]
    assert services.cached_bytes() <= 3 * mb
    # One index larger than the whole budget is still served (and alone in memory).
    monkeypatch.setattr(services, "build_index", lambda area: _fake_index(5 * mb))
    services.index_for(_FakeArea(5))
    assert list(services._cache) == [5]
    services.clear_cache()


def test_building_one_areas_index_does_not_hold_up_another(monkeypatch):
    started, release = threading.Event(), threading.Event()

    def build(area):
        if area.pk == 1:
            started.set()
            assert release.wait(10)
        return _fake_index(1)

    monkeypatch.setattr(services.inputs, "fingerprint", lambda area: (area.pk,))
    monkeypatch.setattr(services.embeddings, "stored_count", lambda area: 0)
    monkeypatch.setattr(services, "build_index", build)
    services.clear_cache()
    slow = threading.Thread(target=services.index_for, args=(_FakeArea(1),))
    slow.start()
    try:
        assert started.wait(10)
        done = []
        other = threading.Thread(target=lambda: done.append(services.index_for(_FakeArea(2))))
        other.start()
        other.join(5)
        assert done, "area 2 waited for area 1's build"
    finally:
        release.set()
        slow.join(10)
    assert set(services._cache) == {1, 2}
    services.clear_cache()


def test_erasing_a_person_removes_the_vectors_of_their_texts(
    area, django_capture_on_commit_callbacks
):
    _placed(area, django_capture_on_commit_callbacks)
    walker = Ad.objects.get(area=area, title="Ik laat uw hond uit").owner
    digest = meaning.digest("Ik laat uw hond uit")
    assert TextEmbedding.objects.filter(area=area, digest=digest).exists()
    counts = erase_person(walker.user, reason="verzoek van de deelnemer")
    assert counts["betekenisvectoren"] == 1
    assert not TextEmbedding.objects.filter(area=area, digest=digest).exists()
    assert TextEmbedding.objects.filter(area=area).count() == 2


def test_the_hourly_catch_up_looks_only_at_areas_that_changed(
    area, django_capture_on_commit_callbacks
):
    request = _placed(area, django_capture_on_commit_callbacks)
    assert area.pk not in embeddings.areas_needing_work()
    newest = TextEmbedding.objects.filter(area=area).latest("created_at").created_at
    later = max(clock.now(), newest + dt.timedelta(microseconds=1))
    Ad.objects.filter(pk=request.pk).update(description="Ook op zondag.", updated_at=later)
    assert area.pk in embeddings.areas_needing_work()
    embeddings.embed_area(area.pk)
    assert area.pk not in embeddings.areas_needing_work()


def test_without_a_worker_placing_an_ad_never_waits_for_the_model(
    area, django_capture_on_commit_callbacks, counted_embeddings, monkeypatch
):
    monkeypatch.setattr(tasks, "has_worker", lambda: False)  # development, tests
    request = _placed(area, django_capture_on_commit_callbacks)
    assert counted_embeddings == [] and not TextEmbedding.objects.filter(area=area).exists()
    # The first suggestions page builds the index and asks for them then (inline here).
    services.clear_cache()
    with django_capture_on_commit_callbacks(execute=True):
        rows = services.suggestions_for_ad(area, request)
    assert TextEmbedding.objects.filter(area=area).count() == 3
    assert rows[0].ad.title == "Ik laat uw hond uit"
