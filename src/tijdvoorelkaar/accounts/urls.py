from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.sign_in_global, name="sign_in_global"),
    path("account/tweestaps/", views.two_factor, name="two_factor"),
    path("<slug:area_slug>/aanmelden/", views.sign_up, name="sign_up"),
    path("<slug:area_slug>/inloggen/", views.sign_in, name="sign_in"),
    path("<slug:area_slug>/inloggen/link/<str:token>/", views.use_link, name="use_link"),
    path("<slug:area_slug>/uitloggen/", views.sign_out, name="sign_out"),
]
