"""Rules for outreach (group visits, stands, markets, door-to-door rounds and who signed
up there) and the notice board on paper: which ads go on it, their short codes and what
the ads list and the poster say. The drawing of the PDFs is in pdf.py."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.contact import call_us_sentence, contact_lines
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.access import is_staff_in
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.participants.models import Inflow, Participant
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.tasks.services import create_task
from tijdvoorelkaar.workspace.services import register_participant

from .models import DoorToDoorReminder, OutreachActivity


class OutreachError(ServiceError):
    """A request that cannot be carried out; the message is meant for the user."""


# --- Outreach activities ---------------------------------------------------------------------

INFLOW_FOR_KIND = {
    OutreachActivity.Kind.GROUP_VISIT: Inflow.GROUP_VISIT,
    OutreachActivity.Kind.STAND: Inflow.MARKET,
    OutreachActivity.Kind.MARKET: Inflow.MARKET,
    OutreachActivity.Kind.DOOR_TO_DOOR: Inflow.DOOR_TO_DOOR,
}
# Announced in the newsletter; group visits and door-to-door rounds are for a group or a
# street, not for everyone.
PUBLIC_ACTIVITY_KINDS = (OutreachActivity.Kind.STAND, OutreachActivity.Kind.MARKET)


def share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


@transaction.atomic
def record_activity(*, area: Area, actor, data: dict) -> OutreachActivity:
    if not is_staff_in(actor, area):
        raise OutreachError(_("Alleen de sociaal makelaar legt outreach vast."))
    return OutreachActivity.objects.create(
        area=area, created_by=actor, created_at=clock.now(), **data
    )


@transaction.atomic
def sign_up_at_activity(*, activity: OutreachActivity, broker, data: dict) -> Participant:
    """Register a resident who signed up at a group visit, stand or door-to-door round
    and link them to it, so conversion is counted."""

    participant = register_participant(area=activity.area, broker=broker, data=data)
    participant.inflow_source = INFLOW_FOR_KIND[activity.kind]
    participant.save(update_fields=["inflow_source"])
    activity.joined.add(participant)
    return participant


def activities_with_counts(area: Area):
    return OutreachActivity.objects.filter(area=area).annotate(joined_count=Count("joined"))


def group_visit_figures(area: Area, start: dt.date, end: dt.date) -> dict:
    """Group visits held in the period: how many, residents reached, who joined."""
    visits = OutreachActivity.objects.filter(
        area=area, kind=OutreachActivity.Kind.GROUP_VISIT, held_on__gte=start, held_on__lte=end
    )
    figures = visits.aggregate(
        group_visits=Count("pk", distinct=True), reached=Coalesce(Sum("reached"), 0)
    )
    joined = OutreachActivity.joined.through.objects.filter(outreachactivity__in=visits).count()
    return {
        "group_visits": figures["group_visits"],
        "group_visits_reached": figures["reached"],
        "group_visits_joined": joined,
        "group_visits_conversion": share(joined, figures["reached"]),
    }


def upcoming_activities(area: Area, start: dt.date, end: dt.date):
    """Stands and markets in the period (group visits and door-to-door rounds are not
    announced: they are for a group or a street)."""
    return OutreachActivity.objects.filter(
        area=area, kind__in=PUBLIC_ACTIVITY_KINDS, held_on__gte=start, held_on__lte=end
    ).order_by("held_on", "id")[:10]


def remind_door_to_door(*, today: dt.date | None = None, month: int = 3) -> int:
    """Once a year (from `month` on) each area's broker gets a task to plan the
    door-to-door round. Returns how many tasks were made."""
    today = today or clock.today()
    if today.month < month:
        return 0
    made = 0
    for area in Area.objects.all():
        with transaction.atomic():
            reminder, created = DoorToDoorReminder.objects.get_or_create(area=area, year=today.year)
            if not created:
                continue
            reminder.task = create_task(
                area=area,
                title=f"Deur-aan-deurronde {today.year} plannen",
                due_on=today + dt.timedelta(days=14),
                source=Task.Source.MANUAL,
            )
            reminder.save(update_fields=["task"])
            made += 1
    return made


# --- Paper: the notice board ------------------------------------------------------------------


def ad_code(ad: Ad) -> str:
    return f"advertentie {ad.pk}"


def notice_board_ads(area: Area):
    """Current public ads for paper: listed, public, not hidden; newest first."""
    return (
        Ad.objects.filter(area=area)
        .public()
        .listed()
        .select_related("category", "organisation")
        .order_by("kind", "category__position", "-created_at")
    )


def find_ad_by_code(user, area: Area, code: str) -> Ad | None:
    """The ad a caller names by its code ("4821" or "advertentie 4821"), for staff."""
    digits = "".join(ch for ch in (code or "") if ch.isdigit())
    if not digits or len(digits) > 12 or not is_staff_in(user, area):
        return None
    return Ad.objects.filter(area=area, pk=int(digits)).first()


@dataclass(frozen=True)
class PaperAd:
    """One ad as it is printed: its code, what it is and (on the list) a short text."""

    code: str
    kind: str
    category: str
    organisation: str
    title: str
    description: str


@dataclass(frozen=True)
class Paper:
    """What a notice-board paper says; pdf.py lays it out."""

    area_name: str
    area_slug: str
    made_on: dt.date
    ads: list[PaperAd] = field(default_factory=list)
    site: str = ""
    call_us: str = ""
    contact: list[str] = field(default_factory=list)


def _paper_ad(ad: Ad) -> PaperAd:
    text = ad.description or ""
    return PaperAd(
        code=ad_code(ad),
        kind=ad.get_kind_display(),
        category=ad.category.name,
        organisation=ad.organisation.name if ad.organisation_id else "",
        title=ad.title,
        description=text if len(text) < 300 else text[:297] + "...",
    )


def ads_list(area: Area) -> Paper:
    """The A4 list of current ads for notice boards, each with its short code."""
    return Paper(
        area_name=area.name,
        area_slug=area.slug,
        made_on=clock.today(),
        ads=[_paper_ad(ad) for ad in notice_board_ads(area)],
        call_us=call_us_sentence(area),
        contact=contact_lines(area),
    )


def poster(area: Area, base_url: str) -> Paper:
    """This month's poster: the newest eight ads and the address to take part."""
    return Paper(
        area_name=area.name,
        area_slug=area.slug,
        made_on=clock.today(),
        ads=[_paper_ad(ad) for ad in notice_board_ads(area)[:8]],
        site=f"{base_url.rstrip('/')}/{area.slug}/",
        call_us=call_us_sentence(area),
        contact=contact_lines(area),
    )
