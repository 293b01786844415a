from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    # `action` is stored as a code (written by many apps through core.audit.record); these
    # are the words for it in the log. Every action recorded has a line here (a test reads
    # the code for audit.record calls); an unknown one is shown as stored.
    ACTION_LABELS = {
        "background.read": _("achtergrondgegevens gelezen"),
        "background.write": _("achtergrondgegevens gewijzigd"),
        "note.read": _("vertrouwelijke notities gelezen"),
        "note.write": _("vertrouwelijke notitie geschreven"),
        "participant.invite": _("uitgenodigd voor de site"),
        "participant.pause": _("pauze gewijzigd"),
        "handover": _("overgedragen aan een andere makelaar"),
        "registraties geïmporteerd": _("registraties geïmporteerd"),
        "mediation.correct": _("bemiddeling gecorrigeerd"),
        "person.export": _("persoonsgegevens gedownload"),
        "letter.print": _("brief afgedrukt"),
        "person.erase": _("persoonsgegevens gewist"),
        "person.retention_warning": _("gevraagd of iemand nog meedoet (bewaartermijn)"),
        "referral.accept": _("doorverwijzing aangenomen"),
        "referral.decline": _("doorverwijzing afgewezen"),
        "sign_in": _("ingelogd"),
        "two_factor.setup": _("tweestapsverificatie ingesteld"),
        "two_factor.ok": _("ingelogd met tweestapsverificatie"),
        "two_factor.reset": _("tweestapsverificatie gewist"),
        "category_added": _("categorie toegevoegd"),
        "category_renamed": _("categorie hernoemd"),
        "category_deleted": _("categorie verwijderd"),
        "area_settings_changed": _("instellingen van het werkgebied gewijzigd"),
        "area_contact_changed": _("contactgegevens van het werkgebied gewijzigd"),
        "roosjes_grenzen": _("grenzen voor Roosjes gewijzigd"),
        "roosjes_papier": _("papieren Roosjes geboekt"),
        "roosjes_correctie": _("boeking van Roosjes teruggedraaid"),
        "verhaal offline: toestemming ingetrokken": _("verhaal offline: toestemming ingetrokken"),
    }

    def __str__(self) -> str:
        return f"{self.action} {self.subject_type}#{self.subject_id}"

    @property
    def action_label(self) -> str:
        return str(self.ACTION_LABELS.get(self.action, self.action))

    @property
    def subject_label(self) -> str:
        """What the event is about, in words: the model's name ("deelnemer"), else the
        stored label of the model."""
        try:
            model = apps.get_model(self.subject_type)
        except (LookupError, ValueError):
            return self.subject_type
        return str(model._meta.verbose_name)
