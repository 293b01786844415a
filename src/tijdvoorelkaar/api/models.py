"""The API's keys: a participant's personal keys for the JSON API."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A personal key for the JSON API (`Authorization: Bearer <key>`). The key is shown
    once when it is made; only its SHA-256 hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("naam"), max_length=80)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table keeps the name it had when the key lived in the accounts app.
        db_table = "accounts_apitoken"
        ordering = ["-created_at"]
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self) -> str:
        return self.name
