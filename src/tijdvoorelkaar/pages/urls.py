from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("<slug:area_slug>/", views.area_home, name="area_home"),
    path("<slug:area_slug>/privacy/", views.area_privacy, name="area_privacy"),
    path("<slug:area_slug>/uitleg/", views.glossary, name="glossary"),
    path("<slug:area_slug>/mijn/instellingen/", views.more_settings, name="more_settings"),
]
