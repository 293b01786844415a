"""Story and StoryConsent move here from the organisations app. Their tables
(organisations_<model>) and rows stay as they are: only Django's idea of which app owns
the models changes, and the content types follow (as tasks 0001 did for Task)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MODELS = ('story', 'storyconsent')


def move_content_types(apps, source: str, target: str) -> None:
    """Give the models' content types (and so their permissions) the new app label. A
    content type already made under the target label (by running post_migrate in between)
    wins; the old one is then left for `remove_stale_contenttypes`."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def own_the_content_types(apps, schema_editor):
    move_content_types(apps, "organisations", "stories")


def give_them_back(apps, schema_editor):
    move_content_types(apps, "stories", "organisations")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        # The tables are made (and last changed) by the organisations app's migrations.
        ('organisations', '0005_referral_task_link_moves_to_task'),
        ('areas', '0005_area_domain'),
        ('participants', '0008_imported_people_are_registry_entries'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Story',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=120, verbose_name='titel')),
                        ('body', models.TextField(max_length=3000, verbose_name='verhaal')),
                        ('photo', models.FileField(blank=True, upload_to='verhalen/', verbose_name='foto')),
                        ('photo_alt', models.CharField(blank=True, max_length=200, verbose_name='wat staat er op de foto')),
                        ('named_count', models.PositiveSmallIntegerField(default=0)),
                        ('created_at', models.DateTimeField()),
                        ('published_at', models.DateTimeField(blank=True, null=True)),
                        ('taken_down_at', models.DateTimeField(blank=True, null=True)),
                        ('taken_down_reason', models.CharField(blank=True, max_length=200)),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='areas.area')),
                        ('written_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'verhaal',
                        'verbose_name_plural': 'verhalen',
                        'db_table': 'organisations_story',
                        'ordering': ['-published_at', '-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='StoryConsent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('given_at', models.DateTimeField(blank=True, null=True)),
                        ('channel', models.CharField(blank=True, choices=[('persoonlijk', 'persoonlijk gesprek'), ('telefoon', 'telefoon'), ('e-mail', 'e-mail'), ('papier', 'op papier getekend'), ('site', 'zelf op de site')], max_length=20)),
                        ('withdrawn_at', models.DateTimeField(blank=True, null=True)),
                        ('withdrawal_channel', models.CharField(blank=True, choices=[('persoonlijk', 'persoonlijk gesprek'), ('telefoon', 'telefoon'), ('e-mail', 'e-mail'), ('papier', 'op papier getekend'), ('site', 'zelf op de site')], max_length=20)),
                        ('participant', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='story_consents', to='participants.participant')),
                        ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('story', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consents', to='stories.story')),
                        ('withdrawn_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'organisations_storyconsent',
                        'ordering': ['id'],
                    },
                ),
                migrations.AddField(
                    model_name='story',
                    name='participants',
                    field=models.ManyToManyField(related_name='stories', through='stories.StoryConsent', to='participants.participant'),
                ),
                migrations.AddConstraint(
                    model_name='storyconsent',
                    constraint=models.UniqueConstraint(fields=('story', 'participant'), name='story_consent_once'),
                ),
                migrations.AddIndex(
                    model_name='story',
                    index=models.Index(fields=['area', 'published_at'], name='story_area_published'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(own_the_content_types, give_them_back),
    ]
