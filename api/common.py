"""What every endpoint shares: paging, the refusals, the filters' bounds."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from pydantic import Field

from core.middleware import MAX_ID

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
ERRORS = {400: "BadRequest", 401: "Error", 403: "Error", 404: "Error"}

Id = Field(..., ge=1, le=MAX_ID)


def page(queryset: QuerySet, number: int, size: int, row) -> dict:
    """Page ``number`` (from 1) of ``queryset`` (already in a stable order), each row shaped by ``row``."""
    start = (number - 1) * size
    return {
        "count": queryset.count(),
        "page": number,
        "page_size": size,
        "results": [row(obj) for obj in queryset[start : start + size]],
    }


def require_signed_in(request) -> None:
    if not request.user.is_authenticated:
        raise AuthenticationError(401, _("This needs a personal API token: the public API does not include it."))


def forbid(message: str | None = None):
    raise HttpError(403, message or _("Your account may not do this."))
