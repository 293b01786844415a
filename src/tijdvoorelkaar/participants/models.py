from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.clock import today


class Visibility(models.TextChoices):
    PUBLIC = "public", _("iedereen")
    PARTICIPANTS = "participants", _("ingelogde deelnemers van dit werkgebied")
    BROKERS = "brokers", _("alleen de sociaal makelaar")


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

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(fields=["area", "user"], name="participant_unique_per_area"),
        ]
        indexes = [models.Index(fields=["area", "registered_on"], name="participant_area_reg")]

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name anyone may see: the chosen display name or the first name only."""
        return self.display_name or self.user.first_name
