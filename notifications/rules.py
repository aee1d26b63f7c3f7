"""When reminders are due: plain rules over business days, no ORM and no clock.

A reminder ladder is a list of rules, each an offset in UN Headquarters business days from the due
date (negative: before; 0: the due day; positive: after, i.e. overdue) and an audience: the people
responsible for the thing, or the escalation contacts (secretariat lead, co-chairs' contacts).

Catch-up, not exact days. The sweep asks "which rule is due and not yet decided", never "which rule
triggers exactly today", so a sweep that did not run on a Monday still sends Monday's reminder on
Tuesday. But only the **latest** rule of an audience whose day has come is decided: a sweep that first
runs on the due day sends "due today", not a stale "due in 5 business days" as well; and a "before"
or "due day" rule never fires once the due date has passed.

The offsets come from settings (``REMINDER_BEFORE_BUSINESS_DAYS``, ``REMINDER_OVERDUE_BUSINESS_DAYS``,
``REMINDER_ESCALATION_BUSINESS_DAYS``, ...); ``notifications.ladders.reminder_ladders()`` builds them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetings.deadlines import Holidays, add_business_days, business_day_on_or_before, business_days_between


class Audience(StrEnum):
    RESPONSIBLE = "responsible"
    ESCALATION = "escalation"


@dataclass(frozen=True)
class ReminderRule:
    """One rung of a ladder: its stable key (stored on notification rows), kind, offset and audience."""

    key: str
    kind: str
    offset: int
    audience: Audience = Audience.RESPONSIBLE

    def trigger(self, due: datetime.date, holidays: Holidays) -> datetime.date:
        """The business day on which this rule's reminder becomes due."""
        if self.offset == 0:
            return business_day_on_or_before(due, holidays)
        return add_business_days(due, self.offset, holidays)


def ladder(
    prefix: str,
    *,
    before: Iterable[int] = (5, 1),
    due_day: bool = True,
    overdue_after: int | None = 1,
    escalate_after: int | None = None,
    kinds: dict[str, str],
) -> tuple[ReminderRule, ...]:
    """Build a ladder: ``kinds`` maps 'before', 'due', 'overdue' and 'escalation' to notification kinds."""
    rules = [ReminderRule(f"{prefix}_before_{n}", kinds["before"], -n) for n in sorted(set(before), reverse=True)]
    if due_day:
        rules.append(ReminderRule(f"{prefix}_due", kinds["due"], 0))
    if overdue_after:
        rules.append(ReminderRule(f"{prefix}_overdue", kinds["overdue"], overdue_after))
    if escalate_after:
        rules.append(ReminderRule(f"{prefix}_escalation", kinds["escalation"], escalate_after, Audience.ESCALATION))
    return tuple(rules)


def due_rules(
    rules: Sequence[ReminderRule], due: datetime.date, today: datetime.date, holidays: Holidays
) -> list[ReminderRule]:
    """The rules whose reminder is due on ``today`` for a thing due on ``due``: at most one per audience."""
    latest: dict[Audience, tuple[datetime.date, ReminderRule]] = {}
    for rule in rules:
        if rule.offset <= 0 and today > due:
            continue  # never "due soon" or "due today" once late
        trigger = rule.trigger(due, holidays)
        if trigger > today:
            continue
        current = latest.get(rule.audience)
        if current is None or (trigger, rule.offset) >= (current[0], current[1].offset):
            latest[rule.audience] = (trigger, rule)
    return [rule for _trigger, rule in sorted(latest.values(), key=lambda pair: pair[1].offset)]


def decisions_by_due(
    rules: Sequence[ReminderRule], dues: Iterable[datetime.date], today: datetime.date, holidays: Holidays
) -> dict[datetime.date, list[ReminderRule]]:
    """``due_rules`` for many due dates at once: the sweep works on distinct due dates, not on rows."""
    decided = {}
    for due in set(dues):
        rules_due = due_rules(rules, due, today, holidays)
        if rules_due:
            decided[due] = rules_due
    return decided


def horizon(rules: Sequence[ReminderRule], today: datetime.date, holidays: Holidays) -> datetime.date:
    """The latest due date any rule can fire for today (things due later need no reminder yet)."""
    earliest = min((rule.offset for rule in rules), default=0)
    # A week's slack covers due dates on weekends and holidays, whose triggers move back.
    return add_business_days(today, max(-earliest, 0), holidays) + datetime.timedelta(days=7)


def long_date(day: datetime.date) -> str:
    """The one date format of the app (iegwps/formats): emails and iCal say dates as the pages do."""
    return formats.date_format(day)


def due_in_words(due: datetime.date, today: datetime.date, holidays: Holidays) -> str:
    """'due Tuesday 24 November 2026, in 2 business days', 'due today, ...' or '... 3 business days overdue'."""
    when = long_date(due)
    if due == today:
        return _("due today, %(date)s") % {"date": when}
    one_day = datetime.timedelta(days=1)
    if due > today:
        n = business_days_between(today + one_day, due + one_day, holidays)
        if n == 0:
            return _("due %(date)s") % {"date": when}
        return ngettext("due %(date)s, in %(n)d business day", "due %(date)s, in %(n)d business days", n) % {
            "date": when,
            "n": n,
        }
    n = business_days_between(due + one_day, today + one_day, holidays)
    if n == 0:
        return _("was due %(date)s") % {"date": when}
    return ngettext(
        "was due %(date)s, %(n)d business day overdue", "was due %(date)s, %(n)d business days overdue", n
    ) % {"date": when, "n": n}
