"""The monthly newsletter's subscriptions, and messages the site could not email (no
address, or mail that bounced) for which the broker phones instead.

The tables keep the names they had in the organisations app (Meta.db_table)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
        db_table = "organisations_newslettersubscription"
        constraints = [
            models.UniqueConstraint(fields=["area", "user"], name="newsletter_one_per_person"),
        ]

    def __str__(self) -> str:
        return f"Nieuwsbriefabonnement #{self.pk}"

    @property
    def active(self) -> bool:
        return self.unsubscribed_at is None


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
        db_table = "organisations_phoneinstead"
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
