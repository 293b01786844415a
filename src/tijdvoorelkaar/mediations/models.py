import datetime as dt
import re

from django.conf import settings
from django.db import models
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.access import PARTICIPANT, STAFF_ROLES, roles_in_area


class MediationQuerySet(models.QuerySet):
    def visible_to(self, user, area):
        """Mediations of `area` the user may see: all for the area's brokers and
        coordinators, their own (as requester or provider) for a participant, none for
        anyone else."""
        roles = roles_in_area(user, area)
        qs = self.filter(area=area)
        if roles & STAFF_ROLES:
            return qs
        if PARTICIPANT in roles:
            return qs.filter(models.Q(requester__user=user) | models.Q(provider__user=user))
        return qs.none()


class Mediation(models.Model):
    """A bemiddeling: an attempt to connect a requesting and a providing participant.

    Broker-supported (the broker proposed it) or self-made (both sides clicked "We gaan
    het doen" in a marketplace conversation). It is a successful match (koppeling) once it
    reached "lopend"; `reached_active_on` keeps that moment even after it ends."""

    class Status(models.TextChoices):
        PROPOSED = "voorgesteld", _("voorgesteld")
        INTRO_PLANNED = "kennismaking_gepland", _("kennismaking gepland")
        INTRO_HELD = "kennismaking_gehad", _("kennismaking gehad")
        RUNNING = "lopend", _("lopend")
        PAUSED = "gepauzeerd", _("gepauzeerd")
        COMPLETED = "afgerond", _("afgerond")
        CANCELLED = "niet_doorgegaan", _("niet doorgegaan")

    class EndReason(models.TextChoices):
        JOB_DONE = "klus_klaar", _("de klus is klaar")
        INDEPENDENT = "zelfstandig_verder", _("ze gaan zelfstandig verder")
        EXPECTATIONS = "verwachtingen_verschilden", _("verwachtingen verschilden")
        TOO_MUCH = "te_veel_gevraagd", _("er werd te veel gevraagd")
        AGREEMENTS_BROKEN = "afspraken_niet_nagekomen", _("afspraken niet nagekomen")
        HEALTH = "gezondheid", _("gezondheid")
        NO_TIME = "geen_tijd", _("geen tijd meer")
        MOVED = "verhuisd", _("verhuisd")
        OTHER = "anders", _("anders")

    class Answer(models.TextChoices):
        OPEN = "open", _("nog niet gevraagd of nog geen antwoord")
        YES = "ja", _("ja")
        NO = "nee", _("nee")

    OPEN_STATUSES = (
        Status.PROPOSED,
        Status.INTRO_PLANNED,
        Status.INTRO_HELD,
        Status.RUNNING,
        Status.PAUSED,
    )
    ENDED_STATUSES = (Status.COMPLETED, Status.CANCELLED)
    # The broker's actions on a mediation and the statuses in which each may be taken:
    # one table for the services (each refuses its action in any other status), the
    # broker's page (it offers only what may be done now: allowed_actions()) and the view
    # (mediations/views.py ACTIONS: the URL's action -> form and service). Planning and
    # recording the introduction also need both sides' yes.
    ACTION_STATUSES = {
        "answer": (Status.PROPOSED,),
        "plan_introduction": (Status.PROPOSED, Status.INTRO_PLANNED),
        "record_introduction": (Status.PROPOSED, Status.INTRO_PLANNED, Status.INTRO_HELD),
        "start": (Status.INTRO_HELD,),
        "pause": (Status.RUNNING,),
        "resume": (Status.PAUSED,),
        "log_cancellation": (
            Status.INTRO_PLANNED,
            Status.INTRO_HELD,
            Status.RUNNING,
            Status.PAUSED,
        ),
        "raise_flag": (Status.INTRO_PLANNED, Status.INTRO_HELD, Status.RUNNING, Status.PAUSED),
        "end": OPEN_STATUSES,
        "resolve_flag": tuple(Status),
        "check_in_seen": tuple(Status),
        "correct": tuple(Status),
    }
    NEEDS_BOTH_YES = frozenset({"plan_introduction", "record_introduction"})

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="mediations")
    requester = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, related_name="mediations_as_requester"
    )
    provider = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, related_name="mediations_as_provider"
    )
    ad = models.ForeignKey(
        "marketplace.Ad",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mediations",
    )
    conversation = models.OneToOneField(
        "marketplace.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mediation",
    )
    category = models.ForeignKey(
        "marketplace.Category", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    broker_supported = models.BooleanField(_("actief ondersteund"), default=False)
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mediations_brokered",
        verbose_name=_("sociaal makelaar"),
    )
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.PROPOSED)
    started_on = models.DateField(_("gestart op"))
    requester_answer = models.CharField(max_length=6, choices=Answer.choices, default=Answer.OPEN)
    provider_answer = models.CharField(max_length=6, choices=Answer.choices, default=Answer.OPEN)
    intro_planned_on = models.DateField(_("kennismaking op"), null=True, blank=True)
    reached_active_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=30, choices=EndReason.choices, blank=True)
    end_reason_text = models.CharField(max_length=300, blank=True)
    key_returned = models.BooleanField(_("sleutel teruggegeven"), default=False)
    both_told = models.BooleanField(_("beide deelnemers op de hoogte"), default=False)
    thanks_said = models.BooleanField(_("bedankt"), default=False)
    next_follow_up_on = models.DateField(null=True, blank=True)
    follow_ups_done = models.PositiveSmallIntegerField(default=0)
    stop_requested_at = models.DateTimeField(null=True, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="placements",
        help_text="Set for a volunteer placement at a local organisation.",
    )
    external_id = models.CharField(max_length=64, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MediationQuerySet.as_manager()

    class Meta:
        verbose_name = _("bemiddeling")
        verbose_name_plural = _("bemiddelingen")
        indexes = [
            # Reports read only these columns: on PostgreSQL the period's rows come from
            # the index alone (other databases get a plain index on area, started_on).
            models.Index(
                fields=["area", "started_on"],
                include=[
                    "broker_supported",
                    "reached_active_on",
                    "ended_on",
                    "status",
                    "requester",
                    "provider",
                    "end_reason",
                    "category",
                    "organisation",
                ],
                name="mediation_report_cover",
            ),
            # Per person, for the report's figures about distinct people ("active in the
            # period": does this person have a mediation running then?), answered from
            # the index alone on PostgreSQL.
            models.Index(
                fields=["requester", "started_on"],
                include=["ended_on", "reached_active_on", "status", "area", "organisation"],
                name="mediation_requester_period",
            ),
            models.Index(
                fields=["provider", "started_on"],
                include=["ended_on", "reached_active_on", "status", "area", "organisation"],
                name="mediation_provider_period",
            ),
            models.Index(fields=["area", "status"], name="mediation_area_status"),
            models.Index(fields=["next_follow_up_on"], name="mediation_follow_up"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "external_id"], name="mediation_unique_external_id"
            ),
        ]

    def __str__(self) -> str:
        return f"Bemiddeling #{self.pk}"

    @property
    def both_agreed(self) -> bool:
        return self.requester_answer == self.Answer.YES and self.provider_answer == self.Answer.YES

    def may(self, action: str) -> bool:
        """Whether `action` (a key of ACTION_STATUSES) may be taken now."""
        if self.status not in self.ACTION_STATUSES[action]:
            return False
        return action not in self.NEEDS_BOTH_YES or self.both_agreed

    def allowed_actions(self) -> frozenset[str]:
        return frozenset(action for action in self.ACTION_STATUSES if self.may(action))

    @property
    def is_proposal(self) -> bool:
        return self.status == self.Status.PROPOSED

    @property
    def is_match(self) -> bool:
        return self.reached_active_on is not None

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class Agreement(models.Model):
    """Afspraken made at the introduction: a bounded scope both sides know."""

    class Expectation(models.TextChoices):
        PRACTICAL = "praktisch", _("een praktische klus")
        COMPANY = "gezelschap", _("gezelschap en contact")
        BOTH = "beide", _("allebei")

    mediation = models.OneToOneField(Mediation, on_delete=models.CASCADE, related_name="agreement")
    what = models.TextField(_("wat precies"), max_length=1000)
    how_often = models.CharField(_("hoe vaak"), max_length=120)
    hours_each_time = models.DecimalField(
        _("hoe lang per keer (uren)"), max_digits=4, decimal_places=1
    )
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("tot"), null=True, blank=True)
    review_on = models.DateField(_("evalueren op"), null=True, blank=True)
    helper_holds_key = models.BooleanField(_("de helper krijgt een sleutel"), default=False)
    requester_expects = models.CharField(
        _("verwachting van de hulpvrager"), max_length=12, choices=Expectation.choices
    )
    provider_expects = models.CharField(
        _("verwachting van de helper"), max_length=12, choices=Expectation.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return gettext("Afspraken bij %(mediation)s") % {"mediation": self.mediation}

    @property
    def expectations_differ(self) -> bool:
        return "beide" not in (self.requester_expects, self.provider_expects) and (
            self.requester_expects != self.provider_expects
        )


class MediationEvent(models.Model):
    """Who changed what and when: the mediation's history (append-only)."""

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=30)
    from_status = models.CharField(max_length=24, blank=True)
    to_status = models.CharField(max_length=24, blank=True)
    note = models.CharField(max_length=500, blank=True)

    # `kind` is stored as a code (written by mediations, imports and organisations); these
    # are the words for it in the history on the mediation's page. A kind not listed here
    # is shown as stored.
    KIND_LABELS = {
        "aangemaakt": _("aangemaakt"),
        "voorgesteld": _("voorgesteld"),
        "antwoord": _("antwoord"),
        "kennismaking gepland": _("kennismaking gepland"),
        "kennismaking gehad": _("kennismaking gehad"),
        "koppeling": _("koppeling"),
        "gepauzeerd": _("gepauzeerd"),
        "hervat": _("hervat"),
        "beëindigd": _("beëindigd"),
        "correctie": _("correctie"),
        "signaal": _("signaal"),
        "signaal opgelost": _("signaal opgelost"),
        "afzegging": _("afzegging"),
        "nazorg": _("nazorg"),
        "antwoord nazorg": _("antwoord nazorg"),
        "wil stoppen": _("wil stoppen"),
        "geimporteerd": _("geïmporteerd"),
        "plaatsing": _("plaatsing"),
    }

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kind_label} ({self.at:%Y-%m-%d})"

    @property
    def kind_label(self) -> str:
        return str(self.KIND_LABELS.get(self.kind, self.kind))

    @property
    def to_status_label(self) -> str:
        return str(dict(Mediation.Status.choices).get(self.to_status, self.to_status))

    # A correction's note ends in the changed fields, as stored by services.correct:
    # "reason (status: kennismaking_gepland -> lopend; started_on: 2026-03-02 -> ...)".
    CORRECTION = re.compile(r"^(?P<reason>.*) \((?P<changes>[a-z_]+: .*)\)$", re.DOTALL)
    CHANGE = re.compile(r"^(?P<field>[a-z_]+): (?P<old>.*) -> (?P<new>.*)$")
    CORRECTED_FIELDS = {
        "status": _("status"),
        "started_on": _("gestart op"),
        "reached_active_on": _("koppeling vanaf"),
        "ended_on": _("beëindigd op"),
        "end_reason": _("reden einde"),
        "broker_supported": _("actief ondersteund"),
    }

    @property
    def note_label(self) -> str:
        """The note in words: codes stored in it (a status, an end reason, an answer, a
        date) are shown as the words of the model's choices, in the reader's language."""
        if self.kind == "beëindigd":
            return str(dict(Mediation.EndReason.choices).get(self.note, self.note))
        if self.kind == "kennismaking gepland":
            return _value_words("date", self.note)
        if self.kind == "antwoord":
            name, sep, answer = self.note.rpartition(": ")
            if sep and answer in Mediation.Answer.values:
                return f"{name}: {Mediation.Answer(answer).label}"
        if self.kind == "correctie":
            return self._correction_words()
        return self.note

    def _correction_words(self) -> str:
        found = self.CORRECTION.match(self.note)
        if not found:
            return self.note
        words = []
        for change in found["changes"].split("; "):
            part = self.CHANGE.match(change)
            if not part or part["field"] not in self.CORRECTED_FIELDS:
                return self.note
            field = part["field"]
            words.append(
                f"{self.CORRECTED_FIELDS[field]}: {_value_words(field, part['old'])}"
                f" → {_value_words(field, part['new'])}"
            )
        return f"{found['reason']} ({'; '.join(words)})"


def _value_words(field: str, value: str) -> str:
    """A value as services.correct and plan_introduction store it (str() of a code, a
    date, a boolean or None), in words."""
    if value in ("", "None"):
        return "–"
    if field == "status":
        return str(dict(Mediation.Status.choices).get(value, value))
    if field == "end_reason":
        return str(dict(Mediation.EndReason.choices).get(value, value))
    if field == "broker_supported":
        return str({"True": _("ja"), "False": _("nee")}.get(value, value))
    try:
        return formats.date_format(dt.date.fromisoformat(value), "j F Y")
    except ValueError:
        return value


class CheckIn(models.Model):
    """A "Hoe gaat het met jullie contact?" email to one side, answered by a signed link."""

    class Answer(models.TextChoices):
        GOOD = "goed", _("Goed")
        COULD_BE_BETTER = "kan_beter", _("Het kan beter")
        WANT_TO_STOP = "stoppen", _("Ik wil stoppen")
        CALL_ME = "bel_mij", _("Bel mij")

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="check_ins")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField()
    answer = models.CharField(max_length=12, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return gettext("Check-in #%(number)s") % {"number": self.pk}


class Flag(models.Model):
    """A warning about a running contact, raised by the broker or by the system."""

    class Kind(models.TextChoices):
        SCOPE_CREEP = "scope_creep", _("de klus wordt steeds groter")
        CLAIMING = "claimen", _("te vaak contact (claimen)")
        ONE_SIDED = "eenzijdig", _("eenzijdige uitwisseling")
        NO_SHOWS = "niet_komen", _("herhaald niet komen of afzeggen")
        MONEY = "geld", _("vraagt om geld of cadeaus")

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.CharField(max_length=500, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-raised_at"]

    def __str__(self) -> str:
        return self.get_kind_display()


class Cancellation(models.Model):
    """One side called off a meeting; two or more raise a no-show flag."""

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="cancellations")
    by_requester = models.BooleanField()
    on = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    logged_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Afzegging {self.on}"


class MediationMonth(models.Model):
    """How many mediations of an area started in `month` (its first day), per month in
    which they ended, category, end reason, support and success: the counts the period
    report sums over the whole months of a period instead of reading every mediation.
    Volunteer placements (organisation set) are left out, as in the report. Recounted
    from the mediations of that month by `mediations.figures.recount` in the same
    transaction as every change (docs/rapportage.md, "Snelheid")."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    ended_month = models.DateField(null=True)
    # No database constraint: a deleted category leaves the id, which joins to nothing
    # and counts as "onbekend", as the mediation itself (category set to NULL) does.
    category = models.ForeignKey(
        "marketplace.Category",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    end_reason = models.CharField(max_length=30, blank=True)
    broker_supported = models.BooleanField()
    successful = models.BooleanField()
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["area", "month"], name="mediation_month_area")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.count}"


class MatchDurationMonth(models.Model):
    """Successful matches that ended, per month of start and of end and per duration in
    days (end minus the day it reached "lopend", or the start): the median duration of a
    period is read from these counts. Kept like MediationMonth."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    ended_month = models.DateField()
    days = models.IntegerField()
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["area", "month"], name="match_duration_month_area")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}, {self.days} dagen: {self.count}"
