"""Concurrent bookings on PostgreSQL (threads, real transactions) neither make nor lose
credit. SQLite serialises writers and is skipped."""

import random
import threading

import pytest
from django.db import connection, connections
from django.db.models import F, Sum, Value
from django.db.models.functions import Coalesce

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.credits import services
from tijdvoorelkaar.credits.models import Account, Transfer
from tijdvoorelkaar.participants.tests.factories import participant

from .helpers import organisation, seed

THREADS = 6
BOOKINGS_PER_THREAD = 25


@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_neither_create_nor_lose_credit():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite cannot run writers concurrently")
    area = seed()["utrecht-zuid"]
    broker = User.objects.get(email="makelaar@utrecht-zuid.test")
    people = [participant(area, f"Deelnemer{i}") for i in range(4)]
    shop = organisation(area, "Winkel", accepts=True)
    for person in people:
        services.account_for_participant(person)
    services.project_account(area)
    first = Transfer.objects.filter(area=area).count()
    errors: list[BaseException] = []
    done: list[int] = []
    barrier = threading.Barrier(THREADS)

    def work(seed_value: int) -> None:
        rng = random.Random(seed_value)
        try:
            barrier.wait()
            for _ in range(BOOKINGS_PER_THREAD):
                a, b = rng.sample(people, 2)
                choice = rng.random()
                if choice < 0.5:
                    result = services.book_paper(
                        area=area,
                        broker=broker,
                        receiver=b,
                        payer=a,
                        quarters=rng.randint(1, 8),
                        note="gelijktijdig",
                    )
                elif choice < 0.75:
                    result = services.book_paper(
                        area=area, broker=broker, receiver=b, quarters=rng.randint(1, 8), note="p"
                    )
                else:
                    result = services.redeem(
                        area=area,
                        organisation=shop,
                        participant=a,
                        quarters=rng.randint(1, 8),
                        actor=broker,
                    )
                done.append(result.transfer.pk)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert len(done) == THREADS * BOOKINGS_PER_THREAD
    assert Transfer.objects.filter(area=area).count() == first + len(done)
    accounts = Account.objects.filter(area=area).annotate(
        total=Coalesce(Sum("movements__amount"), Value(0))
    )
    assert not accounts.exclude(balance=F("total")).exists()
    assert Account.objects.filter(area=area).aggregate(s=Sum("balance"))["s"] == 0
    assert services.find_mismatches() == ([], [])
