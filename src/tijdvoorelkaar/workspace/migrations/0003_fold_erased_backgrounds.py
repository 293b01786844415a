"""Participants erased before erasure folded background into tallies: mark them erased,
fold their background answers into the anonymous tallies and give them a fresh,
meaningless external_id (the old one may be in export files made earlier)."""

import secrets

from django.db import migrations
from django.db.models import F
from django.utils import timezone

FIELDS = ("gender", "birth_year", "household", "work_situation", "origin")


def _value(background, field):
    value = getattr(background, field, None) if background is not None else None
    return "onbekend" if value in (None, "", "niet_zeggen") else str(value)


def fold(apps, schema_editor):
    Participant = apps.get_model("participants", "Participant")
    Background = apps.get_model("workspace", "Background")
    BackgroundTally = apps.get_model("workspace", "BackgroundTally")
    erased = Participant.objects.filter(
        erased_at__isnull=True,
        user__is_active=False,
        user__email__isnull=True,
        user__first_name="Verwijderde",
        user__last_name="deelnemer",
    )
    now = timezone.now()
    for participant in erased:
        background = Background.objects.filter(participant=participant).first()
        month = participant.registered_on.replace(day=1)
        for field in FIELDS:
            tally, _ = BackgroundTally.objects.get_or_create(
                area_id=participant.area_id,
                month=month,
                field=field,
                value=_value(background, field),
            )
            BackgroundTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
        if background is not None:
            background.delete()
        Participant.objects.filter(pk=participant.pk).update(
            erased_at=now, external_id=f"v{secrets.token_hex(8)}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0006_participant_erased_at"),
        ("workspace", "0002_backgroundtally"),
    ]

    operations = [migrations.RunPython(fold, migrations.RunPython.noop)]
