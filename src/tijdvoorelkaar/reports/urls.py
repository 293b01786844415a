from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("<slug:area_slug>/verslag/", views.report, name="report"),
    path("<slug:area_slug>/verslag/download.<str:fmt>", views.download, name="download"),
]
