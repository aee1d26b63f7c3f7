from __future__ import annotations

import datetime

import pytest


@pytest.fixture
def clock(time_machine):
    """Pin "now" to Friday 15 January 2027, 10:00 in New York: after the `meeting` fixture (10 Dec 2026)."""
    time_machine.move_to(datetime.datetime(2027, 1, 15, 15, 0, tzinfo=datetime.UTC), tick=False)
    return datetime.date(2027, 1, 15)
