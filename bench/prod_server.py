"""The production profile for benchmarks: a fresh SQLite database with the demo data,
static files built under the production storage, gunicorn on a free port.

    with production_server() as base_url: ...

(the page-weight and Lighthouse benchmarks measure what a resident's phone receives, which
does not depend on the database engine)."""

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(workdir: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "TVE_TESTING"}
    }
    env.update(
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
        TASK_BACKEND="database",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    return env


@contextlib.contextmanager
def production_server(workers: int = 2):
    with tempfile.TemporaryDirectory(prefix="tve-prod-") as tmp:
        workdir = Path(tmp)
        env = production_env(workdir)
        manage = [sys.executable, str(ROOT / "manage.py")]
        for args in (
            ["collectstatic", "--noinput", "-v", "0"],
            ["migrate", "--noinput", "-v", "0"],
        ):
            subprocess.run(manage + args, cwd=ROOT, env=env, check=True)
        subprocess.run(manage + ["seed_demo"], cwd=ROOT, env=env, check=True, capture_output=True)
        port = _free_port()
        log = open(workdir / "gunicorn.log", "w")
        server = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "tijdvoorelkaar.wsgi",
                "--pythonpath",
                "src",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/api/areas/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            yield base, env
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
