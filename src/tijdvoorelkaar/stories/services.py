"""Rules for success stories: a broker writes one about participants of the area, each
named participant consents (or withdraws, which takes it down at once), and only then
may the broker publish it. public_stories is what anyone may read."""

import re

from django.db import models, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import clock
from tijdvoorelkaar.core.access import is_staff_in
from tijdvoorelkaar.core.audit import record
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.participants.models import Participant

from .models import Story, StoryConsent


class StoryError(ServiceError):
    """A request that cannot be carried out; the message is meant for the user."""


def _named_in_text(participants, *texts: str) -> str | None:
    """A last name of a named participant that appears in the text (stories use first
    names or chosen display names only)."""
    haystack = " ".join(texts).lower()
    for p in participants:
        last = (p.user.last_name or "").strip().lower()
        if len(last) >= 2 and re.search(rf"(?<!\w){re.escape(last)}(?!\w)", haystack):
            return p.user.last_name
    return None


def _check_story(area: Area, title: str, body: str, participants: list, photo, photo_alt):
    if not title or not body:
        raise StoryError(_("Geef het verhaal een titel en schrijf het verhaal."))
    if not participants:
        raise StoryError(
            _("Noem ten minste één deelnemer over wie het verhaal gaat."), field="participants"
        )
    if any(p.area_id != area.pk for p in participants):
        raise StoryError(_("Deze deelnemer hoort niet bij dit werkgebied."), field="participants")
    last = _named_in_text(participants, title, body)
    if last:
        raise StoryError(
            _("Gebruik in het verhaal alleen voornamen of de gekozen naam, niet '%(name)s'.")
            % {"name": last},
            field="body",
        )
    if photo is not None and not (photo_alt or "").strip():
        raise StoryError(_("Beschrijf kort wat er op de foto staat."), field="photo_alt")


@transaction.atomic
def write_story(
    *, area: Area, actor, title: str, body: str, participants, photo=None, photo_alt: str = ""
) -> Story:
    """A broker writes a story about participants of the area. Each named participant
    must consent before it can be published."""
    if not is_staff_in(actor, area):
        raise StoryError(_("Alleen de sociaal makelaar schrijft verhalen."))
    title, body = (title or "").strip(), (body or "").strip()
    participants = list({p.pk: p for p in participants}.values())
    _check_story(area, title, body, participants, photo, photo_alt)
    story = Story.objects.create(
        area=area,
        title=title[:120],
        body=body[:3000],
        photo=photo or "",
        photo_alt=(photo_alt or "").strip()[:200] if photo is not None else "",
        named_count=len(participants),
        written_by=actor,
        created_at=clock.now(),
    )
    StoryConsent.objects.bulk_create(StoryConsent(story=story, participant=p) for p in participants)
    return story


def _may_act_for(actor, participant: Participant) -> bool:
    return participant.user_id == getattr(actor, "pk", None) or is_staff_in(actor, participant.area)


@transaction.atomic
def give_story_consent(
    *, story: Story, participant: Participant, actor, channel: str
) -> StoryConsent:
    """Record a participant's consent: by the participant on their own page (channel
    site), or by the broker who heard it in person, by phone, email or on paper."""
    consent = StoryConsent.objects.select_for_update().filter(story=story, participant=participant)
    consent = consent.first()
    if consent is None or not _may_act_for(actor, participant):
        raise StoryError(_("U kunt alleen toestemming geven voor een verhaal over uzelf."))
    own = participant.user_id == actor.pk
    if not own and (
        channel not in StoryConsent.Channel.values or channel == StoryConsent.Channel.ONLINE
    ):
        raise StoryError(_("Kies hoe de deelnemer toestemming gaf."), field="channel")
    consent.given_at = clock.now()
    consent.channel = StoryConsent.Channel.ONLINE if own else channel
    consent.recorded_by = actor
    consent.withdrawn_at, consent.withdrawn_by, consent.withdrawal_channel = None, None, ""
    consent.save()
    return consent


@transaction.atomic
def withdraw_story_consent(
    *, story: Story, participant: Participant, actor, channel: str = ""
) -> StoryConsent:
    """Withdraw consent: the story is taken down at once and stays down until the broker
    publishes it again after new consent."""

    consent = StoryConsent.objects.select_for_update().filter(story=story, participant=participant)
    consent = consent.first()
    if consent is None or not _may_act_for(actor, participant):
        raise StoryError(_("U kunt alleen uw eigen toestemming intrekken."))
    own = participant.user_id == actor.pk
    now = clock.now()
    consent.withdrawn_at = now
    consent.withdrawn_by = actor
    consent.withdrawal_channel = StoryConsent.Channel.ONLINE if own else (channel or "")
    consent.save()
    Story.objects.filter(pk=story.pk).update(
        published_at=None, taken_down_at=now, taken_down_reason="toestemming ingetrokken"
    )
    record(actor, "verhaal offline: toestemming ingetrokken", story, area=story.area)
    return consent


@transaction.atomic
def publish_story(*, story: Story, actor) -> Story:
    if not is_staff_in(actor, story.area):
        raise StoryError(_("Alleen de sociaal makelaar zet verhalen op de site."))
    story = Story.objects.select_for_update().get(pk=story.pk)
    valid = story.consents.filter(given_at__isnull=False, withdrawn_at__isnull=True).count()
    if story.named_count == 0 or valid < story.named_count:
        raise StoryError(
            _("Het verhaal kan pas op de site als iedereen die erin staat toestemming gaf.")
        )
    story.published_at = clock.now()
    story.taken_down_at, story.taken_down_reason = None, ""
    story.save(update_fields=["published_at", "taken_down_at", "taken_down_reason"])
    return story


@transaction.atomic
def take_down_story(*, story: Story, actor) -> Story:
    if not is_staff_in(actor, story.area):
        raise StoryError(_("Alleen de sociaal makelaar haalt verhalen van de site."))
    Story.objects.filter(pk=story.pk).update(
        published_at=None, taken_down_at=clock.now(), taken_down_reason="door de makelaar"
    )
    story.refresh_from_db()
    return story


def public_stories(area: Area):
    """Stories anyone may read: published, and every participant named at writing still
    has a valid consent (an erased or withdrawn participant keeps it down)."""
    return (
        Story.objects.filter(area=area, published_at__isnull=False, named_count__gt=0)
        .annotate(
            valid_consents=Count(
                "consents",
                filter=Q(consents__given_at__isnull=False, consents__withdrawn_at__isnull=True),
            )
        )
        .filter(valid_consents=models.F("named_count"))
        .order_by("-published_at", "-id")
    )


def story_names(story: Story) -> list[str]:
    """First names or chosen display names of the people in a story, never more."""
    return [c.participant.public_name for c in story.consents.all()]
