"""The tracker's CSV export."""

from __future__ import annotations

from collections.abc import Iterator

from django.db import models

EXPORT_HEADER = (
    "id",
    "year",
    "meeting date",
    "country or theme",
    "meeting kind",
    "summary symbol",
    "recommendation",
    "source",
    "addressed to",
    "Council action",
    "target mission",
    "owner",
    "next review",
    "status",
    "status since",
    "resolution",
    "source note",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_rows(queryset: models.QuerySet) -> Iterator[list[str]]:
    """The header, then one row per recommendation, read in chunks (``.iterator()``): memory stays flat."""
    yield list(EXPORT_HEADER)
    for rec in queryset.for_list().with_last_change().iterator(chunk_size=500):
        meeting = rec.meeting
        yield [
            _cell(value)
            for value in (
                rec.pk,
                meeting.agenda_year.year,
                meeting.date.isoformat() if meeting.date else "",
                meeting.subject,
                meeting.get_kind_display(),
                meeting.symbol,
                rec.text,
                rec.get_source_display(),
                rec.get_addressee_display(),
                rec.get_action_type_display(),
                rec.target_mission.acronym if rec.target_mission else "",
                str(rec.owner) if rec.owner else "",
                rec.next_review.isoformat() if rec.next_review else "",
                rec.get_status_display(),
                rec.last_changed_on.isoformat() if rec.last_changed_on else "",
                rec.last_resolution or "",
                meeting.source_note,
            )
        ]
