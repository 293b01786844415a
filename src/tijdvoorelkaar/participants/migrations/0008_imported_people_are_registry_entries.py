"""People imported before invitations existed got a User with their email, so they could
sign in with an emailed link without ever being invited. Move such an address to the
registry entry (Participant.registry_email) so the broker invites them first.

Recognised as: a participant with an external_id (imported or exported), not registered
by a broker, whose account never signed in, has no usable password, no privacy consent
(given at sign-up), no staff role and no API key."""

from django.db import migrations


def move_emails(apps, schema_editor):
    Participant = apps.get_model("participants", "Participant")
    User = apps.get_model("accounts", "User")
    candidates = User.objects.filter(
        email__isnull=False,
        last_login__isnull=True,
        is_staff=False,
        is_superuser=False,
        password__startswith="!",
        privacy_consents__isnull=True,
        roles__isnull=True,
        api_tokens__isnull=True,
        participations__external_id__isnull=False,
        participations__registered_by__isnull=True,
    ).distinct()
    for user in candidates:
        people = Participant.objects.filter(user=user)
        if people.filter(registered_by__isnull=False).exists():
            continue
        people.update(registry_email=user.email)
        User.objects.filter(pk=user.pk).update(email=None)


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0007_participant_invited_at_participant_registry_email"),
        ("accounts", "0004_alter_logintoken_purpose"),
    ]

    operations = [migrations.RunPython(move_emails, migrations.RunPython.noop)]
