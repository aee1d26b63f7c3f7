"""Related rows read by id, in one query for several foreign keys, instead of a join for each."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import models


def attach(objects: Sequence[models.Model], fields: Sequence[str], queryset: models.QuerySet) -> None:
    """Sets the foreign keys ``fields`` of ``objects`` (all of one model, all pointing at ``queryset``'s model)
    from one query over ``queryset`` by the ids they hold, as ``select_related`` would have.

    A page that shows four people of each row (who did it, who is assigned, who recorded it) would otherwise join
    the users table four times: PostgreSQL plans each join on every request, and Django compiles and reads a column
    per field of every copy. One query for the few people the rows name is cheaper and reads the same."""
    if not objects:
        return
    meta = type(objects[0])._meta
    keys = [meta.get_field(name) for name in fields]
    ids = {getattr(obj, key.attname) for obj in objects for key in keys} - {None}
    found = queryset.order_by().in_bulk(ids) if ids else {}  # by id: the model's default ordering sorts for nothing
    for obj in objects:
        for key in keys:
            value = getattr(obj, key.attname)
            if value is None or value in found:
                key.set_cached_value(obj, found.get(value))
