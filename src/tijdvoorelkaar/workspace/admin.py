from django.contrib import admin

from .models import Concern, ContactMoment, ReferralOut, StageChange


@admin.register(ContactMoment)
class ContactMomentAdmin(admin.ModelAdmin):
    list_display = ["participant", "happened_on", "kind", "channel", "broker"]
    list_filter = ["kind", "channel"]


admin.site.register(StageChange)
admin.site.register(Concern)
admin.site.register(ReferralOut)
# Confidential notes and background are deliberately not in the admin: they are read only
# through the workspace, where every read is written to the audit log.
