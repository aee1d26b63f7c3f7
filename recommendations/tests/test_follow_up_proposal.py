"""Marking a country meeting held proposes its follow-up about six months later, on a business day, linked."""

from __future__ import annotations

import datetime

import pytest

from meetings import services as meeting_services
from meetings.models import Meeting
from meetings.tests import factories as mf

D = datetime.date


def _held(meeting: Meeting) -> Meeting:
    meeting_services.change_status(meeting, Meeting.Status.CONFIRMED)
    return meeting_services.change_status(meeting, Meeting.Status.HELD, today=meeting.date)


@pytest.mark.parametrize(
    ("meeting_day", "expected"),
    [
        (D(2026, 3, 11), D(2026, 9, 11)),  # six months on is a Friday: that day
        (D(2026, 3, 12), D(2026, 9, 14)),  # a Saturday: the Monday after
        (D(2026, 5, 26), D(2026, 11, 27)),  # Thanksgiving (a UN Headquarters holiday): the Friday
        (D(2026, 8, 31), D(2027, 3, 1)),  # no 31 February: 28 Feb 2027, a Sunday, then Monday 1 March
        (D(2026, 12, 23), D(2027, 6, 23)),  # across the year end
    ],
)
def test_follow_up_date_rules(year, meeting_day, expected):
    mf.make_holidays(D(2026, 11, 26))
    meeting = mf.make_meeting(year, "South Sudan", date=meeting_day)
    _held(meeting)
    follow_up = meeting.follow_ups.get()
    assert follow_up.date == expected
    assert follow_up.date.weekday() < 5


def test_follow_up_is_linked_and_prefilled(year):
    meeting = mf.make_meeting(
        year, "Haiti", date=D(2026, 3, 11), needs_interpretation=True, interpretation_languages="French"
    )
    _held(meeting)
    follow_up = meeting.follow_ups.get()
    assert follow_up.kind == Meeting.Kind.FOLLOW_UP
    assert follow_up.follows_up == meeting
    assert follow_up.situation == meeting.situation
    assert follow_up.status == Meeting.Status.DATE_PROPOSED
    assert (follow_up.needs_interpretation, follow_up.interpretation_languages) == (True, "French")
    assert follow_up.steps.exists()  # its own timeline is laid out


def test_proposal_is_made_once(year):
    meeting = mf.make_meeting(year, "Haiti", date=D(2026, 3, 11))
    _held(meeting)
    again = meeting_services.propose_follow_up(meeting)
    assert again.created is False
    assert Meeting.objects.filter(follows_up=meeting).count() == 1


def test_follow_up_goes_to_the_year_of_its_date_when_that_year_exists(year):
    later = mf.make_year(2027, co_chairs=["Denmark", "Greece"])
    meeting = mf.make_meeting(year, "Haiti", date=D(2026, 12, 23))
    _held(meeting)
    assert meeting.follow_ups.get().agenda_year == later


def test_follow_up_stays_in_the_meeting_year_when_the_next_year_is_not_set_up(year):
    meeting = mf.make_meeting(year, "Haiti", date=D(2026, 12, 23))
    _held(meeting)
    assert meeting.follow_ups.get().agenda_year == year


def test_a_follow_up_meeting_held_proposes_the_next_one(year):
    meeting = mf.make_meeting(year, "Haiti", date=D(2026, 3, 11))
    _held(meeting)
    first = meeting.follow_ups.get()
    _held(first)
    second = first.follow_ups.get()
    assert second.follows_up == first
    assert second.date == D(2027, 3, 11)


def test_thematic_meeting_has_no_follow_up(year):
    meeting = mf.make_meeting(year, None, kind=Meeting.Kind.THEMATIC, date=D(2026, 11, 16))
    _held(meeting)
    assert not Meeting.objects.filter(follows_up=meeting).exists()
