from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Mediation(models.Model):
    """A bemiddeling: an attempt to connect a requesting and a providing participant.

    Recorded here from the marketplace when both sides click "We gaan het doen"
    (self-made, broker_supported = False). The mediation workflow grows this model."""

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
    broker_supported = models.BooleanField(_("actief ondersteund"), default=False)
    started_on = models.DateField(_("gestart op"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bemiddeling")
        verbose_name_plural = _("bemiddelingen")
        indexes = [models.Index(fields=["area", "started_on"], name="mediation_area_start")]

    def __str__(self) -> str:
        return f"Bemiddeling #{self.pk}"
