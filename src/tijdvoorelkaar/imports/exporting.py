"""Exporting an area's registrations in the import's own three formats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import spreadsheet
from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.workspace.models import Background

from .contract import AD_KINDS, ADS, COLUMNS, GENDER_EXPORT, INFLOW_EXPORT, MEDIATIONS, PARTICIPANTS

# --- Exporting ----------------------------------------------------------------------------


def _assign_external_ids(model, area: Area, prefix: str) -> None:
    """Give records without an external_id a stable one ("p<id>"), stored on the record."""
    missing = list(model.objects.filter(area=area, external_id__isnull=True).only("pk"))
    missing += list(model.objects.filter(area=area, external_id="").only("pk"))
    if not missing:
        return
    taken = set(
        model.objects.filter(area=area, external_id__isnull=False).values_list(
            "external_id", flat=True
        )
    )
    for record in missing:
        candidate, n = f"{prefix}{record.pk}", 1
        while candidate in taken:
            n += 1
            candidate = f"{prefix}{record.pk}-{n}"
        taken.add(candidate)
        record.external_id = candidate
    model.objects.bulk_update(missing, ["external_id"], batch_size=500)


def _date(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date().isoformat()
    return value.isoformat()


def export_rows(area: Area) -> dict[str, list[list[str]]]:
    """The area's registry as rows of the three import formats (header first)."""
    with transaction.atomic():
        _assign_external_ids(Participant, area, "p")
        _assign_external_ids(Ad, area, "a")
        _assign_external_ids(Mediation, area, "m")

    backgrounds = {
        b["participant_id"]: b
        for b in Background.objects.filter(participant__area=area).values(
            "participant_id", "gender", "birth_year"
        )
    }
    people = [COLUMNS[PARTICIPANTS]]
    for p in (
        Participant.objects.filter(area=area).select_related("user", "neighbourhood").order_by("pk")
    ):
        background = backgrounds.get(p.pk, {})
        people.append(
            [
                p.external_id,
                p.user.full_name,
                p.user.email or p.registry_email,
                p.phone,
                p.neighbourhood.slug if p.neighbourhood else "",
                GENDER_EXPORT.get(background.get("gender") or "", ""),
                str(background.get("birth_year") or ""),
                _date(p.registered_on),
                INFLOW_EXPORT.get(p.inflow_source, ""),
                p.referrer_organisation,
            ]
        )

    ads = [COLUMNS[ADS]]
    for ad in (
        Ad.objects.filter(area=area, owner__isnull=False, kind__in=AD_KINDS)
        .select_related("owner", "category", "neighbourhood")
        .order_by("pk")
    ):
        closed = ad.status in (Ad.Status.CLOSED, Ad.Status.HELPED)
        # Never before the placing date, which the import would refuse.
        closed_at = max(ad.closed_at or ad.updated_at, ad.created_at)
        ads.append(
            [
                ad.external_id,
                ad.owner.external_id,
                ad.kind,
                ad.category.name,
                ad.title,
                ad.description,
                ad.neighbourhood.slug if ad.neighbourhood else "",
                _date(ad.created_at),
                _date(closed_at) if closed else "",
            ]
        )

    mediations = [COLUMNS[MEDIATIONS]]
    for m in (
        Mediation.objects.filter(area=area)
        .select_related("requester", "provider", "category")
        .order_by("pk")
    ):
        mediations.append(
            [
                m.external_id,
                m.requester.external_id,
                m.provider.external_id,
                "ja" if m.broker_supported else "nee",
                _date(m.started_on),
                "ja" if m.reached_active_on else "nee",
                _date(m.ended_on),
                m.end_reason if m.ended_on else "",
                m.category.name if m.category else "",
            ]
        )
    return {PARTICIPANTS: people, ADS: ads, MEDIATIONS: mediations}


def export_registrations(area: Area, out_dir: str | Path) -> dict[str, int]:
    """Write participants.csv, ads.csv and mediations.csv (UTF-8) into `out_dir`; returns
    the number of data rows per file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for kind, rows in export_rows(area).items():
        with open(out / f"{kind}.csv", "w", encoding="utf-8", newline="") as handle:
            spreadsheet.write_csv(handle, rows)
        counts[kind] = len(rows) - 1
    return counts
