"""The JSON API: the public listing and ad pages, and for participants with a key their
ads and conversations. Every query goes through core.access, like the pages do."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Path, Query, Schema, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from pydantic import Field

from tijdvoorelkaar.areas.models import Area, Neighbourhood
from tijdvoorelkaar.core.access import (
    STAFF_ROLES,
    roles_in_area,
)
from tijdvoorelkaar.marketplace import services
from tijdvoorelkaar.marketplace.listing import RELATED, search_ads
from tijdvoorelkaar.marketplace.listing import AdFilters as ListingFilters
from tijdvoorelkaar.marketplace.models import Ad, Category, Conversation
from tijdvoorelkaar.participants.models import Participant

from .auth import BearerAuth, optional_user, wrong_key
from .schemas import (
    AdDetailOut,
    AdKind,
    AdPage,
    AreaOut,
    ConversationOut,
    Error,
    MessageOut,
    MyAdOut,
    ReplyIn,
    ValidationErrorOut,
)

MAX_PAGE = 10_000
MAX_ID = 2**63 - 1  # larger ids cannot exist, and SQLite refuses to compare with them

ObjectId = Path(..., ge=0, le=MAX_ID)
AreaSlug = Path(..., pattern=r"^[-a-zA-Z0-9_]+$", max_length=60, description="Werkgebied")

api = NinjaAPI(
    title="TijdVoorElkaar API",
    version="1.0",
    description=(
        "De advertenties van de buurtmarktplaats per werkgebied, en voor deelnemers met een "
        "API-sleutel (aan te maken op /<werkgebied>/mijn/api-sleutels/) hun eigen "
        "advertenties en gesprekken. Stuur de sleutel mee als `Authorization: Bearer <sleutel>`."
        " Namen zijn altijd publieke namen; e-mailadressen en telefoonnummers staan nooit in "
        "de API. Fouten zijn JSON met een Nederlandse uitleg in `detail`."
    ),
    urls_namespace="api",
    docs_url=None,
)

PUBLIC = {"security": [{}, {"BearerAuth": []}]}
NOT_FOUND = {404: Error, 401: Error, 422: ValidationErrorOut}


# --- Errors: JSON with a Dutch explanation ------------------------------------------------

# pydantic's error type -> our message; %(name)s takes the value from the error's ctx.
MESSAGES = {
    "missing": gettext_lazy("Dit veld is verplicht."),
    "string_too_short": gettext_lazy("Dit veld mag niet leeg zijn."),
    "string_too_long": gettext_lazy("Dit is te lang (hoogstens %(max_length)s tekens)."),
    "int_parsing": gettext_lazy("Dit moet een heel getal zijn."),
    "int_type": gettext_lazy("Dit moet een heel getal zijn."),
    "greater_than_equal": gettext_lazy("Dit moet minstens %(ge)s zijn."),
    "less_than_equal": gettext_lazy("Dit mag hoogstens %(le)s zijn."),
    "literal_error": gettext_lazy("Kies een van: %(expected)s."),
    "string_type": gettext_lazy("Dit moet tekst zijn."),
    "json_invalid": gettext_lazy("Dit is geen geldige JSON."),
    "model_attributes_type": gettext_lazy("Stuur een JSON-object."),
    "dict_type": gettext_lazy("Stuur een JSON-object."),
}


def _dutch(error: dict) -> dict:
    """One pydantic error as {field, message}, the message in the reader's language
    (Dutch unless they chose English)."""
    loc = [str(part) for part in error.get("loc", ()) if part not in ("query", "body", "path")]
    template = MESSAGES.get(error.get("type", ""))
    try:
        message = str(template) % (error.get("ctx") or {}) if template else None
    except (KeyError, TypeError, ValueError):
        message = None
    return {"field": ".".join(loc) or "body", "message": message or _("Deze waarde is ongeldig.")}


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return api.create_response(
        request,
        {"detail": _("De invoer klopt niet."), "errors": [_dutch(e) for e in exc.errors]},
        status=422,
    )


@api.exception_handler(AuthenticationError)
def on_authentication_error(request, exc):
    response = api.create_response(
        request,
        {"detail": wrong_key()},
        status=401,
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": _("Niet gevonden.")}, status=404)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return api.create_response(
        request, {"detail": str(exc) or _("Dit mag u niet bekijken.")}, status=403
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    detail = exc.message
    if exc.status_code == 400:  # ninja could not read the body
        detail = _("De inhoud van het verzoek is geen geldige JSON.")
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


def refuse(status: int, detail: str):
    raise HttpError(status, detail)


# --- Shaping ------------------------------------------------------------------------------


def _area_or_404(slug: str) -> Area:
    return get_object_or_404(Area, slug=slug)


def _author(ad: Ad) -> str:
    if ad.organisation_id:
        return ad.organisation.name
    return ad.owner.public_name if ad.owner_id else ""


def _ad(ad: Ad, *, detail: bool = False, own: bool = False) -> dict:
    data = {
        "id": ad.pk,
        "kind": ad.kind,
        "title": ad.title,
        "category": {"slug": ad.category.slug, "name": ad.category.name},
        "neighbourhood": (
            {"slug": ad.neighbourhood.slug, "name": ad.neighbourhood.name}
            if ad.neighbourhood_id
            else None
        ),
        "status": ad.status,
        "author": _author(ad),
        "created_at": ad.created_at,
        "expires_on": ad.expires_on,
        "url": reverse("marketplace:ad_detail", args=[ad.area.slug, ad.pk]),
    }
    if detail or own:
        data |= {
            "description": ad.description,
            "frequency": ad.frequency,
            "duration": ad.duration,
            "placed_with_help": ad.placed_with_help,
        }
    if own:
        data |= {"visibility": ad.visibility, "hidden_for_review": ad.hidden_for_review}
    return data


# --- Public -------------------------------------------------------------------------------


@api.get(
    "/areas/",
    response={200: list[AreaOut], 401: Error},
    tags=["openbaar"],
    summary="Werkgebieden",
    openapi_extra=PUBLIC,
)
def list_areas(request):
    optional_user(request)
    return Status(
        200,
        [
            {"slug": a.slug, "name": a.name, "url": reverse("pages:area_home", args=[a.slug])}
            for a in Area.objects.order_by("name")
        ],
    )


class AdFilters(Schema):
    q: str = Field("", max_length=200, description="Zoekwoorden, zoals op de site.")
    soort: AdKind | None = None
    categorie: str | None = Field(None, max_length=80, description="Slug van een categorie.")
    buurt: str | None = Field(None, max_length=60, description="Slug van een buurt.")
    page: int = Field(1, ge=1, le=MAX_PAGE)


@api.get(
    "/areas/{slug:area_slug}/ads",
    response={200: AdPage, **NOT_FOUND},
    tags=["openbaar"],
    summary="Advertenties van een werkgebied",
    openapi_extra=PUBLIC,
)
def list_ads(request, filters: Query[AdFilters], area_slug: str = AreaSlug):
    user = optional_user(request)
    area = _area_or_404(area_slug)
    category = neighbourhood = None
    if filters.categorie:
        category = Category.objects.filter(area=area, slug=filters.categorie).first()
        if category is None:
            return _invalid("categorie", _("Deze categorie bestaat niet."))
    if filters.buurt:
        neighbourhood = Neighbourhood.objects.filter(area=area, slug=filters.buurt).first()
        if neighbourhood is None:
            return _invalid("buurt", _("Deze buurt bestaat niet."))
    page = search_ads(
        user,
        area,
        ListingFilters(
            kind=filters.soort, category=category, neighbourhood=neighbourhood, q=filters.q
        ),
        filters.page,
        beyond_last="empty",
        exact=True,
    )
    return Status(
        200,
        {
            "count": page.paginator.count,
            "page": filters.page,
            "pages": page.paginator.num_pages,
            "results": [_ad(ad) for ad in page.object_list],
        },
    )


def _invalid(field: str, message: str):
    return Status(
        422,
        {"detail": _("De invoer klopt niet."), "errors": [{"field": field, "message": message}]},
    )


@api.get(
    "/areas/{slug:area_slug}/ads/{int:ad_id}",
    response={200: AdDetailOut, **NOT_FOUND},
    tags=["openbaar"],
    summary="Eén advertentie",
    openapi_extra=PUBLIC,
)
def ad_detail(request, area_slug: str = AreaSlug, ad_id: int = ObjectId):
    user = optional_user(request)
    area = _area_or_404(area_slug)
    ad = Ad.objects.visible_to(user, area).select_related(*RELATED).filter(pk=ad_id).first()
    if ad is None:
        raise Http404
    return Status(200, _ad(ad, detail=True))


# --- Participants with a key --------------------------------------------------------------

PRIVATE = {401: Error, 403: Error, 404: Error, 422: ValidationErrorOut}


def _me(request, area):
    me = Participant.objects.of(request.auth, area)
    if me is None:
        refuse(403, _("U bent geen deelnemer in dit werkgebied."))
    return me


@api.get(
    "/areas/{slug:area_slug}/me/ads",
    response={200: list[MyAdOut], **PRIVATE},
    auth=BearerAuth(),
    tags=["deelnemer"],
    summary="Mijn advertenties",
)
def my_ads(request, area_slug: str = AreaSlug):
    area = _area_or_404(area_slug)
    me = _me(request, area)
    ads = (
        Ad.objects.visible_to(request.auth, area)
        .filter(owner=me)
        .select_related(*RELATED)
        .order_by("-created_at", "-id")
    )
    return Status(200, [_ad(ad, own=True) for ad in ads])


def _conversation(conversation: Conversation, me, *, staff: bool) -> dict:
    if me is not None and me.pk == conversation.initiator_id:
        my_role, other = "reageerder", conversation.owner
    elif me is not None and me.pk == conversation.owner_id:
        my_role, other = "adverteerder", conversation.initiator
    else:
        my_role, other = "makelaar", None
    messages = conversation.messages.all()
    return {
        "id": conversation.pk,
        "ad": {
            "id": conversation.ad_id,
            "kind": conversation.ad.kind,
            "title": conversation.ad.title,
        },
        "my_role": my_role,
        "other": other.public_name if other is not None else None,
        "created_at": conversation.created_at,
        "url": reverse("marketplace:conversation", args=[conversation.area.slug, conversation.pk]),
        "messages": [
            {
                "id": m.pk,
                "sender": m.sender.public_name if m.sender_id else None,
                "mine": me is not None and m.sender_id == me.pk,
                "body": m.body,
                "created_at": m.created_at,
            }
            for m in messages
            if staff or not m.hidden_for_review
        ],
    }


def _conversations(request, area):
    return Conversation.objects.for_user(request.auth, area).select_related(
        "area", "ad", "initiator__user", "owner__user"
    )


@api.get(
    "/areas/{slug:area_slug}/me/conversations",
    response={200: list[ConversationOut], **PRIVATE},
    auth=BearerAuth(),
    tags=["deelnemer"],
    summary="Mijn gesprekken, met berichten",
)
def my_conversations(request, area_slug: str = AreaSlug):
    area = _area_or_404(area_slug)
    me = _me(request, area)
    staff = bool(roles_in_area(request.auth, area) & STAFF_ROLES)
    conversations = _conversations(request, area).prefetch_related("messages__sender__user")
    return Status(
        200, [_conversation(c, me, staff=staff) for c in conversations.order_by("-created_at")]
    )


@api.get(
    "/areas/{slug:area_slug}/me/conversations/{int:conversation_pk}",
    response={200: ConversationOut, **PRIVATE},
    auth=BearerAuth(),
    tags=["deelnemer"],
    summary="Eén gesprek",
)
def my_conversation(request, area_slug: str = AreaSlug, conversation_pk: int = ObjectId):
    area = _area_or_404(area_slug)
    me = _me(request, area)
    staff = bool(roles_in_area(request.auth, area) & STAFF_ROLES)
    conversation = get_object_or_404(
        _conversations(request, area).prefetch_related("messages__sender__user"),
        pk=conversation_pk,
    )
    return Status(200, _conversation(conversation, me, staff=staff))


@api.post(
    "/areas/{slug:area_slug}/me/conversations/{int:conversation_pk}/messages",
    response={201: MessageOut, 400: Error, **PRIVATE},
    auth=BearerAuth(),
    tags=["deelnemer"],
    summary="Een bericht sturen in een gesprek",
)
def post_message(
    request, data: ReplyIn, area_slug: str = AreaSlug, conversation_pk: int = ObjectId
):
    area = _area_or_404(area_slug)
    me = _me(request, area)
    conversation = get_object_or_404(_conversations(request, area), pk=conversation_pk)
    if me.pk not in (conversation.initiator_id, conversation.owner_id):
        refuse(403, _("U doet niet mee aan dit gesprek."))
    try:
        message = services.reply(
            conversation=conversation,
            participant=me,
            body=data.body,
            base_url=request.build_absolute_uri("/"),
        )
    except services.MarketplaceError as exc:
        return Status(422, {"detail": str(exc), "errors": [{"field": "body", "message": str(exc)}]})
    return Status(
        201,
        {
            "id": message.pk,
            "sender": me.public_name,
            "mine": True,
            "body": message.body,
            "created_at": message.created_at,
        },
    )
