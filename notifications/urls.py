from django.urls import path, register_converter

from core.converters import TokenConverter

from . import views

app_name = "notifications"
register_converter(TokenConverter, "token")

urlpatterns = [
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<int:pk>/retry/", views.outbox_retry, name="retry"),
    path("preferences/", views.preferences, name="preferences"),
    path("preferences/calendar/regenerate/", views.regenerate_feed, name="regenerate_feed"),
    path("ical/<token:token>.ics", views.ical_feed, name="ical_feed"),
    path("meetings/<int:pk>/invite/", views.send_invitation, name="send_invitation"),
]
