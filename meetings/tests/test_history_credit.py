"""Timeline and agenda changes made by a service outside a request are credited to its ``by``."""

from __future__ import annotations

import datetime

from meetings import services
from meetings.models import Meeting


def test_step_changes_and_a_new_meeting_credit_by(year, meeting, secretariat_user):
    step = meeting.steps.get(key="consult_entities")
    services.skip_step(step, by=secretariat_user)
    services.reopen_step(step, by=secretariat_user)
    assert [h.history_user for h in step.history.order_by("-history_id")[:2]] == [secretariat_user] * 2
    new = Meeting(agenda_year=year, kind="thematic", theme="Annual WPA meeting", date=datetime.date(2026, 12, 3))
    services.save_new_meeting(new, by=secretariat_user)
    assert new.history.get().history_user == secretariat_user
    assert {s.history.get().history_user for s in new.steps.all()} == {secretariat_user}
