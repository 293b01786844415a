from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tijdvoorelkaar.core.roles import StoredRole


def normalise_email(email: str | None) -> str | None:
    if email is None:
        return None
    email = email.strip().lower()
    return email or None


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, email):
        return self.get(email__iexact=normalise_email(email))

    def create_user(self, email=None, password=None, **extra):
        user = self.model(email=normalise_email(email), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def brokers_of(self, area):
        """Active users holding the broker role in `area` (handover, task assignment)."""
        return self.filter(
            roles__area=area, roles__kind=StoredRole.BROKER, is_active=True
        ).order_by("first_name", "last_name")


class User(AbstractBaseUser, PermissionsMixin):
    """A person known to the system. The email is the login; people without email
    (registered by a broker) have none and sign in only once they get one."""

    email = models.EmailField(_("e-mailadres"), unique=True, null=True, blank=True)
    first_name = models.CharField(_("voornaam"), max_length=80)
    last_name = models.CharField(_("achternaam"), max_length=120, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    # The language the person last chose with the language switch (or signed up in); their
    # email is written in it (core.i18n.language_of). Empty: never chose, so Dutch.
    language = models.CharField(_("taal"), max_length=10, blank=True, default="")

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or f"#{self.pk}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def clean(self):
        super().clean()
        self.email = normalise_email(self.email)

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class RoleQuerySet(models.QuerySet):
    def brokers_of(self, area):
        return self.filter(area=area, kind=StoredRole.BROKER)


class Role(models.Model):
    """A staff role in one area (core/roles.py defines them). Participation itself is a
    Participant record."""

    Kind = StoredRole

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoleQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "area", "kind"], name="role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} in {self.area}"


class LoginToken(models.Model):
    """A one-time sign-in (or sign-up) link. Only the token's hash is stored."""

    class Purpose(models.TextChoices):
        SIGN_IN = "sign_in", _("inloggen")
        SIGN_UP = "sign_up", _("aanmelden")
        INVITE = "invite", _("uitnodiging")

    token_hash = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.CASCADE)
    area = models.ForeignKey("areas.Area", null=True, blank=True, on_delete=models.CASCADE)
    # For a sign-up: what the person filled in, until they confirm by using the link.
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} #{self.pk}"


class PrivacyConsent(models.Model):
    """Consent to a version of the privacy statement."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="privacy_consents")
    version = models.CharField(max_length=20)
    given_at = models.DateTimeField()

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"versie {self.version} ({self.given_at:%Y-%m-%d})"


class TwoFactorDevice(models.Model):
    """An authenticator app linked to a staff account (TOTP)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="two_factor")
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return gettext("Authenticator van gebruiker #%(user)s") % {"user": self.user_id}
