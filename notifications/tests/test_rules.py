"""Which reminder fires on which day: weekends, UN holidays, catch-up, no stale reminders. No database."""

from __future__ import annotations

import datetime

import pytest

from notifications import rules
from notifications.rules import Audience

D = datetime.date
THANKSGIVING = D(2026, 11, 26)  # a Thursday, a UN Headquarters holiday
HOLIDAYS = frozenset({THANKSGIVING, D(2026, 12, 25)})
KINDS = {"before": "step_before", "due": "step_due", "overdue": "step_overdue", "escalation": "step_escalation"}
LADDER = rules.ladder("step", before=(5, 1), overdue_after=1, escalate_after=2, kinds=KINDS)


def fired(due, today, holidays=HOLIDAYS):
    return [rule.key for rule in rules.due_rules(LADDER, due, today, holidays)]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 11, 16), []),  # Mon: 6 business days before
        (D(2026, 11, 17), ["step_before_5"]),  # Tue: 5 business days before
        (D(2026, 11, 20), ["step_before_5"]),  # Fri: still the latest rung (catch-up if Tuesday was missed)
        (D(2026, 11, 21), ["step_before_5"]),  # Saturday
        (D(2026, 11, 23), ["step_before_1"]),  # Mon: 1 business day before
        (D(2026, 11, 24), ["step_due"]),  # Tue: the due day
        (D(2026, 11, 25), ["step_overdue"]),  # Wed: first business day late
        (D(2026, 11, 26), ["step_overdue"]),  # Thanksgiving does not count
        (D(2026, 11, 27), ["step_overdue", "step_escalation"]),  # Fri: 2 business days late
        (D(2026, 12, 30), ["step_overdue", "step_escalation"]),  # long overdue: the same two, decided once
    ],
)
def test_ladder_for_a_tuesday_deadline_in_thanksgiving_week(today, expected):
    assert fired(D(2026, 11, 24), today) == expected


def test_holiday_pushes_the_five_day_reminder_back():
    # Due Monday 30 November: Thanksgiving is not a business day, so "5 before" is Friday 20th, "1 before" Friday 27th.
    due = D(2026, 11, 30)
    steps = {rule.key: rule.trigger(due, HOLIDAYS) for rule in LADDER}
    assert steps["step_before_5"] == D(2026, 11, 20)
    assert steps["step_before_1"] == D(2026, 11, 27)
    assert steps["step_overdue"] == D(2026, 12, 1)
    assert steps["step_escalation"] == D(2026, 12, 2)
    # Without the holiday it would be a day later.
    assert LADDER[0].trigger(due, frozenset()) == D(2026, 11, 23)


def test_deadline_on_a_weekend_is_reminded_on_the_friday_before():
    saturday = D(2026, 11, 21)
    assert fired(saturday, D(2026, 11, 20)) == ["step_due"]
    assert fired(saturday, D(2026, 11, 23)) == ["step_overdue"]


def test_first_sweep_on_the_due_day_sends_only_due_today():
    """No stale 'due in 5 days' once the day has come: one reminder, the current one."""
    assert fired(D(2026, 11, 24), D(2026, 11, 24)) == ["step_due"]


def test_before_and_due_rungs_never_fire_after_the_due_date_even_without_overdue_rule():
    ladder = rules.ladder("step", before=(5, 1), overdue_after=None, kinds=KINDS)
    assert rules.due_rules(ladder, D(2026, 11, 24), D(2026, 11, 25), HOLIDAYS) == []


def test_escalation_is_its_own_audience():
    due_rules = rules.due_rules(LADDER, D(2026, 11, 24), D(2026, 11, 27), HOLIDAYS)
    assert [rule.audience for rule in due_rules] == [Audience.RESPONSIBLE, Audience.ESCALATION]


def test_offsets_are_configurable():
    ladder = rules.ladder("step", before=(10, 3), overdue_after=2, escalate_after=5, kinds=KINDS)
    assert [r.key for r in ladder] == [
        "step_before_10",
        "step_before_3",
        "step_due",
        "step_overdue",
        "step_escalation",
    ]
    assert [r.key for r in rules.due_rules(ladder, D(2026, 11, 24), D(2026, 11, 10), HOLIDAYS)] == ["step_before_10"]


def test_decisions_by_due_and_horizon():
    today = D(2026, 11, 24)
    decided = rules.decisions_by_due(LADDER, [D(2026, 11, 24), D(2026, 12, 31), D(2026, 11, 20)], today, HOLIDAYS)
    assert {day: [r.key for r in rs] for day, rs in decided.items()} == {
        D(2026, 11, 24): ["step_due"],
        D(2026, 11, 20): ["step_overdue", "step_escalation"],
    }
    # Anything due after the horizon cannot have a reminder today.
    assert rules.horizon(LADDER, today, HOLIDAYS) >= D(2026, 12, 2)


@pytest.mark.parametrize(
    ("today", "words"),
    [
        (D(2026, 11, 20), "due 24 Nov 2026, in 2 business days"),
        (D(2026, 11, 23), "due 24 Nov 2026, in 1 business day"),
        (D(2026, 11, 24), "due today, 24 Nov 2026"),
        (D(2026, 11, 25), "was due 24 Nov 2026, 1 business day overdue"),
        (D(2026, 11, 27), "was due 24 Nov 2026, 2 business days overdue"),
    ],
)
def test_due_date_in_words(today, words):
    assert rules.due_in_words(D(2026, 11, 24), today, HOLIDAYS) == words
