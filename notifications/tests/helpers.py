"""Helpers for notification tests: one open step, a frozen clock, a sweep that sends inline."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from meetings.models import TimelineStep
from notifications import due, sending

NY = ZoneInfo("America/New_York")


def at(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    """A moment on ``day`` in New York (after the 07:00 send hour by default)."""
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=NY)


def only_step(meeting, key: str, **fields) -> TimelineStep:
    """Leave one step of the meeting open (the others not needed), with optional field changes."""
    meeting.steps.exclude(key=key).update(state=TimelineStep.State.NOT_NEEDED)
    step = meeting.steps.get(key=key)
    if fields:
        for name, value in fields.items():
            setattr(step, name, value)
        step.save()
    return step


def sweep_and_send(now: datetime.datetime) -> list:
    """Run the sweep at ``now`` with the clock frozen; queued sends run inline after commit. Returns new emails."""
    before = len(mail.outbox)
    with time_machine.travel(now, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        due.sweep(now=now)
    return mail.outbox[before:]


def sweep_only(now: datetime.datetime) -> list[int]:
    """Decide at ``now`` without sending; returns the ids that would be queued."""
    ready: list[int] = []
    with time_machine.travel(now, tick=False), TestCase.captureOnCommitCallbacks(execute=True):
        due.sweep(now=now, queue=ready.extend)
    return ready


def send(pk: int, now: datetime.datetime) -> str:
    with time_machine.travel(now, tick=False):
        return sending.send_notification(pk, now=now)


def count_queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)
