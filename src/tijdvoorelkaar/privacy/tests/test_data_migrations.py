"""The data migrations that repair rows written before this change: people erased earlier
keep no background, and people imported earlier lose the sign-in they never should have
had. Run with the current models (the functions only use apps.get_model)."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from tijdvoorelkaar.accounts.models import PrivacyConsent, User
from tijdvoorelkaar.participants.models import Participant
from tijdvoorelkaar.participants.tests.factories import participant
from tijdvoorelkaar.workspace.models import Background, BackgroundTally

pytestmark = pytest.mark.django_db


def migration(app: str, name: str):
    return importlib.import_module(f"tijdvoorelkaar.{app}.migrations.{name}")


def test_people_erased_earlier_get_their_background_folded_and_a_fresh_id(area):
    old = participant(area, "Verwijderde", last_name="deelnemer", email=None)
    User.objects.filter(pk=old.user.pk).update(is_active=False)
    Participant.objects.filter(pk=old.pk).update(
        external_id="p12", registered_on=dt.date(2025, 5, 20)
    )
    Background.objects.create(
        participant=old, gender="man", birth_year=1950, origin="turks", updated_at=timezone.now()
    )
    living = participant(area, "Henk")
    Background.objects.create(participant=living, gender="man", updated_at=timezone.now())

    migration("workspace", "0003_fold_erased_backgrounds").fold(apps, None)

    old.refresh_from_db()
    assert old.erased_at is not None and old.external_id not in ("p12", None)
    assert not Background.objects.filter(participant=old).exists()
    assert Background.objects.filter(participant=living).exists()
    tallies = {
        (t.field, t.value): t.count
        for t in BackgroundTally.objects.filter(area=area, month=dt.date(2025, 5, 1))
    }
    assert tallies == {
        ("gender", "man"): 1,
        ("birth_year", "1950"): 1,
        ("origin", "turks"): 1,
        ("household", "onbekend"): 1,
        ("work_situation", "onbekend"): 1,
    }


def test_people_imported_earlier_become_registry_entries_others_keep_their_sign_in(area):
    imported = participant(area, "Riet", email="riet@example.org")
    Participant.objects.filter(pk=imported.pk).update(external_id="P1")
    signed_up = participant(area, "Anna", email="anna@example.org")
    Participant.objects.filter(pk=signed_up.pk).update(external_id="p7")
    PrivacyConsent.objects.create(user=signed_up.user, version="1", given_at=timezone.now())
    used = participant(area, "Kees", email="kees@example.org")
    Participant.objects.filter(pk=used.pk).update(external_id="P2")
    User.objects.filter(pk=used.user.pk).update(last_login=timezone.now())

    migration("participants", "0008_imported_people_are_registry_entries").move_emails(apps, None)

    for person in (imported, signed_up, used):
        person.refresh_from_db()
        person.user.refresh_from_db()
    assert imported.user.email is None and imported.registry_email == "riet@example.org"
    assert signed_up.user.email == "anna@example.org" and signed_up.registry_email == ""
    assert used.user.email == "kees@example.org" and used.registry_email == ""
