from django.contrib import admin

from .models import NewsletterSubscription, PhoneInstead


@admin.register(NewsletterSubscription)
class NewsletterSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["id", "area", "subscribed_at", "unsubscribed_at", "last_sent_month"]
    list_filter = ["area"]
    raw_id_fields = ["user"]


@admin.register(PhoneInstead)
class PhoneInsteadAdmin(admin.ModelAdmin):
    """Read only: each row made a task for the broker; changing it would change nothing."""

    list_display = ["at", "kind", "area", "reason"]
    list_filter = ["kind", "area"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
