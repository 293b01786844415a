from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.access import PARTICIPANT, is_staff_in, roles_in_area
from tijdvoorelkaar.core.clock import today
from tijdvoorelkaar.core.phones import tel_uri


class Visibility(models.TextChoices):
    PUBLIC = "public", _("iedereen")
    PARTICIPANTS = "participants", _("ingelogde deelnemers van dit werkgebied")
    BROKERS = "brokers", _("alleen de sociaal makelaar")


class Channel(models.TextChoices):
    """How a participant prefers to be reached."""

    PHONE = "telefoon", _("telefoon")
    EMAIL = "e-mail", _("e-mail")
    POST = "post", _("post")
    CONTACT_PERSON = "contactpersoon", _("via een contactpersoon")


class Stage(models.TextChoices):
    """Routing: where a participant stands in their trajectory."""

    SIGNED_UP = "aangemeld", _("aangemeld")
    INTRODUCED = "kennismaking", _("kennismaking gehad")
    AD_PLACED = "vraag_aanbod", _("vraag/aanbod staat")
    MEDIATING = "bemiddeling", _("in bemiddeling")
    MATCHED = "gekoppeld", _("gekoppeld")
    FOLLOW_UP = "nazorg", _("nazorg")
    INDEPENDENT = "zelfstandig", _("zelfstandig actief")
    STOPPED = "gestopt", _("gestopt")


class Inflow(models.TextChoices):
    """How a participant heard of TijdVoorElkaar."""

    WEBSITE = "website", _("website")
    GROUP_VISIT = "groepsbezoek", _("groepsbezoek")
    DOOR_TO_DOOR = "huisbezoek", _("huisbezoek / deur-aan-deur")
    MARKET = "markt", _("markt of evenement")
    WORD_OF_MOUTH = "mond-tot-mond", _("mond-tot-mond")
    REFERRAL = "doorverwijzing", _("doorverwijzing")
    OTHER = "anders", _("anders")


class ParticipantQuerySet(models.QuerySet):
    def of(self, user, area):
        """The user's participation in `area`, or None."""
        if not user.is_authenticated:
            return None
        return self.filter(area=area, user=user).first()

    def registry(self, user, area):
        """The broker's registry: every participant of `area` for its brokers and
        coordinators, none for anyone else."""
        qs = self.filter(area=area)
        if not is_staff_in(user, area):
            return qs.none()
        return qs.select_related("user", "neighbourhood", "assigned_broker")


class Participant(models.Model):
    """A resident taking part in one area (deelnemer). Roles such as asker or helper
    belong to an ad or a match, never to the person."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations"
    )
    neighbourhood = models.ForeignKey(
        "areas.Neighbourhood",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("buurt"),
    )
    display_name = models.CharField(
        _("naam op de site"),
        max_length=60,
        blank=True,
        help_text=_("Zo ziet een ander u op de site. Laat leeg om uw voornaam te gebruiken."),
    )
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    intro = models.TextField(_("over mij"), max_length=1000, blank=True)
    photo = models.ImageField(_("profielfoto"), upload_to="profielfoto/", blank=True)
    languages = models.JSONField(_("talen"), default=list, blank=True)
    interests = models.JSONField(_("interesses"), default=list, blank=True)
    profile_visibility = models.CharField(
        _("wie ziet mijn pagina"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PARTICIPANTS,
    )
    registered_on = models.DateField(_("aangemeld op"), default=today)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    external_id = models.CharField(max_length=64, null=True, blank=True, editable=False)
    retention_warned_at = models.DateTimeField(null=True, blank=True, editable=False)
    paused_until = models.DateField(
        _("tijdelijk niet beschikbaar tot"),
        null=True,
        blank=True,
        help_text=_("Zolang dit in de toekomst ligt, wordt iemand niet voorgesteld."),
    )

    # Kept for the broker's workspace; never shown on public pages.
    phone_normalised = models.CharField(max_length=20, blank=True, db_index=True, editable=False)
    address = models.TextField(_("postadres"), max_length=300, blank=True)
    preferred_channel = models.CharField(
        _("bij voorkeur bereikbaar via"),
        max_length=20,
        choices=Channel.choices,
        default=Channel.EMAIL,
    )
    contact_person_name = models.CharField(_("naam contactpersoon"), max_length=120, blank=True)
    contact_person_relation = models.CharField(
        _("relatie contactpersoon"), max_length=80, blank=True
    )
    contact_person_phone = models.CharField(_("telefoon contactpersoon"), max_length=30, blank=True)
    contact_person_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    contact_person_consent_at = models.DateTimeField(null=True, blank=True)
    routing_stage = models.CharField(
        _("fase"), max_length=20, choices=Stage.choices, default=Stage.SIGNED_UP
    )
    next_contact_on = models.DateField(_("volgend contact"), null=True, blank=True)
    assigned_broker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caseload",
        verbose_name=_("sociaal makelaar"),
    )
    inflow_source = models.CharField(
        _("hoe bij ons gekomen"), max_length=20, choices=Inflow.choices, blank=True
    )
    referrer_organisation = models.CharField(
        _("verwijzende organisatie"), max_length=120, blank=True
    )
    referrer_person = models.CharField(_("verwijzer"), max_length=120, blank=True)
    # An imported person's address, kept here until a broker invites them: their User
    # has no email (and so no sign-in) until they use the invitation's link.
    registry_email = models.EmailField(_("e-mailadres (nog niet uitgenodigd)"), blank=True)
    invited_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set by privacy.services.erase_person: the row stays, anonymous, for the figures.
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(fields=["area", "user"], name="participant_unique_per_area"),
            models.UniqueConstraint(
                fields=["area", "external_id"], name="participant_unique_external_id"
            ),
        ]
        indexes = [
            models.Index(fields=["area", "registered_on"], name="participant_area_reg"),
            models.Index(fields=["area", "routing_stage"], name="participant_area_stage"),
        ]

    def __str__(self) -> str:
        return self.public_name

    def page_visible_to(self, user) -> bool:
        """Whether `user` may open this person's personal page (and photo): their own
        visibility choice decides; staff of the area and the person always may."""
        roles = roles_in_area(user, self.area)
        if is_staff_in(user, self.area) or (user.is_authenticated and self.user_id == user.pk):
            return True
        if self.profile_visibility == Visibility.PUBLIC:
            return True
        if self.profile_visibility == Visibility.PARTICIPANTS:
            return PARTICIPANT in roles
        return False

    @property
    def public_name(self) -> str:
        """The name anyone may see: the chosen display name or the first name only."""
        return self.display_name or self.user.first_name

    @property
    def tel_uri(self) -> str:
        """The href of a tel: link to this person's phone number, for the broker's pages
        ("tel:+31612345678"); empty when no number with digits is known."""
        return tel_uri(self.phone)
