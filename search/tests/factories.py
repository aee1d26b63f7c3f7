"""Rows to search: small helpers over the apps' own factories."""

from __future__ import annotations

import datetime

from documents.tests import factories as docs
from meetings.tests import factories
from recommendations.tests import factories as rec


def published_meeting(agenda_year, country: str, symbol: str, *, main_points: str, day=datetime.date(2026, 3, 10)):
    """A meeting whose summary is published, its main points as given."""
    meeting = factories.make_meeting(agenda_year, country, date=day)
    type(meeting).objects.filter(pk=meeting.pk).update(status="published", symbol=symbol)
    meeting.refresh_from_db()
    docs.make_summary(meeting, status="published", issue_date=day, main_points=main_points)
    return meeting


def meetings_with_text(agenda_year, n: int, word: str) -> None:
    """``n`` meetings of one year, each with a note, a summary, a recommendation, a question and a goal that
    hold ``word`` (the query-count tests' rows)."""
    for i in range(n):
        meeting = factories.make_meeting(agenda_year, "South Sudan", date=datetime.date(2026, 1, 1))
        docs.make_note(
            meeting,
            status="shared",
            shared_at=datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC),
            participation=f"<p>{word} note {i}</p>",
        )
        docs.make_summary(meeting, status="approved", main_points=f"<p>{word} summary {i}</p>")
        rec.make_recommendation(meeting, f"{word} recommendation {i}", status="presented")
        rec.make_question(meeting, text=f"{word} question {i}")
        rec.make_goal(meeting, text=f"{word} goal {i}")
