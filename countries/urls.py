from django.urls import path

from . import views

app_name = "countries"

urlpatterns = [
    path("", views.situation_list, name="situations"),
    path("<int:pk>/", views.situation_detail, name="situation"),
    path("member-states/", views.member_state_list, name="member_states"),
    path("member-states/<int:pk>/names/", views.member_state_names, name="member_state_names"),
    path("member-states/<int:pk>/history/", views.member_state_history, name="member_state_history"),
    path("representatives/", views.representative_list, name="representatives"),
    path("representatives/new/", views.representative_form, name="representative_create"),
    path("representatives/<int:pk>/edit/", views.representative_form, name="representative_edit"),
    path("representatives/<int:pk>/history/", views.representative_history, name="representative_history"),
    path("missions/", views.mission_list, name="missions"),
    path("missions/new/", views.mission_form, name="mission_create"),
    path("missions/<int:pk>/edit/", views.mission_form, name="mission_edit"),
    path("missions/<int:pk>/history/", views.mission_history, name="mission_history"),
]
