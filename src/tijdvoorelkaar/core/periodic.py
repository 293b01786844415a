"""The hourly work: each app registers its jobs here from AppConfig.ready(), and
`manage.py run_periodic` (from cron or a systemd timer) runs them in the order given.

A job takes no arguments and returns a short Dutch sentence part with its counts, e.g.
"verlengmails: 3". Every job is idempotent: running twice sends nothing twice."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    order: int
    name: str
    run: Callable[[], str]


_jobs: dict[str, Job] = {}


def register(order: int, name: str, run: Callable[[], str]) -> None:
    """Add (or replace) the job `name`; lower `order` runs first."""
    _jobs[name] = Job(order, name, run)


def jobs() -> list[Job]:
    return sorted(_jobs.values(), key=lambda job: (job.order, job.name))


def run_all() -> list[str]:
    """Run every job in order; their reports."""
    return [job.run() for job in jobs()]
