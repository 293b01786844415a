from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.phones import tel_uri

# Top-level URL segments that can never be an area's slug.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "static",
        "media",
        "inloggen",
        "uitloggen",
        "aanmelden",
        "taal",
        "privacy",
        "account",
        "mijn",
        "over",
        "health",
        "robots.txt",
        "favicon.ico",
        "inkomende-mail",
    }
)


class Area(models.Model):
    """A werkgebied: one neighbourhood project, such as "Utrecht Zuid"."""

    class MatchingMode(models.TextChoices):
        DIRECT = "direct", _("Reacties gaan direct naar de adverteerder")
        BROKER = "broker", _("Reacties lopen via de sociaal makelaar")

    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=120)
    time_credits_enabled = models.BooleanField(_("Roosjes (tijdtegoed) aan"), default=False)
    max_support_conversations = models.PositiveSmallIntegerField(
        _("maximum aantal ondersteuningsgesprekken"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    matching_mode = models.CharField(
        _("manier van koppelen"),
        max_length=10,
        choices=MatchingMode.choices,
        default=MatchingMode.DIRECT,
    )
    theme = models.CharField(_("thema"), max_length=60, default="utrecht")
    domain = models.CharField(
        _("eigen domeinnaam"),
        max_length=253,
        null=True,
        blank=True,
        unique=True,
        help_text=_(
            "Bijvoorbeeld: tijdvoorelkaar-breda.nl. Leeg: alleen via het adres van de site."
        ),
    )
    follow_up_days = models.CharField(
        _("nazorg na (dagen, met komma's)"),
        max_length=60,
        default="14,91",
        help_text=_("Na hoeveel dagen na de start van een koppeling de makelaar belt."),
    )
    follow_up_repeat_days = models.PositiveSmallIntegerField(
        _("daarna elke (dagen) zolang het loopt"),
        default=182,
        validators=[MinValueValidator(7), MaxValueValidator(730)],
    )
    retention_months = models.PositiveSmallIntegerField(
        _("gegevens bewaren na laatste activiteit (maanden)"),
        default=24,
        validators=[MinValueValidator(6), MaxValueValidator(120)],
    )
    max_running_matches = models.PositiveSmallIntegerField(
        _("maximum lopende koppelingen per helper"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    sender_name = models.CharField(
        _("afzender van e-mail (naam)"),
        max_length=120,
        blank=True,
        help_text=_("Bijvoorbeeld: TijdVoorElkaar Utrecht Zuid. Leeg: de standaardafzender."),
    )
    sender_email = models.EmailField(
        _("afzender van e-mail (adres)"),
        blank=True,
        help_text=_("Leeg: het standaardadres van de site."),
    )
    # The organisation behind the area and how to reach it without the website: shown on
    # every public page, in every email, letter and PDF (see areas/contact.py).
    organisation_name = models.CharField(
        _("naam van de organisatie"),
        max_length=120,
        blank=True,
        help_text=_("Bijvoorbeeld: Welzijn Utrecht Zuid."),
    )
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    phone_hours = models.CharField(
        _("telefonisch bereikbaar"),
        max_length=160,
        blank=True,
        help_text=_("Bijvoorbeeld: maandag tot en met vrijdag van 9.00 tot 12.30 uur."),
    )
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    visiting_address = models.CharField(
        _("bezoekadres"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: Buurthuis De Boog, Rivierenlaan 2, 3522 AB Utrecht."),
    )
    broker_first_name = models.CharField(
        _("voornaam van de sociaal makelaar"), max_length=60, blank=True
    )
    broker_photo = models.ImageField(
        _("foto van de sociaal makelaar"), upload_to="werkgebied/", blank=True
    )
    logo = models.ImageField(_("logo"), upload_to="werkgebied/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("werkgebied")
        verbose_name_plural = _("werkgebieden")

    def __str__(self) -> str:
        return self.name

    @property
    def tel_uri(self) -> str:
        """The href of the area's phone link ("tel:+31301234567"), empty without a number."""
        return tel_uri(self.phone)

    @property
    def brokers_read_conversations(self) -> bool:
        """Whether the area's brokers read its residents' conversations: only where
        reactions go through the broker (`Conversation.objects.for_user` applies it)."""
        return self.matching_mode == self.MatchingMode.BROKER

    @property
    def from_email(self) -> str:
        """The From address for this area's email: its own sender where set, else the
        site's DEFAULT_FROM_EMAIL (a name alone goes with the default address)."""
        from email.utils import formataddr, parseaddr

        from django.conf import settings

        default_name, default_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        if not self.sender_email and not self.sender_name:
            return settings.DEFAULT_FROM_EMAIL
        name = self.sender_name or default_name
        address = self.sender_email or default_address
        return formataddr((name, address)) if name else address


class Neighbourhood(models.Model):
    """A buurt within an area."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="neighbourhoods")
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam"), max_length=60)
    latitude = models.FloatField(_("breedtegraad"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        constraints = [
            models.UniqueConstraint(fields=["area", "slug"], name="neighbourhood_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name
