"""Outreach, the newsletter and stories are apps of their own now (outreach, newsletter
and stories 0001): their models leave this app's state. The tables and rows stay (state
only)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0005_referral_task_link_moves_to_task'),
        ('newsletter', '0001_initial'),
        ('outreach', '0001_initial'),
        ('stories', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='newslettersubscription',
                    name='area',
                ),
                migrations.RemoveField(
                    model_name='newslettersubscription',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='outreachactivity',
                    name='area',
                ),
                migrations.RemoveField(
                    model_name='outreachactivity',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='outreachactivity',
                    name='joined',
                ),
                migrations.RemoveField(
                    model_name='phoneinstead',
                    name='area',
                ),
                migrations.RemoveField(
                    model_name='phoneinstead',
                    name='conversation',
                ),
                migrations.RemoveField(
                    model_name='phoneinstead',
                    name='participant',
                ),
                migrations.RemoveField(
                    model_name='phoneinstead',
                    name='task',
                ),
                migrations.RemoveField(
                    model_name='story',
                    name='area',
                ),
                migrations.RemoveField(
                    model_name='story',
                    name='participants',
                ),
                migrations.RemoveField(
                    model_name='story',
                    name='written_by',
                ),
                migrations.RemoveField(
                    model_name='storyconsent',
                    name='story',
                ),
                migrations.RemoveField(
                    model_name='storyconsent',
                    name='participant',
                ),
                migrations.RemoveField(
                    model_name='storyconsent',
                    name='recorded_by',
                ),
                migrations.RemoveField(
                    model_name='storyconsent',
                    name='withdrawn_by',
                ),
                migrations.DeleteModel(
                    name='DoorToDoorReminder',
                ),
                migrations.DeleteModel(
                    name='NewsletterSubscription',
                ),
                migrations.DeleteModel(
                    name='OutreachActivity',
                ),
                migrations.DeleteModel(
                    name='PhoneInstead',
                ),
                migrations.DeleteModel(
                    name='Story',
                ),
                migrations.DeleteModel(
                    name='StoryConsent',
                ),
            ],
            database_operations=[],
        )
    ]
