from django.urls import path

from . import contact_page as contact
from .settings_page import area_settings

urlpatterns = [
    path("<slug:area_slug>/makelaar/instellingen/", area_settings, name="area_settings"),
    path(
        "<slug:area_slug>/makelaar/instellingen/contact/",
        contact.contact_settings,
        name="area_contact_settings",
    ),
    path("<slug:area_slug>/logo/", contact.logo, name="area_logo"),
    path("<slug:area_slug>/makelaar-foto/", contact.broker_photo, name="area_broker_photo"),
]
