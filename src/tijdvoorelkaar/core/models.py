from django.conf import settings
from django.db import models


class ThrottleBucket(models.Model):
    """How many attempts (sign-in link requests, password tries, referrals) were made
    under one hashed key in one slice of time; see core/throttle.py."""

    key = models.CharField(max_length=64)
    start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "start"], name="throttle_bucket_key_start")
        ]
        indexes = [models.Index(fields=["start"], name="throttle_bucket_start")]

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.start:%Y-%m-%d %H:%M:%S} ×{self.count}"


class AuditEvent(models.Model):
    """An append-only record of who did what with sensitive data, and when.

    `detail` is a short text WITHOUT personal data (no names, no note contents)."""

    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    area = models.ForeignKey(
        "areas.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)
    subject_type = models.CharField(max_length=60)
    subject_id = models.CharField(max_length=40)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["area", "-at"], name="audit_area_time"),
            models.Index(fields=["subject_type", "subject_id"], name="audit_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.subject_type}#{self.subject_id}"
