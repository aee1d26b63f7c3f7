"""Small factories with defaults and overrides for tests (and benches)."""

from __future__ import annotations

import datetime
import string

from accounts.models import User
from countries.models import ConflictPhase, CouncilMembership, MemberState, Region, Situation, UNPresence
from meetings import services
from meetings.models import AgendaEntry, AgendaYear, Holiday, Meeting


def make_state(name: str) -> MemberState:
    state = MemberState.objects.filter(name=name).first()
    if state is None:
        state = MemberState.objects.create(name=name, iso3=_iso(name))
    return state


def _iso(name: str) -> str:
    """A free three-letter code for a test state (the first letters of its name, then variants)."""
    letters = "".join(ch for ch in name.upper() if ch.isalpha()).ljust(3, "X")
    for candidate in (letters[:3], *(letters[:2] + ch for ch in string.ascii_uppercase)):
        if not MemberState.objects.filter(iso3=candidate).exists():
            return candidate
    raise ValueError(f"no free code for {name}")


def make_situation(
    name: str = "South Sudan",
    region: str = Region.AFRICA,
    phase: str = ConflictPhase.ACTIVE,
    presence: str = UNPresence.PEACEKEEPING,
) -> Situation:
    situation, _ = Situation.objects.get_or_create(
        name=name, defaults={"region": region, "conflict_phase": phase, "un_presence": presence}
    )
    return situation


def make_year(year: int = 2026, co_chairs=("Denmark", "Greece"), council=(), penholder: str = "United Kingdom"):
    agenda_year, _ = AgendaYear.objects.get_or_create(year=year, defaults={"penholder": make_state(penholder)})
    agenda_year.co_chairs.set([make_state(name) for name in co_chairs])
    for name in council:
        CouncilMembership.objects.get_or_create(member_state=make_state(name), year=year)
    return agenda_year


def make_entry(agenda_year: AgendaYear, situation: Situation | str, phase: str | None = None) -> AgendaEntry:
    if isinstance(situation, str):
        situation = make_situation(situation)
    return AgendaEntry.objects.create(
        agenda_year=agenda_year, situation=situation, conflict_phase=phase or situation.conflict_phase
    )


def make_meeting(
    agenda_year: AgendaYear,
    situation: Situation | str | None = "South Sudan",
    *,
    date: datetime.date | None = None,
    kind: str = Meeting.Kind.COUNTRY,
    **fields,
) -> Meeting:
    if isinstance(situation, str):
        situation = make_situation(situation)
    if kind == Meeting.Kind.THEMATIC:
        fields.setdefault("theme", "Annual meeting with women's protection advisers")
        situation = None
    return services.save_new_meeting(
        Meeting(agenda_year=agenda_year, kind=kind, situation=situation, date=date, **fields)
    )


def move_meeting(meeting: Meeting, day: datetime.date) -> Meeting:
    """Set the meeting's date as the edit form does (``update_meeting``): its open steps move with it."""
    meeting.date = day
    return services.update_meeting(meeting, expected_version=None)


def make_user(username: str, *, delegation: str | None = None, email: str | None = None, **fields) -> User:
    return User.objects.create_user(
        username=username,
        email=email or f"{username}@example.org",
        password="correct horse battery staple",  # noqa: S106
        delegation=make_state(delegation) if delegation else None,
        **fields,
    )


def make_holidays(*days: datetime.date) -> None:
    for day in days:
        Holiday.objects.get_or_create(date=day, defaults={"name": "Holiday"})
