from django.urls import path

from . import views

app_name = "api_pages"

urlpatterns = [
    path("v1/docs", views.reference, name="docs"),
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
