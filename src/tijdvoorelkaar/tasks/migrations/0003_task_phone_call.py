"""Tasks that ask the broker to phone someone are marked, so the task list can show the
number. Existing ones are recognised as the services made them: call-back and follow-up
tasks, and the tasks whose title starts with "Bel " (a message or email that could not
reach someone)."""

from django.db import migrations, models
from django.db.models import Q


def mark_existing_phone_tasks(apps, schema_editor):
    Task = apps.get_model("tasks", "Task")
    Task.objects.filter(
        Q(source__in=["terugbellen", "nazorg"]) | Q(title__startswith="Bel ")
    ).update(phone_call=True)


class Migration(migrations.Migration):

    dependencies = [
        ("tasks", "0002_task_subjects"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="phone_call",
            field=models.BooleanField(default=False, verbose_name="telefoontaak"),
        ),
        migrations.RunPython(mark_existing_phone_tasks, migrations.RunPython.noop),
    ]
