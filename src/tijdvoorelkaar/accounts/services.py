"""Sign-up, sign-in by emailed link, and creating users with roles."""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import authenticate, login
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.models import Area, Neighbourhood
from tijdvoorelkaar.core import audit, clock, throttle
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.i18n import in_language, language_of, page_language
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.core.roles import ADMIN, ALL_ROLES, PARTICIPANT
from tijdvoorelkaar.participants.models import Participant

from . import hooks
from .models import LoginToken, PrivacyConsent, Role, User, normalise_email


class Throttled(ServiceError):
    """Too many attempts in a short time; the message says what to do (translated)."""


class SignInRefused(ServiceError):
    """An address and password that do not belong together (translated)."""


class InvalidLink(Exception):
    """The link is unknown, used or expired."""


def after_sign_in(request, user: User, *, method: str) -> None:
    """Shorter sessions for staff, the last activity for the retention rule, and a line in
    the audit log (without personal data)."""

    if (
        user.is_superuser
        or Role.objects.filter(
            user=user, kind__in=[Role.Kind.BROKER, Role.Kind.COORDINATOR]
        ).exists()
    ):
        request.session.set_expiry(settings.STAFF_SESSION_SECONDS)
    User.objects.filter(pk=user.pk).update(last_activity_at=clock.now())
    # Signing in again cancels a pending retention warning.
    user.participations.filter(retention_warned_at__isnull=False).update(retention_warned_at=None)
    audit.record(user, "sign_in", user, detail=method)


def remember_language(user: User, code: str) -> bool:
    """Store the language `user` chose with the language switch (one the site offers);
    their email is written in it. Returns whether it was stored."""
    if code not in dict(settings.LANGUAGES):
        return False
    if user.language != code:
        User.objects.filter(pk=user.pk).update(language=code)
        user.language = code
    return True


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def check_link_throttle(email: str, client_key: str) -> None:
    """Raise Throttled when this address or this client asked too often in the last minute.
    The same limit holds for known and unknown addresses."""
    minute = dt.timedelta(minutes=1)
    per_email = settings.LOGIN_LINK_REQUESTS_PER_MINUTE
    ok_client = throttle.hit(f"link-client:{client_key}", per_email * 4, minute)
    ok_email = throttle.hit(f"link-email:{normalise_email(email)}", per_email, minute)
    if not (ok_client and ok_email):
        raise Throttled(
            _(
                "U heeft in korte tijd te vaak een link gevraagd. Wacht een minuut en probeer "
                "het dan opnieuw. Lukt het niet? Bel de sociaal makelaar."
            )
        )


def check_password_throttle(email: str, client_key: str) -> None:
    window = dt.timedelta(minutes=15)
    ok_client = throttle.hit(f"pw-client:{client_key}", 30, window)
    ok_email = throttle.hit(f"pw-email:{normalise_email(email)}", 10, window)
    if not (ok_client and ok_email):
        raise Throttled(
            _(
                "Te veel pogingen. Probeer het over een kwartier "
                "opnieuw, of log in met een link per e-mail."
            )
        )


def sign_in_with_password(request, *, email: str, password: str, client_key: str) -> User:
    """Sign in with an address and password, within the attempt limit (every attempt
    counts); a refusal never says which of the two was wrong."""
    check_password_throttle(email, client_key)
    user = authenticate(request, email=email, password=password)
    if user is None:
        raise SignInRefused(
            _(
                "Dit e-mailadres en wachtwoord horen niet bij "
                "elkaar. Of log in met een link per e-mail."
            )
        )
    login(request, user)
    after_sign_in(request, user, method="wachtwoord")
    return user


INVITATION_DAYS = 14
# An unused link is kept this long after it ran out, so a sign-up can ask for a new one
# without typing everything again; then it is deleted (purge_old_links).
LINK_KEPT = dt.timedelta(days=1)


def _new_token(
    purpose: str,
    area: Area,
    user: User | None = None,
    payload: dict | None = None,
    lifetime: dt.timedelta | None = None,
) -> str:
    raw = secrets.token_urlsafe(32)
    now = clock.now()
    LoginToken.objects.create(
        token_hash=_hash(raw),
        purpose=purpose,
        user=user,
        area=area,
        payload=payload or {},
        created_at=now,
        expires_at=now + (lifetime or dt.timedelta(minutes=settings.LOGIN_LINK_MINUTES)),
    )
    return raw


def _link(base_url: str, area: Area, raw: str) -> str:
    return base_url.rstrip("/") + reverse("accounts:use_link", args=[area.slug, raw])


def _send_sign_in(user: User, area: Area, base_url: str, pending: dict | None = None) -> None:
    """The person asked for it on a page: the email is in that page's language."""
    raw = _new_token(
        LoginToken.Purpose.SIGN_IN,
        area,
        user=user,
        payload={"pending": pending} if pending else None,
    )
    language = page_language()
    with in_language(language):
        subject = _("Uw inloglink voor TijdVoorElkaar %(area)s") % {"area": area.name}
    queue_email(
        user.email,
        subject,
        "accounts/email/sign_in",
        {
            "user": user,
            "link": _link(base_url, area, raw),
            "minutes": settings.LOGIN_LINK_MINUTES,
        },
        area=area,
        language=language,
    )


def request_sign_in_link(*, email: str, area: Area, base_url: str, client_key: str) -> None:
    """Email a one-time link when the address belongs to an active user; say nothing either
    way (the caller shows the same page for known and unknown addresses)."""
    email = normalise_email(email)
    check_link_throttle(email, client_key)
    user = User.objects.filter(email=email, is_active=True).first()
    if user is not None:
        _send_sign_in(user, area, base_url)


def request_sign_up(
    *,
    first_name: str,
    email: str,
    neighbourhood: Neighbourhood,
    area: Area,
    base_url: str,
    client_key: str,
    newsletter: bool = False,
    pending: dict | None = None,
) -> None:
    """Email a confirmation link that creates the account when used. For an address that
    already has an account, email a sign-in link instead, so the page never tells whether
    an address is registered and nothing is half-made. `pending` (JSON) is what the person
    wrote before having an account; it travels with the link (hooks.link_used)."""
    email = normalise_email(email)
    check_link_throttle(email, client_key)
    existing = User.objects.filter(email=email).first()
    if existing is not None:
        if existing.is_active:
            _send_sign_in(existing, area, base_url, pending=pending)
        return
    payload = {
        "first_name": first_name.strip(),
        "email": email,
        "neighbourhood": neighbourhood.pk,
        "consent_version": settings.PRIVACY_STATEMENT_VERSION,
        "consent_at": clock.now().isoformat(),
        "newsletter": bool(newsletter),
        # The language of the sign-up page becomes the account's (its emails' language).
        "language": page_language(),
    }
    if pending:
        payload["pending"] = pending
    _send_sign_up(payload, area, base_url)


def _send_sign_up(payload: dict, area: Area, base_url: str) -> None:
    raw = _new_token(LoginToken.Purpose.SIGN_UP, area, payload=payload)
    with in_language(payload.get("language") or page_language()):
        subject = _("Bevestig uw aanmelding bij TijdVoorElkaar %(area)s") % {"area": area.name}
    queue_email(
        payload["email"],
        subject,
        "accounts/email/sign_up",
        {
            "first_name": payload["first_name"],
            "link": _link(base_url, area, raw),
            "minutes": settings.LOGIN_LINK_MINUTES,
        },
        area=area,
        language=payload.get("language") or page_language(),
    )


class InvitationRefused(ServiceError):
    """An invitation the broker cannot send; the message is for the broker (translated)."""


def send_invitation(participant: Participant, *, base_url: str) -> None:
    """Email an imported (or otherwise uninvited) participant one link that makes their
    registry entry a working account: it sets the address on their account and signs them
    in. The link works once, for INVITATION_DAYS days; a new invitation replaces the
    previous link."""
    email = normalise_email(participant.registry_email)
    if not email:
        raise InvitationRefused(_("Er is geen e-mailadres om een uitnodiging naar te sturen."))
    user = participant.user
    if user.email:
        raise InvitationRefused(_("Deze deelnemer heeft al een account en kan zelf inloggen."))
    if not user.is_active:
        raise InvitationRefused(_("Deze deelnemer is verwijderd."))
    owner = User.objects.filter(email__iexact=email).exclude(pk=user.pk).first()
    if owner is not None and Participant.objects.filter(area=participant.area, user=owner).exists():
        raise InvitationRefused(
            _(
                "Dit e-mailadres hoort al bij een andere deelnemer in dit werkgebied. Zoek "
                "die deelnemer op; één van beide is dubbel ingeschreven."
            )
        )
    LoginToken.objects.filter(
        user=user, purpose=LoginToken.Purpose.INVITE, used_at__isnull=True
    ).delete()
    raw = _new_token(
        LoginToken.Purpose.INVITE,
        participant.area,
        user=user,
        payload={"email": email, "participant": participant.pk},
        lifetime=dt.timedelta(days=INVITATION_DAYS),
    )
    language = language_of(user)
    with in_language(language):
        subject = _("Uitnodiging voor TijdVoorElkaar %(area)s") % {"area": participant.area.name}
    queue_email(
        email,
        subject,
        "accounts/email/invitation",
        {
            "user": user,
            "link": _link(base_url, participant.area, raw),
            "days": INVITATION_DAYS,
        },
        area=participant.area,
        language=language,
    )


def _accept_invitation(token: LoginToken, area: Area) -> User:
    """The invited person used their link: their address goes on their account. When the
    address already has an account elsewhere (another area), that account takes over
    this registry entry, so one person keeps one sign-in; the person proved with the link
    that the address is theirs."""
    user, email = token.user, normalise_email(token.payload.get("email"))
    if user is None or not user.is_active or not email:
        raise InvalidLink
    entries = Participant.objects.filter(user=user, area=area)
    if user.email:
        return user
    owner = User.objects.filter(email__iexact=email).exclude(pk=user.pk).first()
    if owner is None:
        user.email = email
        try:
            with transaction.atomic():
                user.save(update_fields=["email"])
        except IntegrityError as exc:
            raise InvalidLink from exc
        entries.update(registry_email="")
        return user
    if not owner.is_active or Participant.objects.filter(area=area, user=owner).exists():
        raise InvalidLink
    entries.update(user=owner, registry_email="")
    if not user.participations.exists() and not user.roles.exists():
        user.delete()
    return owner


def peek_token(raw: str, area: Area) -> LoginToken:
    """The valid, unused token for `raw` in `area`, or InvalidLink."""
    token = LoginToken.objects.filter(token_hash=_hash(raw or ""), area=area).first()
    if token is None or token.used_at is not None or token.expires_at < clock.now():
        raise InvalidLink
    return token


@dataclass(frozen=True)
class Redeemed:
    """Who used the link, and where they land when what they wrote first was placed."""

    user: User
    landing: str | None = None


@transaction.atomic
def redeem_token(raw: str, area: Area) -> Redeemed:
    """Use a link once: create the account for a sign-up, return the user to sign in."""
    token = peek_token(raw, area)
    # Mark used first, conditionally, so two clicks at once cannot both succeed.
    claimed = LoginToken.objects.filter(pk=token.pk, used_at__isnull=True).update(
        used_at=clock.now()
    )
    if not claimed:
        raise InvalidLink
    if token.purpose == LoginToken.Purpose.SIGN_IN:
        user = token.user
        if user is None or not user.is_active:
            raise InvalidLink
    elif token.purpose == LoginToken.Purpose.INVITE:
        user = _accept_invitation(token, area)
    else:
        user = _create_participant_account(token.payload, area)
    pending = token.payload.get("pending")
    landings = hooks.link_used(area, user, pending) if pending else []
    return Redeemed(user, next((url for url in landings if url), None))


def resendable_sign_up(raw: str, area: Area) -> LoginToken | None:
    """An unused sign-up link that ran out less than LINK_KEPT ago: what the person typed
    is still there, so a new link can be sent to the same address."""
    token = LoginToken.objects.filter(
        token_hash=_hash(raw or ""), area=area, purpose=LoginToken.Purpose.SIGN_UP
    ).first()
    if token is None or token.used_at is not None:
        return None
    if not (clock.now() - LINK_KEPT < token.expires_at < clock.now()):
        return None
    return token


def resend_sign_up(raw: str, area: Area, *, base_url: str, client_key: str) -> None:
    """Send a new sign-up link with everything the person typed (the old one ran out)."""
    token = resendable_sign_up(raw, area)
    if token is None:
        raise InvalidLink
    check_link_throttle(token.payload["email"], client_key)
    LoginToken.objects.filter(pk=token.pk).delete()
    _send_sign_up(token.payload, area, base_url)


def purge_old_links() -> str:
    """Links that ran out more than LINK_KEPT ago go, with what an unconfirmed sign-up
    typed (a periodic job)."""
    purged, _counts = LoginToken.objects.filter(expires_at__lt=clock.now() - LINK_KEPT).delete()
    return f"verlopen inloglinks: {purged}"


def _create_participant_account(data: dict, area: Area) -> User:
    existing = User.objects.filter(email=data["email"]).first()
    if existing is not None:
        # Signed up twice before confirming: the first confirmation made the account.
        Participant.objects.get_or_create(area=area, user=existing)
        return existing
    neighbourhood = Neighbourhood.objects.filter(pk=data["neighbourhood"], area=area).first()
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=data["email"],
                first_name=data["first_name"],
                language=data.get("language", ""),
            )
    except IntegrityError as exc:
        raise InvalidLink from exc
    PrivacyConsent.objects.create(
        user=user,
        version=data["consent_version"],
        given_at=dt.datetime.fromisoformat(data["consent_at"]),
    )
    Participant.objects.create(area=area, user=user, neighbourhood=neighbourhood)
    hooks.signed_up(area, user, {"newsletter": bool(data.get("newsletter"))})
    return user


@dataclass
class CreatedUser:
    user: User
    created: bool


@transaction.atomic
def create_user_with_role(
    email: str,
    role: str,
    area: Area | None,
    *,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    neighbourhood: Neighbourhood | None = None,
) -> CreatedUser:
    """Create (or find) the user for `email` and give them `role` in `area`. Idempotent."""
    if role not in ALL_ROLES:
        raise ValueError(
            _("Onbekende rol '%(role)s'. Kies uit: %(roles)s.")
            % {"role": role, "roles": ", ".join(ALL_ROLES)}
        )
    if role != ADMIN and area is None:
        raise ValueError(_("Geef een werkgebied op met --area."))
    email = normalise_email(email)
    # Without an email address there is nothing to recognise the person by: a new user.
    user = User.objects.filter(email=email).first() if email else None
    created = user is None
    if created:
        user = User.objects.create_user(
            email=email,
            password=password,
            first_name=first_name or email.split("@")[0].split(".")[0].capitalize(),
            last_name=last_name,
        )
    elif password:
        user.set_password(password)
        user.save(update_fields=["password"])
    if role == ADMIN:
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    elif role == PARTICIPANT:
        Participant.objects.get_or_create(
            area=area, user=user, defaults={"neighbourhood": neighbourhood}
        )
    else:
        Role.objects.get_or_create(user=user, area=area, kind=role)
    return CreatedUser(user=user, created=created)
