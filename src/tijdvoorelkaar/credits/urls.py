from django.urls import path

from . import views

app_name = "credits"

S = "<slug:area_slug>/makelaar/roosjes/"
ORG = "<slug:area_slug>/organisatie/roosjes/"

urlpatterns = [
    path("<slug:area_slug>/mijn/roosjes/", views.my_credits, name="mine"),
    path(
        "<slug:area_slug>/mijn/roosjes/bedankjes/<int:pk>/<slug:action>/",
        views.thanks_action,
        name="thanks_action",
    ),
    path(S, views.staff_home, name="staff_home"),
    path(S + "grenzen/", views.set_limits, name="limits"),
    path(S + "papier/", views.paper, name="paper"),
    path(S + "deelnemers/<int:pk>/", views.participant_account, name="participant"),
    path(S + "boekingen/<int:pk>/", views.transfer_detail, name="transfer"),
    path(ORG, views.organisation_home, name="organisation_home"),
    path(ORG + "uitgeven/", views.issue, name="issue"),
    path(ORG + "inwisselen/", views.redeem, name="redeem"),
]
