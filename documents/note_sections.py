"""How a background note's sections print, on the app's page and in the PDF alike: ``documents.council.Section``
objects (``note_sections(note)``), and the masthead's data (``note_masthead(note)``).

The recommendations block prints the meeting's recommendations in their groups, with headings, lead-ins and the
letters of ``recommendations.lettering`` (the one place letters come from).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from . import compose, council
from .note_texts import ANNEX, BODY


def recommendation_blocks(meeting) -> tuple[council.ListBlock, ...]:
    """The meeting's recommendations in their groups, as a summary prints them (``compose.recommendation_blocks``:
    the letters of ``recommendations.lettering``). A note's recommendations are the secretariat's own: the
    meeting's source note, when it has one, is their footnote; no default disclaimer."""
    blocks, _text = compose.recommendation_blocks(meeting, source_note="" if meeting.source_note.strip() else None)
    return tuple(blocks)


def note_sections(note, *, part: str = BODY) -> tuple[council.Section, ...]:
    """The printed sections of ``note`` (a working copy, or a shared version's ``as_note()``) in one part, in
    order. The recommendations block prints the meeting's recommendations as they are now (2 queries)."""
    printed = []
    blocks = None
    for section in note.sections:
        if section.part != part or not section.printed:
            continue
        if section.is_recommendations:
            if blocks is None:
                blocks = recommendation_blocks(note.meeting)
            printed.append(council.Section(heading=section.heading, blocks=blocks))
        else:
            printed.append(council.Section(heading=section.heading, blocks=(section.body,)))
    return tuple(printed)


def note_annex_sections(note) -> tuple[council.Section, ...]:
    return note_sections(note, part=ANNEX)


@dataclass(frozen=True)
class NoteMasthead:
    """What the note's masthead prints: the Group's name of the meeting's year and the note's own date."""

    group_name: str
    date: datetime.date | None


def note_masthead(note) -> NoteMasthead:
    return NoteMasthead(group_name=note.meeting.agenda_year.group, date=note.note_date)
