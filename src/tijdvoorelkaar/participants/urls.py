from django.urls import path

from . import views

app_name = "participants"

urlpatterns = [
    path("<slug:area_slug>/mijn/gegevens/", views.edit_profile, name="edit_profile"),
    path("<slug:area_slug>/deelnemers/<int:pk>/foto/", views.photo, name="photo"),
]
