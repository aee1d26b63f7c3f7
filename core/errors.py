"""The page a request gets when the server fails: 503 while the database does not answer, 500 otherwise.

Both templates stand alone (no base layout, no context processors): the layout asks the database who is signed
in, and the database may be what failed. A database outage (PostgreSQL restarting, the network to it cut) is the
one failure the reader can do something about, by waiting: its page says so, with ``Retry-After``, and the next
request after the database is back opens a fresh connection (``CONN_HEALTH_CHECKS``), with no restart.
"""

from __future__ import annotations

import sys

from django import db
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30


def database_unavailable(exc: BaseException | None) -> bool:
    return isinstance(exc, (db.OperationalError, db.InterfaceError))


@requires_csrf_token
def server_error(request, template_name="500.html"):
    if database_unavailable(sys.exc_info()[1]):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse(loader.get_template(template_name).render(), status=500)
    response["Cache-Control"] = "no-store"
    return response
