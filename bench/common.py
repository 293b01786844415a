"""Shared bits for benchmarks: Django set-up against a chosen database, timing, recording."""

import datetime as dt
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"


def setup_django(database_url: str | None = None) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tijdvoorelkaar.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    import django

    django.setup()


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summarise(samples_ms: list[float]) -> dict:
    return {
        "n": len(samples_ms),
        "p50_ms": round(statistics.median(samples_ms), 2),
        "p95_ms": round(percentile(samples_ms, 95), 2),
        "max_ms": round(max(samples_ms), 2),
    }


def time_get(client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url} gaf {response.status_code}")
    return elapsed


def machine() -> str:
    cpu = "unknown cpu"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def record(name: str, payload: dict) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    payload = {"bench": name, "date": dt.date.today().isoformat(), "machine": machine(), **payload}
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False))
    print(json.dumps(payload, indent=2, ensure_ascii=False))
    return path


def staff_client(area, role: str):
    """A Django test client signed in as a `role` (e.g. "coordinator", "broker") of
    `area`, past the two-step check as a real staff member would be, so a timed GET goes
    through every middleware, the view and its template like a browser's request."""
    from django.test import Client

    from tijdvoorelkaar.accounts import two_factor
    from tijdvoorelkaar.accounts.models import User
    from tijdvoorelkaar.accounts.services import create_user_with_role

    email = f"{role}@{area.slug}.bench.invalid"
    if not User.objects.filter(email=email).exists():
        create_user_with_role(email, role, area, first_name="Bench")
    client = Client()
    client.force_login(User.objects.get(email=email))
    session = client.session
    session[two_factor.SESSION_KEY] = True
    session.save()
    return client


def load() -> str:
    """The load average (1, 5, 15 minutes) from /proc/loadavg."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"
