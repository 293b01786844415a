from django.urls import path

from . import first_request_page, inbound, people, views

app_name = "marketplace"

urlpatterns = [
    path("<slug:area_slug>/mijn/", people.my_page, name="my_page"),
    path("<slug:area_slug>/deelnemers/<int:pk>/", people.profile, name="profile"),
    path("<slug:area_slug>/hulp-vragen/", first_request_page.ask_for_help, name="ask_for_help"),
    path("<slug:area_slug>/hulp-aanbieden/", first_request_page.offer_help, name="offer_help"),
    path("<slug:area_slug>/advertenties/", views.ad_list, name="ad_list"),
    path("<slug:area_slug>/advertenties/nieuw/", views.ad_create, name="ad_create"),
    path("<slug:area_slug>/advertenties/<int:pk>/", views.ad_detail, name="ad_detail"),
    path("<slug:area_slug>/advertenties/<int:pk>/geplaatst/", views.ad_placed, name="ad_placed"),
    path("<slug:area_slug>/advertenties/<int:pk>/bewerken/", views.ad_edit, name="ad_edit"),
    path("<slug:area_slug>/advertenties/<int:pk>/status/", views.ad_status, name="ad_status"),
    path("<slug:area_slug>/advertenties/<int:pk>/reageren/", views.ad_react, name="ad_react"),
    path("<slug:area_slug>/advertenties/<int:pk>/melden/", views.ad_report, name="ad_report"),
    path("<slug:area_slug>/gesprekken/", views.conversation_list, name="conversation_list"),
    path("<slug:area_slug>/gesprekken/<int:pk>/", views.conversation_detail, name="conversation"),
    path(
        "<slug:area_slug>/gesprekken/<int:pk>/delen/",
        views.conversation_share,
        name="conversation_share",
    ),
    path(
        "<slug:area_slug>/gesprekken/<int:pk>/berichten/<int:message_pk>/melden/",
        views.message_report,
        name="message_report",
    ),
    path("<slug:area_slug>/makelaar/meldingen/", views.report_review, name="report_review"),
    path("inkomende-mail/", inbound.inbound_email, name="inbound_email"),
]
