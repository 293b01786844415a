"""Random sequences of bookings keep every invariant of the ledger (hypothesis)."""

import pytest
from django.db import transaction
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.credits import services
from tijdvoorelkaar.credits.models import Account, Transfer
from tijdvoorelkaar.participants.tests.factories import participant

from .helpers import match, organisation, seed

pytestmark = pytest.mark.django_db

PEOPLE = 4
quarters = st.integers(min_value=1, max_value=40)
person = st.integers(min_value=0, max_value=PEOPLE - 1)

step = st.one_of(
    st.tuples(st.just("thanks"), person, person, quarters),
    st.tuples(st.just("paper"), st.one_of(st.none(), person), person, quarters),
    st.tuples(
        st.just("issue"),
        st.lists(
            st.tuples(person, quarters), min_size=1, max_size=PEOPLE, unique_by=lambda x: x[0]
        ),
    ),
    st.tuples(st.just("redeem"), person, quarters),
    st.tuples(st.just("reverse"), st.integers(min_value=0, max_value=30)),
)


@pytest.fixture
def world():
    area = seed()["utrecht-zuid"]
    people = [participant(area, f"Deelnemer{i}") for i in range(PEOPLE)]
    matches = {
        (a, b): match(people[a], people[b]) for a in range(PEOPLE) for b in range(a + 1, PEOPLE)
    }
    return {
        "area": area,
        "people": people,
        "matches": matches,
        "org": organisation(area, "Buurthuis", accepts=False),
        "shop": organisation(area, "Winkel", accepts=True),
        "broker": User.objects.get(email="makelaar@utrecht-zuid.test"),
    }


def check_invariants(area, expected: dict[int, int]) -> None:
    accounts = Account.objects.filter(area=area).annotate(
        total=Coalesce(Sum("movements__amount"), Value(0))
    )
    # Stored balance == sum of its movements, for every account.
    assert not accounts.exclude(balance=F("total")).exists()
    # Every transfer sums to zero and has at least two movements.
    bad = (
        Transfer.objects.filter(area=area)
        .annotate(total=Coalesce(Sum("movements__amount"), Value(0)), n=Count("movements"))
        .filter(~Q(total=0) | Q(n__lt=2))
    )
    assert not bad.exists()
    # The ledger is closed: all balances of the area together are zero.
    assert Account.objects.filter(area=area).aggregate(s=Sum("balance"))["s"] in (0, None)
    # And each balance is what a simple model of the same steps says.
    actual = dict(Account.objects.filter(area=area).values_list("pk", "balance"))
    for pk, value in expected.items():
        assert actual.get(pk, 0) == value
    # Residents' money is what was issued minus what was redeemed.
    import datetime as dt

    from tijdvoorelkaar.core import clock

    today = clock.today()
    figures = services.circulation(area, today - dt.timedelta(days=1), today)
    assert figures["outstanding"] == figures["issued"] - figures["redeemed"]


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=1, max_size=12))
def test_random_bookings_keep_every_invariant(world, steps):
    area, people, broker = world["area"], world["people"], world["broker"]
    with transaction.atomic():
        expected: dict[int, int] = {}
        booked: list[Transfer] = []
        reversed_ids: set[int] = set()

        def apply(transfer):
            for account_id, amount in transfer.movements.values_list("account_id", "amount"):
                expected[account_id] = expected.get(account_id, 0) + amount

        for op in steps:
            kind = op[0]
            if kind == "thanks":
                _, a, b, q = op
                if a == b:
                    continue
                m = world["matches"][(min(a, b), max(a, b))]
                thanks = services.thank(sender=people[a], mediation=m, quarters=q)
                result = services.confirm_thanks(thank_you=thanks, receiver=people[b])
            elif kind == "paper":
                _, payer, receiver, q = op
                if payer == receiver:
                    continue
                result = services.book_paper(
                    area=area,
                    broker=broker,
                    receiver=people[receiver],
                    payer=None if payer is None else people[payer],
                    quarters=q,
                    note="papier",
                )
            elif kind == "issue":
                lines = [(people[i], q) for i, q in op[1]]
                result = services.issue(
                    area=area, organisation=world["org"], lines=lines, actor=broker
                )
                assert result.transfer.movements.count() == len(lines) + 1
            elif kind == "redeem":
                _, who, q = op
                result = services.redeem(
                    area=area,
                    organisation=world["shop"],
                    participant=people[who],
                    quarters=q,
                    actor=broker,
                )
            else:
                if not booked:
                    continue
                target = booked[op[1] % len(booked)]
                if target.pk in reversed_ids or target.kind == Transfer.Kind.CORRECTION:
                    with pytest.raises(services.CreditError):
                        services.reverse(transfer=target, actor=broker, reason="nog eens")
                    check_invariants(area, expected)
                    continue
                result = services.reverse(transfer=target, actor=broker, reason="fout")
                reversed_ids.add(target.pk)
                # Reversing the same transfer a second time is always refused.
                with pytest.raises(services.CreditError, match="al teruggedraaid"):
                    services.reverse(transfer=target, actor=broker, reason="nog eens")
            apply(result.transfer)
            booked.append(result.transfer)
            check_invariants(area, expected)
        transaction.set_rollback(True)
