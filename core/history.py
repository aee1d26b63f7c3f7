"""Readable change history from django-simple-history records, for the staff History pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain


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


def _object_label(record, labels: dict) -> str:
    """ "Meeting: South Sudan — 10 Dec 2026", named once per object (by its newest record), not per record."""
    key = (type(record), record.id)
    if key not in labels:
        labels[key] = str(record.instance_type._meta.verbose_name).capitalize() + f": {record.instance}"
    return labels[key]


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
    entries = []
    labels: dict = {}
    raw: list[tuple[object, Change]] = []
    for record in reversed(records[-limit:]):
        changes: list[Change] = []
        previous = previous_of[record.history_id, type(record)]
        if record.history_type == "~" and previous is not None:
            delta = record.diff_against(previous)
            model = record.instance_type
            for c in delta.changes:
                change = Change(_label(model, c.field), c.old, c.new)
                raw.append((_field(model, c.field), change))
                changes.append(change)
            if not changes and not record.history_change_reason:
                continue  # a save that changed nothing worth showing
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                kind=_KINDS.get(record.history_type, record.history_type),
                object_label=_object_label(record, labels),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    _readable(raw)
    return entries
