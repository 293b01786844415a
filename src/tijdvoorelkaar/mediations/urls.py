from django.urls import path

from . import views

app_name = "mediations"

urlpatterns = [
    path(
        "<slug:area_slug>/gesprekken/<int:pk>/we-gaan-het-doen/",
        views.conversation_go_ahead,
        name="conversation_go_ahead",
    ),
    path("<slug:area_slug>/makelaar/bemiddelingen/", views.mediation_list, name="list"),
    path("<slug:area_slug>/makelaar/bemiddelingen/nieuw/", views.mediation_new, name="new"),
    path(
        "<slug:area_slug>/makelaar/bemiddelingen/<int:pk>/", views.mediation_detail, name="detail"
    ),
    path(
        "<slug:area_slug>/makelaar/bemiddelingen/<int:pk>/brief/<slug:side>/",
        views.mediation_letter,
        name="letter",
    ),
    path(
        "<slug:area_slug>/makelaar/bemiddelingen/<int:pk>/<slug:action>/",
        views.mediation_action,
        name="action",
    ),
    path("<slug:area_slug>/mijn/contacten/", views.my_contacts, name="my_contacts"),
    path("<slug:area_slug>/mijn/contacten/bel-mij/", views.my_call_me, name="call_me"),
    path("<slug:area_slug>/mijn/contacten/<int:pk>/stoppen/", views.my_contact_stop, name="stop"),
    path(
        "<slug:area_slug>/hoe-gaat-het/<str:token>/<slug:answer>/", views.check_in, name="check_in"
    ),
]
