from django.contrib import admin

from .models import Area, Neighbourhood


class NeighbourhoodInline(admin.TabularInline):
    model = Neighbourhood
    extra = 0


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "matching_mode", "time_credits_enabled")
    inlines = [NeighbourhoodInline]
