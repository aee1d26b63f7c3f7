from django.urls import path

from . import holiday_views, views

app_name = "meetings"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("year/", views.year_current, name="year_current"),
    path("year/new/", views.year_create, name="year_create"),
    path("year/<int:year>/", views.year_detail, name="year"),
    path("year/<int:year>/edit/", views.year_edit, name="year_edit"),
    path("year/<int:year>/agenda/add/", views.entry_form, name="entry_create"),
    path("year/<int:year>/agenda/<int:pk>/edit/", views.entry_form, name="entry_edit"),
    path("year/<int:year>/agenda/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("meetings/", views.meeting_list, name="list"),
    path("meetings/export.csv", views.meeting_export, {"fmt": "csv"}, name="export"),
    path("meetings/export.xlsx", views.meeting_export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("meetings/new/", views.meeting_create, name="create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("meetings/<int:pk>/status/", views.meeting_status, name="status"),
    path("meetings/<int:pk>/delete/", views.meeting_delete, name="delete"),
    path("meetings/<int:pk>/history/", views.meeting_history, name="history"),
    path("meetings/<int:pk>/steps/<int:step_pk>/edit/", views.step_edit, name="step_edit"),
    path(
        "meetings/<int:pk>/steps/<int:step_pk>/<str:action>/",
        views.step_action,
        name="step_action",
    ),
    path("planner/", views.planner, name="planner"),
    path("holidays/", holiday_views.holiday_list, name="holidays"),
    path("holidays/new/", holiday_views.holiday_form, name="holiday_create"),
    path("holidays/<int:pk>/edit/", holiday_views.holiday_form, name="holiday_edit"),
    path("holidays/<int:pk>/history/", holiday_views.holiday_history, name="holiday_history"),
    path("holidays/year/<int:year>/", holiday_views.holiday_year_form, name="holiday_year_edit"),
    path("holidays/year/<int:year>/history/", holiday_views.holiday_year_history, name="holiday_year_history"),
]
