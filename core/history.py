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
    for record in reversed(records[-limit:]):
        changes: list[Change] = []
        previous = previous_of[record.history_id, type(record)]
        if record.history_type == "~" and previous is not None:
            delta = record.diff_against(previous)
            model = record.instance_type
            changes = [Change(_label(model, c.field), c.old, c.new) for c in delta.changes]
            if not changes and not record.history_change_reason:
                continue  # a save that changed nothing worth showing
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                kind=_KINDS.get(record.history_type, record.history_type),
                object_label=str(record.instance_type._meta.verbose_name).capitalize() + f": {record.instance}",
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries
