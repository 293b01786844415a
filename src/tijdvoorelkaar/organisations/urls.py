from django.urls import path

from . import views

app_name = "organisations"

A = "<slug:area_slug>/"
M = A + "makelaar/"

urlpatterns = [
    path(A + "organisaties/", views.organisation_list, name="list"),
    path(A + "organisaties/<slug:slug>/", views.organisation_detail, name="detail"),
    path(A + "sociale-kaart/", views.social_map, name="social_map"),
    path(A + "doorverwijzen/", views.refer, name="refer"),
    path(A + "doorverwijzen/verstuurd/", views.refer_done, name="refer_done"),
    path(A + "organisatie/", views.my_organisation, name="mine"),
    path(A + "organisatie/<slug:slug>/", views.manage, name="manage"),
    path(A + "organisatie/<slug:slug>/vacature/", views.vacancy_new, name="vacancy_new"),
    path(
        A + "organisatie/<slug:slug>/plaatsing/<int:conversation_pk>/",
        views.placement_new,
        name="placement_new",
    ),
    path(A + "organisatie/<slug:slug>/contactpersoon/", views.contact_new, name="contact_new"),
    path(M + "organisaties/", views.staff_list, name="staff_list"),
    path(M + "doorverwijzingen/", views.referrals, name="referrals"),
    path(
        M + "doorverwijzingen/<int:pk>/<slug:action>/",
        views.referral_decide,
        name="referral_decide",
    ),
    path(M + "sociale-kaart/", views.social_map_manage, name="social_map_manage"),
    path(M + "sociale-kaart/<int:pk>/", views.social_map_manage, name="social_map_edit"),
    path(M + "deelnemers/<int:pk>/sociale-kaart/", views.refer_out, name="refer_out"),
]
