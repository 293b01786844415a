from django.urls import path

from . import views

app_name = "newsletter"

A = "<slug:area_slug>/"

urlpatterns = [
    path(A + "nieuwsbrief/", views.newsletter, name="newsletter"),
    path(A + "nieuwsbrief/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
