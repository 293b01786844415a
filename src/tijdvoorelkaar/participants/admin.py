from django.contrib import admin

from .models import Participant


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ("id", "public_name", "area", "neighbourhood", "registered_on")
    list_filter = ("area",)
    raw_id_fields = ("user", "registered_by")
