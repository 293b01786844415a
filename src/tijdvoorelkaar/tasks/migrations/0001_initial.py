"""Task moves from the workspace app to this one. The table (workspace_task) and its rows
stay as they are: only Django's idea of which app owns the model changes."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def own_the_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="workspace", model="task").update(app_label="tasks")


def give_it_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="tasks", model="task").update(app_label="workspace")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("areas", "0005_area_domain"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("marketplace", "0003_ad_organisation"),
        ("participants", "0008_imported_people_are_registry_entries"),
        ("workspace", "0003_fold_erased_backgrounds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Task",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "title",
                            models.CharField(max_length=200, verbose_name="wat moet er gebeuren"),
                        ),
                        ("due_on", models.DateField(verbose_name="uiterlijk op")),
                        (
                            "source",
                            models.CharField(
                                choices=[
                                    ("hand", "zelf gemaakt"),
                                    ("terugbellen", "terugbelafspraak"),
                                    ("signaal", "signaal van de site"),
                                    ("zorg", "zorgsignaal"),
                                    ("doorverwijzing", "doorverwijzing"),
                                    ("overdracht", "overdracht"),
                                    ("nazorg", "nazorg"),
                                ],
                                default="hand",
                                max_length=20,
                            ),
                        ),
                        ("created_at", models.DateTimeField()),
                        ("done_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "area",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="areas.area",
                            ),
                        ),
                        (
                            "assignee",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="workspace_tasks",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "done_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="tasks",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "signal",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="marketplace.signal",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "workspace_task",
                        "ordering": ["due_on", "id"],
                        "indexes": [
                            models.Index(
                                fields=["area", "assignee", "done_at", "due_on"],
                                name="task_open_due",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(own_the_content_type, give_it_back),
    ]
