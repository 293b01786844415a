from django.contrib import admin

from .models import Dismissal


@admin.register(Dismissal)
class DismissalAdmin(admin.ModelAdmin):
    list_display = ("ad", "participant", "broker", "at")
    raw_id_fields = ("ad", "participant", "broker")
