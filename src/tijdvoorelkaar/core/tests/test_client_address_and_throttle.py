"""The client's address behind a reverse proxy (TRUSTED_PROXIES) and throttles that count
per client, atomically."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections, connection
from django.test import RequestFactory

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core import throttle
from tijdvoorelkaar.core.apps import CoreConfig
from tijdvoorelkaar.core.net import client_ip

PROXY = "10.0.0.5"
A, B = "203.0.113.7", "198.51.100.23"


def request_from(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from(PROXY, A)) == PROXY


def test_a_trusted_proxy_gives_the_right_most_untrusted_address(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.1"]
    assert client_ip(request_from(PROXY, A)) == A
    # The client may send its own header; our proxy appends the real peer to it.
    assert client_ip(request_from(PROXY, f"{B}, {A}")) == A
    # Two proxies of ours in a row: skip both.
    assert client_ip(request_from(PROXY, f"{B}, {A}, 192.0.2.1")) == A
    assert client_ip(request_from(PROXY, f"{A},10.1.2.3")) == A


def test_a_forged_header_from_an_untrusted_peer_changes_nothing(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from(A, B)) == A
    assert client_ip(request_from(A, f"{PROXY}, {B}")) == A


def test_odd_headers_fall_back_to_the_peer(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from(PROXY, "")) == PROXY
    assert client_ip(request_from(PROXY)) == PROXY
    assert client_ip(request_from(PROXY, "10.9.9.9")) == PROXY  # only proxies
    assert client_ip(request_from(PROXY, "niet-een-adres")) == PROXY
    assert client_ip(request_from(PROXY, "2001:db8::1")) == "2001:db8::1"


def test_a_mistyped_proxy_stops_the_start(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "nginx"]
    import tijdvoorelkaar.core as core_package

    with pytest.raises(ImproperlyConfigured, match="nginx"):
        CoreConfig("tijdvoorelkaar.core", core_package).ready()


def wrong_password(client, email, peer, forwarded=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        "/utrecht-zuid/inloggen/",
        {"method": "password", "email": email, "password": "helemaal-fout-123"},
        **headers,
    )


def refused(response) -> bool:
    return "Te veel pogingen" in response.content.decode()


def test_wrong_passwords_behind_a_trusted_proxy_count_per_client(client, areas, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    User.objects.create_user(email="bea@example.org", password="het-goede-wachtwoord")
    # 31 wrong passwords from A (a different address each time, so that only the
    # per-client limit of 30 applies).
    answers = [wrong_password(client, f"iemand{i}@example.org", PROXY, f"{A}") for i in range(31)]
    assert not any(refused(r) for r in answers[:30])
    assert refused(answers[30])
    # B, behind the same proxy, is not blocked: her right password signs her in.
    response = client.post(
        "/utrecht-zuid/inloggen/",
        {"method": "password", "email": "bea@example.org", "password": "het-goede-wachtwoord"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=B,
    )
    assert response.status_code == 302
    assert not refused(response)


def test_forged_headers_from_an_untrusted_peer_count_against_the_peer(client, areas, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    answers = [
        wrong_password(client, f"iemand{i}@example.org", A, f"192.0.2.{i}") for i in range(31)
    ]
    assert not any(refused(r) for r in answers[:30])
    assert refused(answers[30])
    # The peer stays blocked whatever header it sends next.
    assert refused(wrong_password(client, "nog-iemand@example.org", A, B))


@pytest.mark.django_db
def test_a_throttle_window_slides(settings):
    import time_machine

    window = dt.timedelta(minutes=10)
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, 30, tzinfo=dt.UTC), tick=False) as t:
        assert all(throttle.hit("k", 3, window) for _ in range(3))
        assert not throttle.hit("k", 3, window)
        t.shift(dt.timedelta(minutes=9))
        assert not throttle.hit("k", 3, window)
        t.shift(dt.timedelta(minutes=2))  # the first four are now out of the window
        assert throttle.hit("k", 3, window)
    assert throttle.purge(older_than=dt.timedelta(0)) >= 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite runs one write transaction at a time (IMMEDIATE), so its upsert cannot "
    "interleave; the in-memory test database cannot host concurrent writers at all",
)
def test_concurrent_attempts_pass_exactly_the_limit():
    """Twelve threads, each with its own database connection, try 5 times at once: of
    the 60 attempts exactly 25 pass (no count-then-insert race)."""
    results: list[bool] = []
    lock = threading.Lock()
    start = threading.Barrier(12)

    def attempt():
        start.wait()
        try:
            mine = [throttle.hit("gelijktijdig", 25, dt.timedelta(hours=1)) for _ in range(5)]
            with lock:
                results.extend(mine)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 60
    assert results.count(True) == 25
