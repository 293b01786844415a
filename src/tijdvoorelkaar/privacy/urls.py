from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("<slug:area_slug>/mijn/privacy/", views.my_data, name="my_data"),
    path("<slug:area_slug>/mijn/privacy/download.<str:fmt>", views.download, name="download"),
    path("<slug:area_slug>/mijn/privacy/verwijderen/", views.erase_self, name="erase_self"),
    path(
        "<slug:area_slug>/makelaar/deelnemers/<int:pk>/verwijderen/",
        views.erase_by_broker,
        name="erase_by_broker",
    ),
]
