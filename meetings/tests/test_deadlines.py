"""Business-day rules: pure functions, no database."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetings import deadlines

D = datetime.date
# UN Headquarters holidays around which the real calendar bites.
HOLIDAYS = frozenset(
    {
        D(2025, 12, 25),
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 5, 25),
        D(2026, 5, 27),
        D(2026, 7, 3),
        D(2026, 11, 26),
        D(2026, 12, 25),
        D(2027, 1, 1),
    }
)


@pytest.mark.parametrize(
    ("meeting", "expected", "why"),
    [
        (D(2026, 12, 10), D(2026, 12, 8), "Thursday meeting: Tuesday"),
        (D(2026, 12, 7), D(2026, 12, 3), "Monday meeting: the Thursday before"),
        (D(2026, 12, 8), D(2026, 12, 4), "Tuesday meeting: the Friday before"),
        (D(2026, 11, 30), D(2026, 11, 25), "Monday after Thanksgiving: Wednesday (Thursday 26 is a holiday)"),
        (D(2026, 11, 27), D(2026, 11, 24), "Friday after Thanksgiving: Tuesday"),
        (D(2027, 1, 4), D(2026, 12, 30), "Monday after New Year's Day: Wednesday across the year end"),
        (D(2026, 12, 28), D(2026, 12, 23), "Monday after Christmas (Friday): Wednesday"),
        (D(2026, 4, 6), D(2026, 4, 1), "Monday after Good Friday: Wednesday"),
        (D(2026, 5, 28), D(2026, 5, 22), "Thursday after Memorial Day and Eid: the Friday before"),
        (D(2026, 7, 6), D(2026, 7, 1), "Monday after the observed Independence Day: Wednesday"),
    ],
)
def test_background_note_is_due_two_business_days_before(meeting, expected, why):
    assert deadlines.RULES_BY_KEY["background_note"].due(meeting, HOLIDAYS) == expected, why


def test_saturday_meeting_counts_back_from_friday():
    assert deadlines.business_days_before(D(2026, 12, 12), 2, HOLIDAYS) == D(2026, 12, 10)


def test_holidays_skipped_like_weekends():
    without = deadlines.business_days_before(D(2026, 11, 30), 2, frozenset())
    with_thanksgiving = deadlines.business_days_before(D(2026, 11, 30), 2, HOLIDAYS)
    assert without == D(2026, 11, 26)
    assert with_thanksgiving == D(2026, 11, 25)


def test_request_letter_window_is_28_to_14_calendar_days_before():
    rule = deadlines.RULES_BY_KEY["request_letter"]
    assert rule.window_start(D(2026, 12, 10)) == D(2026, 11, 12)
    assert rule.due(D(2026, 12, 10), HOLIDAYS) == D(2026, 11, 26)


def test_follow_up_is_about_six_months_later_on_a_business_day():
    # 16 July + 6 months is Saturday 16 January 2027: the follow-up lands on Monday 18 January.
    assert deadlines.follow_up_date(D(2026, 7, 16), HOLIDAYS) == D(2027, 1, 18)
    # Six months after 1 July 2026 is New Year's Day 2027 (holiday, Friday): Monday 4 January.
    assert deadlines.follow_up_date(D(2026, 7, 1), HOLIDAYS) == D(2027, 1, 4)
    # Month ends clamp: 31 August + 6 months is 28 February.
    assert deadlines.follow_up_date(D(2026, 8, 31), HOLIDAYS) == D(2027, 3, 1)


def test_add_business_days_forward_and_back():
    assert deadlines.add_business_days(D(2026, 12, 24), 1, HOLIDAYS) == D(2026, 12, 28)
    assert deadlines.add_business_days(D(2026, 12, 28), -1, HOLIDAYS) == D(2026, 12, 24)
    assert deadlines.add_business_days(D(2026, 12, 24), 0, HOLIDAYS) == D(2026, 12, 24)


def test_business_days_between_counts_half_open_interval():
    assert deadlines.business_days_between(D(2026, 11, 23), D(2026, 11, 30), HOLIDAYS) == 4
    assert deadlines.business_days_between(D(2026, 11, 30), D(2026, 11, 23), HOLIDAYS) == -4
    assert deadlines.business_days_between(D(2026, 11, 30), D(2026, 11, 30), HOLIDAYS) == 0


def test_business_days_before_rejects_zero():
    with pytest.raises(ValueError):
        deadlines.business_days_before(D(2026, 11, 30), 0, HOLIDAYS)


def test_plan_lists_every_step_once_sorted_by_due():
    steps = deadlines.plan(D(2026, 12, 10), HOLIDAYS)
    assert sorted(s.key for s in steps) == sorted(deadlines.STEP_KEYS)
    assert [s.due for s in steps] == sorted(s.due for s in steps)
    preparation = [s for s in steps if s.phase is deadlines.Phase.PREPARATION]
    assert all(s.due < D(2026, 12, 10) for s in preparation)
    follow_up = [s for s in steps if s.phase is deadlines.Phase.FOLLOW_UP]
    assert all(s.due > D(2026, 12, 10) for s in follow_up)


def test_letter_lead_too_short():
    assert deadlines.letter_lead_too_short(D(2026, 12, 8), today=D(2026, 11, 25))
    assert not deadlines.letter_lead_too_short(D(2026, 12, 9), today=D(2026, 11, 25))


holiday_sets = st.frozensets(st.dates(D(2024, 1, 1), D(2028, 12, 31)), max_size=40)
meeting_days = st.dates(D(2025, 1, 1), D(2027, 12, 31))


@given(meeting=meeting_days, holidays=holiday_sets, n=st.integers(1, 10))
def test_property_due_day_leaves_exactly_n_business_days(meeting, holidays, n):
    due = deadlines.business_days_before(meeting, n, holidays)
    assert deadlines.is_business_day(due, holidays)
    assert due < meeting
    window = [due + datetime.timedelta(days=i) for i in range((meeting - due).days)]
    assert sum(deadlines.is_business_day(d, holidays) for d in window) == n


@given(meeting=meeting_days, holidays=holiday_sets)
def test_property_background_note(meeting, holidays):
    due = deadlines.RULES_BY_KEY["background_note"].due(meeting, holidays)
    assert deadlines.is_business_day(due, holidays)
    assert due < meeting
    assert deadlines.business_days_between(due, meeting, holidays) == 2


@given(day=meeting_days, holidays=holiday_sets, n=st.integers(-15, 15))
def test_property_add_business_days_round_trips(day, holidays, n):
    start = deadlines.business_day_on_or_after(day, holidays)
    there = deadlines.add_business_days(start, n, holidays)
    assert deadlines.add_business_days(there, -n, holidays) == start
    assert deadlines.business_days_between(start, there, holidays) == n
