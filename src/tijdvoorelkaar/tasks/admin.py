from django.contrib import admin

from .models import Task


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "area", "assignee", "due_on", "source", "done_at"]
    list_filter = ["area", "source"]
    raw_id_fields = ["participant", "mediation", "concern", "referral", "incoming_referral"]
