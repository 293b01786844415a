from django.contrib import admin

from .models import OutreachActivity


@admin.register(OutreachActivity)
class OutreachActivityAdmin(admin.ModelAdmin):
    list_display = ["held_on", "kind", "area", "place", "reached"]
    list_filter = ["area", "kind"]
    raw_id_fields = ["joined", "created_by"]
