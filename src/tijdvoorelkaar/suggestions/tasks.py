"""Background work of the suggestions: the meaning vectors of an area's texts.

When an ad's text changes or an intake is recorded (hooks from the marketplace and the
workspace), `embed_area` is queued for the task worker (`manage.py db_worker`); the hourly
job (core.periodic) catches up whatever was missed and re-embeds everything after a model
upgrade. Only the worker embeds: a page never embeds more than its own query text.
"""

from django.db import transaction
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from . import embeddings


@task()
def embed_area(area_id: int) -> int:
    """Embed the area's texts that have no vector of the current model yet, and forget
    vectors of texts that are gone (an ad closed or erased). Returns how many were made."""
    return embeddings.embed_area(area_id)


def schedule(area_id: int | None) -> None:
    """Queue `embed_area` once the current transaction has been committed."""
    if area_id is not None:
        transaction.on_commit(lambda: embed_area.enqueue(area_id))


def has_worker() -> bool:
    """Whether tasks run in a worker process (TASK_BACKEND=database), not inline."""
    return not isinstance(embed_area.get_backend(), ImmediateBackend)


def schedule_for_worker(area_id: int | None) -> None:
    """For the hooks (an ad placed or edited, an intake recorded): queue the area's new
    texts for the worker. Without a worker (the inline backend of development and tests)
    nothing happens here: the next index build embeds them, so the request that places an
    ad never waits for the model."""
    if has_worker():
        schedule(area_id)


def catch_up() -> str:
    """The hourly job: ask the worker to check the areas whose texts changed after their
    newest vector, or that have none of the current model (texts missed, a new model). An
    area whose change made no new text (an ad closed) is checked again the next hour: one
    read of its texts."""
    areas = embeddings.areas_needing_work()
    for area_id in areas:
        embed_area.enqueue(area_id)
    return f"betekenisvectoren: {len(areas)} werkgebieden nagekeken"
