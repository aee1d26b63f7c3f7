from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("timeline", views.api_timeline, name="timeline"),
]
