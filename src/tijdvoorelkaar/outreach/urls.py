from django.urls import path

from . import views

app_name = "outreach"

M = "<slug:area_slug>/makelaar/"

urlpatterns = [
    path(M + "outreach/", views.outreach, name="outreach"),
    path(M + "outreach/<int:pk>/", views.activity, name="activity"),
    path(M + "prikbord/", views.notice_board, name="notice_board"),
    path(M + "advertentie-zoeken/", views.notice_board, name="find_ad"),
    path(M + "prikbord/advertenties.pdf", views.ads_pdf, name="ads_pdf"),
    path(M + "prikbord/poster.pdf", views.poster, name="poster"),
]
