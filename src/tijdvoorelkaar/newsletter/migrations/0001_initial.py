"""NewsletterSubscription and PhoneInstead move here from the organisations app. Their tables
(organisations_<model>) and rows stay as they are: only Django's idea of which app owns
the models changes, and the content types follow (as tasks 0001 did for Task)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MODELS = ('newslettersubscription', 'phoneinstead')


def move_content_types(apps, source: str, target: str) -> None:
    """Give the models' content types (and so their permissions) the new app label. A
    content type already made under the target label (by running post_migrate in between)
    wins; the old one is then left for `remove_stale_contenttypes`."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def own_the_content_types(apps, schema_editor):
    move_content_types(apps, "organisations", "newsletter")


def give_them_back(apps, schema_editor):
    move_content_types(apps, "newsletter", "organisations")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        # The tables are made (and last changed) by the organisations app's migrations.
        ('organisations', '0005_referral_task_link_moves_to_task'),
        ('areas', '0005_area_domain'),
        ('marketplace', '0003_ad_organisation'),
        ('participants', '0008_imported_people_are_registry_entries'),
        ('tasks', '0002_task_subjects'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='NewsletterSubscription',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('subscribed_at', models.DateTimeField()),
                        ('unsubscribed_at', models.DateTimeField(blank=True, null=True)),
                        ('last_sent_month', models.DateField(blank=True, null=True)),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='areas.area')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='newsletter_subscriptions', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'organisations_newslettersubscription',
                        'constraints': [models.UniqueConstraint(fields=('area', 'user'), name='newsletter_one_per_person')],
                    },
                ),
                migrations.CreateModel(
                    name='PhoneInstead',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('geen_email', 'geen e-mailadres'), ('bounce', 'e-mail kwam terug')], max_length=20)),
                        ('email_hash', models.CharField(blank=True, max_length=64)),
                        ('reason', models.CharField(blank=True, max_length=200)),
                        ('on_day', models.DateField()),
                        ('at', models.DateTimeField()),
                        ('area', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='areas.area')),
                        ('conversation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='marketplace.conversation')),
                        ('participant', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='participants.participant')),
                        ('task', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='tasks.task')),
                    ],
                    options={
                        'db_table': 'organisations_phoneinstead',
                        'ordering': ['-at', '-id'],
                        'indexes': [models.Index(fields=['email_hash'], name='phone_instead_email')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('kind', 'geen_email')), fields=('conversation', 'participant', 'on_day'), name='phone_instead_once_a_day')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(own_the_content_types, give_them_back),
    ]
