"""OutreachActivity and DoorToDoorReminder move here from the organisations app. Their tables
(organisations_<model>) and rows stay as they are: only Django's idea of which app owns
the models changes, and the content types follow (as tasks 0001 did for Task)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MODELS = ('outreachactivity', 'doortodoorreminder')


def move_content_types(apps, source: str, target: str) -> None:
    """Give the models' content types (and so their permissions) the new app label. A
    content type already made under the target label (by running post_migrate in between)
    wins; the old one is then left for `remove_stale_contenttypes`."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def own_the_content_types(apps, schema_editor):
    move_content_types(apps, "organisations", "outreach")


def give_them_back(apps, schema_editor):
    move_content_types(apps, "outreach", "organisations")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        # The tables are made (and last changed) by the organisations app's migrations.
        ('organisations', '0005_referral_task_link_moves_to_task'),
        ('areas', '0005_area_domain'),
        ('participants', '0008_imported_people_are_registry_entries'),
        ('tasks', '0002_task_subjects'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DoorToDoorReminder',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField()),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='areas.area')),
                        ('task', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='tasks.task')),
                    ],
                    options={
                        'db_table': 'organisations_doortodoorreminder',
                        'constraints': [models.UniqueConstraint(fields=('area', 'year'), name='door_reminder_once_a_year')],
                    },
                ),
                migrations.CreateModel(
                    name='OutreachActivity',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('groepsbezoek', 'groepsbezoek'), ('kraam', 'kraam of stand'), ('markt', 'markt of evenement'), ('deur_aan_deur', 'deur-aan-deurronde')], max_length=20, verbose_name='soort')),
                        ('held_on', models.DateField(verbose_name='datum')),
                        ('group', models.CharField(blank=True, max_length=160, verbose_name='groep')),
                        ('place', models.CharField(max_length=200, verbose_name='plaats')),
                        ('reached', models.PositiveIntegerField(default=0, verbose_name='bereikte bewoners')),
                        ('addresses_visited', models.PositiveIntegerField(default=0, verbose_name='bezochte adressen')),
                        ('conversations', models.PositiveIntegerField(default=0, verbose_name='gesprekken')),
                        ('notes', models.TextField(blank=True, max_length=2000, verbose_name='aantekeningen')),
                        ('created_at', models.DateTimeField()),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='areas.area')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('joined', models.ManyToManyField(blank=True, related_name='outreach_activities', to='participants.participant')),
                    ],
                    options={
                        'db_table': 'organisations_outreachactivity',
                        'ordering': ['-held_on', '-id'],
                        'indexes': [models.Index(fields=['area', 'kind', 'held_on'], name='outreach_area_kind_day')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(own_the_content_types, give_them_back),
    ]
