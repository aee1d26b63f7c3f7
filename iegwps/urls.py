from django.contrib import admin
from django.urls import include, path

from api.main import api

from .health import health

urlpatterns = [
    path("", include("public.urls")),
    path("accounts/", include("accounts.urls")),
    path("work/search/", include("search.urls")),
    path("work/", include("meetings.urls")),
    path("countries/", include("countries.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("documents/", include("documents.urls")),
    path("notifications/", include("notifications.urls")),
    path("approvals/", include("approvals.urls")),
    path("network/", include("network.urls")),
    path("api/v1/", api.urls),
    path("api/", include("api.urls")),
    path("api/", include("meetings.api_urls")),
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
]

# 503 with Retry-After while the database does not answer, 500 otherwise; neither needs the database.
handler500 = "core.errors.server_error"
