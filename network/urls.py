from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.home, name="home"),
    path("members/", views.member_list, name="members"),
    path("members/new/", views.member_form, name="member_create"),
    path("members/<int:pk>/", views.member_detail, name="member"),
    path("members/<int:pk>/edit/", views.member_form, name="member_edit"),
    path("members/<int:pk>/history/", views.member_history, name="member_history"),
    path("members/<int:member_pk>/focal-points/new/", views.focal_point_new, name="focal_point_new"),
    path("focal-points/<int:pk>/edit/", views.focal_point_edit, name="focal_point_edit"),
    path("focal-points/<int:pk>/history/", views.focal_point_history, name="focal_point_history"),
    path("requests/", views.request_list, name="requests"),
    path("requests/new/", views.request_form, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/edit/", views.request_form, name="request_edit"),
    path("requests/<int:pk>/accept/", views.request_accept, name="request_accept"),
    path("requests/<int:pk>/decline/", views.request_decline, name="request_decline"),
    path("requests/<int:pk>/history/", views.request_history, name="request_history"),
    path("chairs/", views.chair_list, name="chairs"),
    path("chairs/new/", views.chair_form, name="chair_create"),
    path("chairs/<int:pk>/edit/", views.chair_form, name="chair_edit"),
    path("chairs/<int:pk>/history/", views.chair_history, name="chair_history"),
    path("troika/", views.troika_meeting_list, name="troika_meetings"),
    path("troika/new/", views.troika_meeting_form, name="troika_meeting_create"),
    path("troika/<int:pk>/", views.troika_meeting_detail, name="troika_meeting"),
    path("troika/<int:pk>/edit/", views.troika_meeting_form, name="troika_meeting_edit"),
    path("troika/<int:pk>/history/", views.troika_meeting_history, name="troika_meeting_history"),
    path("troika/<int:meeting_pk>/actions/new/", views.troika_action_form, name="troika_action_create"),
    path("troika/<int:meeting_pk>/actions/<int:pk>/edit/", views.troika_action_form, name="troika_action_edit"),
    path("action-plans/", views.action_plans, name="action_plans"),
    path("members/<int:member_pk>/action-plans/new/", views.action_plan_form, name="action_plan_create"),
    path("action-plans/<int:pk>/edit/", views.action_plan_form, name="action_plan_edit"),
    path("action-plans/<int:pk>/history/", views.action_plan_history, name="action_plan_history"),
    path("partners/", views.partner_list, name="partners"),
    path("partners/new/", views.partner_form, name="partner_create"),
    path("partners/<int:pk>/edit/", views.partner_form, name="partner_edit"),
    path("partners/<int:pk>/history/", views.partner_history, name="partner_history"),
]
