"""Background work of the workspace, run by the django-tasks worker (`manage.py db_worker`)."""

from django_tasks import task

from . import digest


@task()
def morning_digest() -> int:
    """Email each broker the tasks due today and overdue."""
    return digest.send_morning_digest()
