"""Local organisations, referrals in, the social map and outreach (issue O)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.access import ORGANISATION, is_staff_in, roles_in_area


class OrganisationQuerySet(models.QuerySet):
    def managed_by(self, user, area):
        """Organisations of `area` the user acts for: all for its brokers and coordinators,
        those the user is a contact person of for organisation contacts, none otherwise."""
        qs = self.filter(area=area)
        if is_staff_in(user, area):
            return qs
        if ORGANISATION in roles_in_area(user, area):
            return qs.filter(contacts__user=user).distinct()
        return qs.none()


class IncomingReferralQuerySet(models.QuerySet):
    def visible_to(self, user, area):
        """Referrals into `area`: all for its staff, those they made for organisation
        contacts (without what happened next), none otherwise."""
        qs = self.filter(area=area)
        if is_staff_in(user, area):
            return qs.select_related("participant__user", "organisation")
        if ORGANISATION in roles_in_area(user, area):
            return qs.filter(referred_by=user)
        return qs.none()

    def waiting_for(self, user, area):
        """Referrals waiting in the broker's inbox (staff of `area` only), oldest first."""
        if not is_staff_in(user, area):
            return self.none()
        return (
            self.filter(area=area, status=IncomingReferral.Status.PENDING)
            .select_related("neighbourhood")
            .order_by("created_at", "pk")
        )


class StoryQuerySet(models.QuerySet):
    def manageable_by(self, user, area):
        """Stories of `area` to manage (drafts, consents, taken down): all for its staff,
        none otherwise. What the public sees is organisations.services.public_stories."""
        qs = self.filter(area=area)
        return qs if is_staff_in(user, area) else qs.none()


class StoryConsentQuerySet(models.QuerySet):
    def own(self, user, area):
        """The stories the user is named in as a participant of `area`, to consent or
        withdraw; nobody else's."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            story__area=area, participant__area=area, participant__user=user
        ).select_related("story", "participant")


class Organisation(models.Model):
    """A local organisation (buurthuis, GP practice, scouting ...). Its address and phone
    number are those of the organisation, never of a person."""

    class Kind(models.TextChoices):
        COMMUNITY_CENTRE = "buurthuis", _("buurthuis")
        SCHOOL = "school", _("school")
        SCOUTING = "scouting", _("scouting")
        CARE_HOME = "zorginstelling", _("zorginstelling")
        GP = "huisartsenpraktijk", _("huisartsenpraktijk")
        MENTAL_HEALTH = "ggz", _("ggz")
        SOCIAL_WORK = "maatschappelijk_werk", _("maatschappelijk werk")
        VOLUNTEERING = "vrijwilligersorganisatie", _("vrijwilligersorganisatie")
        SHOP = "winkel", _("winkel")
        OTHER = "anders", _("anders")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam"), max_length=80)
    kind = models.CharField(_("soort organisatie"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("over de organisatie"), max_length=2000, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField()

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.UniqueConstraint(fields=["area", "slug"], name="organisation_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationContact(models.Model):
    """A contact person who signs in for the organisation (Role kind "organisation")."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_contacts"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="org_contact_unique"),
        ]

    def __str__(self) -> str:
        return f"Contactpersoon #{self.pk}"


class IncomingReferral(models.Model):
    """A resident referred to us by a professional (GP, care worker ...).

    It waits in the broker's inbox (status "wacht") with the resident's details on this
    row; nobody is registered and nothing counts in a report. Accepting registers the
    resident (or links the one already known) and clears the details here; declining
    clears the details and the referrer's contact details (see docs/privacy.md)."""

    class Status(models.TextChoices):
        PENDING = "wacht", _("wacht op beoordeling")
        ACCEPTED = "aangenomen", _("aangenomen")
        DECLINED = "afgewezen", _("afgewezen")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(
        "participants.Participant",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="incoming_referrals",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    # The resident, until a broker accepts or declines.
    first_name = models.CharField(_("voornaam bewoner"), max_length=80, blank=True)
    last_name = models.CharField(_("achternaam bewoner"), max_length=120, blank=True)
    phone = models.CharField(_("telefoon bewoner"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail bewoner"), blank=True)
    address = models.TextField(_("adres bewoner"), max_length=300, blank=True)
    neighbourhood = models.ForeignKey(
        "areas.Neighbourhood", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    organisation_name = models.CharField(_("verwijzende organisatie"), max_length=120)
    referrer_name = models.CharField(_("naam verwijzer"), max_length=120)
    referrer_email = models.EmailField(_("e-mail verwijzer"), blank=True)
    referrer_phone = models.CharField(_("telefoon verwijzer"), max_length=30, blank=True)
    reason = models.TextField(_("waarom"), max_length=1000, blank=True)
    resident_consent = models.BooleanField(default=False)
    feedback_consent = models.BooleanField(default=False)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    feedback_sent_at = models.DateTimeField(null=True, blank=True)

    objects = IncomingReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Doorverwijzing #{self.pk}"


class SocialMapEntry(models.Model):
    """A service or activity on the area's social map (sociale kaart)."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("naam"), max_length=160)
    what_for = models.TextField(_("waarvoor"), max_length=1000)
    where = models.CharField(_("waar"), max_length=200, blank=True)
    when = models.CharField(_("wanneer"), max_length=200, blank=True)
    how_to_reach = models.CharField(_("hoe bereikbaar"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    active = models.BooleanField(_("staat op de kaart"), default=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]
        verbose_name = _("item op de sociale kaart")

    def __str__(self) -> str:
        return self.name


class OutreachActivity(models.Model):
    """Outreach: a group visit, a stand, a market or a door-to-door round."""

    class Kind(models.TextChoices):
        GROUP_VISIT = "groepsbezoek", _("groepsbezoek")
        STAND = "kraam", _("kraam of stand")
        MARKET = "markt", _("markt of evenement")
        DOOR_TO_DOOR = "deur_aan_deur", _("deur-aan-deurronde")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("datum"))
    group = models.CharField(_("groep"), max_length=160, blank=True)
    place = models.CharField(_("plaats"), max_length=200)
    reached = models.PositiveIntegerField(_("bereikte bewoners"), default=0)
    addresses_visited = models.PositiveIntegerField(_("bezochte adressen"), default=0)
    conversations = models.PositiveIntegerField(_("gesprekken"), default=0)
    joined = models.ManyToManyField(
        "participants.Participant", blank=True, related_name="outreach_activities"
    )
    notes = models.TextField(_("aantekeningen"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["area", "kind", "held_on"], name="outreach_area_kind_day")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class DoorToDoorReminder(models.Model):
    """Remembers that this year's reminder task for the door-to-door round was made."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    task = models.ForeignKey(
        "tasks.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="door_reminder_once_a_year"),
        ]

    def __str__(self) -> str:
        return f"Herinnering deur-aan-deur {self.year}"


class NewsletterSubscription(models.Model):
    """Opt-in for the monthly newsletter of an area."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_subscriptions"
    )
    subscribed_at = models.DateTimeField()
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    last_sent_month = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "user"], name="newsletter_one_per_person"),
        ]

    def __str__(self) -> str:
        return f"Nieuwsbriefabonnement #{self.pk}"

    @property
    def active(self) -> bool:
        return self.unsubscribed_at is None


# --- Success stories ---------------------------------------------------------------------


class Story(models.Model):
    """A success story written by a broker. It is public only while it is published and
    every participant named in it has consented and not withdrawn (see
    services.public_stories); a withdrawal also unpublishes it at once."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("titel"), max_length=120)
    body = models.TextField(_("verhaal"), max_length=3000)
    participants = models.ManyToManyField(
        "participants.Participant", through="StoryConsent", related_name="stories"
    )
    photo = models.FileField(_("foto"), upload_to="verhalen/", blank=True)
    photo_alt = models.CharField(_("wat staat er op de foto"), max_length=200, blank=True)
    named_count = models.PositiveSmallIntegerField(default=0)  # participants named at writing
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)
    taken_down_at = models.DateTimeField(null=True, blank=True)
    taken_down_reason = models.CharField(max_length=200, blank=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at", "-id"]
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")
        indexes = [models.Index(fields=["area", "published_at"], name="story_area_published")]

    def __str__(self) -> str:
        return self.title


class StoryConsent(models.Model):
    """One participant named in a story: whether, when and how they consented, and a
    withdrawal. Only the first name or chosen display name is ever shown."""

    class Channel(models.TextChoices):
        IN_PERSON = "persoonlijk", _("persoonlijk gesprek")
        PHONE = "telefoon", _("telefoon")
        EMAIL = "e-mail", _("e-mail")
        PAPER = "papier", _("op papier getekend")
        ONLINE = "site", _("zelf op de site")

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="consents")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="story_consents"
    )
    given_at = models.DateTimeField(null=True, blank=True)
    channel = models.CharField(max_length=20, choices=Channel.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_channel = models.CharField(max_length=20, choices=Channel.choices, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = StoryConsentQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["story", "participant"], name="story_consent_once"),
        ]

    def __str__(self) -> str:
        return f"Toestemming #{self.pk}"

    @property
    def valid(self) -> bool:
        return self.given_at is not None and self.withdrawn_at is None


# --- Unreachable by email: the broker phones instead --------------------------------------


class PhoneInstead(models.Model):
    """A message the site could not email: the participant has no address (kind
    geen_email, at most once per conversation per day) or mail to them bounced (kind
    bounce). Each made a task for the broker to phone."""

    class Kind(models.TextChoices):
        NO_EMAIL = "geen_email", _("geen e-mailadres")
        BOUNCE = "bounce", _("e-mail kwam terug")

    area = models.ForeignKey("areas.Area", null=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    participant = models.ForeignKey(
        "participants.Participant",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    conversation = models.ForeignKey(
        "marketplace.Conversation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    email_hash = models.CharField(max_length=64, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    on_day = models.DateField()
    at = models.DateTimeField()
    task = models.ForeignKey(
        "tasks.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "participant", "on_day"],
                condition=models.Q(kind="geen_email"),
                name="phone_instead_once_a_day",
            ),
        ]
        indexes = [models.Index(fields=["email_hash"], name="phone_instead_email")]

    def __str__(self) -> str:
        return f"Bellen in plaats van e-mail #{self.pk}"
