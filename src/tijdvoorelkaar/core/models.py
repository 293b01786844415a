from django.db import models


class ThrottleEvent(models.Model):
    """One counted attempt (a sign-in link request, a password try) under a hashed key."""

    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["key", "created_at"], name="throttle_key_time")]

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.created_at:%Y-%m-%d %H:%M}"
