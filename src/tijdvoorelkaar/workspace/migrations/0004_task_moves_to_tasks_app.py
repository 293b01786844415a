"""Task now belongs to the tasks app (tasks 0001); its table stays (state only)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_tasks_app_owns_task"),
        ("tasks", "0001_initial"),
        ("workspace", "0003_fold_erased_backgrounds"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Task")],
            database_operations=[],
        )
    ]
