from django.urls import path

from . import views

app_name = "participants"

urlpatterns = [
    path("<slug:area_slug>/mijn/", views.my_page, name="my_page"),
]
