"""The Roosjes ledger: amounts, bookings, thanks, corrections, limits, circulation, check."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.credits import services
from tijdvoorelkaar.credits.models import Account, Movement, ThankYou, Transfer
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.tasks.models import Task

from .helpers import match, organisation, seed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text, quarters",
    [
        ("1,5 uur", 6),
        ("1:30", 6),
        ("0,25", 1),
        ("2", 8),
        ("1.5", 6),
        (" 0,75 u ", 3),
        ("3 uren", 12),
        ("0:45", 3),
        ("10", 40),
    ],
)
def test_parse_dutch_hours(text, quarters):
    assert services.parse_quarters(text) == quarters


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("0", "meer dan nul"),
        ("0,0", "meer dan nul"),
        ("-1", "meer dan nul"),
        ("1,3", "per kwartier"),
        ("1:20", "hele kwartieren"),
        ("1:75", "hele kwartieren"),
        ("", "Vul in"),
        ("anderhalf", "geen aantal uur"),
        ("1000", "999 uur"),
    ],
)
def test_parse_refuses_with_a_dutch_message(text, fragment):
    with pytest.raises(services.CreditError, match=fragment):
        services.parse_quarters(text)


@pytest.mark.parametrize(
    "quarters, text",
    [(6, "1,5 uur"), (1, "0,25 uur"), (8, "2 uur"), (-3, "-0,75 uur"), (0, "0 uur")],
)
def test_format_quarters(quarters, text):
    assert services.format_quarters(quarters) == text


@pytest.fixture
def uz():
    return seed()["utrecht-zuid"]


@pytest.fixture
def broker():
    return User.objects.get(email="makelaar@utrecht-zuid.test")


def _balance(person):
    return services.balance_of(person)


def test_thanks_is_booked_only_when_confirmed(uz):
    anna, bert = participant(uz, "Anna"), participant(uz, "Bert")
    m = match(anna, bert)
    thanks = services.thank(sender=anna, mediation=m, quarters=6, message="Dank je!")
    assert thanks.receiver == bert and thanks.status == ThankYou.Status.PENDING
    assert not Transfer.objects.exists()
    services.confirm_thanks(thank_you=thanks, receiver=bert)
    assert (_balance(anna), _balance(bert)) == (-6, 6)
    transfer = Transfer.objects.get()
    assert transfer.kind == "bedankje" and transfer.mediation == m and transfer.amount == 6
    with pytest.raises(services.CreditError, match="al afgehandeld"):
        services.confirm_thanks(thank_you=thanks, receiver=bert)
    assert Transfer.objects.count() == 1


def test_declined_or_withdrawn_thanks_books_nothing(uz):
    anna, bert = participant(uz, "Anna"), participant(uz, "Bert")
    m = match(anna, bert)
    first = services.thank(sender=bert, mediation=m, quarters=4)
    with pytest.raises(services.CreditError):
        services.confirm_thanks(thank_you=first, receiver=bert)  # only the receiver
    services.decline_thanks(thank_you=first, receiver=anna)
    second = services.thank(sender=bert, mediation=m, quarters=4)
    services.withdraw_thanks(thank_you=second, sender=bert)
    assert not Movement.objects.exists()
    assert ThankYou.objects.filter(status="wacht").count() == 0


def test_thanks_needs_a_match_with_the_sender(uz):
    anna, bert, carla = (participant(uz, n) for n in ("Anna", "Bert", "Carla"))
    m = match(anna, bert)
    with pytest.raises(services.CreditError, match="gekoppeld"):
        services.thank(sender=carla, mediation=m, quarters=4)
    m.reached_active_on = None
    m.status = "voorgesteld"
    m.save()
    with pytest.raises(services.CreditError, match="gekoppeld"):
        services.thank(sender=anna, mediation=m, quarters=4)


def test_nothing_is_booked_when_the_area_has_credits_off(uz, broker):
    uz.time_credits_enabled = False
    uz.save()
    anna = participant(uz, "Anna")
    with pytest.raises(services.CreditError, match="staan uit"):
        services.book_paper(area=uz, broker=broker, receiver=anna, quarters=4, note="x")
    assert not Transfer.objects.exists()


def test_paper_booking_needs_a_note_and_comes_from_the_project_or_a_resident(uz, broker):
    anna, bert = participant(uz, "Anna", email=None), participant(uz, "Bert")
    with pytest.raises(services.CreditError, match="waar de papieren"):
        services.book_paper(area=uz, broker=broker, receiver=anna, quarters=4, note="  ")
    services.book_paper(area=uz, broker=broker, receiver=anna, quarters=8, note="spreekuur")
    services.book_paper(
        area=uz, broker=broker, receiver=anna, payer=bert, quarters=2, note="van Bert"
    )
    assert (_balance(anna), _balance(bert)) == (10, -2)
    assert services.project_account(uz).balance == -8


def test_issue_to_many_is_one_transfer_with_n_plus_one_movements(uz, broker):
    org = organisation(uz)
    people = [participant(uz, f"Vrijwilliger{i}") for i in range(3)]
    booked = services.issue(
        area=uz,
        organisation=org,
        lines=[(people[0], 4), (people[1], 8), (people[2], 2)],
        actor=broker,
        note="buurtfeest",
    )
    assert booked.transfer.movements.count() == 4
    assert booked.transfer.amount == 14
    assert services.account_for_organisation(org).balance == -14
    with pytest.raises(services.CreditError, match="twee keer"):
        services.issue(
            area=uz, organisation=org, lines=[(people[0], 4), (people[0], 4)], actor=broker
        )
    assert Transfer.objects.count() == 1


def test_redeem_only_where_roosjes_are_accepted(uz, broker):
    shop = organisation(uz, "Fietsenmaker Lunetten", accepts=True)
    club = organisation(uz, "Voetbalclub", accepts=False)
    anna = participant(uz, "Anna")
    services.redeem(area=uz, organisation=shop, participant=anna, quarters=4, actor=broker)
    assert _balance(anna) == -4
    with pytest.raises(services.CreditError, match="neemt geen Roosjes aan"):
        services.redeem(area=uz, organisation=club, participant=anna, quarters=4, actor=broker)


def test_correction_is_a_reverse_transfer_and_only_once(uz, broker):
    anna = participant(uz, "Anna")
    booked = services.book_paper(area=uz, broker=broker, receiver=anna, quarters=6, note="x")
    with pytest.raises(services.CreditError, match="waarom"):
        services.reverse(transfer=booked.transfer, actor=broker, reason="")
    correction = services.reverse(transfer=booked.transfer, actor=broker, reason="dubbel").transfer
    assert correction.kind == "correctie" and correction.reverses == booked.transfer
    assert _balance(anna) == 0
    assert Movement.objects.count() == 4  # the original rows are still there, unchanged
    with pytest.raises(services.CreditError, match="al teruggedraaid"):
        services.reverse(transfer=booked.transfer, actor=broker, reason="nog eens")
    with pytest.raises(services.CreditError, match="correctie draait u niet terug"):
        services.reverse(transfer=correction, actor=broker, reason="terug")


def test_movements_cannot_be_changed_or_deleted(uz, broker):
    anna = participant(uz, "Anna")
    services.book_paper(area=uz, broker=broker, receiver=anna, quarters=6, note="x")
    movement = Movement.objects.first()
    movement.amount = 100
    with pytest.raises(ValueError):
        movement.save()
    with pytest.raises(ValueError):
        movement.delete()


def test_passing_a_limit_warns_the_broker_and_never_blocks(uz, broker):
    services.set_limits(area=uz, coordinator=None, min_balance=-8, max_balance=12)
    anna, bert = participant(uz, "Anna"), participant(uz, "Bert")
    m = match(anna, bert)
    for _ in range(3):
        thanks = services.thank(sender=anna, mediation=m, quarters=4)
        services.confirm_thanks(thank_you=thanks, receiver=bert)
    assert _balance(anna) == -12  # three thank-yous all went through
    tasks = Task.objects.filter(participant=anna)
    assert tasks.count() == 1  # warned once, when the limit was passed
    assert "onder de ondergrens van -2 uur" in tasks.get().title
    booked = services.book_paper(area=uz, broker=broker, receiver=bert, quarters=4, note="x")
    assert booked.warnings and "boven de bovengrens" in booked.warnings[0]


def test_limits_are_checked(uz):
    with pytest.raises(services.CreditError):
        services.set_limits(area=uz, coordinator=None, min_balance=4, max_balance=None)
    with pytest.raises(services.CreditError):
        services.set_limits(area=uz, coordinator=None, min_balance=None, max_balance=0)


def test_circulation_aggregates_per_kind_and_nets_corrections(uz, broker):
    org, shop = organisation(uz), organisation(uz, "Bakker", accepts=True)
    anna, bert = participant(uz, "Anna"), participant(uz, "Bert")
    services.issue(area=uz, organisation=org, lines=[(anna, 20), (bert, 8)], actor=broker)
    services.book_paper(area=uz, broker=broker, receiver=bert, quarters=4, note="project")
    services.book_paper(area=uz, broker=broker, receiver=bert, payer=anna, quarters=2, note="x")
    thanks = services.thank(sender=anna, mediation=match(anna, bert), quarters=6)
    services.confirm_thanks(thank_you=thanks, receiver=bert)
    services.redeem(area=uz, organisation=shop, participant=bert, quarters=4, actor=broker)
    wrong = services.redeem(area=uz, organisation=shop, participant=anna, quarters=3, actor=broker)
    services.reverse(transfer=wrong.transfer, actor=broker, reason="verkeerd")
    today = clock.today()
    figures = services.circulation(uz, today - dt.timedelta(days=1), today)
    assert figures["issued"] == 20 + 8 + 4
    assert figures["transferred"] == 2 + 6
    assert figures["redeemed"] == 4
    assert figures["outstanding"] == _balance(anna) + _balance(bert) == 28
    assert figures["outstanding"] == figures["issued"] - figures["redeemed"]
    earlier = services.circulation(uz, today - dt.timedelta(days=30), today - dt.timedelta(days=2))
    assert earlier == {
        "issued": 0,
        "transferred": 0,
        "redeemed": 0,
        "outstanding": 0,
        "bookings": 0,
    }


def test_credits_check_passes_on_a_clean_ledger(uz, broker):
    anna = participant(uz, "Anna")
    services.book_paper(area=uz, broker=broker, receiver=anna, quarters=6, note="x")
    out = io.StringIO()
    call_command("credits_check", stdout=out)
    assert "Alles klopt" in out.getvalue()


def test_credits_check_names_a_wrong_balance(uz, broker):
    anna = participant(uz, "Anna", last_name="Jansen")
    services.book_paper(area=uz, broker=broker, receiver=anna, quarters=6, note="x")
    account = Account.objects.get(participant=anna)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Account._meta.db_table} SET balance = 99 WHERE id = %s", [account.pk]
        )
    with pytest.raises(CommandError) as failure:
        call_command("credits_check", stdout=io.StringIO(), stderr=io.StringIO())
    assert f"rekening {account.pk} (deelnemer Anna Jansen)" in str(failure.value)


def test_credits_check_names_a_transfer_that_does_not_sum_to_zero(uz, broker):
    anna = participant(uz, "Anna")
    booked = services.book_paper(area=uz, broker=broker, receiver=anna, quarters=6, note="x")
    movement = booked.transfer.movements.get(amount=6)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Movement._meta.db_table} SET amount = 7 WHERE id = %s", [movement.pk]
        )
        cursor.execute(
            f"UPDATE {Account._meta.db_table} SET balance = 7 WHERE id = %s",
            [movement.account_id],
        )
    err = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("credits_check", stdout=io.StringIO(), stderr=err)
    assert f"boeking {booked.transfer.pk}" in str(failure.value)
    assert "tellen op tot 1" in err.getvalue()


def test_credits_check_exit_code_from_the_command_line(uz, broker):
    from django.core.management import execute_from_command_line

    anna = participant(uz, "Anna")
    services.book_paper(area=uz, broker=broker, receiver=anna, quarters=6, note="x")
    Account.objects.filter(participant=anna).update(balance=0)
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["manage.py", "credits_check"])
    assert exit_info.value.code == 1
