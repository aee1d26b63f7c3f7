"""Business days and the preparation timeline of a meeting (Guidelines, section VI).

Pure Python: no ORM, no clock. Callers pass the meeting day and the set of UN Headquarters
holidays; the rules below read like the Guidelines.

Business day: Monday to Friday, except UN Headquarters official holidays.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext_lazy as _

Holidays = Collection[datetime.date]

SATURDAY = 5


def is_business_day(day: datetime.date, holidays: Holidays) -> bool:
    return day.weekday() < SATURDAY and day not in holidays


def add_business_days(day: datetime.date, n: int, holidays: Holidays) -> datetime.date:
    """The business day ``n`` business days after ``day`` (before it when ``n`` is negative).

    ``day`` itself need not be a business day; it is never counted.
    """
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    current = day
    while remaining:
        current += datetime.timedelta(days=step)
        if is_business_day(current, holidays):
            remaining -= 1
    return current


def business_days_before(day: datetime.date, n: int, holidays: Holidays) -> datetime.date:
    """The business day that leaves ``n`` business days before ``day``.

    "Shared at least 2 business days before the meeting": for a Thursday meeting that is the
    Tuesday (Tuesday and Wednesday count); for a Monday meeting the Thursday before.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    return add_business_days(day, -n, holidays)


def business_days_between(start: datetime.date, end: datetime.date, holidays: Holidays) -> int:
    """How many business days d satisfy ``start <= d < end`` (negative when ``end`` is earlier)."""
    if end < start:
        return -business_days_between(end, start, holidays)
    count = 0
    current = start
    while current < end:
        if is_business_day(current, holidays):
            count += 1
        current += datetime.timedelta(days=1)
    return count


def business_day_on_or_after(day: datetime.date, holidays: Holidays) -> datetime.date:
    while not is_business_day(day, holidays):
        day += datetime.timedelta(days=1)
    return day


def business_day_on_or_before(day: datetime.date, holidays: Holidays) -> datetime.date:
    while not is_business_day(day, holidays):
        day -= datetime.timedelta(days=1)
    return day


def follow_up_date(meeting_day: datetime.date, holidays: Holidays, months: int = 6) -> datetime.date:
    """About six months after a meeting, on a business day (the first on or after that date)."""
    return business_day_on_or_after(meeting_day + relativedelta(months=months), holidays)


class Phase(StrEnum):
    PREPARATION = "preparation"
    FOLLOW_UP = "follow_up"


class Responsible(StrEnum):
    CO_CHAIRS = "co_chairs"
    SECRETARIAT = "secretariat"


@dataclass(frozen=True)
class StepRule:
    """How one step's due date follows from the meeting day."""

    key: str
    label: str
    responsible: str  # a Responsible of the IEG, or of the body whose rules these are
    phase: Phase
    business_days: int = 0  # negative: before the meeting; positive: after it
    calendar_days: int = 0  # used instead of business days when set (the letter window)
    window_days: int | None = None  # calendar days before the meeting when the window opens
    months: int = 0  # for the six-month follow-up

    def due(self, meeting_day: datetime.date, holidays: Holidays) -> datetime.date:
        if self.months:
            return follow_up_date(meeting_day, holidays, self.months)
        if self.calendar_days:
            return meeting_day + datetime.timedelta(days=self.calendar_days)
        if self.business_days < 0:
            return business_days_before(meeting_day, -self.business_days, holidays)
        return add_business_days(meeting_day, self.business_days, holidays)

    def window_start(self, meeting_day: datetime.date) -> datetime.date | None:
        if self.window_days is None:
            return None
        return meeting_day - datetime.timedelta(days=self.window_days)


# The steps of Guidelines section VI, in the order they happen. Keys are stable: stored on each
# step, used in reminders and the JSON planner. Defaults other than the letter and the note are
# the secretariat's working practice, documented in the README.
RULES: tuple[StepRule, ...] = (
    StepRule(
        "request_letter",
        _("Co-chairs' signed letter requesting the briefing"),
        Responsible.CO_CHAIRS,
        Phase.PREPARATION,
        calendar_days=-14,
        window_days=28,
    ),
    StepRule(
        "confirm_date_and_room",
        _("Date confirmed and room booked"),
        Responsible.CO_CHAIRS,
        Phase.PREPARATION,
        business_days=-8,
    ),
    StepRule(
        "inform_council_members",
        _("Council members informed of the meeting"),
        Responsible.CO_CHAIRS,
        Phase.PREPARATION,
        business_days=-7,
    ),
    StepRule(
        "consult_entities",
        _("UN entities and civil society consulted"),
        Responsible.SECRETARIAT,
        Phase.PREPARATION,
        business_days=-5,
    ),
    StepRule(
        "background_note",
        _("Background note and key recommendations shared with Council members"),
        Responsible.SECRETARIAT,
        Phase.PREPARATION,
        business_days=-2,
    ),
    StepRule(
        "vtc_interpretation",
        _("Videoconference and interpretation arranged"),
        Responsible.SECRETARIAT,
        Phase.PREPARATION,
        business_days=-3,
    ),
    StepRule(
        "invite_un_colleagues", _("UN colleagues invited"), Responsible.SECRETARIAT, Phase.PREPARATION, business_days=-5
    ),
    StepRule(
        "inform_permanent_mission",
        _("Permanent mission of the country informed"),
        Responsible.CO_CHAIRS,
        Phase.PREPARATION,
        business_days=-3,
    ),
    StepRule(
        "debrief_permanent_mission",
        _("Permanent mission debriefed on the discussion"),
        Responsible.CO_CHAIRS,
        Phase.FOLLOW_UP,
        business_days=5,
    ),
    StepRule("draft_summary", _("Meeting summary drafted"), Responsible.SECRETARIAT, Phase.FOLLOW_UP, business_days=10),
    StepRule(
        "submit_summary",
        _("Summary submitted for issuance as a Council document"),
        Responsible.CO_CHAIRS,
        Phase.FOLLOW_UP,
        business_days=20,
    ),
    StepRule(
        "publish_documents",
        _("Meeting documentation published on the public website"),
        Responsible.SECRETARIAT,
        Phase.FOLLOW_UP,
        business_days=30,
    ),
    StepRule(
        "schedule_follow_up",
        _("Follow-up meeting scheduled (about six months later)"),
        Responsible.SECRETARIAT,
        Phase.FOLLOW_UP,
        months=6,
    ),
)
RULES_BY_KEY: dict[str, StepRule] = {rule.key: rule for rule in RULES}
STEP_KEYS: tuple[str, ...] = tuple(rule.key for rule in RULES)

# The letter must go out at least 14 days ahead: a meeting date closer than this is flagged.
MINIMUM_LETTER_LEAD_DAYS = 14


@dataclass(frozen=True)
class PlannedStep:
    key: str
    label: str
    responsible: str
    phase: Phase
    due: datetime.date
    window_start: datetime.date | None


def plan(
    meeting_day: datetime.date,
    holidays: Holidays,
    keys: Iterable[str] | None = None,
    *,
    rules: tuple[StepRule, ...] = RULES,
) -> list[PlannedStep]:
    """Every step's due date for a meeting on ``meeting_day``, sorted by due date.

    ``rules`` are the IEG's steps by default; the Focal Points Network passes its own (network/steps.py): one
    engine, each body's steps."""
    by_key = {rule.key: rule for rule in rules}
    order = [rule.key for rule in rules]
    steps = []
    for key in order if keys is None else keys:
        rule = by_key[key]
        steps.append(
            PlannedStep(
                key=rule.key,
                label=rule.label,
                responsible=rule.responsible,
                phase=rule.phase,
                due=rule.due(meeting_day, holidays),
                window_start=rule.window_start(meeting_day),
            )
        )
    return sorted(steps, key=lambda s: (s.due, order.index(s.key)))


def letter_lead_too_short(meeting_day: datetime.date, today: datetime.date) -> bool:
    """True when the meeting leaves less than 14 days for the co-chairs' letter."""
    return (meeting_day - today).days < MINIMUM_LETTER_LEAD_DAYS
