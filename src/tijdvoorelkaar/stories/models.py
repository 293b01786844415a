"""Success stories written by a broker, and the consent of every participant named in
them.

The tables keep the names they had in the organisations app (Meta.db_table)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.access import is_staff_in


class StoryQuerySet(models.QuerySet):
    def manageable_by(self, user, area):
        """Stories of `area` to manage (drafts, consents, taken down): all for its staff,
        none otherwise. What the public sees is stories.services.public_stories."""
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
        db_table = "organisations_story"
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
        db_table = "organisations_storyconsent"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["story", "participant"], name="story_consent_once"),
        ]

    def __str__(self) -> str:
        return f"Toestemming #{self.pk}"

    @property
    def valid(self) -> bool:
        return self.given_at is not None and self.withdrawn_at is None
