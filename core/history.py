"""Change history (django-simple-history): who is credited with a change, and the readable History pages."""

from __future__ import annotations

import functools
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from types import SimpleNamespace

from django.db.models import prefetch_related_objects
from simple_history.models import HistoricalRecords

from .credit import credit


@contextmanager
def history_user(user):
    """Credit ``user`` with every history row written inside, whether in a request, a task or the shell
    (HistoryRequestMiddleware knows only a request's user). ``user`` None leaves the credit as it was."""
    if user is None:
        yield
        return
    context = HistoricalRecords.context  # what the middleware fills: simple-history reads ``request.user``
    outer = getattr(context, "request", None)
    context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        if outer is None:
            del context.request
        else:
            context.request = outer


def credits_by(service):
    """For a service taking ``by=``: the history rows it writes (helpers, renumbering and deletions included)
    are credited to ``by``."""

    @functools.wraps(service)
    def credited(*args, **kwargs):
        with history_user(kwargs.get("by")):
            return service(*args, **kwargs)

    return credited


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class HistoryEntry:
    when: object
    who: object
    kind: str  # created / changed / deleted
    object_label: str
    reason: str
    changes: list[Change] = field(default_factory=list)


_KINDS = {"+": "created", "~": "changed", "-": "deleted"}


def _label(model, field_name: str) -> str:
    try:
        return str(model._meta.get_field(field_name).verbose_name)
    except Exception:  # a field removed since the record was written
        return field_name


def _field(model, field_name: str):
    try:
        return model._meta.get_field(field_name)
    except Exception:  # a field removed since the record was written
        return None


def _related_ids(rel, value) -> list:
    """The primary keys a stored value points at: one for a foreign key, several for a many-to-many."""
    if value in (None, ""):
        return []
    if rel.many_to_many:
        target = rel.m2m_reverse_field_name()
        return [row.get(target) for row in value if isinstance(row, dict)]
    return [value]


def _readable(raw: list[tuple[object, Change]]) -> None:
    """Show related objects by name, not by id: one query per related model, whatever the number of changes."""
    wanted: dict[type, set] = {}
    for model_field, change in raw:
        if model_field is not None and model_field.is_relation and model_field.related_model is not None:
            for value in (change.old, change.new):
                wanted.setdefault(model_field.related_model, set()).update(_related_ids(model_field, value))
    found = {model: model._base_manager.in_bulk(ids - {None}) for model, ids in wanted.items()}
    for model_field, change in raw:
        if model_field is None or not model_field.is_relation or model_field.related_model is None:
            continue
        objects = found[model_field.related_model]

        def label(value, rel=model_field, objects=objects):
            ids = _related_ids(rel, value)
            names = [str(objects[pk]) if pk in objects else f"#{pk}" for pk in ids if pk is not None]
            return ", ".join(sorted(names)) if rel.many_to_many else (names[0] if names else None)

        change.old, change.new = label(change.old), label(change.new)


def _object_labels(records) -> dict:
    """ "Meeting: South Sudan — 10 Dec 2026", one per object, named by its newest record.

    A model whose name reads related objects lists them in ``history_label_related`` (``AgendaEntry``: its country
    and year); they are fetched for all the objects at once, one query per relation, not per object.
    """
    newest = {}
    for record in records:  # oldest first: the last record of each object wins
        newest[type(record), record.id] = record
    instances = {key: record.instance for key, record in newest.items()}
    by_model = defaultdict(list)
    for instance in instances.values():
        by_model[type(instance)].append(instance)
    for model, objects in by_model.items():
        prefetch_related_objects(objects, *getattr(model, "history_label_related", ()))
    return {
        key: str(newest[key].instance_type._meta.verbose_name).capitalize() + f": {instance}"
        for key, instance in instances.items()
    }


def _m2m_fields(history_model) -> list:
    return list(getattr(history_model, "_history_m2m_fields", ()))


def _m2m_rows(records) -> dict:
    """The many-to-many rows each record stored, read per history model and field (not per record): the same rows
    django-simple-history's ``diff_against`` reads with two queries per record. Keyed (model, history id, field)."""
    by_model = defaultdict(list)
    for record in records:
        if _m2m_fields(type(record)):
            by_model[type(record)].append(record)
    rows: dict = defaultdict(list)
    for history_model, model_records in by_model.items():
        for m2m_field in _m2m_fields(history_model):
            through = getattr(model_records[0], m2m_field.name).model
            names = [
                f.name for f in through._meta.fields if f.editable and f.name not in ("id", "m2m_history_id", "history")
            ]
            ids = [record.history_id for record in model_records]
            for row in (
                through.objects.filter(history_id__in=ids)
                .order_by(m2m_field.m2m_reverse_field_name())
                .values("history_id", *names)
            ):
                history_id = row.pop("history_id")
                rows[history_model, history_id, m2m_field.name].append(row)
    return rows


def _changes(record, previous, m2m_rows: dict) -> list[tuple[str, object, object]]:
    """(field name, old, new) for each field that differs, as ``diff_against`` says, in field-name order."""
    m2m_names = [f.name for f in _m2m_fields(type(record))]
    changes = [(c.field, c.old, c.new) for c in record.diff_against(previous, excluded_fields=m2m_names).changes]
    for name in m2m_names:
        old = m2m_rows.get((type(record), previous.history_id, name), [])
        new = m2m_rows.get((type(record), record.history_id, name), [])
        if old != new:
            changes.append((name, old, new))
    return sorted(changes, key=lambda change: change[0])


def _on_behalf_credits(shown, previous_of) -> dict:
    """Who to credit for the records where the secretariat recorded a co-chair's act (``accounts.onbehalf``):
    the state, with when its message arrived and who recorded it. Only the record that set those fields, not
    later edits of the row. One query per related model, whatever the number of records."""
    wanted = []
    for record in shown:
        if getattr(record, "on_behalf_of_id", None) is None:
            continue
        previous = previous_of[record.history_id, type(record)]
        if previous is None or (previous.on_behalf_of_id, previous.received_on) != (
            record.on_behalf_of_id,
            record.received_on,
        ):
            wanted.append(record)
    if not wanted:
        return {}
    model = wanted[0].instance_type
    states = model._meta.get_field("on_behalf_of").related_model._base_manager.in_bulk(
        {r.on_behalf_of_id for r in wanted}
    )
    users = model._meta.get_field("recorded_by").related_model._base_manager.in_bulk(
        {r.recorded_by_id for r in wanted} - {None}
    )
    return {
        (type(r), r.history_id): credit(
            actor=None,
            on_behalf_of=states.get(r.on_behalf_of_id),
            received_on=r.received_on,
            recorded_by=users.get(r.recorded_by_id),
        )
        for r in wanted
    }


def history_entries(*history_querysets, limit: int = 500) -> list[HistoryEntry]:
    """Merge several models' history, newest first, with per-field old and new values."""
    records = sorted(
        chain.from_iterable(qs.select_related("history_user") for qs in history_querysets),
        key=lambda r: (r.history_date, r.history_id),
    )
    # Pair each record with the previous one of the same object in memory (no query per record).
    previous_of = {}
    last_seen = {}
    for record in records:
        key = (type(record), record.id)
        previous_of[record.history_id, type(record)] = last_seen.get(key)
        last_seen[key] = record
    shown = records[-limit:]
    # The records shown and the ones they are compared with.
    compared = {id(r): r for r in shown} | {id(p): p for r in shown if (p := previous_of[r.history_id, type(r)])}
    m2m_rows = _m2m_rows(compared.values())
    labels = _object_labels(shown)
    credits = _on_behalf_credits(shown, previous_of)
    entries = []
    raw: list[tuple[object, Change]] = []
    for record in reversed(shown):
        changes: list[Change] = []
        previous = previous_of[record.history_id, type(record)]
        if record.history_type == "~" and previous is not None:
            model = record.instance_type
            for name, old, new in _changes(record, previous, m2m_rows):
                change = Change(_label(model, name), old, new)
                raw.append((_field(model, name), change))
                changes.append(change)
            if not changes and not record.history_change_reason:
                continue  # a save that changed nothing worth showing
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=credits.get((type(record), record.history_id)) or record.history_user,
                kind=_KINDS.get(record.history_type, record.history_type),
                object_label=labels[type(record), record.id],
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    _readable(raw)
    return entries
