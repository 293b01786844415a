from django.urls import path

from . import views

app_name = "workspace"

P = "<slug:area_slug>/makelaar/deelnemers/<int:pk>/"

urlpatterns = [
    path("<slug:area_slug>/makelaar/", views.dashboard, name="dashboard"),
    path("<slug:area_slug>/makelaar/deelnemers/", views.registry, name="registry"),
    path("<slug:area_slug>/makelaar/deelnemers/nieuw/", views.register, name="register"),
    path(P, views.participant_detail, name="participant"),
    path(P + "kennismaking/", views.intake, name="intake"),
    path(P + "advertentie/<str:kind>/", views.place_ad, name="place_ad"),
    path(P + "achtergrond/", views.background, name="background"),
    path(P + "notities/", views.notes, name="notes"),
    path(P + "fase/", views.stage, name="stage"),
    path(P + "pauze/", views.pause, name="pause"),
    path(P + "volgend-contact/", views.next_contact, name="next_contact"),
    path(P + "contactmoment/", views.contact, name="contact"),
    path(P + "zorgsignaal/", views.concern, name="concern"),
    path(P + "doorverwijzing/", views.referral, name="referral"),
    path(P + "overdragen/", views.handover, name="handover"),
    path(P + "uitnodigen/", views.invite, name="invite"),
    path(
        "<slug:area_slug>/makelaar/overdracht/", views.caseload_handover, name="caseload_handover"
    ),
    path("<slug:area_slug>/makelaar/taken/", views.tasks, name="tasks"),
    path("<slug:area_slug>/makelaar/taken/<int:task_pk>/klaar/", views.task_done, name="task_done"),
    path(
        "<slug:area_slug>/makelaar/signalen/<int:signal_pk>/",
        views.signal_action,
        name="signal_action",
    ),
    path("<slug:area_slug>/makelaar/logboek/", views.audit_log, name="audit_log"),
]
