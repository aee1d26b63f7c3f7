from django.urls import path

from . import views

app_name = "recommendations"

urlpatterns = [
    path("", views.tracker, name="tracker"),
    path("export.csv", views.export, {"fmt": "csv"}, name="export"),
    path("export.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("renewals/", views.renewals, name="renewals"),
    path("scorecard/", views.scorecard, name="scorecard"),
    path("scorecard/export.csv", views.scorecard_export, {"fmt": "csv"}, name="scorecard_export"),
    path("scorecard/export.xlsx", views.scorecard_export, {"fmt": "xlsx"}, name="scorecard_export_xlsx"),
    path("<int:pk>/", views.recommendation_detail, name="detail"),
    path("<int:pk>/edit/", views.recommendation_edit, name="edit"),
    path("<int:pk>/status/", views.recommendation_status, name="status"),
    path("<int:pk>/history/", views.recommendation_history, name="history"),
    path("meeting/<int:meeting_pk>/", views.meeting_outcomes, name="meeting"),
    path("meeting/<int:meeting_pk>/review/", views.follow_up_review, name="review"),
    path("meeting/<int:meeting_pk>/recommendations/add/", views.recommendation_add, name="add"),
    path("meeting/<int:meeting_pk>/groups/", views.groups, name="groups"),
    path("meeting/<int:meeting_pk>/groups/add/", views.item_form, {"kind": "group"}, name="group_add"),
    path("meeting/<int:meeting_pk>/groups/<int:pk>/edit/", views.item_form, {"kind": "group"}, name="group_edit"),
    path("meeting/<int:meeting_pk>/groups/<int:pk>/up/", views.group_move, {"direction": "up"}, name="group_up"),
    path("meeting/<int:meeting_pk>/groups/<int:pk>/down/", views.group_move, {"direction": "down"}, name="group_down"),
    path("meeting/<int:meeting_pk>/groups/<int:pk>/delete/", views.group_delete, name="group_delete"),
    path("meeting/<int:meeting_pk>/briefers/add/", views.item_form, {"kind": "briefer"}, name="briefer_add"),
    path("meeting/<int:meeting_pk>/briefers/<int:pk>/edit/", views.item_form, {"kind": "briefer"}, name="briefer_edit"),
    path(
        "meeting/<int:meeting_pk>/briefers/<int:pk>/delete/",
        views.item_delete,
        {"kind": "briefer"},
        name="briefer_delete",
    ),
    path("meeting/<int:meeting_pk>/questions/add/", views.item_form, {"kind": "question"}, name="question_add"),
    path(
        "meeting/<int:meeting_pk>/questions/<int:pk>/edit/",
        views.item_form,
        {"kind": "question"},
        name="question_edit",
    ),
    path(
        "meeting/<int:meeting_pk>/questions/<int:pk>/delete/",
        views.item_delete,
        {"kind": "question"},
        name="question_delete",
    ),
    path("meeting/<int:meeting_pk>/goals/add/", views.item_form, {"kind": "goal"}, name="goal_add"),
    path("meeting/<int:meeting_pk>/goals/<int:pk>/edit/", views.item_form, {"kind": "goal"}, name="goal_edit"),
    path(
        "meeting/<int:meeting_pk>/goals/<int:pk>/delete/",
        views.item_delete,
        {"kind": "goal"},
        name="goal_delete",
    ),
]
