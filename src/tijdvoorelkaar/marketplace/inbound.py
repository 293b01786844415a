"""The webhook for a mail provider that receives the replies instead of our own SMTP
server (docs/deployment.md): POST /inkomende-mail/ with the raw message (RFC 822) as the
body, authenticated by the shared secret INBOUND_EMAIL_SECRET, either as
`Authorization: Bearer <secret>` or as HTTP Basic with the secret as password (for
providers that only take https://user:secret@host/... addresses). The same function as
the SMTP server stores or refuses the reply (email_replies.receive). Without a secret
configured the address does not exist (404)."""

import base64
import binascii

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .email_replies import receive


def _authorised(request, secret: str) -> bool:
    kind, _space, credentials = request.headers.get("Authorization", "").partition(" ")
    if kind.lower() == "bearer":
        return constant_time_compare(credentials.strip(), secret)
    if kind.lower() == "basic":
        try:
            decoded = base64.b64decode(credentials.strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return False
        return constant_time_compare(decoded.partition(":")[2], secret)
    return False


@csrf_exempt  # a provider's server posts here with the secret, never a browser
@require_POST
def inbound_email(request):
    secret = settings.INBOUND_EMAIL_SECRET
    if not secret:
        raise Http404
    if not _authorised(request, secret):
        response = JsonResponse({"detail": _("Geen toegang.")}, status=401)
        response["WWW-Authenticate"] = 'Basic realm="inkomende-mail"'
        return response
    limit = settings.INBOUND_EMAIL_MAX_BYTES
    raw = request.read(limit + 1)
    if not raw.strip():
        return JsonResponse({"detail": _("Er zat geen e-mail in het verzoek.")}, status=400)
    outcome = receive(raw[:limit], too_large=len(raw) > limit)
    return JsonResponse({"stored": outcome.stored, "refused": outcome.refusal})
