from django.contrib import admin

from .models import Organisation, OrganisationContact, SocialMapEntry


class ContactInline(admin.TabularInline):
    model = OrganisationContact
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "kind"]
    list_filter = ["area", "kind"]
    inlines = [ContactInline]


@admin.register(SocialMapEntry)
class SocialMapEntryAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "active"]
    list_filter = ["area", "active"]


# Incoming referrals are deliberately not in the admin: they hold a resident's details
# until a broker accepts or declines them in the workspace, where both are logged.
