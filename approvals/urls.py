from django.urls import path

from . import views

app_name = "approvals"

urlpatterns = [
    path("agenda/<int:year>/approve/", views.agenda_approve, name="agenda_approve"),
    path("agenda/<int:year>/withdraw/", views.agenda_withdraw, name="agenda_withdraw"),
    path("agenda/<int:year>/history/", views.agenda_history, name="agenda_history"),
    path("comments/<int:year>/", views.comment_add, name="comment_year"),
    path("comments/<int:year>/meetings/<int:meeting_pk>/", views.comment_add, name="comment_meeting"),
]
