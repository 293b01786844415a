from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.access import PARTICIPANT, STAFF_ROLES, roles_in_area
from tijdvoorelkaar.participants.models import Visibility

# Stored in Dutch; marked so the catalogues translate them, and shown translated where a
# category is shown to its reader (`Category.label`). A name a coordinator wrote stays as
# written.
DEFAULT_CATEGORIES = [
    gettext_noop("Klussen"),
    gettext_noop("Tuin"),
    gettext_noop("Boodschappen"),
    gettext_noop("Computer en digitaal"),
    gettext_noop("Administratie en formulieren"),
    gettext_noop("Taal"),
    gettext_noop("Huiswerk"),
    gettext_noop("Gezelschap en samen iets doen"),
    gettext_noop("Vervoer en begeleiding"),
    gettext_noop("Huishouden"),
    gettext_noop("Dieren"),
    gettext_noop("Kinderen en oppas"),
    gettext_noop("Creatief"),
    gettext_noop("Overig"),
]

DAYS = [
    ("ma", _("maandag")),
    ("di", _("dinsdag")),
    ("wo", _("woensdag")),
    ("do", _("donderdag")),
    ("vr", _("vrijdag")),
    ("za", _("zaterdag")),
    ("zo", _("zondag")),
]
PARTS_OF_DAY = [("ochtend", _("ochtend")), ("middag", _("middag")), ("avond", _("avond"))]
AVAILABILITY_SLOTS = [f"{d}-{p}" for d, _l in DAYS for p, _m in PARTS_OF_DAY]


class Category(models.Model):
    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("naam"), max_length=80)
    slug = models.SlugField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        constraints = [
            models.UniqueConstraint(fields=["area", "slug"], name="category_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language: a default category's translation, another
        name as the coordinator wrote it."""
        return gettext(self.name) if self.name in DEFAULT_CATEGORIES else self.name


class AdQuerySet(models.QuerySet):
    def listed(self):
        """The ads that belong in listings: open or in talks, not expired, not hidden
        after a report. The one place this rule is written (pages, API, suggestions,
        notice boards, newsletters)."""
        return self.filter(
            status__in=Ad.LISTED_STATUSES,
            expires_on__gte=clock.today(),
            hidden_for_review=False,
        )

    def visible_to(self, user, area, *, include_own: bool = True):
        """Ads of `area` that `user` may see in listings and on ad pages.

        Anonymous visitors see public ads; participants of the area also those for
        signed-in participants; the area's brokers and coordinators see all, including
        those for the broker only. Ads hidden after a report are seen by staff and by
        their owner only."""
        roles = roles_in_area(user, area)
        qs = self.filter(area=area)
        if roles & STAFF_ROLES:
            return qs
        allowed = [Visibility.PUBLIC]
        if PARTICIPANT in roles:
            allowed.append(Visibility.PARTICIPANTS)
        condition = models.Q(visibility__in=allowed, hidden_for_review=False)
        if include_own and PARTICIPANT in roles:
            condition |= models.Q(owner__user=user)
        return qs.filter(condition)

    def public(self):
        """Ads anyone may see (the open internet: notice boards, newsletters)."""
        return self.filter(visibility=Visibility.PUBLIC)


class Ad(models.Model):
    """A vraag (request) or aanbod (offer); an organisation's vacature uses the same model."""

    class Kind(models.TextChoices):
        REQUEST = "vraag", _("vraag")
        OFFER = "aanbod", _("aanbod")
        VACANCY = "vacature", _("vacature")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_TALKS = "in_gesprek", _("in gesprek")
        HELPED = "geholpen", _("geholpen")
        CLOSED = "gesloten", _("gesloten")

    class Frequency(models.TextChoices):
        ONCE = "eenmalig", _("eenmalig")
        SOMETIMES = "af_en_toe", _("af en toe")
        WEEKLY = "wekelijks", _("wekelijks")
        BY_ARRANGEMENT = "in_overleg", _("in overleg")

    class Duration(models.TextChoices):
        SHORT = "kort", _("minder dan een uur")
        HOURS = "uur", _("een à twee uur")
        PART_OF_DAY = "dagdeel", _("een dagdeel (tot vier uur)")
        LONGER = "langer", _("langer dan vier uur")
        DAYS = "dagen", _("meerdere dagen")

    LISTED_STATUSES = (Status.OPEN, Status.IN_TALKS)

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="ads")
    owner = models.ForeignKey(
        "participants.Participant",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ads",
    )
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(_("omschrijving"), max_length=2000, blank=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="ads", verbose_name=_("categorie")
    )
    neighbourhood = models.ForeignKey(
        "areas.Neighbourhood",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("buurt"),
    )
    frequency = models.CharField(
        _("hoe vaak"), max_length=12, choices=Frequency.choices, default=Frequency.ONCE
    )
    duration = models.CharField(
        _("hoe lang ongeveer"), max_length=10, choices=Duration.choices, default=Duration.HOURS
    )
    availability = models.JSONField(_("wanneer"), default=list, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    visibility = models.CharField(
        _("wie ziet deze advertentie"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PARTICIPANTS,
    )
    expires_on = models.DateField(_("zichtbaar tot"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De sociaal makelaar die de advertentie voor iemand plaatste."),
    )
    hidden_for_review = models.BooleanField(default=False)
    renewal_reminder_sent_on = models.DateField(null=True, blank=True)
    submission_token = models.CharField(max_length=40, null=True, blank=True, unique=True)
    search_stems = models.TextField(blank=True, editable=False)
    external_id = models.CharField(max_length=64, null=True, blank=True)
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="vacancies",
    )

    objects = AdQuerySet.as_manager()

    class Meta:
        verbose_name = _("advertentie")
        verbose_name_plural = _("advertenties")
        indexes = [
            models.Index(fields=["area", "status", "-created_at"], name="ad_listing"),
            models.Index(fields=["area", "kind", "status", "-created_at"], name="ad_listing_kind"),
            models.Index(fields=["owner", "status"], name="ad_owner_status"),
            # Covers every filter of the public listing plus the sort columns, so the
            # count and the ids of a page are read from this index alone.
            models.Index(
                fields=[
                    "area",
                    "status",
                    "visibility",
                    "expires_on",
                    "hidden_for_review",
                    "kind",
                    "category",
                    "neighbourhood",
                    "created_at",
                    "id",
                ],
                name="ad_listing_cover",
            ),
            # The listed ads of an area newest first (status and hidden_for_review as in
            # AdQuerySet.listed()): the listing's first pages and its capped count walk
            # this index and stop, so they read about as much in an area with 100,000 ads
            # as in one with 1,000 (PostgreSQL reads the filters from the index too).
            models.Index(
                fields=["area", "-created_at", "-id"],
                include=["visibility", "expires_on", "kind", "category", "neighbourhood"],
                condition=models.Q(status__in=["open", "in_gesprek"], hidden_for_review=False),
                name="ad_listed_newest",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["area", "external_id"], name="ad_unique_external_id"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_listed(self) -> bool:
        """This ad by the rule of AdQuerySet.listed()."""
        return (
            self.status in self.LISTED_STATUSES
            and self.expires_on >= clock.today()
            and not self.hidden_for_review
        )

    @property
    def placed_with_help(self) -> bool:
        return self.placed_by_id is not None


class ConversationQuerySet(models.QuerySet):
    def for_user(self, user, area):
        """Conversations the user takes part in; brokers of an area whose reactions go
        through the broker see all of the area's conversations."""
        qs = self.filter(area=area)
        if area.brokers_read_conversations and roles_in_area(user, area) & STAFF_ROLES:
            return qs
        if not user.is_authenticated:
            return qs.none()
        return qs.filter(models.Q(initiator__user=user) | models.Q(owner__user=user))

    def unread_by(self, user):
        """Conversations the user takes part in where the other side wrote something the
        user has not opened since (a message newer than the user's side's `*_read_at`;
        messages hidden for review do not count). One query, also for `.count()`."""
        if not user.is_authenticated:
            return self.none()

        def unseen(side: str) -> models.Q:
            from_other = Message.objects.filter(
                conversation=models.OuterRef("pk"), hidden_for_review=False
            ).exclude(sender_id=models.OuterRef(f"{side}_id"))
            never_opened = models.Q(**{f"{side}_read_at__isnull": True}) & models.Exists(from_other)
            newer = models.Exists(
                from_other.filter(created_at__gt=models.OuterRef(f"{side}_read_at"))
            )
            return models.Q(**{f"{side}__user": user}) & (never_opened | newer)

        return self.filter(unseen("initiator") | unseen("owner"))


class Conversation(models.Model):
    """Opened by a reaction to an ad: a private exchange between the ad's owner and the
    participant who reacted. Contact details stay hidden unless both choose to share."""

    ad = models.ForeignKey(Ad, on_delete=models.CASCADE, related_name="conversations")
    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="+")
    initiator = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="started_conversations"
    )
    owner = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="owned_conversations"
    )
    created_at = models.DateTimeField(db_index=True)
    owner_replied_at = models.DateTimeField(null=True, blank=True)
    unanswered_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    initiator_shares_contact = models.BooleanField(default=False)
    owner_shares_contact = models.BooleanField(default=False)
    initiator_confirmed_at = models.DateTimeField(null=True, blank=True)
    owner_confirmed_at = models.DateTimeField(null=True, blank=True)
    # When each side last opened the conversation (or wrote in it): what is newer from the
    # other side is unread (ConversationQuerySet.unread_by, the count in the navigation).
    initiator_read_at = models.DateTimeField(null=True, blank=True)
    owner_read_at = models.DateTimeField(null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        constraints = [
            models.UniqueConstraint(fields=["ad", "initiator"], name="conversation_one_per_person"),
        ]
        indexes = [models.Index(fields=["area", "created_at"], name="conversation_area_time")]

    def __str__(self) -> str:
        return gettext("Gesprek over %(ad)s") % {"ad": self.ad}

    def other_side(self, participant):
        return self.owner if participant.pk == self.initiator_id else self.initiator

    @property
    def contact_shared(self) -> bool:
        return self.initiator_shares_contact and self.owner_shares_contact


# The longest message, on the site (forms), through the API and by email (services.reply).
MESSAGE_MAX_LENGTH = 2000


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        "participants.Participant", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField()
    hidden_for_review = models.BooleanField(default=False)
    submission_token = models.CharField(max_length=40, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Bericht #{self.pk}"


class Report(models.Model):
    """Someone reported an ad or a message; it is hidden until a broker reviews it."""

    class Outcome(models.TextChoices):
        PENDING = "open", _("wacht op beoordeling")
        RESTORED = "teruggezet", _("teruggezet")
        REMOVED = "verwijderd", _("verborgen gelaten")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    ad = models.ForeignKey(
        Ad, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("waarom meldt u dit?"), max_length=1000)
    created_at = models.DateTimeField()
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Melding #{self.pk}"


class Signal(models.Model):
    """Something the broker should look at, raised by the system (e.g. a reaction that
    stayed unanswered for five days). The broker's workspace lists the open ones."""

    class Kind(models.TextChoices):
        UNANSWERED_REACTION = "onbeantwoorde_reactie", _("reactie onbeantwoord")
        NEW_REACTION = "nieuwe_reactie", _("nieuwe reactie")
        NEW_REQUEST = "nieuwe_vraag", _("nieuwe vraag van een bewoner")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    ad = models.ForeignKey(Ad, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.CASCADE, related_name="signals"
    )
    created_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["area", "resolved_at"], name="signal_open")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"
