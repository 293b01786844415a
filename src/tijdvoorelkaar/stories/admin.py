from django.contrib import admin

from .models import Story


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    """Read only: a story goes on the site only through the broker's story page, after
    every participant named in it consented (services.publish_story)."""

    list_display = ["title", "area", "created_at", "published_at", "taken_down_at"]
    list_filter = ["area"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
