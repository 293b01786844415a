from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("<slug:area_slug>/makelaar/importeren/", views.upload, name="upload"),
]
