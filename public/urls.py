from django.urls import path, re_path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("year/<int:year>/", views.year, name="year"),
    path("country/<slug:slug>/", views.country, name="country"),
    path("search/", views.search, name="search"),
    # Stable addresses: a summary by its Security Council symbol, e.g. /meetings/S/2016/673/.
    re_path(r"^meetings/(?P<symbol>S/\d{4}/\d{1,4})/$", views.meeting, name="meeting"),
    path("meetings/<int:pk>/", views.meeting_by_pk, name="meeting_pk"),
]
