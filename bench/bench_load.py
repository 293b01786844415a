"""Load and fault test on 127.0.0.1: gunicorn with 4 workers, 50 concurrent users posting
ads, reacting and searching for a fixed time; one worker is killed half-way.

Afterwards every write the server confirmed (a redirect after POST) is looked up in the
database: none may be lost and none duplicated. Prints p50/p95 per action and the count
of 5xx answers. Usage (bench/run.py passes --database-url):

    python bench/bench_load.py --database-url sqlite:///var/load.sqlite3 --seconds 120
"""

import argparse
import functools
import http.client
import http.cookiejar
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from common import ROOT, percentile, record, setup_django

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
AREA = "load-test"
PASSWORD = "belasting-wachtwoord-1"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
AD_IDS = re.compile(r'data-ad-id="(\d+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class FromAddress(urllib.request.HTTPHandler):
    """Connect from a given loopback address (127.0.0.x): each simulated user has its own
    client address, as real users do, so the per-address sign-in throttle (30 password
    attempts per 15 minutes) counts each user separately instead of all 50 together."""

    def __init__(self, address: str):
        super().__init__()
        self.address = address

    def http_open(self, req):
        return self.do_open(
            functools.partial(http.client.HTTPConnection, source_address=(self.address, 0)),
            req,
        )


class User:
    def __init__(self, n: int, results: dict, lock: threading.Lock):
        self.n, self.results, self.lock = n, results, lock
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar),
            NoRedirect,
            FromAddress(f"127.0.{1 + n // 250}.{1 + n % 250}"),
        )
        self.confirmed_titles: list[str] = []
        self.location = ""  # where the last redirect pointed
        self.confirmed_reactions: list[str] = []

    def request(self, action: str, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(BASE + path, data=body, headers={"Referer": BASE + path})
        start = time.perf_counter()
        self.location = ""
        try:
            with self.opener.open(req, timeout=30) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, ""
            self.location = error.headers.get("Location", "") or ""
        except OSError:  # connection reset while a worker is killed: the client retries
            status, text = 0, ""
        elapsed = (time.perf_counter() - start) * 1000
        with self.lock:
            self.results.setdefault(action, []).append((status, elapsed))
        return status, text

    def csrf(self, path: str) -> str:
        _, text = self.request("get-form", path)
        match = CSRF.search(text)
        return match.group(1) if match else ""

    def sign_in(self) -> None:
        for _attempt in range(3):  # a sign-in can time out on a busy machine: try again
            if self._sign_in_once():
                return

    def _sign_in_once(self) -> bool:
        token = self.csrf(f"/{AREA}/inloggen/")
        status, _ = self.request(
            "sign-in",
            f"/{AREA}/inloggen/",
            {
                "csrfmiddlewaretoken": token,
                "method": "password",
                "email": f"belasting{self.n}@example.org",
                "password": PASSWORD,
            },
        )
        return status == 302 and "inloggen" not in self.location

    def post_ad(self, i: int, category: int) -> None:
        title = f"Belasting {self.n}-{i}: wie helpt met de tuin"
        token = self.csrf(f"/{AREA}/advertenties/nieuw/")
        data = {
            "csrfmiddlewaretoken": token,
            "soort": "aanbod" if i % 2 else "vraag",
            "title": title,
            "description": "Even snoeien en harken.",
            "category": category,
            "frequency": "eenmalig",
            "duration": "uur",
            "visibility": "public",
            "submission_token": f"load-{self.n}-{i}",
        }
        for _attempt in range(3):  # the same token makes a retry safe
            status, _ = self.request("post-ad", f"/{AREA}/advertenties/nieuw/", data)
            # Only a redirect to the new ad confirms it; one to the sign-in page does not.
            if status == 302 and "inloggen" not in self.location:
                self.confirmed_titles.append(title)
                return
            if status and status < 500:
                return

    def react(self, i: int) -> None:
        _, text = self.request("search", f"/{AREA}/advertenties/?q=tuin")
        ids = AD_IDS.findall(text)
        if not ids:
            return
        ad_id = ids[(self.n + i) % len(ids)]
        token = self.csrf(f"/{AREA}/advertenties/{ad_id}/")
        body = f"Reactie {self.n}-{i}"
        status, _ = self.request(
            "react",
            f"/{AREA}/advertenties/{ad_id}/reageren/",
            {"csrfmiddlewaretoken": token, "body": body, "submission_token": f"r-{self.n}-{i}"},
        )
        if status == 302 and "/gesprekken/" in self.location:
            self.confirmed_reactions.append(body)


def prepare(users: int) -> int:
    from django.contrib.auth.hashers import make_password

    from tijdvoorelkaar.accounts.models import User as Account
    from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area
    from tijdvoorelkaar.marketplace.models import Ad, Category, Conversation, Message
    from tijdvoorelkaar.participants.models import Participant

    area, _ = create_area(AREA, "Belastingtest", [NeighbourhoodSpec("centrum", "Centrum")])
    Message.objects.filter(conversation__area=area).delete()
    Conversation.objects.filter(area=area).delete()
    Ad.objects.filter(area=area).delete()
    hashed = make_password(PASSWORD)
    for n in range(users):
        account, _ = Account.objects.get_or_create(
            email=f"belasting{n}@example.org", defaults={"first_name": f"Test{n}"}
        )
        account.password = hashed
        account.save(update_fields=["password"])
        Participant.objects.get_or_create(area=area, user=account)
    return Category.objects.get(area=area, slug="tuin").pk


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--no-kill", action="store_true")
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.db import connection

    category = prepare(args.users)
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT / "src"),
        "DJANGO_SETTINGS_MODULE": "tijdvoorelkaar.settings",
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "tijdvoorelkaar.wsgi",
            "--workers",
            "4",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"{BASE}/{AREA}/", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    results: dict = {}
    lock = threading.Lock()
    people = [User(n, results, lock) for n in range(args.users)]
    stop_at = time.monotonic() + args.seconds

    def run(user: User) -> None:
        user.sign_in()
        i = 0
        while time.monotonic() < stop_at:
            user.post_ad(i, category)
            user.react(i)
            i += 1

    threads = [threading.Thread(target=run, args=(p,)) for p in people]
    for t in threads:
        t.start()
    killed = None
    if not args.no_kill:
        time.sleep(args.seconds / 2)
        workers = subprocess.run(
            ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
        ).stdout.split()
        if workers:
            killed = int(workers[0])
            os.kill(killed, signal.SIGKILL)
            print(f"werkproces {killed} halverwege gestopt (SIGKILL)", flush=True)
    for t in threads:
        t.join()
    server.terminate()
    server.wait(timeout=30)

    from tijdvoorelkaar.marketplace.models import Ad, Message

    titles = [t for p in people for t in p.confirmed_titles]
    stored = list(Ad.objects.filter(area__slug=AREA).values_list("title", flat=True))
    lost = set(titles) - set(stored)
    duplicated = len(stored) - len(set(stored))
    bodies = [b for p in people for b in p.confirmed_reactions]
    stored_bodies = set(
        Message.objects.filter(conversation__area__slug=AREA).values_list("body", flat=True)
    )
    lost_reactions = set(bodies) - stored_bodies
    summary = {}
    for action, samples in sorted(results.items()):
        times = [ms for status, ms in samples]
        summary[action] = {
            "n": len(samples),
            "errors_5xx": sum(1 for s, _ in samples if s >= 500),
            "no_answer": sum(1 for s, _ in samples if s == 0),
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 95), 1),
        }
    total = sum(v["n"] for v in summary.values())
    payload = {
        "database": connection.vendor,
        "users": args.users,
        "seconds": args.seconds,
        "requests": total,
        "requests_per_second": round(total / args.seconds, 1),
        "killed_worker": killed,
        "ads_confirmed": len(titles),
        "ads_stored": len(stored),
        "ads_lost": len(lost),
        "ads_duplicated": duplicated,
        "reactions_confirmed": len(bodies),
        "reactions_lost": len(lost_reactions),
        "errors_5xx": sum(v["errors_5xx"] for v in summary.values()),
        "actions": summary,
    }
    record(f"load-{connection.vendor}", payload)
    assert not lost and not duplicated and not lost_reactions, "schrijfacties verloren of dubbel"


if __name__ == "__main__":
    main()
