"""What every endpoint shares: paging, the error answers, the refusals."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import HttpError
from pydantic import Field

from core.middleware import MAX_ID

from . import schemas

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
ERRORS = {400: schemas.BadRequest, 401: schemas.Error, 403: schemas.Error, 404: schemas.Error}

__all__ = ["MAX_ID", "Paging", "answers", "forbid", "page"]


def answers(ok, **more) -> dict:
    """The responses an operation documents: ``ok`` with 200, the errors every operation may answer, and more."""
    return {200: ok, **ERRORS, **{int(code.lstrip("_")): schema for code, schema in more.items()}}


class Paging(Schema):
    page: int = Field(1, ge=1, le=100_000, description="From 1.")
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


def page(queryset: QuerySet, number: int, size: int, row) -> dict:
    """Page ``number`` (from 1) of ``queryset`` (already in a stable order), each row shaped by ``row``."""
    start = (number - 1) * size
    return {
        "count": queryset.count(),
        "page": number,
        "page_size": size,
        "results": [row(obj) for obj in queryset[start : start + size]],
    }


def forbid(message: str | None = None):
    raise HttpError(403, message or _("Your account may not do this."))
