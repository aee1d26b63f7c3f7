"""iCalendar files: the .ics of meeting invitations and each user's private feed (the only module using icalendar)."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from meetings.choices import MeetingStatus

PRODID = "-//UN-Women//IEG Workbench//EN"
MEETING_LENGTH = datetime.timedelta(hours=2)


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "ieg-workbench"


def _calendar(method: str | None = None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    return cal


def meeting_event(meeting, *, now: datetime.datetime) -> Event:
    """The meeting as an event: timed (New York) when the start time is known, else all day."""
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{_host()}")
    event.add("dtstamp", now)
    event.add("sequence", meeting.version)
    event.add("summary", f"IEG on Women, Peace and Security: {meeting.subject}")
    if meeting.start_time:
        start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=ZoneInfo(settings.TIME_ZONE))
        event.add("dtstart", start)
        event.add("dtend", start + MEETING_LENGTH)
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + datetime.timedelta(days=1))
    if meeting.room:
        event.add("location", meeting.room)
    event.add("url", settings.SITE_URL + meeting.get_absolute_url())
    event.add("status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED")
    return event


def step_event(step, *, now: datetime.datetime) -> Event:
    """A step's deadline as an all-day event on its due date."""
    event = Event()
    event.add("uid", f"step-{step.pk}@{_host()}")
    event.add("dtstamp", now)
    event.add("summary", f"Due: {step.get_key_display()} ({step.meeting.subject})")
    event.add("dtstart", step.due)
    event.add("dtend", step.due + datetime.timedelta(days=1))
    event.add("url", f"{settings.SITE_URL}{step.meeting.get_absolute_url()}#step-{step.pk}")
    event.add("transp", "TRANSPARENT")
    return event


def _finish(cal: Calendar) -> bytes:
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
    return cal.to_ical()


def invitation(meeting, *, now: datetime.datetime) -> bytes:
    cal = _calendar("REQUEST")
    cal.add_component(meeting_event(meeting, now=now))
    return _finish(cal)


def feed(*, steps, meetings, now: datetime.datetime, name: str) -> bytes:
    """A user's feed: their open deadlines and the meetings they may see."""
    cal = _calendar()
    cal.add("x-wr-calname", name)
    for meeting in meetings:
        cal.add_component(meeting_event(meeting, now=now))
    for step in steps:
        cal.add_component(step_event(step, now=now))
    return _finish(cal)
