"""Writing a checked plan in one transaction (bulk inserts), and the import entry
point."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from tijdvoorelkaar.accounts.models import User
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.phones import normalise_phone
from tijdvoorelkaar.marketplace.models import Ad, Category
from tijdvoorelkaar.marketplace.search import ad_stems
from tijdvoorelkaar.mediations import figures as mediation_figures
from tijdvoorelkaar.mediations.models import Mediation, MediationEvent
from tijdvoorelkaar.mediations.services import next_follow_up_on
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.workspace.models import Background

from .checking import Report, _as_table, _check, _Plan
from .contract import AD_LIFETIME, ADS, MEDIATIONS, PARTICIPANTS

# --- Importing ----------------------------------------------------------------------------


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(0)))


def _create_categories(plan: _Plan) -> dict[str, Category]:
    area = plan.area
    position = (Category.objects.filter(area=area).aggregate(m=Max("position"))["m"] or 0) + 1
    taken = set(Category.objects.filter(area=area).values_list("slug", flat=True))
    resolved = {}
    for key, value in plan.categories.items():
        if isinstance(value, Category):
            resolved[key] = value
            continue
        base = slugify(value)[:70] or "categorie"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        resolved[key] = Category.objects.create(area=area, name=value, slug=slug, position=position)
        position += 1
    return resolved


def _write_participants(plan: _Plan, actor, now) -> tuple[list, list]:
    """Imported people are registry entries: an account without email or password, so
    nobody can sign in as them until a broker invites them (workspace.services.invite)."""
    new_users = []
    for p in plan.participants:
        user = User(email=None, first_name=p["first_name"], last_name=p["last_name"])
        user.set_unusable_password()
        p["user"] = user
        new_users.append(user)
    User.objects.bulk_create(new_users)
    participants = [
        Participant(
            area=plan.area,
            user=p["user"],
            external_id=p["external_id"],
            neighbourhood=p["neighbourhood"],
            phone=p["phone"],
            phone_normalised=normalise_phone(p["phone"]),
            registry_email=p["email"] or "",
            registered_on=p["registered_on"],
            registered_by=None,
            inflow_source=p["inflow_source"],
            referrer_organisation=p["referrer_organisation"],
        )
        for p in plan.participants
    ]
    Participant.objects.bulk_create(participants)
    backgrounds = [
        Background(
            participant=participant,
            gender=p["gender"],
            birth_year=p["birth_year"],
            updated_at=now,
            updated_by=actor,
        )
        for p, participant in zip(plan.participants, participants, strict=True)
        if p["gender"] or p["birth_year"]
    ]
    Background.objects.bulk_create(backgrounds)
    return participants, backgrounds


def _write_ads(plan: _Plan, people: dict, categories: dict) -> list:
    today = clock.today()
    ads = []
    for a in plan.ads:
        closed = a["closed_on"] is not None and a["closed_on"] <= today
        expires_on = a["placed_on"] + AD_LIFETIME
        if a["closed_on"] is not None and not closed:
            expires_on = min(expires_on, a["closed_on"])
        ad = Ad(
            area=plan.area,
            owner=people[a["owner_id"]],
            kind=a["kind"],
            category=categories[a["category"]],
            title=a["title"],
            description=a["description"],
            neighbourhood=a["neighbourhood"],
            status=Ad.Status.CLOSED if closed else Ad.Status.OPEN,
            expires_on=expires_on,
            external_id=a["external_id"],
            created_at=_midnight(a["placed_on"]),
            closed_at=_midnight(a["closed_on"]) if closed else None,
        )
        ad.search_stems = ad_stems(ad)
        ads.append(ad)
    Ad.objects.bulk_create(ads, batch_size=500)
    return ads


def _write_mediations(plan: _Plan, people: dict, categories: dict, actor, now) -> list:
    S = Mediation.Status
    mediations = []
    for m in plan.mediations:
        if m["ended_on"]:
            status = S.COMPLETED if m["reached_active"] else S.CANCELLED
        else:
            status = S.RUNNING if m["reached_active"] else S.PROPOSED
        mediations.append(
            Mediation(
                area=plan.area,
                requester=people[m["requester_id"]],
                provider=people[m["provider_id"]],
                category=categories.get(m["category"]) if m["category"] else None,
                broker_supported=m["broker_supported"],
                status=status,
                started_on=m["started_on"],
                reached_active_on=m["started_on"] if m["reached_active"] else None,
                ended_on=m["ended_on"],
                end_reason=m["end_reason"],
                external_id=m["external_id"],
                created_by=actor,
                next_follow_up_on=(
                    _next_follow_up_after_today(plan.area, m["started_on"])
                    if status == S.RUNNING
                    else None
                ),
            )
        )
    Mediation.objects.bulk_create(mediations, batch_size=500)
    mediation_figures.recount(plan.area.pk, [m.started_on for m in mediations])
    MediationEvent.objects.bulk_create(
        [
            MediationEvent(
                mediation=m, at=now, actor=actor, kind="geimporteerd", to_status=m.status
            )
            for m in mediations
        ],
        batch_size=500,
    )
    return mediations


def _write(plan: _Plan, actor) -> None:
    area, now = plan.area, clock.now()
    categories = _create_categories(plan)
    for member, external_id in plan.adopt:
        member.external_id = external_id
        member.save(update_fields=["external_id"])
    participants, backgrounds = _write_participants(plan, actor, now)
    ids = {a["owner_id"] for a in plan.ads}
    ids |= {m["requester_id"] for m in plan.mediations}
    ids |= {m["provider_id"] for m in plan.mediations}
    people = {
        p.external_id: p
        for p in Participant.objects.filter(area=area, external_id__in=ids).select_related("user")
    }
    ads = _write_ads(plan, people, categories)
    mediations = _write_mediations(plan, people, categories, actor, now)
    if backgrounds or plan.participants:
        audit.record(
            actor,
            "registraties geïmporteerd",
            area,
            area=area,
            detail=(
                f"{len(participants)} deelnemers, {len(backgrounds)} met achtergrond, "
                f"{len(ads)} advertenties, {len(mediations)} bemiddelingen"
            ),
        )


def _next_follow_up_after_today(area: Area, started: dt.date) -> dt.date:
    """The first follow-up moment of the area's schedule that lies after today, so an
    imported running match is followed up without a burst of overdue tasks."""

    today = clock.today()
    done = 0
    while (day := next_follow_up_on(area, started, done)) <= today:
        done += 1
    return day


def import_files(
    area: Area, *, participants=None, ads=None, mediations=None, actor=None, dry_run=False
) -> Report:
    """Check every file, then import all of it in one transaction, or nothing when any
    line is bad. `participants`, `ads` and `mediations` are paths or `Table`s."""
    tables = {
        PARTICIPANTS: _as_table(PARTICIPANTS, participants),
        ADS: _as_table(ADS, ads),
        MEDIATIONS: _as_table(MEDIATIONS, mediations),
    }
    with transaction.atomic():
        report, plan = _check(area, tables)
        if report.ok and not dry_run:
            _write(plan, actor if getattr(actor, "is_authenticated", False) else None)
            report.imported = True
    return report
