"""The background (voluntary, every question may be "wil ik niet zeggen") and the
confidential notes: the area's brokers and coordinators only, and every read and write
in the audit log."""

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.participants.models import Participant

from .models import (
    DECLINED,
    TALLY_FIELDS,
    TALLY_UNKNOWN,
    Background,
    BackgroundTally,
    ConfidentialNote,
)
from .services import WorkspaceError


@transaction.atomic
def save_background(*, participant: Participant, broker, data: dict) -> Background:
    birth_year = data.get("birth_year")
    declined = bool(data.get("birth_year_declined"))
    if birth_year is not None and birth_year > clock.today().year:
        raise WorkspaceError(
            _("Het geboortejaar kan niet in de toekomst liggen."), field="birth_year"
        )
    if declined:
        birth_year = None
    background, _created = Background.objects.update_or_create(
        participant=participant,
        defaults={
            "gender": data.get("gender") or "",
            "birth_year": birth_year,
            "birth_year_declined": declined,
            "household": data.get("household") or "",
            "work_situation": data.get("work_situation") or "",
            "origin": data.get("origin") or "",
            "updated_at": clock.now(),
            "updated_by": broker,
        },
    )
    audit.record(broker, "background.write", participant, area=participant.area)
    return background


def read_background(*, participant: Participant, reader) -> Background | None:
    background = Background.objects.filter(participant=participant).first()
    audit.record(reader, "background.read", participant, area=participant.area)
    return background


def tally_value(background: Background | None, question: str) -> str:
    """One answer as the report groups it: the coded answer, the birth year as text, or
    "onbekend" (not filled in, or "wil ik niet zeggen")."""
    value = getattr(background, question, None) if background is not None else None
    if value in (None, "", DECLINED):
        return TALLY_UNKNOWN
    return str(value)


def fold_background_into_tallies(participant: Participant) -> None:
    """On erasure: count each of the participant's background answers once in the
    anonymous tallies of their area and registration month, then delete the Background.
    Each answer goes into its own count, so no combination of answers is kept."""
    background = Background.objects.filter(participant=participant).first()
    month = participant.registered_on.replace(day=1)
    for question in TALLY_FIELDS:
        tally, _created = BackgroundTally.objects.get_or_create(
            area_id=participant.area_id,
            month=month,
            field=question,
            value=tally_value(background, question),
        )
        BackgroundTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
    if background is not None:
        background.delete()


@transaction.atomic
def add_note(*, participant: Participant, author, body: str) -> ConfidentialNote:
    body = (body or "").strip()
    if not body:
        raise WorkspaceError(_("De notitie is leeg. Schrijf eerst iets."), field="body")
    note = ConfidentialNote.objects.create(
        participant=participant, author=author, body=body, created_at=clock.now()
    )
    audit.record(
        author, "note.write", participant, area=participant.area, detail=f"notitie {note.pk}"
    )
    return note


def read_notes(*, participant: Participant, reader) -> list[ConfidentialNote]:
    notes = list(ConfidentialNote.objects.filter(participant=participant).select_related("author"))
    audit.record(
        reader, "note.read", participant, area=participant.area, detail=f"{len(notes)} notities"
    )
    return notes
