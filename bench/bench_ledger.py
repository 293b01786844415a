"""Roosjes ledger timings: booking rate, a 50-volunteer issue, credits_check and
circulation on a large ledger. Run against a scratch database that is migrated:

    DATABASE_URL=... .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python bench/bench_ledger.py

(or through `make bench`, which migrates first)."""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, setup_django  # noqa: E402

BOOKINGS = 1000
BULK_TRANSFERS = 50_000


def main() -> None:
    setup_django()
    import io

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.db.models import F

    from tijdvoorelkaar.accounts.models import User
    from tijdvoorelkaar.areas.services import NeighbourhoodSpec, create_area
    from tijdvoorelkaar.core import clock
    from tijdvoorelkaar.credits import services
    from tijdvoorelkaar.credits.models import Account, Movement, Transfer
    from tijdvoorelkaar.participants.models import Participant

    stamp = str(int(time.time()))
    area, _ = create_area(
        slug=f"roosjes-{stamp}", name="Roosjes bench", neighbourhoods=[NeighbourhoodSpec("a", "A")]
    )
    area.time_credits_enabled = True
    area.save()
    broker = User.objects.create_user(email=f"bench-{stamp}@example.org", first_name="Bench")
    people = []
    for i in range(200):
        user = User.objects.create_user(email=None, first_name=f"P{i}", last_name=stamp)
        people.append(Participant.objects.create(area=area, user=user))
    org = services.create_organisation(area=area, name="Organisatie", accepts_roosjes=True)
    rng = random.Random(1)

    start = time.perf_counter()
    for _ in range(BOOKINGS):
        a, b = rng.sample(people, 2)
        services.book_paper(area=area, broker=broker, receiver=b, payer=a, quarters=4, note="x")
    booking_rate = BOOKINGS / (time.perf_counter() - start)

    start = time.perf_counter()
    services.issue(area=area, organisation=org, lines=[(p, 8) for p in people[:50]], actor=broker)
    issue_ms = (time.perf_counter() - start) * 1000

    # A large ledger written in bulk (balanced transfers, balances moved to match).
    accounts = [services.account_for_participant(p) for p in people]
    now = clock.now()
    with transaction.atomic():
        transfers = Transfer.objects.bulk_create(
            [
                Transfer(area=area, kind="papier", amount=4, created_at=now)
                for _ in range(BULK_TRANSFERS)
            ],
            batch_size=2000,
        )
        movements, delta = [], {}
        for transfer in transfers:
            a, b = rng.sample(accounts, 2)
            movements += [
                Movement(transfer=transfer, account=a, amount=-4),
                Movement(transfer=transfer, account=b, amount=4),
            ]
            delta[a.pk] = delta.get(a.pk, 0) - 4
            delta[b.pk] = delta.get(b.pk, 0) + 4
        Movement.objects.bulk_create(movements, batch_size=5000)
        for pk, amount in delta.items():
            Account.objects.filter(pk=pk).update(balance=F("balance") + amount)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total_movements = Movement.objects.count()

    start = time.perf_counter()
    call_command("credits_check", stdout=io.StringIO())
    check_s = time.perf_counter() - start

    start = time.perf_counter()
    today = clock.today()
    services.circulation(area, today.replace(month=1, day=1), today)
    circulation_ms = (time.perf_counter() - start) * 1000

    print(f"machine: {machine()}; database: {connection.vendor}")
    print(f"paper bookings, one at a time: {booking_rate:.0f} per second")
    print(f"issue to 50 volunteers (one transfer, 51 movements): {issue_ms:.0f} ms")
    print(f"credits_check over {total_movements} movements: {check_s:.2f} s")
    print(f"circulation (~{BULK_TRANSFERS + BOOKINGS} transfers): {circulation_ms:.0f} ms")


if __name__ == "__main__":
    main()
