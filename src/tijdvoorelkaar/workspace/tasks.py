"""Background work of the workspace, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task

from . import services


@task()
def morning_digest() -> int:
    """Email each broker the tasks due today and overdue."""
    return services.send_morning_digest()
