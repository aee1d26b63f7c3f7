"""Published meetings for the public-site tests."""

from __future__ import annotations

import datetime

from meetings.models import Meeting
from meetings.tests import factories


def make_published(agenda_year, situation="South Sudan", *, symbol: str, date=None, **fields) -> Meeting:
    meeting = factories.make_meeting(
        agenda_year, situation, date=date or datetime.date(agenda_year.year, 3, 10), **fields
    )
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.PUBLISHED, symbol=symbol)
    meeting.refresh_from_db()
    return meeting
