"""Personal API keys: made on /<area>/mijn/api-sleutels/, shown once, stored hashed."""

import datetime as dt
import functools
import hashlib
import secrets

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from tijdvoorelkaar.api.models import ApiToken
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.errors import ServiceError

KEY_PREFIX = "tve_"
MAX_TOKENS_PER_USER = 10
# Writing last_used_at on every call would turn each read into a write; once a minute is
# precise enough to tell a key that is in use from one that is forgotten.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


class TokenError(ServiceError):
    """A key request we refuse; the message is meant for the user (translated)."""


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def create_token(user, name: str) -> tuple[ApiToken, str]:
    """A new key for `user`. Returns the stored token and the key itself, which is shown
    once and never stored."""
    name = (name or "").strip()
    if not name:
        raise TokenError(_("Geef de sleutel een naam, zodat u hem later herkent."), field="name")
    if ApiToken.objects.select_for_update().filter(user=user).count() >= MAX_TOKENS_PER_USER:
        raise TokenError(
            _("U heeft al %(count)s sleutels. Trek er eerst een in die u niet meer gebruikt.")
            % {"count": MAX_TOKENS_PER_USER}
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:80], key_hash=hash_key(key), created_at=clock.now()
    )
    return token, key


def revoke_token(user, token_id: int) -> None:
    """Withdraw one of the user's own keys; TokenError when there is no such key of theirs."""
    deleted, _counts = ApiToken.objects.filter(user=user, pk=token_id).delete()
    if not deleted:
        raise TokenError(_("Deze sleutel bestaat niet (meer)."))


def user_for_key(key: str):
    """The active user a key belongs to, or None (unknown, revoked or inactive)."""
    if not key or not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_key(key), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = clock.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def wrong_key() -> str:
    return _("Geen of een ongeldige API-sleutel. Stuur: Authorization: Bearer <sleutel>.")


_NOT_CHECKED = object()


def user_for_request(request):
    """The active user behind the request's `Authorization` header; None when no header
    is sent or the key is wrong (unknown, revoked, of an inactive user, another scheme).
    Checked once per request: the result is kept on the request."""
    cached = getattr(request, "_api_key_user", _NOT_CHECKED)
    if cached is not _NOT_CHECKED:
        return cached
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    user = user_for_key(key.strip()) if header and scheme.lower() == "bearer" else None
    request._api_key_user = user
    return user


def wrong_key_response() -> JsonResponse:
    response = JsonResponse({"detail": wrong_key()}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


def refuse_wrong_key(view):
    """Wraps every view under /api/ (see urls.py): a request that sends an
    `Authorization` header with a key we do not accept is answered 401 before anything
    else runs, on public endpoints, the schema and unknown addresses alike. Without the
    header the view decides (public endpoints serve anonymous visitors)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.headers.get("Authorization") and user_for_request(request) is None:
            return wrong_key_response()
        return view(request, *args, **kwargs)

    return wrapper


class BearerAuth(HttpBearer):
    """`Authorization: Bearer <key>` for the participant endpoints."""

    def authenticate(self, request, token):
        return user_for_request(request)


def optional_user(request):
    """The user behind a key, if one is sent, for the public endpoints: without a key the
    visitor is anonymous; a wrong key is refused rather than silently ignored."""
    if not request.headers.get("Authorization", ""):
        return AnonymousUser()
    user = user_for_request(request)
    if user is None:
        raise AuthenticationError()
    return user
