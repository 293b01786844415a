from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Dismissal(models.Model):
    """The broker marked a suggested participant as not suitable for this ad ("Niet
    geschikt"): that participant is not suggested for the ad again."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    ad = models.ForeignKey(
        "marketplace.Ad", on_delete=models.CASCADE, related_name="suggestion_dismissals"
    )
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="+"
    )
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("afgewezen suggestie")
        verbose_name_plural = _("afgewezen suggesties")
        constraints = [
            models.UniqueConstraint(fields=["ad", "participant"], name="dismissal_once_per_ad"),
        ]

    def __str__(self) -> str:
        return gettext("Niet geschikt: %(participant)s voor advertentie %(ad)s") % {
            "participant": self.participant_id,
            "ad": self.ad_id,
        }
