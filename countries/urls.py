from django.urls import path

from . import views

app_name = "countries"

urlpatterns = [
    path("", views.situation_list, name="situations"),
    path("<int:pk>/", views.situation_detail, name="situation"),
    path("member-states/", views.member_state_list, name="member_states"),
]
