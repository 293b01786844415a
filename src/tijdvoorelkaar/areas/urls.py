from django.urls import path

from .settings_page import area_settings

urlpatterns = [
    path("<slug:area_slug>/makelaar/instellingen/", area_settings, name="area_settings"),
]
