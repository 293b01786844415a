from django.contrib import admin

from .models import Account, CreditOrganisation, CreditSettings, Movement, ThankYou, Transfer


class ReadOnlyAdmin(admin.ModelAdmin):
    """The ledger is written by services only; the admin may look, never change."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Account)
class AccountAdmin(ReadOnlyAdmin):
    list_display = ["pk", "area", "kind", "participant", "organisation", "balance"]
    list_filter = ["area", "kind"]


@admin.register(Transfer)
class TransferAdmin(ReadOnlyAdmin):
    list_display = ["pk", "area", "kind", "amount", "created_at", "created_by", "reverses"]
    list_filter = ["area", "kind"]


@admin.register(Movement)
class MovementAdmin(ReadOnlyAdmin):
    list_display = ["pk", "transfer", "account", "amount"]


@admin.register(ThankYou)
class ThankYouAdmin(ReadOnlyAdmin):
    list_display = ["pk", "area", "sender", "receiver", "amount", "status", "created_at"]


@admin.register(CreditOrganisation)
class CreditOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "accepts_roosjes"]
    list_filter = ["area", "accepts_roosjes"]
    filter_horizontal = ["contacts"]


admin.site.register(CreditSettings)
