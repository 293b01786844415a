"""Roosjes (time credits): a small double-entry ledger, optional per area.

Amounts are whole quarter hours (1 Roosje = 1 hour = 4 quarters). Every `Transfer` has
movements that sum to zero, written in one transaction; `Account.balance` is the stored
sum of the account's movements, kept in step by `services.py` with F() updates on locked
rows. Movements are never changed or deleted; a correction is a reverse transfer.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.access import ORGANISATION, is_staff_in, roles_in_area


class CreditOrganisationQuerySet(models.QuerySet):
    def managed_by(self, user, area):
        """Organisations the user may act for: all of the area's for its staff, those the
        user is a contact of for organisation contacts, none otherwise."""
        qs = self.filter(area=area)
        if is_staff_in(user, area):
            return qs
        if ORGANISATION in roles_in_area(user, area):
            return qs.filter(contacts=user)
        return qs.none()


def day_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The moments from the start of `start` to the start of the day after `end`, in the
    site's time zone: bookings with `since <= created_at < until` are on those days."""
    tz = timezone.get_current_timezone()
    since = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return since, until


class TransferQuerySet(models.QuerySet):
    def visible_to(self, user, area):
        """Roosjes bookings of `area`: all for its brokers and coordinators, none otherwise."""
        qs = self.filter(area=area)
        return qs if is_staff_in(user, area) else qs.none()

    def booked_between(self, area, start: dt.date, end: dt.date):
        """Bookings of `area` made from `start` to `end` (both days included)."""
        since, until = day_bounds(start, end)
        return self.filter(area=area, created_at__gte=since, created_at__lt=until)

    def standing(self):
        """Bookings that stand: not a correction, and not undone by one. A booking and
        the correction that undoes it cancel out, whenever the correction was made."""
        return self.exclude(kind=Transfer.Kind.CORRECTION).filter(reversal__isnull=True)


class MovementQuerySet(models.QuerySet):
    def booked_between(self, area, start: dt.date, end: dt.date):
        """Movements of the bookings of `area` made from `start` to `end` (both included)."""
        since, until = day_bounds(start, end)
        return self.filter(
            transfer__area=area, transfer__created_at__gte=since, transfer__created_at__lt=until
        )

    def standing(self):
        """Movements of the bookings that stand (see `TransferQuerySet.standing`)."""
        return self.exclude(transfer__kind=Transfer.Kind.CORRECTION).filter(
            transfer__reversal__isnull=True
        )

    def held_by_participants(self, area, end: dt.date):
        """Movements on the residents' accounts of `area` booked by the end of `end`
        (corrections included): their sum is what residents hold at that moment."""
        _since, until = day_bounds(end, end)
        return self.filter(
            account__area=area,
            account__kind=Account.Kind.PARTICIPANT,
            transfer__created_at__lt=until,
        )


class ThankYouQuerySet(models.QuerySet):
    def own(self, user, area):
        """Thank-yous the user sent or received as a participant of `area`; nobody else's."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(area=area).filter(Q(sender__user=user) | Q(receiver__user=user))


class CreditSettings(models.Model):
    """Per-area limits. Passing them warns the broker; it never blocks anything."""

    area = models.OneToOneField(
        "areas.Area", on_delete=models.CASCADE, related_name="credit_settings"
    )
    min_balance = models.IntegerField(
        _("ondergrens (kwartier)"),
        null=True,
        blank=True,
        help_text=_("Bijvoorbeeld -40 voor -10 uur. Leeg: geen ondergrens."),
    )
    max_balance = models.IntegerField(
        _("bovengrens (kwartier)"),
        null=True,
        blank=True,
        help_text=_("Leeg: geen bovengrens."),
    )

    class Meta:
        verbose_name = _("Roosjes-instellingen")
        verbose_name_plural = _("Roosjes-instellingen")

    def __str__(self) -> str:
        return gettext("Roosjes-instellingen %(area)s") % {"area": self.area}


class CreditOrganisation(models.Model):
    """An organisation or shop that issues or accepts Roosjes, until the organisations
    app exists. `contacts` are users with the organisation role in the area who may act
    for it. A future Organisation model gets a OneToOne to this row (or replaces it by
    pointing `Account.organisation` at the new model in one migration)."""

    area = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, related_name="credit_organisations"
    )
    name = models.CharField(_("naam"), max_length=120)
    accepts_roosjes = models.BooleanField(
        _("neemt Roosjes aan voor korting"),
        default=False,
    )
    discount_text = models.CharField(_("wat krijgt u ervoor"), max_length=200, blank=True)
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="credit_organisations",
        verbose_name=_("contactpersonen"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CreditOrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie (Roosjes)")
        verbose_name_plural = _("organisaties (Roosjes)")
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="credit_org_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Account(models.Model):
    """One holder's Roosjes account: a participant, an organisation, or the area's
    project account (where paper Roosjes handed out by the project come from)."""

    class Kind(models.TextChoices):
        PARTICIPANT = "deelnemer", _("deelnemer")
        ORGANISATION = "organisatie", _("organisatie")
        PROJECT = "project", _("project (papieren Roosjes)")

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    participant = models.OneToOneField(
        "participants.Participant",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_account",
    )
    organisation = models.OneToOneField(
        CreditOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="account",
    )
    balance = models.IntegerField(_("saldo (kwartier)"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Roosjes-rekening")
        verbose_name_plural = _("Roosjes-rekeningen")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="deelnemer", participant__isnull=False, organisation__isnull=True)
                    | Q(kind="organisatie", participant__isnull=True, organisation__isnull=False)
                    | Q(kind="project", participant__isnull=True, organisation__isnull=True)
                ),
                name="credit_account_one_holder",
            ),
            models.UniqueConstraint(
                fields=["area"], condition=Q(kind="project"), name="credit_one_project_account"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.kind == self.Kind.PARTICIPANT:
            return gettext("rekening %(number)s (deelnemer %(name)s)") % {
                "number": self.pk,
                "name": self.participant.user.full_name,
            }
        if self.kind == self.Kind.ORGANISATION:
            return gettext("rekening %(number)s (organisatie %(name)s)") % {
                "number": self.pk,
                "name": self.organisation.name,
            }
        return gettext("rekening %(number)s (project)") % {"number": self.pk}

    @property
    def holder_name(self) -> str:
        if self.kind == self.Kind.PARTICIPANT:
            return self.participant.user.full_name
        if self.kind == self.Kind.ORGANISATION:
            return self.organisation.name
        return str(_("Het project (papieren Roosjes)"))


class Transfer(models.Model):
    """One booking. Its movements sum to zero; `amount` is the total moved (the sum of
    the positive movements), kept for reports. Never edited; `reverses` points at the
    transfer a correction undoes (one correction per transfer at most)."""

    class Kind(models.TextChoices):
        THANKS = "bedankje", _("bedankje na een koppeling")
        PAPER = "papier", _("papieren Roosjes geboekt")
        ISSUE = "uitgifte", _("uitgegeven door een organisatie")
        REDEMPTION = "inwisseling", _("ingewisseld voor korting")
        CORRECTION = "correctie", _("correctie")

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    amount = models.PositiveIntegerField()
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversal"
    )
    mediation = models.ForeignKey(
        "mediations.Mediation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_transfers",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    objects = TransferQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Roosjes-boeking")
        verbose_name_plural = _("Roosjes-boekingen")
        indexes = [models.Index(fields=["area", "kind", "created_at"], name="credit_tr_area")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Movement(models.Model):
    """One side of a transfer on one account, signed, in quarter hours. Immutable."""

    transfer = models.ForeignKey(Transfer, on_delete=models.PROTECT, related_name="movements")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="movements")
    amount = models.IntegerField()

    objects = MovementQuerySet.as_manager()

    class Meta:
        ordering = ["-transfer__created_at", "-id"]
        verbose_name = _("Roosjes-mutatie")
        verbose_name_plural = _("Roosjes-mutaties")
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="credit_movement_not_zero"),
        ]

    def __str__(self) -> str:
        return gettext("%(amount)s kwartier op %(account)s") % {
            "amount": f"{self.amount:+d}",
            "account": self.account_id,
        }

    # A guard, not a business rule: rows of the ledger are written once.
    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Een mutatie wordt nooit gewijzigd; boek een correctie.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Een mutatie wordt nooit verwijderd; boek een correctie.")


class ThankYou(models.Model):
    """A resident thanks the other side of a match; it becomes a transfer only when the
    receiver confirms. The receiver may decline, the sender may withdraw while pending."""

    class Status(models.TextChoices):
        PENDING = "wacht", _("wacht op bevestiging")
        CONFIRMED = "bevestigd", _("bevestigd")
        DECLINED = "afgewezen", _("niet aangenomen")
        WITHDRAWN = "ingetrokken", _("ingetrokken")

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    mediation = models.ForeignKey(
        "mediations.Mediation", on_delete=models.PROTECT, related_name="thank_yous"
    )
    sender = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, related_name="thanks_sent"
    )
    receiver = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, related_name="thanks_received"
    )
    amount = models.PositiveIntegerField()
    message = models.CharField(_("bericht"), max_length=300, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    transfer = models.OneToOneField(
        Transfer, null=True, blank=True, on_delete=models.PROTECT, related_name="thank_you"
    )
    created_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = ThankYouQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bedankje")
        verbose_name_plural = _("bedankjes")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="credit_thanks_positive"),
        ]

    def __str__(self) -> str:
        return f"Bedankje #{self.pk}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
