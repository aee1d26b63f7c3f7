"""The site's URLs plus two views that fail, for the server-error tests."""

from django.db import OperationalError
from django.urls import path

from iegwps.urls import handler500
from iegwps.urls import urlpatterns as site


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


def bug(request):
    raise ZeroDivisionError("a bug")


urlpatterns = [*site, path("fail/database/", database_gone), path("fail/bug/", bug)]
__all__ = ["handler500", "urlpatterns"]
