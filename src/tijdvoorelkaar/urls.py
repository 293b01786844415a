from django.contrib import admin
from django.urls import include, path

from tijdvoorelkaar.accounts.language import switch_language

handler400 = "tijdvoorelkaar.core.views.bad_request"
handler403 = "tijdvoorelkaar.core.views.permission_denied"
handler404 = "tijdvoorelkaar.core.views.page_not_found"
handler500 = "tijdvoorelkaar.core.views.server_error"

urlpatterns = [
    path("", include("tijdvoorelkaar.api.urls")),
    path("admin/", admin.site.urls),
    path("taal/", switch_language, name="set_language"),
    path("", include("tijdvoorelkaar.areas.urls")),
    path("", include("tijdvoorelkaar.accounts.urls")),
    path("", include("tijdvoorelkaar.participants.urls")),
    path("", include("tijdvoorelkaar.marketplace.urls")),
    path("", include("tijdvoorelkaar.mediations.urls")),
    path("", include("tijdvoorelkaar.workspace.urls")),
    path("", include("tijdvoorelkaar.imports.urls")),
    path("", include("tijdvoorelkaar.suggestions.urls")),
    path("", include("tijdvoorelkaar.reports.urls")),
    path("", include("tijdvoorelkaar.credits.urls")),
    path("", include("tijdvoorelkaar.privacy.urls")),
    path("", include("tijdvoorelkaar.organisations.urls")),
    path("", include("tijdvoorelkaar.outreach.urls")),
    path("", include("tijdvoorelkaar.newsletter.urls")),
    path("", include("tijdvoorelkaar.stories.urls")),
    path("", include("tijdvoorelkaar.pages.urls")),
]
