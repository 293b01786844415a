"""The task links point at the same table, now owned by the tasks app (state only)."""

import django.db.models.deletion
from django.db import migrations, models


def task_link():
    return models.ForeignKey(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to="tasks.task",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_referral_inbox"),
        ("tasks", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(model_name=model, name="task", field=task_link())
                for model in ("doortodoorreminder", "incomingreferral", "phoneinstead")
            ],
            database_operations=[],
        )
    ]
