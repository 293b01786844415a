"""Two-step sign-in for brokers, coordinators and system admins (TOTP).

Required when settings.STAFF_TWO_FACTOR is on (the default in production). After signing
in with a link or password, staff first confirm a code from their authenticator app; the
first time they link the app. Until then every page sends them to that step."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from tijdvoorelkaar.core import audit, clock, throttle
from tijdvoorelkaar.core.errors import ServiceError

from . import totp
from .models import Role, TwoFactorDevice, User

SESSION_KEY = "tve_two_factor_ok"


class CodeRefused(ServiceError):
    """The code is wrong, used before, or too many were tried; the message is for the
    person signing in (translated)."""


def is_staff_account(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return Role.objects.filter(
        user=user, kind__in=[Role.Kind.BROKER, Role.Kind.COORDINATOR]
    ).exists()


def required(request) -> bool:
    """Whether this request must first pass the two-step check."""
    if not settings.STAFF_TWO_FACTOR or request.session.get(SESSION_KEY):
        return False
    return is_staff_account(request.user)


def device_for(user: User) -> TwoFactorDevice:
    device, _ = TwoFactorDevice.objects.get_or_create(
        user=user, defaults={"secret": totp.new_secret()}
    )
    return device


def verify(request, code: str) -> None:
    """Check `code` for the signed-in user; on success mark the session as verified.
    Every attempt counts towards the limit, also the refused ones."""
    if not throttle.hit(f"totp:{request.user.pk}", 5, dt.timedelta(minutes=15)):
        raise CodeRefused(
            _("Te veel pogingen. Wacht een kwartier en probeer het opnieuw."), field="code"
        )
    _check(request, code)


@transaction.atomic
def _check(request, code: str) -> None:
    user = request.user
    device = TwoFactorDevice.objects.select_for_update().get(pk=device_for(user).pk)
    step = totp.matching_step(device.secret, code, now=clock.now().timestamp())
    if step is None:
        raise CodeRefused(
            _("Deze code klopt niet. Kijk in uw app en typ de zes cijfers die er nu staan."),
            field="code",
        )
    if step <= device.last_used_step:
        raise CodeRefused(
            _("Deze code is al gebruikt. Wacht op de volgende code in uw app."), field="code"
        )
    first_time = device.confirmed_at is None
    device.last_used_step = step
    device.confirmed_at = device.confirmed_at or clock.now()
    device.save(update_fields=["last_used_step", "confirmed_at"])
    request.session[SESSION_KEY] = True
    request.session.cycle_key()
    audit.record(user, "two_factor.setup" if first_time else "two_factor.ok", user)


def reset(user: User, *, actor) -> None:
    """A coordinator or admin resets a lost authenticator; the person links a new one."""
    TwoFactorDevice.objects.filter(user=user).delete()
    audit.record(actor, "two_factor.reset", user)
