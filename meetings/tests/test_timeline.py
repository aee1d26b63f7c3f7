"""Timeline steps follow the meeting date; completed steps keep their record."""

import datetime

import pytest
from django.utils import timezone

from meetings import deadlines, services
from meetings.models import TimelineStep
from meetings.tests import factories

D = datetime.date
pytestmark = pytest.mark.django_db


def steps_by_key(meeting):
    return {s.key: s for s in meeting.steps.all()}


def test_new_meeting_gets_every_step_with_due_dates(year):
    factories.make_holidays(D(2026, 11, 26))
    meeting = factories.make_meeting(year, date=D(2026, 11, 30))
    steps = steps_by_key(meeting)
    assert set(steps) == set(deadlines.STEP_KEYS)
    assert steps["background_note"].due == D(2026, 11, 25)
    assert steps["request_letter"].due == D(2026, 11, 16)
    assert steps["request_letter"].window_start == D(2026, 11, 2)
    assert steps["background_note"].responsible == "secretariat"
    assert steps["request_letter"].responsible == "co_chairs"


def test_meeting_without_date_has_no_steps(year):
    meeting = factories.make_meeting(year, date=None)
    assert meeting.steps.count() == 0
    factories.move_meeting(meeting, D(2026, 12, 10))
    assert meeting.steps.count() == len(deadlines.STEP_KEYS)


def test_reschedule_moves_open_steps_and_keeps_done_ones(year, secretariat_user):
    meeting = factories.make_meeting(year, date=D(2026, 12, 10))
    letter = meeting.steps.get(key="request_letter")
    done_at = timezone.now()
    services.complete_step(letter, by=secretariat_user, now=done_at)

    factories.move_meeting(meeting, D(2027, 1, 14))

    steps = steps_by_key(meeting)
    assert steps["request_letter"].due == D(2026, 11, 26)  # done: unchanged
    assert steps["request_letter"].state == "done"
    assert steps["request_letter"].done_by == secretariat_user
    assert steps["background_note"].due == D(2027, 1, 12)  # open: moved
    assert meeting.steps.count() == len(deadlines.STEP_KEYS)
    history = steps["background_note"].history.order_by("history_date")
    assert [h.due for h in history] == [D(2026, 12, 8), D(2027, 1, 12)]
    assert "Meeting date changed" in history.last().history_change_reason


def test_complete_step_records_who_and_when_and_refuses_twice(meeting, secretariat_user):
    step = meeting.steps.get(key="consult_entities")
    now = timezone.now()
    step = services.complete_step(step, by=secretariat_user, now=now, note="Consulted DPPA, OSRSG-SVC")
    assert (step.state, step.done_by, step.done_at) == ("done", secretariat_user, now)
    assert step.history.first().history_change_reason == "Marked done"
    with pytest.raises(services.InvalidTransition, match="already"):
        services.complete_step(step, by=secretariat_user, now=now)


def test_reopen_puts_step_back_on_the_current_schedule(meeting, secretariat_user):
    step = meeting.steps.get(key="consult_entities")
    services.complete_step(step, by=secretariat_user, now=timezone.now())
    factories.move_meeting(meeting, D(2027, 2, 4))
    step = services.reopen_step(step, by=secretariat_user)
    step.refresh_from_db()
    assert step.state == "open" and step.done_at is None
    assert step.due == deadlines.RULES_BY_KEY["consult_entities"].due(D(2027, 2, 4), frozenset())


def test_skip_marks_not_needed(meeting, secretariat_user):
    step = services.skip_step(meeting.steps.get(key="vtc_interpretation"), by=secretariat_user, note="In person")
    assert step.state == TimelineStep.State.NOT_NEEDED
    with pytest.raises(services.InvalidTransition):
        services.skip_step(step, by=secretariat_user)


def test_step_flags(meeting):
    step = meeting.steps.get(key="background_note")  # due Tue 8 Dec 2026
    assert step.flag(D(2026, 12, 9)) == "late"
    assert step.flag(D(2026, 12, 6)) == "risk"
    assert step.flag(D(2026, 11, 20)) == "open"
