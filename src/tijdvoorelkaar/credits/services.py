"""Rules of the Roosjes ledger. Plain functions with explicit arguments.

Every booking goes through `_book`: one transaction, the accounts locked in id order
(`select_for_update`, so concurrent bookings on PostgreSQL wait for each other and never
deadlock), the movements written, each balance moved with an F() expression. There is no
update or delete path for movements; `reverse` books the opposite transfer.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tijdvoorelkaar.accounts.models import Role
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.i18n import site_language
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.tasks.services import create_task

from .models import Account, CreditOrganisation, CreditSettings, Movement, ThankYou, Transfer

QUARTERS_PER_HOUR = 4
MAX_QUARTERS = 999 * QUARTERS_PER_HOUR  # a sanity bound for one line of a booking


class CreditError(ServiceError):
    """A booking the ledger refuses; the message is meant for the user (translated)."""


# --- Amounts ---------------------------------------------------------------------------------


def parse_quarters(text: str) -> int:
    """Dutch input to quarter hours: "1,5 uur", "1:30", "0,25", "2" -> 6, 6, 1, 8."""
    raw = (text or "").strip().lower()
    raw = re.sub(r"\s*(uur|uren|u|roosjes|roosje)\.?$", "", raw).strip()
    if not raw:
        raise CreditError(_("Vul in hoeveel uur, bijvoorbeeld 1,5 of 1:30."))
    if raw.startswith("-"):
        raise CreditError(_("Het aantal uur moet meer dan nul zijn."))
    clock_match = re.fullmatch(r"(\d{1,3}):(\d{2})", raw)
    if clock_match:
        hours, minutes = int(clock_match.group(1)), int(clock_match.group(2))
        if minutes >= 60 or minutes % 15:
            raise CreditError(_("Gebruik hele kwartieren: :00, :15, :30 of :45."))
        quarters = hours * QUARTERS_PER_HOUR + minutes // 15
    else:
        if not re.fullmatch(r"\d{1,4}([.,]\d{1,4})?", raw):
            raise CreditError(_("Dat is geen aantal uur. Schrijf het zo: 1,5 of 1:30."))
        try:
            hours = Decimal(raw.replace(",", "."))
        except InvalidOperation as exc:  # pragma: no cover - the pattern above rules it out
            raise CreditError(_("Dat is geen aantal uur. Schrijf het zo: 1,5 of 1:30.")) from exc
        exact = hours * QUARTERS_PER_HOUR
        if exact != exact.to_integral_value():
            raise CreditError(
                _("Roosjes gaan per kwartier: gebruik bijvoorbeeld 0,25, 0,5, 0,75 of 1.")
            )
        quarters = int(exact)
    if quarters <= 0:
        raise CreditError(_("Het aantal uur moet meer dan nul zijn."))
    if quarters > MAX_QUARTERS:
        raise CreditError(_("Dat is meer dan 999 uur; controleer het aantal."))
    return quarters


def format_quarters(quarters: int) -> str:
    """6 -> "1,5 uur", 1 -> "0,25 uur", -8 -> "-2 uur" (in English "1.5 hours")."""
    hours = Decimal(quarters) / QUARTERS_PER_HOUR
    return ngettext("%(hours)s uur", "%(hours)s uur", 1 if abs(quarters) == 4 else 2) % {
        "hours": number_format(hours)
    }


# --- Accounts --------------------------------------------------------------------------------


def _check_enabled(area: Area) -> None:
    if not area.time_credits_enabled:
        raise CreditError(_("Roosjes staan uit in dit werkgebied."))


def account_for_participant(participant: Participant) -> Account:
    account, _ = Account.objects.get_or_create(
        participant=participant,
        defaults={"area_id": participant.area_id, "kind": Account.Kind.PARTICIPANT},
    )
    return account


def account_for_organisation(organisation: CreditOrganisation) -> Account:
    account, _ = Account.objects.get_or_create(
        organisation=organisation,
        defaults={"area_id": organisation.area_id, "kind": Account.Kind.ORGANISATION},
    )
    return account


def project_account(area: Area) -> Account:
    try:
        account, _ = Account.objects.get_or_create(area=area, kind=Account.Kind.PROJECT)
    except IntegrityError:  # made at the same moment by another request
        account = Account.objects.get(area=area, kind=Account.Kind.PROJECT)
    return account


def balance_of(participant: Participant) -> int:
    account = Account.objects.filter(participant=participant).only("balance").first()
    return account.balance if account else 0


def limits(area: Area) -> CreditSettings:
    found = CreditSettings.objects.filter(area=area).first()
    return found or CreditSettings(area=area)


def set_limits(
    *, area: Area, coordinator, min_balance: int | None, max_balance: int | None
) -> CreditSettings:
    if min_balance is not None and min_balance > 0:
        raise CreditError(_("De ondergrens is nul of lager."), field="min_hours")
    if max_balance is not None and max_balance <= 0:
        raise CreditError(_("De bovengrens is meer dan nul."), field="max_hours")
    found, _created = CreditSettings.objects.update_or_create(
        area=area, defaults={"min_balance": min_balance, "max_balance": max_balance}
    )
    audit.record(coordinator, "roosjes_grenzen", found, area=area)
    return found


def create_organisation(
    *, area: Area, name: str, contacts=(), accepts_roosjes: bool = False, discount_text: str = ""
) -> CreditOrganisation:

    name = (name or "").strip()
    if not name:
        raise CreditError(_("Vul de naam van de organisatie in."), field="name")
    with transaction.atomic():
        organisation = CreditOrganisation.objects.create(
            area=area, name=name, accepts_roosjes=accepts_roosjes, discount_text=discount_text
        )
        for user in contacts:
            if not Role.objects.filter(user=user, area=area, kind=Role.Kind.ORGANISATION).exists():
                raise CreditError(_("Een contactpersoon moet contactpersoon organisatie zijn."))
            organisation.contacts.add(user)
        account_for_organisation(organisation)
    return organisation


# --- Booking ---------------------------------------------------------------------------------


@dataclass
class Booked:
    transfer: Transfer
    warnings: list[str] = field(default_factory=list)


def _book(
    *,
    area: Area,
    kind: str,
    lines: list[tuple[Account, int]],
    actor,
    note: str = "",
    mediation: Mediation | None = None,
    reverses: Transfer | None = None,
) -> Booked:
    """Write one transfer with its movements and move the stored balances, atomically."""
    if sum(amount for _, amount in lines) != 0:
        raise CreditError(_("Een boeking moet op nul uitkomen."))  # a programming error
    if any(amount == 0 for _, amount in lines) or len(lines) < 2:
        raise CreditError(_("Een boeking heeft minstens twee regels die niet nul zijn."))
    if any(account.area_id != area.pk for account, _ in lines):
        raise CreditError(_("Alle rekeningen moeten bij dit werkgebied horen."))
    if len({account.pk for account, _ in lines}) != len(lines):
        raise CreditError(_("Een rekening staat twee keer in de boeking."))
    with transaction.atomic():
        ids = sorted(account.pk for account, _ in lines)
        before = dict(
            Account.objects.select_for_update()
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", "balance")
        )
        transfer = Transfer.objects.create(
            area=area,
            kind=kind,
            amount=sum(amount for _, amount in lines if amount > 0),
            note=(note or "").strip()[:300],
            mediation=mediation,
            reverses=reverses,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            created_at=clock.now(),
        )
        Movement.objects.bulk_create(
            [
                Movement(transfer=transfer, account=account, amount=amount)
                for account, amount in lines
            ]
        )
        for account, amount in lines:
            Account.objects.filter(pk=account.pk).update(balance=F("balance") + amount)
        warnings = _limit_warnings(area, lines, before, actor)
    return Booked(transfer, warnings)


def _limit_warnings(area, lines, before, actor) -> list[str]:
    """Tell the broker when a participant's balance passes an area limit (never block)."""
    settings = limits(area)
    if settings.min_balance is None and settings.max_balance is None:
        return []
    warnings = []
    for account, amount in lines:
        if account.kind != Account.Kind.PARTICIPANT:
            continue
        old, new = before[account.pk], before[account.pk] + amount
        passed = None
        low = settings.min_balance
        high = settings.max_balance
        if low is not None and new < low <= old:
            passed = ("low", low)
        elif high is not None and new > high >= old:
            passed = ("high", high)
        if passed:
            participant = account.participant
            warnings.append(_limit_warning(participant, *passed))
            with site_language():  # the task is read later, by any broker
                title = _("%(warning)s. Even contact opnemen?") % {
                    "warning": _limit_warning(participant, *passed)
                }
            _warn_broker(area, participant, title, actor)
    return warnings


def _limit_warning(participant: Participant, side: str, limit: int) -> str:
    values = {"name": participant.user.full_name, "limit": format_quarters(limit)}
    if side == "low":
        return _("Roosjes: saldo van %(name)s is onder de ondergrens van %(limit)s") % values
    return _("Roosjes: saldo van %(name)s is boven de bovengrens van %(limit)s") % values


def _warn_broker(area: Area, participant: Participant, title: str, actor) -> None:
    create_task(
        area=area,
        preferred=(participant.assigned_broker,),
        title=title,
        due_on=clock.today() + dt.timedelta(days=7),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        participant=participant,
    )


def _same_area(area: Area, *people) -> None:
    for person in people:
        if person.area_id != area.pk:
            raise CreditError(_("Deze deelnemer hoort niet bij dit werkgebied."))


def book_paper(
    *,
    area: Area,
    broker,
    receiver: Participant,
    quarters: int,
    note: str,
    payer: Participant | None = None,
) -> Booked:
    """The broker books paper Roosjes someone handed in: from the resident who gave them,
    or from the project when they were handed out on paper by the project."""
    _check_enabled(area)
    _same_area(area, receiver, *([payer] if payer else []))
    if not (note or "").strip():
        raise CreditError(_("Schrijf erbij waar de papieren Roosjes vandaan komen."), field="note")
    if payer is not None and payer.pk == receiver.pk:
        raise CreditError(_("Van en aan zijn dezelfde deelnemer."), field="payer")
    source = account_for_participant(payer) if payer else project_account(area)
    booked = _book(
        area=area,
        kind=Transfer.Kind.PAPER,
        lines=[(source, -quarters), (account_for_participant(receiver), quarters)],
        actor=broker,
        note=note,
    )
    audit.record(broker, "roosjes_papier", booked.transfer, area=area)
    return booked


def issue(
    *,
    area: Area,
    organisation: CreditOrganisation,
    lines: list[tuple[Participant, int]],
    actor,
    note: str = "",
) -> Booked:
    """An organisation rewards volunteers: one transfer, N + 1 movements."""
    _check_enabled(area)
    if organisation.area_id != area.pk:
        raise CreditError(_("Deze organisatie hoort niet bij dit werkgebied."))
    if not lines:
        raise CreditError(_("Kies minstens één deelnemer en een aantal uur."))
    seen = set()
    for person, quarters in lines:
        _same_area(area, person)
        if person.pk in seen:
            raise CreditError(
                _("%(name)s staat twee keer in de lijst.") % {"name": person.user.full_name}
            )
        if quarters <= 0:
            raise CreditError(_("Het aantal uur moet meer dan nul zijn."))
        seen.add(person.pk)
    total = sum(quarters for _, quarters in lines)
    booked = _book(
        area=area,
        kind=Transfer.Kind.ISSUE,
        lines=[(account_for_organisation(organisation), -total)]
        + [(account_for_participant(person), quarters) for person, quarters in lines],
        actor=actor,
        note=note,
    )
    return booked


def redeem(
    *,
    area: Area,
    organisation: CreditOrganisation,
    participant: Participant,
    quarters: int,
    actor,
    note: str = "",
) -> Booked:
    """A resident pays with Roosjes for a discount at an organisation or shop."""
    _check_enabled(area)
    _same_area(area, participant)
    if organisation.area_id != area.pk:
        raise CreditError(_("Deze organisatie hoort niet bij dit werkgebied."))
    if not organisation.accepts_roosjes:
        raise CreditError(
            _("%(name)s neemt geen Roosjes aan.") % {"name": organisation.name},
            field="organisation",
        )
    return _book(
        area=area,
        kind=Transfer.Kind.REDEMPTION,
        lines=[
            (account_for_participant(participant), -quarters),
            (account_for_organisation(organisation), quarters),
        ],
        actor=actor,
        note=note,
    )


def reverse(*, transfer: Transfer, actor, reason: str) -> Booked:
    """A correction: the opposite movements as a new transfer. Once per transfer."""
    area = transfer.area
    if not (reason or "").strip():
        raise CreditError(_("Schrijf op waarom deze boeking wordt teruggedraaid."), field="reason")
    if transfer.kind == Transfer.Kind.CORRECTION:
        raise CreditError(_("Een correctie draait u niet terug; boek opnieuw wat klopt."))
    try:
        with transaction.atomic():
            # Lock the original so two corrections at once cannot both pass the check.
            Transfer.objects.select_for_update().filter(pk=transfer.pk).first()
            if Transfer.objects.filter(reverses=transfer).exists():
                raise CreditError(_("Deze boeking is al teruggedraaid."))
            lines = [
                (movement.account, -movement.amount)
                for movement in transfer.movements.select_related("account")
            ]
            booked = _book(
                area=area,
                kind=Transfer.Kind.CORRECTION,
                lines=lines,
                actor=actor,
                note=reason,
                reverses=transfer,
            )
    except IntegrityError as exc:  # the unique reverses column caught a race
        raise CreditError(_("Deze boeking is al teruggedraaid.")) from exc
    audit.record(actor, "roosjes_correctie", booked.transfer, area=area)
    return booked


# --- Thanks after a match --------------------------------------------------------------------


def thankable_matches(participant: Participant):
    """Matches (mediations that reached lopend) the participant took part in."""
    return (
        Mediation.objects.filter(area_id=participant.area_id, reached_active_on__isnull=False)
        .filter(Q(requester=participant) | Q(provider=participant))
        .select_related("requester__user", "provider__user", "ad")
        .order_by("-reached_active_on", "-pk")
    )


def thank(
    *, sender: Participant, mediation: Mediation, quarters: int, message: str = ""
) -> ThankYou:
    """Offer the other side of a match Roosjes; booked only when they confirm."""
    area = sender.area
    _check_enabled(area)
    if mediation.area_id != area.pk or not mediation.is_match:
        raise CreditError(_("U kunt alleen iemand bedanken met wie u gekoppeld bent."))
    if sender.pk == mediation.requester_id:
        receiver = mediation.provider
    elif sender.pk == mediation.provider_id:
        receiver = mediation.requester
    else:
        raise CreditError(_("U kunt alleen iemand bedanken met wie u gekoppeld bent."))
    if quarters <= 0:
        raise CreditError(_("Het aantal uur moet meer dan nul zijn."), field="amount")
    return ThankYou.objects.create(
        area=area,
        mediation=mediation,
        sender=sender,
        receiver=receiver,
        amount=quarters,
        message=(message or "").strip()[:300],
        created_at=clock.now(),
    )


def _pending(thank_you: ThankYou) -> ThankYou:
    locked = ThankYou.objects.select_for_update().get(pk=thank_you.pk)
    if locked.status != ThankYou.Status.PENDING:
        raise CreditError(_("Dit bedankje is al afgehandeld."))
    return locked


def confirm_thanks(*, thank_you: ThankYou, receiver: Participant) -> Booked:
    _check_enabled(thank_you.area)
    if thank_you.receiver_id != receiver.pk:
        raise CreditError(_("Alleen wie bedankt wordt kan dit bevestigen."))
    with transaction.atomic():
        locked = _pending(thank_you)
        booked = _book(
            area=locked.area,
            kind=Transfer.Kind.THANKS,
            lines=[
                (account_for_participant(locked.sender), -locked.amount),
                (account_for_participant(locked.receiver), locked.amount),
            ],
            actor=receiver.user,
            note=locked.message,
            mediation=locked.mediation,
        )
        locked.status = ThankYou.Status.CONFIRMED
        locked.transfer = booked.transfer
        locked.answered_at = clock.now()
        locked.save(update_fields=["status", "transfer", "answered_at"])
    return booked


def decline_thanks(*, thank_you: ThankYou, receiver: Participant) -> ThankYou:
    if thank_you.receiver_id != receiver.pk:
        raise CreditError(_("Alleen wie bedankt wordt kan dit afwijzen."))
    return _close(thank_you, ThankYou.Status.DECLINED)


def withdraw_thanks(*, thank_you: ThankYou, sender: Participant) -> ThankYou:
    if thank_you.sender_id != sender.pk:
        raise CreditError(_("Alleen wie bedankt kan dit intrekken."))
    return _close(thank_you, ThankYou.Status.WITHDRAWN)


def _close(thank_you: ThankYou, status: str) -> ThankYou:
    with transaction.atomic():
        locked = _pending(thank_you)
        locked.status = status
        locked.answered_at = clock.now()
        locked.save(update_fields=["status", "answered_at"])
    return locked


# --- Reading ---------------------------------------------------------------------------------


def history(account: Account | None):
    """The account's movements with their transfers, newest first."""
    if account is None:
        return Movement.objects.none()
    return (
        Movement.objects.filter(account=account)
        .select_related("transfer", "transfer__reversal")
        .order_by("-transfer__created_at", "-pk")
    )


def circulation(area: Area, start: dt.date, end: dt.date) -> dict:
    """Roosjes in circulation for `area`, in quarter hours, for transfers booked from
    `start` to `end` (both inclusive): issued (by organisations and as paper from the
    project), transferred (between residents), redeemed (for discounts), with
    corrections netted against the kind they undo; and outstanding: the sum of residents'
    balances at the end of `end`. Three aggregate queries."""
    transfers = Transfer.objects.booked_between(area, start, end)

    def net(*kinds):
        plain = Q(kind__in=kinds)
        undone = Q(kind=Transfer.Kind.CORRECTION, reverses__kind__in=kinds)
        return Coalesce(Sum("amount", filter=plain), Value(0)) - Coalesce(
            Sum("amount", filter=undone), Value(0)
        )

    figures = transfers.aggregate(
        transferred=net(Transfer.Kind.THANKS),
        paper=net(Transfer.Kind.PAPER),
        issued=net(Transfer.Kind.ISSUE),
        redeemed=net(Transfer.Kind.REDEMPTION),
        bookings=Count("pk"),
    )
    # Paper Roosjes are a transfer when a resident gave them, an issue when the project did.
    paper_from_project = (
        Movement.objects.booked_between(area, start, end)
        .filter(account=project_account(area))
        .aggregate(total=Coalesce(Sum("amount"), Value(0)))["total"]
    )
    from_project = -paper_from_project  # project movements are negative when it issues
    outstanding = Movement.objects.held_by_participants(area, end).aggregate(
        total=Coalesce(Sum("amount"), Value(0))
    )["total"]
    return {
        "issued": figures["issued"] + from_project,
        "transferred": figures["transferred"] + figures["paper"] - from_project,
        "redeemed": figures["redeemed"],
        "outstanding": outstanding,
        "bookings": figures["bookings"],
    }


# --- Checking --------------------------------------------------------------------------------


def find_mismatches() -> tuple[list[Account], list[Transfer]]:
    """Accounts whose stored balance differs from the sum of their movements, and
    transfers whose movements do not sum to zero (or that have none). Aggregated in the
    database."""
    accounts = list(
        Account.objects.annotate(total=Coalesce(Sum("movements__amount"), Value(0)))
        .exclude(balance=F("total"))
        .select_related("participant__user", "organisation")
        .order_by("pk")
    )
    transfers = list(
        Transfer.objects.annotate(
            total=Coalesce(Sum("movements__amount"), Value(0)), lines=Count("movements")
        )
        .filter(~Q(total=0) | Q(lines__lt=2))
        .order_by("pk")
    )
    return accounts, transfers
