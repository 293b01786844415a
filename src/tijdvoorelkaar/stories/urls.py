from django.urls import path

from . import views

app_name = "stories"

A = "<slug:area_slug>/"
M = A + "makelaar/"

urlpatterns = [
    path(A + "mijn/verhalen/", views.my_stories, name="my_stories"),
    path(A + "verhalen/<int:pk>/foto/", views.story_photo, name="story_photo"),
    path(M + "verhalen/", views.stories, name="stories"),
    path(M + "verhalen/<int:pk>/", views.story, name="story"),
]
