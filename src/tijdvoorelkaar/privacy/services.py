"""GDPR (AVG) self-service: everything we hold about a person, and erasing it.

Export walks every model that points at the person's User or Participant records, so data
added by any app is included without a list to keep up to date. Erasure removes or
anonymises personal data and keeps the rows that report figures count (participants,
ads, reactions, mediations) as anonymous records, with the background answers folded
into anonymous tallies, so aggregate figures do not change (docs/privacy.md)."""

import datetime as dt
import json
import re
import secrets

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tijdvoorelkaar.accounts.models import (
    LoginToken,
    PrivacyConsent,
    Role,
    TwoFactorDevice,
    User,
    normalise_email,
)
from tijdvoorelkaar.api.models import ApiToken
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core import audit, clock
from tijdvoorelkaar.core.errors import ServiceError
from tijdvoorelkaar.core.i18n import in_language, language_of, site_language
from tijdvoorelkaar.core.mail import queue_email
from tijdvoorelkaar.core.models import AuditEvent
from tijdvoorelkaar.credits.models import Movement, ThankYou, Transfer
from tijdvoorelkaar.marketplace.models import Ad, Message, Report
from tijdvoorelkaar.mediations.models import (
    Agreement,
    Cancellation,
    Flag,
    Mediation,
    MediationEvent,
)
from tijdvoorelkaar.newsletter.models import NewsletterSubscription, PhoneInstead
from tijdvoorelkaar.newsletter.services import email_hash
from tijdvoorelkaar.organisations.models import IncomingReferral
from tijdvoorelkaar.participants.models import Channel, Participant, Visibility
from tijdvoorelkaar.participants.services import delete_photo_file
from tijdvoorelkaar.stories.models import Story
from tijdvoorelkaar.suggestions import embeddings as suggestion_embeddings
from tijdvoorelkaar.tasks.models import Task
from tijdvoorelkaar.workspace.confidential import fold_background_into_tallies
from tijdvoorelkaar.workspace.models import (
    Concern,
    ConfidentialNote,
    ContactMoment,
    Intake,
    ReferralOut,
)

ERASED_NAME = "verwijderde deelnemer"
ERASED_TEXT = "(verwijderd)"
SKIP_FIELDS = {
    "password",
    "token_hash",
    "search_stems",
    "submission_token",
    "secret",
    "phone_normalised",
}
# Fields that name someone: never rewritten by the text scrub (they may hold another
# person with the same last name); the person's own values are cleared directly.
IDENTITY_FIELDS = {
    "accounts.user": {"first_name", "last_name", "email"},
    "participants.participant": {
        "display_name",
        "contact_person_name",
        "phone",
        "contact_person_phone",
        "contact_person_email",
    },
}


class PrivacyError(ServiceError):
    """A privacy request that cannot be carried out; the message is for the person who
    asked (translated)."""


def find_user(email: str) -> User:
    """The account with this address, or the one behind a registry entry (an imported
    person not yet invited) with this address."""
    address = normalise_email(email)
    user = User.objects.filter(email=address).first() if address else None
    if user is None and address:
        users = set(
            Participant.objects.filter(registry_email__iexact=address).values_list(
                "user_id", flat=True
            )
        )
        if len(users) > 1:
            raise PrivacyError(
                _(
                    "Het e-mailadres '%(email)s' staat bij inschrijvingen in meer dan één "
                    "werkgebied. Wis ze elk via de werkplek van het werkgebied."
                )
                % {"email": email}
            )
        user = User.objects.filter(pk__in=users).first()
    if user is None:
        raise PrivacyError(_("Er is niemand met het e-mailadres '%(email)s'.") % {"email": email})
    return user


# --- Export ----------------------------------------------------------------------------


def _value(obj, field):
    value = getattr(obj, field.attname)
    if field.choices and value not in (None, ""):
        value = getattr(obj, f"get_{field.name}_display")()
    return value


def _row(obj) -> dict:
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name in SKIP_FIELDS:
            continue
        if isinstance(field, models.ForeignKey):
            target = getattr(obj, field.name, None)
            row[str(field.verbose_name)] = str(target) if target is not None else None
        else:
            row[str(field.verbose_name)] = _value(obj, field)
    return row


def _related_rows(targets: list[models.Model], seen: set) -> dict[str, list[dict]]:
    """Rows of every model with a foreign key to one of `targets` (one level deep)."""
    sections: dict[str, list[dict]] = {}
    for model in apps.get_models():
        if model._meta.app_label in {"admin", "sessions", "contenttypes", "auth"}:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.ForeignKey):
                continue
            matching = [t for t in targets if isinstance(t, field.related_model)]
            if not matching:
                continue
            for obj in model._default_manager.filter(**{f"{field.name}__in": matching}):
                key = (model._meta.label_lower, obj.pk)
                if key in seen:
                    continue
                seen.add(key)
                sections.setdefault(str(model._meta.verbose_name_plural), []).append(_row(obj))
    return sections


def export_data(user: User, *, actor=None) -> dict:
    """Everything about `user`: account, each participation, and every record pointing at
    them, including what brokers noted. Logged in the audit log (no content)."""
    participants = list(Participant.objects.filter(user=user).select_related("area"))
    seen: set = set()
    data = {
        "gemaakt_op": clock.now().isoformat(),
        "account": {
            "voornaam": user.first_name,
            "achternaam": user.last_name,
            "e-mailadres": user.email,
            "aangemeld_sinds": user.date_joined.isoformat(),
            "taal": user.language,
        },
        "deelname": [],
    }
    for participant in participants:
        seen.add((Participant._meta.label_lower, participant.pk))
        part = {"werkgebied": participant.area.name, "gegevens": _row(participant)}
        part.update(_related_rows([participant], seen))
        data["deelname"].append(part)
    data["overig"] = _related_rows([user], seen)
    for participant in participants:
        audit.record(actor, "person.export", participant, area=participant.area)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder, default=str))


# --- Erasure ---------------------------------------------------------------------------


def _needles(user: User, participants: list[Participant]) -> tuple[list[str], list[str]]:
    """Strings to remove everywhere (full name, last name, email, phone numbers, chosen
    names) and strings to remove only in texts linked to the person (the first name,
    which other people may share)."""
    everywhere = {user.full_name, user.email or ""}
    if len(user.last_name) >= 3:
        everywhere.add(user.last_name)
    for p in participants:
        everywhere.update(
            {
                p.display_name,
                p.registry_email,
                p.phone,
                p.contact_person_name,
                p.contact_person_phone,
                p.contact_person_email,
            }
        )
    everywhere = sorted(
        {n.strip() for n in everywhere if n and len(n.strip()) >= 3}, key=len, reverse=True
    )
    linked = [user.first_name] if len(user.first_name) >= 2 else []
    return everywhere, linked


def _scrub(text: str, needles: list[str]) -> str:
    for needle in needles:
        text = re.sub(rf"(?<!\w){re.escape(needle)}(?!\w)", ERASED_NAME, text, flags=re.IGNORECASE)
    return text


def _text_fields(model):
    identity = IDENTITY_FIELDS.get(model._meta.label_lower, set())
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not f.choices
        and f.name not in SKIP_FIELDS
        and f.name not in identity
        and not f.primary_key
    ]


def _scrub_queryset(qs, needles: list[str]) -> int:
    changed = 0
    fields = _text_fields(qs.model)
    if not fields or not needles:
        return 0
    condition = Q()
    for field in fields:
        for needle in needles:
            condition |= Q(**{f"{field.name}__icontains": needle})
    for obj in qs.filter(condition):
        updates = {}
        for field in fields:
            value = getattr(obj, field.attname)
            if value:
                new = _scrub(value, needles)
                if new != value:
                    updates[field.attname] = new[: field.max_length] if field.max_length else new
        if updates:
            qs.model._default_manager.filter(pk=obj.pk).update(**updates)
            changed += 1
    return changed


def _scrub_everywhere(needles: list[str]) -> int:
    changed = 0
    for model in apps.get_models():
        if model._meta.app_label in {"contenttypes", "auth", "sessions"}:
            continue
        if model._meta.managed and not model._meta.proxy:
            changed += _scrub_queryset(model._default_manager.all(), needles)
    return changed


def _delete_task_results(needles: list[str]) -> None:
    """Queued or finished email tasks carry addresses and texts in their arguments."""
    try:
        model = apps.get_model("django_tasks_database", "DBTaskResult")
    except LookupError:
        return
    table = model._meta.db_table
    cast = "CAST(args_kwargs AS TEXT)" if connection.vendor == "postgresql" else "args_kwargs"
    with connection.cursor() as cursor:
        for needle in needles:
            cursor.execute(
                f"DELETE FROM {table} WHERE LOWER({cast}) LIKE %s", [f"%{needle.lower()}%"]
            )


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=clock.now().tzinfo)


def _fresh_external_id() -> str:
    """A new, meaningless id for an erased participant's row: the old one may be in
    export files made earlier, and must not lead back to the row."""
    return f"v{secrets.token_hex(8)}"


def _erase_mediation_texts(participants: list[Participant]) -> list[int]:
    """Free texts of the person's mediations go (agreement, end reason, history notes,
    flags, cancellations); dates and coded fields stay for the figures. Tasks about those
    mediations (Task.mediation) get a neutral title."""

    mediations = Mediation.objects.filter(
        Q(requester__in=participants) | Q(provider__in=participants)
    )
    ids = list(mediations.values_list("pk", flat=True))
    Agreement.objects.filter(mediation_id__in=ids).update(what=ERASED_TEXT, how_often="")
    MediationEvent.objects.filter(mediation_id__in=ids).update(note="")
    Flag.objects.filter(mediation_id__in=ids).update(note="")
    Cancellation.objects.filter(mediation_id__in=ids).update(note="")
    mediations.update(end_reason_text="", external_id=None)
    for pk in ids:
        with site_language():
            title = _("Tekst verwijderd: een deelnemer is gewist (bemiddeling #%(number)s)") % {
                "number": pk
            }
        Task.objects.filter(mediation_id=pk).update(title=title)
    return ids


def _delete_stories(participants: list[Participant]) -> int:
    """Stories naming the person (drafts and published ones) are about them: deleted,
    with their photos once the erasure is committed."""

    stories = Story.objects.filter(consents__participant__in=participants).distinct()
    for story in stories:
        if story.photo:
            delete_photo_file(story.photo.name)
    return Story.objects.filter(pk__in=[s.pk for s in stories]).delete()[0]


def _anonymise_ads(participants, now) -> int:
    """Ads stay as anonymous rows for the figures: dates, kind, category, neighbourhood."""
    ads = Ad.objects.filter(owner__in=participants)
    ads.filter(closed_at__isnull=True).update(closed_at=now)
    return ads.update(
        title=ERASED_TEXT,
        description="",
        search_stems="",
        status=Ad.Status.CLOSED,
        hidden_for_review=True,
        submission_token=None,
        availability=[],
        frequency=Ad.Frequency.ONCE,
        duration=Ad.Duration.HOURS,
        visibility=Visibility.BROKERS,
        placed_by=None,
        external_id=None,
        renewal_reminder_sent_on=None,
    )


def _delete_records(user, participants, counts: dict) -> None:
    """Messages lose their text; notes, intakes, contact moments, worries, referrals,
    tasks, stories, keys, consents, subscriptions and Roosjes texts go; the background is
    folded into anonymous tallies."""
    messages = Message.objects.filter(sender__in=participants)
    counts["berichten"] = messages.update(
        sender=None, body="(bericht verwijderd)", submission_token=None
    )
    Report.objects.filter(reporter=user).update(reason=ERASED_TEXT, reporter=None)
    counts["notities"] = ConfidentialNote.objects.filter(participant__in=participants).delete()[0]
    for model in (Intake, ContactMoment, Concern, ReferralOut, Task, IncomingReferral):
        model.objects.filter(participant__in=participants).delete()
    counts["verhalen"] = _delete_stories(participants)
    for p in participants:
        fold_background_into_tallies(p)
    ApiToken.objects.filter(user=user).delete()
    PrivacyConsent.objects.filter(user=user).delete()
    TwoFactorDevice.objects.filter(user=user).delete()
    NewsletterSubscription.objects.filter(user=user).delete()
    PhoneInstead.objects.filter(participant__in=participants).delete()
    if user.email:
        PhoneInstead.objects.filter(email_hash=email_hash(user.email)).delete()
    ThankYou.objects.filter(Q(sender__in=participants) | Q(receiver__in=participants)).update(
        message=""
    )
    Transfer.objects.filter(
        pk__in=Movement.objects.filter(account__participant__in=participants).values("transfer_id")
    ).update(note="")


def _anonymise_participant(p: Participant, now) -> None:
    """The row the reports need keeps its dates, neighbourhood, stage and inflow; the rest
    of it is cleared and its external id replaced."""
    p.display_name = p.phone = p.phone_normalised = p.intro = p.address = ""
    p.contact_person_name = p.contact_person_relation = ""
    p.contact_person_phone = p.contact_person_email = ""
    p.contact_person_consent_at = None
    p.referrer_person = ""
    p.languages, p.interests = [], []
    p.profile_visibility = Visibility.BROKERS
    p.preferred_channel = Channel.EMAIL
    p.registered_by = p.assigned_broker = None
    p.next_contact_on = p.paused_until = p.retention_warned_at = None
    p.registry_email, p.invited_at = "", None
    p.external_id = _fresh_external_id()
    p.erased_at = now
    if p.photo:  # the file goes once the erasure is committed
        delete_photo_file(p.photo.name)
        p.photo = ""
    p.save()
    # Exact timestamps could be matched with logs elsewhere; the day is what counts.
    Participant.objects.filter(pk=p.pk).update(created_at=_start_of(p.registered_on))


def _anonymise_account(user: User, participants, everywhere, addresses) -> None:
    """The account stays (inactive, no email, no password) so rows that point at it keep
    working; sign-in links, queued emails with the person's details and the audit log's
    free text about them go."""
    # What the audit log says about the person keeps who did what and when, not the text.
    subjects = Q(subject_type=User._meta.label_lower, subject_id=str(user.pk))
    for p in participants:
        subjects |= Q(subject_type=Participant._meta.label_lower, subject_id=str(p.pk))
    AuditEvent.objects.filter(subjects).exclude(detail="").update(detail="")

    LoginToken.objects.filter(Q(user=user) | Q(payload__email__in=addresses)).delete()
    _delete_task_results(
        [n for n in everywhere if "@" in n or any(c.isdigit() for c in n)] + [user.full_name]
    )
    user.email = None
    user.first_name, user.last_name = "Verwijderde", "deelnemer"
    user.is_active = False
    user.last_login = None
    user.last_activity_at = None
    if participants:
        user.date_joined = _start_of(min(p.registered_on for p in participants))
    user.set_unusable_password()
    user.save()


@transaction.atomic
def erase_person(user: User, *, reason: str, actor=None) -> dict:
    """Remove or anonymise every piece of personal data of `user`. Report figures stay
    the same: their participant rows (date of registration, neighbourhood, stage, inflow
    source, referring organisation), ads (dates, kind, category, neighbourhood),
    reactions and mediations remain as anonymous records, and their background answers
    are folded into anonymous tallies. Returns counts of what was done."""
    reason = (reason or "").strip()
    if not reason:
        raise PrivacyError(
            _("Geef een reden op (bijvoorbeeld: 'verzoek van de deelnemer')."), field="reason"
        )
    participants = list(Participant.objects.filter(user=user))
    already = any(p.erased_at for p in participants)
    if already or (not user.is_active and user.first_name == "Verwijderde"):
        raise PrivacyError(_("Deze persoon is al verwijderd."))
    everywhere, linked = _needles(user, participants)
    addresses = [a for a in [user.email, *(p.registry_email for p in participants)] if a]
    now = clock.now()
    counts = {"advertenties": _anonymise_ads(participants, now), "berichten": 0, "notities": 0}
    _delete_records(user, participants, counts)
    # Texts linked to the person may use their first name only.
    linked_needles = everywhere + linked
    _scrub_queryset(
        Message.objects.filter(
            Q(conversation__initiator__in=participants) | Q(conversation__owner__in=participants)
        ),
        linked_needles,
    )
    _erase_mediation_texts(participants)

    for p in participants:
        _anonymise_participant(p, now)
    _anonymise_account(user, participants, everywhere, addresses)
    counts["overige_teksten"] = _scrub_everywhere(everywhere)
    # The meaning vectors of their texts go too (made from the texts, so theirs).
    counts["betekenisvectoren"] = sum(
        suggestion_embeddings.forget_gone_texts(area) for area in {p.area for p in participants}
    )
    for p in participants:
        audit.record(
            actor,
            "person.erase",
            p,
            area=p.area,
            detail=_scrub(f"reden: {reason}", everywhere + linked)[:200],
        )
    return counts


RETENTION_GRACE = dt.timedelta(days=30)


def last_activity(participant: Participant) -> dt.datetime:
    """The latest sign of life: a sign-in, an ad, a message, a contact with the broker,
    a mediation. People without internet are active through their broker too."""
    from django.db.models import Max

    moments = [participant.created_at, participant.user.last_activity_at]
    moments.append(Ad.objects.filter(owner=participant).aggregate(m=Max("created_at"))["m"])
    moments.append(Message.objects.filter(sender=participant).aggregate(m=Max("created_at"))["m"])
    tz = clock.now().tzinfo
    for day in (
        ContactMoment.objects.filter(participant=participant).aggregate(m=Max("happened_on"))["m"],
        Mediation.objects.filter(Q(requester=participant) | Q(provider=participant)).aggregate(
            m=Max("started_on")
        )["m"],
        Mediation.objects.filter(Q(requester=participant) | Q(provider=participant)).aggregate(
            m=Max("ended_on")
        )["m"],
    ):
        if day is not None:
            moments.append(dt.datetime.combine(day, dt.time(12), tzinfo=tz))
    return max(m for m in moments if m is not None)


def run_retention(*, base_url: str | None = None) -> tuple[int, int]:
    """Warn participants inactive for the area's retention period (default 24 months) and
    erase them 30 days after the warning when they stayed inactive. Returns (warned,
    erased). Staff accounts are never touched."""
    from django.conf import settings
    from django.urls import reverse

    base_url = (base_url or settings.SITE_URL).rstrip("/")
    now = clock.now()
    warned = erased = 0
    staff = Role.objects.values("user_id")
    for area in Area.objects.all():
        cutoff = now - dt.timedelta(days=round(30.44 * area.retention_months))
        candidates = (
            Participant.objects.filter(
                area=area,
                user__is_active=True,
                user__is_superuser=False,
                created_at__lt=cutoff,
            )
            .exclude(user__in=staff)
            .exclude(user__last_activity_at__gte=cutoff)
            .select_related("user", "area")
        )
        for participant in candidates:
            if last_activity(participant) >= cutoff:
                if participant.retention_warned_at:
                    Participant.objects.filter(pk=participant.pk).update(retention_warned_at=None)
                continue
            if participant.retention_warned_at is None:
                Participant.objects.filter(pk=participant.pk).update(retention_warned_at=now)
                if participant.user.email:
                    language = language_of(participant.user)
                    with in_language(language):
                        subject = _("Doet u nog mee met TijdVoorElkaar?")
                    queue_email(
                        participant.user.email,
                        subject,
                        "privacy/email/retention_warning",
                        {
                            "participant": participant,
                            "link": base_url + reverse("accounts:sign_in", args=[area.slug]),
                            "days": RETENTION_GRACE.days,
                        },
                        area=area,
                        language=language,
                    )
                audit.record(None, "person.retention_warning", participant, area=area)
                warned += 1
            elif participant.retention_warned_at <= now - RETENTION_GRACE:
                erase_person(participant.user, reason="bewaartermijn verstreken")
                erased += 1
    return warned, erased
