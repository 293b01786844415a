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


class TextEmbedding(models.Model):
    """The meaning vector of one text of an area (an ad's title and description, or the
    strengths from an intake), made by the task worker when the text changes (tasks.py).
    Found by the text's digest, so no request embeds anything but its own query; a vector
    of another model or version is never used, and is replaced in the background."""

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64)  # SHA-256 of the text (meaning.digest)
    model = models.CharField(max_length=64)
    version = models.CharField(max_length=32)
    vector = models.BinaryField()  # float32, little-endian (meaning.to_bytes)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("tekstbetekenis")
        verbose_name_plural = _("tekstbetekenissen")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "digest", "model", "version"], name="embedding_once_per_text"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.version} {self.digest[:12]}"
