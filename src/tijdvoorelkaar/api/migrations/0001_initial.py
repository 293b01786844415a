"""ApiToken moves from the accounts app to the api app. The table (accounts_apitoken) and
its rows stay as they are: only Django's idea of which app owns the model changes."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def own_the_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="accounts", model="apitoken").update(app_label="api")


def give_it_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="api", model="apitoken").update(app_label="accounts")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0004_alter_logintoken_purpose"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ApiToken",
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
                        ("name", models.CharField(max_length=80, verbose_name="naam")),
                        ("key_hash", models.CharField(max_length=64, unique=True)),
                        ("created_at", models.DateTimeField()),
                        ("last_used_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="api_tokens",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "API-sleutel",
                        "verbose_name_plural": "API-sleutels",
                        "ordering": ["-created_at"],
                        "db_table": "accounts_apitoken",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(own_the_content_type, give_it_back),
    ]
