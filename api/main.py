"""The JSON API, ``/api/v1/``: its OpenAPI schema at ``/api/v1/openapi.json``, its reference at ``/api/v1/docs``.

Anonymous callers read what the public site shows; a personal token (``api.auth``) makes a call its owner's, with
the pages' permission layer (``accounts.permissions`` and the querysets' ``visible_to``). Errors answer
``{"detail": …}`` with 400, 401, 403 or 404; a bad parameter also lists ``errors`` by field.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from core.concurrency import StaleEdit
from core.exceptions import InvalidTransition

from . import ieg, network
from .auth import TokenOrPublic

api = NinjaAPI(
    title="IEG Workbench API",
    version="1",
    description=(
        "The published record of the Security Council's Informal Expert Group on Women and Peace and Security and "
        "of the WPS Focal Points Network, and, with a personal token, what its owner may see and do in the "
        "workbench. Send `Authorization: Bearer <token>`; without it, a call reads as the public."
    ),
    auth=TokenOrPublic(),
    urls_namespace="api_v1",
    docs_url=None,  # the reference page is the app's own (api.views.reference), in the site's layout
    openapi_url="/openapi.json",
)


def _field(loc) -> str:
    parts = [str(part) for part in loc if part not in ("query", "body", "path", "payload")]
    return ".".join(parts) or "request"


@api.exception_handler(ValidationError)
def bad_request(request, exc: ValidationError):
    errors = [{"field": _field(error.get("loc", ())), "message": error.get("msg", "")} for error in exc.errors]
    return api.create_response(request, {"detail": _("The request is not valid."), "errors": errors}, status=400)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc: AuthenticationError):
    message = exc.message if exc.message != "Unauthorized" else _("Send a personal API token as a Bearer token.")
    response = api.create_response(request, {"detail": message}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return api.create_response(request, {"detail": exc.message}, status=exc.status_code)


@api.exception_handler(StaleEdit)
def stale(request, exc: StaleEdit):
    """A write carried the version last read, and someone saved since (core.concurrency)."""
    thing = exc.obj._meta.verbose_name
    message = _("Someone changed this %(thing)s since you read it: read it again.") % {"thing": thing}
    return api.create_response(request, {"detail": message}, status=409)


@api.exception_handler(InvalidTransition)
def refused(request, exc: InvalidTransition):
    """A write the workflow refuses, with the service's reason (the page shows the same one)."""
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


api.add_router("/", ieg.router)
api.add_router("/network/", network.router)
