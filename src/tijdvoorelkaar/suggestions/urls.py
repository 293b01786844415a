from django.urls import path

from . import views

app_name = "suggestions"

urlpatterns = [
    path(
        "<slug:area_slug>/makelaar/suggesties/niet-geschikt/",
        views.dismiss,
        name="dismiss",
    ),
    path(
        "<slug:area_slug>/makelaar/suggesties/deelnemer/<int:participant_id>/",
        views.for_participant,
        name="participant",
    ),
    path("<slug:area_slug>/makelaar/suggesties/<int:ad_id>/", views.for_ad, name="ad"),
]
