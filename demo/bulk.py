"""Synthetic IEG data at any scale: realistic, deterministic from a seed, written with bulk inserts.

Scale 1 is one decade of real-sized activity: about 120 meetings (five agenda countries a year, each with a
follow-up six months later, and thematic meetings), 3,600 recommendations with their status history, timelines,
briefings, questions, goals, notes, summaries, downloads and history rows. Scale N holds N times as many years of
history at the same yearly activity (the archive grows, a year stays a year), ending in the year of ``today``.

Each table is filled by one function in ``GENERATORS``, with its own random stream derived from the seed, so
adding a model later is one more small function and leaves the data of the others unchanged.
Rows go in through the ORM, ``bulk_create`` in batches; history rows through django-simple-history's bulk helpers
(``bulk_create_with_history`` and the history manager's ``bulk_history_create``): one ``+`` row per object, dated
when it was made up to have been created and credited to who made it, and ``~`` rows for its later moves.
"""

from __future__ import annotations

import copy
import csv
import datetime
import hashlib
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.db import models, transaction
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

from accounts.models import User
from accounts.permissions import SECRETARIAT_GROUP
from approvals.models import AgendaApproval, Comment
from countries.models import CouncilMembership, MemberState, Mission, PermanentRepresentative, Situation
from documents.models import (
    BackgroundNote,
    DownloadLog,
    NoteInvitation,
    NoteSection,
    Summary,
    SummaryApproval,
    SummarySection,
    SummarySignatory,
)
from meetings import deadlines
from meetings.choices import PAST_STATUSES
from meetings.models import AgendaEntry, AgendaYear, Holiday, Meeting, TimelineStep
from recommendations.choices import OPEN_STATUSES
from recommendations.models import (
    Briefer,
    CouncilQuestion,
    FollowUpReview,
    Goal,
    Recommendation,
    StatusChange,
)

DEMO_DATA = Path(__file__).resolve().parent / "data"
# The published holidays the computed ones are tested against (meetings/tests/test_holiday_rules.py).
PUBLISHED_HOLIDAYS = Path(__file__).resolve().parent.parent / "meetings" / "un_hq_holidays.csv"
BATCH_SIZE = 1000  # rows per INSERT: within SQLite's limit on parameters and PostgreSQL's on statement size
NEW_YORK = ZoneInfo("America/New_York")

MEETINGS_PER_SCALE = 120  # one decade of IEG meetings
YEARS_PER_SCALE = 10
RECOMMENDATIONS_PER_MEETING = (22, 42)  # about 32 a meeting held: 3,600 a decade
SECRETARIAT_STAFF = 8
EXPERTS_PER_STATE = 2
PERMANENT_MEMBERS = ("China", "France", "Russian Federation", "United Kingdom", "United States")
PENHOLDER = "United Kingdom"

# Known accounts for benchmarks (passwords are unusable: benches sign in with a session).
BENCH_SECRETARIAT = "bench-secretariat"
BENCH_EXPERT = "bench-expert"  # France: a permanent member, so a Council expert every year
BENCH_EXPERT_STATE = "France"

SOURCE_NOTE = "The recommendations are suggestions from UN participants, not recommendations of the IEG as a whole."
THEMES = (
    "Annual meeting with women's protection advisers (conflict-related sexual violence)",
    "Women's participation in peace processes",
    "Climate, peace and security: gender dimensions",
    "Women human rights defenders and civic space",
    "Gender-responsive disarmament, demobilization and reintegration",
    "Sexual exploitation and abuse by peacekeepers",
)
TOPICS = (
    "women's participation in the peace process",
    "gender-responsive ceasefire monitoring",
    "the protection of women human rights defenders",
    "conflict-related sexual violence",
    "women's economic recovery",
    "the national action plan on women and peace and security",
    "senior gender expertise in the mission",
    "women's participation in elections",
    "sexual exploitation and abuse",
    "access to justice for survivors",
    "women's representation in transitional bodies",
    "humanitarian access for women and girls",
    "gender analysis in disarmament, demobilization and reintegration",
    "funding for women-led civil society organizations",
    "early-warning indicators on threats to women leaders",
)
# (text, Council action, addressee)
RECOMMENDATIONS = (
    (
        "Request that {mission} report on {topic} in each of its regular reports to the Council.",
        "request_information",
        "security_council",
    ),
    (
        "Include strengthened language on {topic} in the renewal of the mandate of {mission}.",
        "mandate_language",
        "security_council",
    ),
    (
        "Raise {topic} in {country} with briefers in the Council's next consultations.",
        "raise_in_council",
        "council_members",
    ),
    (
        "Ask the sanctions committee to consider designation criteria covering {topic} in {country}.",
        "subsidiary_bodies",
        "council_members",
    ),
    (
        "Include {topic} in the terms of reference of the next Council visiting mission to {country}.",
        "visiting_mission",
        "co_chairs",
    ),
    (
        "Write to the authorities of {country} asking for concrete commitments on {topic}.",
        "letter_demarche",
        "co_chairs",
    ),
    (
        "Advocate in national capacity for predictable funding of {topic} in {country}.",
        "national_advocacy",
        "council_members",
    ),
    (
        "Ensure that {mission} keeps dedicated capacity for {topic} through its next budget cycle.",
        "mandate_language",
        "un_entities",
    ),
    (
        "Invite women civil society briefers from {country} to address the Council on {topic}.",
        "raise_in_council",
        "security_council",
    ),
    (
        "Press the Government of {country} to report on {topic} before the next follow-up meeting.",
        "other",
        "host_government",
    ),
)
SENTENCES = (
    "Women hold {pct} per cent of seats in the transitional bodies of {country}, down from {pct2} per cent.",
    "The mission reports {n} verified cases of conflict-related sexual violence in the last reporting period.",
    "Women-led organizations in {country} received {pct} per cent of humanitarian funding for protection.",
    "The national action plan's commitments on {topic} remain largely unfunded.",
    "Threats against women human rights defenders rose in {n} of the country's provinces.",
    "The mission's gender unit has {n} posts, {n2} of them vacant.",
    "Consultations with civil society highlighted {topic} as the most urgent gap.",
    "The Government announced measures on {topic}, with no timeline for implementation.",
    "Displacement affects an estimated {n}00,000 women and girls, many in informal settlements.",
    "UN entities recommend that the Council address {topic} at the next mandate renewal.",
)
QUESTIONS = (
    "What is the mission doing to ensure {topic} in {country}?",
    "How many of the mission's gender posts are filled, and at what level?",
    "Which obstacles prevent progress on {topic}, and how can the Council help?",
    "How does the country team coordinate with women-led organizations on {topic}?",
    "Could the secretariat provide figures on {topic} since the last meeting?",
)
GOALS = (
    "Report back on {topic} at the follow-up meeting.",
    "Fill the mission's senior gender adviser post within six months.",
    "Hold quarterly consultations with women-led organizations on {topic}.",
    "Publish sex-disaggregated data on {topic} in the next Secretary-General's report.",
)
BRIEFER_TITLES = (
    "Special Representative of the Secretary-General",
    "Deputy Special Representative of the Secretary-General",
    "Resident and Humanitarian Coordinator",
    "Senior Gender Adviser",
    "Senior Women's Protection Adviser",
    "Police Commissioner",
    "Force Commander",
)
GIVEN = (
    "Amina",
    "Claire",
    "Erik",
    "Mette",
    "Sofia",
    "Kwame",
    "Laila",
    "Juan",
    "Mei",
    "Olga",
    "Priya",
    "Tomás",
    "Nadia",
    "Jonas",
    "Fatou",
    "Hiroshi",
    "Ana",
    "Samir",
    "Ingrid",
    "Kofi",
)
FAMILY = (
    "Diallo",
    "Martin",
    "Lindqvist",
    "Larsen",
    "Rossi",
    "Mensah",
    "Haddad",
    "García",
    "Chen",
    "Ivanova",
    "Sharma",
    "Silva",
    "Karimi",
    "Berg",
    "Ndiaye",
    "Tanaka",
    "Costa",
    "Aziz",
    "Olsen",
    "Owusu",
)

STATUS_WEIGHTS_DECIDED = (  # where a recommendation presented long ago stands now
    ("acted_on", 35),
    ("acted_on_in_part", 15),
    ("not_taken_up", 25),
    ("withdrawn", 5),
    ("under_consideration", 6),
    ("presented", 4),
)


class BulkError(Exception):
    """The database cannot take the requested data (e.g. the years already exist)."""


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """An aware moment on ``day`` in New York (the secretariat's time zone)."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=NEW_YORK)


def csv_rows(name: str | Path) -> list[dict[str, str]]:
    with (DEMO_DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass
class Bulk:
    """What the generators share: parameters, the rows made so far, and the counts written."""

    scale: float
    seed: int
    today: datetime.date
    years: list[int]
    counts: dict[str, int] = field(default_factory=dict)
    holidays: frozenset[datetime.date] = frozenset()
    states: dict[str, MemberState] = field(default_factory=dict)
    situations: list[Situation] = field(default_factory=list)
    missions: dict[int, list[Mission]] = field(default_factory=dict)  # by situation id
    council: dict[int, list[MemberState]] = field(default_factory=dict)  # by year
    secretariat: list[User] = field(default_factory=list)
    experts: dict[int, list[User]] = field(default_factory=dict)  # by member state id
    agenda_years: dict[int, AgendaYear] = field(default_factory=dict)
    co_chairs: dict[int, list[MemberState]] = field(default_factory=dict)  # by year
    meetings: list[Meeting] = field(default_factory=list)
    follow_up_of: dict[int, Meeting] = field(default_factory=dict)  # meeting id -> its follow-up
    recommendations: dict[int, list] = field(default_factory=dict)  # by meeting id
    questions: dict[int, list] = field(default_factory=dict)
    goals: dict[int, list] = field(default_factory=dict)
    steps: list[TimelineStep] = field(default_factory=list)
    notes: list = field(default_factory=list)
    summaries: list = field(default_factory=list)
    people: dict[int, User] = field(default_factory=dict)  # by id: whom history rows credit

    def rng(self, name: str) -> random.Random:
        """A random stream of its own per generator: adding one never shifts the data of another."""
        return random.Random(f"{self.seed}/{name}")

    def insert(
        self,
        model: type[models.Model],
        objs: list[models.Model],
        *,
        created: Callable[[models.Model], datetime.datetime] | None = None,
        initial: Callable[[models.Model], dict] | None = None,
        by: Callable[[models.Model], int | None] | None = None,
    ) -> list[models.Model]:
        """Write ``objs`` in batches (their keys set, so they can be linked to); for a history-tracked model also
        one '+' history row each, dated ``created(obj)`` and credited to ``by(obj)``, with ``initial(obj)``
        overriding the fields that changed since (e.g. the status it started in)."""
        if not objs:
            return objs
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + len(objs)
        if not hasattr(model, "history"):
            return model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
        default = at(self.today, 9)
        if initial is None:
            # The row as it is now is the row as it was created: its '+' row copies it.
            for obj in objs:
                obj._history_date = created(obj) if created else default
                obj._history_user = self.people.get(by(obj)) if by else None
            bulk_create_with_history(objs, model, batch_size=BATCH_SIZE)
            self.counts[model.history.model._meta.label] = self.counts.get(model.history.model._meta.label, 0) + len(
                objs
            )
            return objs
        model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
        self.history(
            model,
            ((obj, created(obj) if created else default, initial(obj), by(obj) if by else None) for obj in objs),
            created_rows=True,
        )
        return objs

    def history(
        self,
        model: type[models.Model],
        events: Iterable[tuple[models.Model, datetime.datetime, dict, int | None]],
        reason: str = "",
        *,
        created_rows: bool = False,
    ) -> None:
        """History rows in bulk: (object, when, fields that differ from the object now, user id); '~' rows
        (changes), or '+' rows with ``created_rows``."""
        rows = []
        for obj, when, overrides, user_id in events:
            row = copy.copy(obj)  # the object as it stood then
            row.__dict__.update(overrides)
            row._history_date = when
            row._history_user = self.people.get(user_id)
            rows.append(row)
        manager = get_history_manager_for_model(model)
        manager.bulk_history_create(
            rows, batch_size=BATCH_SIZE, update=not created_rows, default_change_reason=reason or None
        )
        label = manager.model._meta.label
        self.counts[label] = self.counts.get(label, 0) + len(rows)

    def secretariat_id(self, rng: random.Random) -> int:
        return rng.choice(self.secretariat).pk

    def expert_of(self, state: MemberState, rng: random.Random) -> User:
        return rng.choice(self.experts[state.pk])

    def past_meetings(self) -> list[Meeting]:
        return [m for m in self.meetings if m.status in PAST_STATUSES]


# --- Reference data ---------------------------------------------------------------------------------------------


def synthetic_holidays(year: int) -> list[tuple[datetime.date, str]]:
    """UN Headquarters' fixed-rule holidays of a year (the floating Eid dates are left out)."""

    def observed(day: datetime.date) -> datetime.date:
        return day + datetime.timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0))

    def nth_weekday(month: int, weekday: int, n: int) -> datetime.date:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))

    last_may = datetime.date(year, 5, 31)
    return [
        (observed(datetime.date(year, 1, 1)), "New Year's Day"),
        (last_may - datetime.timedelta(days=last_may.weekday()), "Memorial Day"),
        (observed(datetime.date(year, 7, 4)), "Independence Day"),
        (nth_weekday(9, 0, 1), "Labour Day"),
        (nth_weekday(11, 3, 4), "Thanksgiving Day"),
        (observed(datetime.date(year, 12, 25)), "Christmas Day"),
    ]


def representatives_between(
    state: MemberState,
    start: datetime.date,
    until: datetime.date | None,
    today: datetime.date,
    rng: random.Random,
) -> list[PermanentRepresentative]:
    """Representatives of ``state`` in office from ``start`` to the day before ``until`` (None: to this day):
    permanent representatives for three to six years, now and then a chargé d'affaires a.i. between two."""
    reps = []
    end_of_span = (until - datetime.timedelta(days=1)) if until else None
    while start <= today and (end_of_span is None or start <= end_of_span):
        if reps and rng.random() < 0.25:
            title, ambassador, days = "Chargé d'affaires a.i.", False, 30 * rng.randint(1, 4)
        else:
            title, ambassador, days = "Permanent Representative", True, 365 * rng.randint(3, 6)
        end = start + datetime.timedelta(days=days)
        if end_of_span is not None and end >= end_of_span:
            end = end_of_span
        reps.append(
            PermanentRepresentative(
                member_state=state,
                given_names=rng.choice(GIVEN),
                surname=rng.choice(FAMILY),
                title=title,
                ambassador=ambassador,
                start_date=start,
                end_date=end if end_of_span is not None or end <= today else None,
            )
        )
        start = end + datetime.timedelta(days=1)
    return reps


def reference(g: Bulk) -> None:
    """Member states, situations and missions (the demo record), holidays, Council seats and representatives.

    Rows that already exist (same natural key) are kept, so this runs on a database with demo data too."""
    rng = g.rng("reference")
    existing = set(MemberState.objects.values_list("name", flat=True))
    g.insert(
        MemberState,
        [
            MemberState(name=r["name"], iso3=r["iso3"], short_name=r["short_name"], formal_name=r["formal_name"])
            for r in csv_rows("member_states.csv")
            if r["name"] not in existing
        ],
    )
    g.states = {s.name: s for s in MemberState.objects.order_by("name")}

    existing = set(Situation.objects.values_list("name", flat=True))
    new = []
    for r in csv_rows("situations.csv"):
        if r["name"] not in existing:
            host = g.states.get(r["host_state"]) if r["host_state"] else None
            new.append(
                Situation(
                    name=r["name"],
                    region=r["region"],
                    conflict_phase=r["conflict_phase"],
                    un_presence=r["un_presence"],
                    host_state=host,
                )
            )
    g.insert(Situation, new)
    g.situations = list(Situation.objects.order_by("name"))
    by_name = {s.name: s for s in g.situations}

    existing = set(Mission.objects.values_list("acronym", flat=True))
    new = []
    for r in csv_rows("mandates.csv"):
        if r["mission"] in existing or r["country"] not in by_name:
            continue
        # Mandates renew every year: the next expiry is the anniversary of the last known one after today.
        known = r["last_known_expiry"]
        if len(known) == 10:
            month, day = int(known[5:7]), min(int(known[8:10]), 28)
        else:
            month, day = rng.randint(1, 12), rng.randint(1, 28)
        expiry = datetime.date(g.today.year, month, day)
        if expiry <= g.today:
            expiry = expiry.replace(year=g.today.year + 1)
        new.append(
            Mission(
                acronym=r["mission"],
                name=r["mission"],
                situation=by_name[r["country"]],
                kind=r["kind"].lower(),
                mandate_expiry=expiry,
                renewal_note=r["renewal_month"][:200],
                active=True,
            )
        )
    g.insert(Mission, new)
    g.missions = defaultdict(list)
    for mission in Mission.objects.filter(active=True).order_by("acronym"):
        g.missions[mission.situation_id].append(mission)

    existing = set(Holiday.objects.values_list("date", flat=True))
    new = {}
    for r in csv_rows(PUBLISHED_HOLIDAYS):
        new[datetime.date.fromisoformat(r["date"])] = r["name"]
    covered = {day.year for day in new}
    for year in [*g.years, g.years[-1] + 1]:
        if year not in covered:
            new.update(dict(synthetic_holidays(year)))
    g.insert(Holiday, [Holiday(date=d, name=n) for d, n in sorted(new.items()) if d not in existing])
    g.holidays = Holiday.objects.dates()

    permanent = [g.states[name] for name in PERMANENT_MEMBERS]
    elected_pool = [s for s in g.states.values() if s.name not in PERMANENT_MEMBERS]
    seated = set(CouncilMembership.objects.filter(year__in=g.years).values_list("year", flat=True))
    new = []
    for year in g.years:
        elected = sorted(rng.sample(elected_pool, 10), key=lambda s: s.name)
        if year not in seated:
            new += [CouncilMembership(member_state=s, year=year, permanent=True) for s in permanent]
            new += [CouncilMembership(member_state=s, year=year, permanent=False) for s in elected]
    g.insert(CouncilMembership, new)
    g.council = defaultdict(list)
    for seat in (
        CouncilMembership.objects.filter(year__in=g.years)
        .select_related("member_state")
        .order_by("year", "member_state__name")
    ):
        g.council[seat.year].append(seat.member_state)

    # Every state has someone in office on every day from before the first year to today (so any co-chair or
    # penholder can sign any letter); representatives already recorded (the demo's) are kept and the gaps
    # around them filled.
    recorded = defaultdict(list)
    for pr in PermanentRepresentative.objects.order_by("start_date"):
        recorded[pr.member_state_id].append((pr.start_date, pr.end_date))
    new = []
    for state in g.states.values():
        cursor = datetime.date(g.years[0] - rng.randint(1, 4), rng.randint(1, 12), 1)
        for start, end in [*recorded[state.pk], (None, None)]:
            if start is None or start > cursor:
                new += representatives_between(state, cursor, start, g.today, rng)
            if start is not None and end is None:
                break  # in office to this day
            if start is not None:
                cursor = max(cursor, end + datetime.timedelta(days=1))
    g.insert(PermanentRepresentative, new, created=lambda pr: at(pr.start_date))


# --- People -----------------------------------------------------------------------------------------------------


def users(g: Bulk) -> None:
    """Secretariat staff (and the bench secretariat account), two experts per delegation, the bench expert."""
    rng = g.rng("users")
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    specs: list[tuple[str, str, str, MemberState | None, str]] = [
        (BENCH_SECRETARIAT, "Bench", "Secretariat", None, "UN-Women, IEG secretariat (benchmark account)")
    ]
    for i in range(1, SECRETARIAT_STAFF + 1):
        specs.append((f"sec-{i:02d}", rng.choice(GIVEN), rng.choice(FAMILY), None, "UN-Women, IEG secretariat"))
    specs.append((BENCH_EXPERT, "Bench", "Expert", g.states[BENCH_EXPERT_STATE], "Council expert (benchmark)"))
    for state in g.states.values():
        for i in range(1, EXPERTS_PER_STATE + 1):
            specs.append(
                (
                    f"expert-{state.iso3.lower()}-{i}",
                    rng.choice(GIVEN),
                    rng.choice(FAMILY),
                    state,
                    f"Delegation of {state.name}",
                )
            )
    existing = set(User.objects.filter(username__in=[s[0] for s in specs]).values_list("username", flat=True))
    new = [
        User(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
            # Unusable (no hash to compute): benches sign in by creating a session.
            password="!" + hashlib.sha256(f"{g.seed}/{username}".encode()).hexdigest()[:40],
            delegation=delegation,
            job_title=job,
            is_staff=delegation is None,
            date_joined=at(datetime.date(g.years[0], 1, 2)),
        )
        for username, first, last, delegation, job in specs
        if username not in existing
    ]
    g.insert(User, new, created=lambda u: u.date_joined)
    by_name = {u.username: u for u in User.objects.filter(username__in=[s[0] for s in specs])}
    g.people = {u.pk: u for u in by_name.values()}
    g.secretariat = [by_name[s[0]] for s in specs if s[3] is None]
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=group.pk) for u in g.secretariat], ignore_conflicts=True
    )
    g.experts = defaultdict(list)
    for username, _first, _last, delegation, _job in specs:
        if delegation is not None and username != BENCH_EXPERT:
            g.experts[delegation.pk].append(by_name[username])


# --- Years, agendas and meetings --------------------------------------------------------------------------------


def meetings_per_year(g: Bulk) -> dict[int, int]:
    total = max(1, round(MEETINGS_PER_SCALE * g.scale))
    base, extra = divmod(total, len(g.years))
    # The most recent years take the remainder: the archive thins out going back.
    return {year: base + (1 if i >= len(g.years) - extra else 0) for i, year in enumerate(g.years)}


def shape(n: int) -> tuple[int, int, int]:
    """(agenda countries, follow-ups, thematic meetings) for a year of ``n`` meetings: five countries and their
    follow-ups plus two thematic meetings for a typical year of twelve."""
    if n <= 2:
        return n, 0, 0
    countries = min(6, max(1, (n - 1) // 2))
    follow_ups = min(countries, n - countries)
    return countries, follow_ups, n - countries - follow_ups


def random_business_day(rng: random.Random, start: datetime.date, end: datetime.date, holidays) -> datetime.date:
    day = start + datetime.timedelta(days=rng.randint(0, (end - start).days))
    return deadlines.business_day_on_or_after(day, holidays)


def meeting_status(day: datetime.date, today: datetime.date) -> str:
    """Where a meeting on ``day`` stands today, as the secretariat would have moved it."""
    days = (today - day).days
    if days < 0:
        ahead = -days
        return "planned" if ahead > 45 else "date_proposed" if ahead > 20 else "confirmed"
    if days < 7:
        return "held"
    if days < 25:
        return "summary_drafted"
    if days < 45:
        return "submitted"
    if days < 70:
        return "issued"
    return "published"


def agenda(g: Bulk) -> None:
    """IEG years (two co-chairs among the elected members, the penholder), their agendas and approvals."""
    rng = g.rng("agenda")
    if AgendaYear.objects.filter(year__in=g.years).exists():
        raise BulkError(
            f"IEG years between {g.years[0]} and {g.years[-1]} already exist: generate into an empty database."
        )
    years = g.insert(
        AgendaYear,
        [AgendaYear(year=y, penholder=g.states[PENHOLDER], notes="Synthetic year (generate_bulk).") for y in g.years],
        created=lambda y: at(datetime.date(y.year, 1, 5)),
    )
    g.agenda_years = {y.year: y for y in years}
    through = []
    for year in g.years:
        elected = [s for s in g.council[year] if s.name not in PERMANENT_MEMBERS] or g.council[year]
        g.co_chairs[year] = sorted(rng.sample(elected, min(2, len(elected))), key=lambda s: s.name)
        through += [
            AgendaYear.co_chairs.through(agendayear_id=g.agenda_years[year].pk, memberstate_id=s.pk)
            for s in g.co_chairs[year]
        ]
    AgendaYear.co_chairs.through.objects.bulk_create(through)
    g.counts["meetings.AgendaYear_co_chairs"] = len(through)


def meetings(g: Bulk) -> None:
    """About twelve meetings a year: country meetings from February to June, their follow-ups six months later,
    thematic meetings in spring and autumn; statuses, symbols and dates follow from today."""
    rng = g.rng("meetings")
    per_year = meetings_per_year(g)
    entries, first, follow = [], [], []
    symbol_seq: dict[int, int] = {}
    forced_soon = None
    for year in g.years:
        agenda_year = g.agenda_years[year]
        countries, follow_ups, thematic = shape(per_year[year])
        chosen = sorted(rng.sample(g.situations, min(countries, len(g.situations))), key=lambda s: s.name)
        for situation in chosen:
            entries.append(
                AgendaEntry(
                    agenda_year=agenda_year,
                    situation=situation,
                    conflict_phase=situation.conflict_phase,
                    rationale_impact=f"Mandate renewal and {rng.choice(TOPICS)} make Council action timely.",
                    rationale_capacity="Mission and country team report regularly on women and peace and security.",
                    rationale_diversity="Balances regions and conflict phases on this year's agenda.",
                )
            )
        dates = sorted(
            random_business_day(rng, datetime.date(year, 2, 1), datetime.date(year, 6, 15), g.holidays) for _ in chosen
        )
        for situation, day in zip(rng.sample(chosen, len(chosen)), dates, strict=True):
            first.append(Meeting(agenda_year=agenda_year, kind="country", situation=situation, date=day))
        for i in range(thematic):
            window = (
                (datetime.date(year, 3, 1), datetime.date(year, 4, 30))
                if i % 2
                else (datetime.date(year, 10, 15), datetime.date(year, 11, 30))
            )
            first.append(
                Meeting(
                    agenda_year=agenda_year,
                    kind="thematic",
                    theme=THEMES[(year + i) % len(THEMES)],
                    date=random_business_day(rng, *window, g.holidays),
                )
            )
        countries = [m for m in first if m.agenda_year is agenda_year and m.kind == "country"]
        for parent in countries[:follow_ups]:
            follow.append(
                Meeting(
                    agenda_year=agenda_year,
                    kind="follow_up",
                    situation=parent.situation,
                    follows_up=parent,
                    date=deadlines.follow_up_date(parent.date, g.holidays),
                )
            )
        if year == g.today.year:
            # Keep a meeting on the next business day (its note shared, experts reading it), so the dashboard,
            # the reminders and the download burst of the day before a meeting have live work.
            soon = deadlines.add_business_days(g.today, 1, g.holidays)
            upcoming = [m for m in first + follow if m.agenda_year is agenda_year and m.date >= g.today]
            if upcoming and soon.year == year:
                forced_soon = min(upcoming, key=lambda m: m.date)
                forced_soon.date = soon
                for m in follow:
                    if m.follows_up is forced_soon:
                        m.date = deadlines.follow_up_date(soon, g.holidays)

    def finish(m: Meeting) -> Meeting:
        m.status = meeting_status(m.date, g.today)
        if m is not forced_soon and rng.random() < 0.03:
            m.status = "cancelled"
        m.start_time = datetime.time(rng.choice((10, 10, 15)), 0)
        m.room = rng.choice(("Conference Room 5", "Conference Room 7", "ECOSOC Consultations Room", "Online"))
        m.needs_videoconference = rng.random() < 0.8
        m.needs_interpretation = rng.random() < 0.3
        m.interpretation_languages = "French" if m.needs_interpretation else ""
        m.source_note = SOURCE_NOTE if rng.random() < 0.7 else ""
        if m.status in {"issued", "published"}:
            issued_year = m.date.year
            symbol_seq[issued_year] = symbol_seq.get(issued_year, rng.randint(90, 300)) + rng.randint(3, 40)
            m.symbol = f"S/{issued_year}/{symbol_seq[issued_year]}"
        return m

    first = [finish(m) for m in first]
    follow = [finish(m) for m in follow]
    g.insert(AgendaEntry, entries, created=lambda e: at(datetime.date(e.agenda_year.year, 1, 10)))
    created = lambda m: at(m.date - datetime.timedelta(days=60), 11)  # noqa: E731
    g.insert(Meeting, first, created=created, initial=lambda m: {"status": "planned", "symbol": ""})
    for m in follow:
        m.follows_up_id = m.follows_up.pk  # the parent has its key now
    g.insert(Meeting, follow, created=created, initial=lambda m: {"status": "date_proposed", "symbol": ""})
    g.meetings = sorted(first + follow, key=lambda m: (m.date, m.pk))
    g.follow_up_of = {m.follows_up_id: m for m in follow}
    moved = [m for m in g.meetings if m.status not in {"planned", "date_proposed"} or m.kind == "follow_up"]
    g.history(
        Meeting,
        ((m, at(min(g.today, m.date + datetime.timedelta(days=3)), 16), {}, g.secretariat_id(rng)) for m in moved),
        reason="Status changed",
    )


def timelines(g: Bulk) -> None:
    """Each dated meeting's fourteen steps; past steps done on time (a few left late in the last year)."""
    rng = g.rng("timelines")
    steps = []
    for m in g.meetings:
        vtc = m.needs_videoconference or m.needs_interpretation
        co_chairs = g.co_chairs[m.agenda_year.year]
        for p in deadlines.plan(m.date, g.holidays):
            step = TimelineStep(
                meeting=m, key=p.key, responsible=p.responsible.value, due=p.due, window_start=p.window_start
            )
            if p.responsible == deadlines.Responsible.SECRETARIAT and rng.random() < 0.8:
                step.assignee_id = g.secretariat_id(rng)
            not_needed = (
                m.status == "cancelled"
                or (p.key == "vtc_interpretation" and not vtc)
                or (p.key == "schedule_follow_up" and m.kind == "thematic")
            )
            if not_needed:
                step.state = "not_needed"
            elif p.due < g.today and not ((g.today - p.due).days < 200 and rng.random() < 0.06):
                step.state = "done"
                step.done_at = at(p.due - datetime.timedelta(days=rng.randint(0, 3)), rng.randint(9, 18))
                if p.responsible == deadlines.Responsible.SECRETARIAT:
                    step.done_by_id = step.assignee_id or g.secretariat_id(rng)
                else:
                    step.done_by_id = g.expert_of(rng.choice(co_chairs), rng).pk
            steps.append(step)
    g.steps = g.insert(
        TimelineStep,
        steps,
        created=lambda s: at(s.meeting.date - datetime.timedelta(days=60), 11),
        initial=lambda s: {"state": "open", "done_at": None, "done_by_id": None},
    )
    g.history(
        TimelineStep,
        ((s, s.done_at, {}, s.done_by_id) for s in g.steps if s.state == "done"),
        reason="Marked done",
    )


# --- What came out of the meetings -------------------------------------------------------------------------------


def words(g: Bulk, rng: random.Random, m: Meeting) -> dict[str, str]:
    missions = g.missions.get(m.situation_id, []) if m.situation_id else []
    return {
        "country": m.situation.name if m.situation_id else "the countries on the agenda",
        "mission": rng.choice(missions).acronym if missions else "the United Nations presence",
        "topic": rng.choice(TOPICS),
    }


def paragraphs(g: Bulk, rng: random.Random, m: Meeting, n: int) -> str:
    out = []
    for _ in range(n):
        sentences = [
            rng.choice(SENTENCES).format(
                pct=rng.randint(3, 40),
                pct2=rng.randint(3, 40),
                n=rng.randint(2, 90),
                n2=rng.randint(1, 5),
                **words(g, rng, m),
            )
            for _ in range(rng.randint(2, 5))
        ]
        out.append(f"<p>{' '.join(sentences)}</p>")
    return "\n".join(out)


def briefings(g: Bulk) -> None:
    """Briefers, questions from Council members (some owed a written answer) and the UN's concrete goals."""
    rng = g.rng("briefings")
    briefers, questions, goals = [], [], []
    held = g.past_meetings()
    for m in held:
        for i in range(1, rng.randint(2, 4) + 1):
            missions = g.missions.get(m.situation_id, [])
            briefers.append(
                Briefer(
                    meeting=m,
                    order=i,
                    # One in five not named (summaries often give only the title and entity).
                    name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" if rng.random() >= 0.2 else "",
                    title=rng.choice(BRIEFER_TITLES),
                    entity=rng.choice([*(x.acronym for x in missions), "UN-Women", "OSRSG-SVC", "DPPA"])[:120],
                    component=rng.choice(("civilian", "civilian", "military", "police")),
                    attendance=rng.choice(("in_person", "videoconference", "videoconference")),
                )
            )
        council = g.council[m.agenda_year.year]
        for i in range(1, rng.randint(3, 7) + 1):
            q = CouncilQuestion(
                meeting=m,
                order=i,
                # About a third not attributed ("A Council member asked ..."), as summaries often report them.
                delegation=rng.choice(council) if rng.random() >= 0.3 else None,
                text=rng.choice(QUESTIONS).format(**words(g, rng, m)),
            )
            if rng.random() < 0.55:
                q.answered_at_meeting = True
            else:
                q.answer_due = deadlines.add_business_days(m.date, 10, g.holidays)
                if q.answer_due < g.today and rng.random() < 0.85:
                    q.answered_on = min(g.today, q.answer_due + datetime.timedelta(days=rng.randint(-5, 10)))
                    q.answer = paragraphs(g, rng, m, 1)
            questions.append(q)
        if m.kind != "thematic":
            follow_up = g.follow_up_of.get(m.pk)
            reported = follow_up if follow_up is not None and follow_up.status in PAST_STATUSES else None
            for i in range(1, rng.randint(2, 3) + 1):
                status = (
                    rng.choice(("achieved", "partly_achieved", "not_achieved", "in_progress"))
                    if reported
                    else rng.choice(("committed", "in_progress"))
                )
                goals.append(
                    Goal(
                        meeting=m,
                        order=i,
                        text=rng.choice(GOALS).format(**words(g, rng, m)),
                        entity=words(g, rng, m)["mission"][:120],
                        status=status,
                        reported_at=reported,
                    )
                )
    meeting_day = lambda x: at(x.meeting.date, 17)  # noqa: E731
    g.insert(Briefer, briefers, created=meeting_day)
    for q in g.insert(CouncilQuestion, questions, created=meeting_day):
        g.questions.setdefault(q.meeting_id, []).append(q)
    for goal in g.insert(Goal, goals, created=meeting_day):
        g.goals.setdefault(goal.meeting_id, []).append(goal)


def status_path(rng: random.Random, m: Meeting, today: datetime.date) -> list[tuple[str, datetime.date]]:
    """The moves of one recommendation after it was presented at meeting ``m``: [(status, on), ...]."""
    path = [("presented", m.date)]
    decided_on = m.date + datetime.timedelta(days=rng.randint(30, 540))
    if decided_on >= today:
        if rng.random() < 0.4 and m.date + datetime.timedelta(days=20) < today:
            path.append(("under_consideration", m.date + datetime.timedelta(days=20)))
        return path
    statuses, weights = zip(*STATUS_WEIGHTS_DECIDED, strict=True)
    final = rng.choices(statuses, weights)[0]
    if final == "presented":
        return path
    if final != "under_consideration" and rng.random() < 0.4:
        path.append(("under_consideration", m.date + datetime.timedelta(days=rng.randint(10, 29))))
    path.append((final, decided_on))
    return path


def next_review(rng: random.Random, status: str, last_move: datetime.date, today: datetime.date):
    """Open recommendations of the last three years are reviewed every few months; older ones are left be."""
    if status not in OPEN_STATUSES or (today - last_move).days > 3 * 365:
        return None
    return max(
        last_move + datetime.timedelta(days=rng.randint(60, 200)), today + datetime.timedelta(days=rng.randint(0, 120))
    )


def recommendations(g: Bulk) -> None:
    """About 32 key recommendations per meeting held (a few proposed for meetings being prepared), each with its
    status moves (StatusChange rows and history), a mission, an owner and a next review while open."""
    rng = g.rng("recommendations")
    recs, paths = [], []
    for m in g.meetings:
        if m.status in PAST_STATUSES:
            n = rng.randint(*RECOMMENDATIONS_PER_MEETING)
        elif m.status in {"confirmed", "date_proposed"}:
            n = rng.randint(5, 15)
        else:
            continue
        for order in range(1, n + 1):
            template, action, addressee = rng.choice(RECOMMENDATIONS)
            w = words(g, rng, m)
            missions = g.missions.get(m.situation_id, []) if m.situation_id else []
            path = status_path(rng, m, g.today) if m.status in PAST_STATUSES else []
            status = path[-1][0] if path else "proposed"
            last_move = path[-1][1] if path else m.date
            recs.append(
                Recommendation(
                    meeting=m,
                    order=order,
                    text=template.format(**w),
                    source=rng.choice(("background_note", "background_note", "un_participants", "co_chairs")),
                    addressee=addressee,
                    action_type=action,
                    target_mission=(
                        rng.choice(missions)
                        if missions and (action == "mandate_language" or rng.random() < 0.4)
                        else None
                    ),
                    owner_id=g.secretariat_id(rng) if rng.random() < 0.7 else None,
                    next_review=next_review(rng, status, last_move, g.today),
                    status=status,
                )
            )
            paths.append(path)
    recs = g.insert(
        Recommendation,
        recs,
        created=lambda r: at(r.meeting.date - datetime.timedelta(days=7), 12),
        initial=lambda r: {"status": "proposed", "next_review": None},
    )
    changes, events = [], []
    for rec, path in zip(recs, paths, strict=True):
        g.recommendations.setdefault(rec.meeting_id, []).append(rec)
        previous = "proposed"
        by = g.secretariat_id(rng)
        for status, on in path:
            acted = status in {"acted_on", "acted_on_in_part"}
            changes.append(
                StatusChange(
                    recommendation=rec,
                    from_status=previous,
                    to_status=status,
                    changed_on=on,
                    changed_by_id=by,
                    resolution_symbol=f"S/RES/{2200 + rng.randint(0, 900)} ({on.year})" if acted else "",
                    operative_paragraph=f"OP {rng.randint(1, 60)}" if acted else "",
                    evidence_date=on if acted else None,
                    note="Council action recorded by the secretariat." if acted else "",
                )
            )
            events.append((rec, at(on, 15), {"status": status}, by))
            previous = status
    g.insert(StatusChange, changes, created=lambda c: at(c.changed_on, 15), by=lambda c: c.changed_by_id)
    g.history(Recommendation, events, reason="Status changed")


def reviews(g: Bulk) -> None:
    """At each follow-up meeting held: outcomes for a sample of the earlier meeting's recommendations, its goals
    and the questions still owed an answer."""
    rng = g.rng("reviews")
    outcomes = ("progress", "no_progress", "resolved", "carried_forward", "dropped")
    rows = []
    for m in g.meetings:
        if m.kind != "follow_up" or m.status not in PAST_STATUSES or m.follows_up_id is None:
            continue
        earlier = m.follows_up_id
        recs = g.recommendations.get(earlier, [])
        items = [("recommendation", r) for r in rng.sample(recs, min(8, len(recs)))]
        items += [("goal", goal) for goal in g.goals.get(earlier, [])]
        items += [("question", q) for q in g.questions.get(earlier, []) if q.answer_due and not q.answered_on]
        for kind, item in items:
            rows.append(
                FollowUpReview(
                    follow_up=m,
                    outcome=rng.choice(outcomes),
                    note="Reported at the follow-up meeting.",
                    reviewed_by_id=g.secretariat_id(rng),
                    reviewed_at=at(m.date, 17),
                    **{kind: item},
                )
            )
    g.insert(FollowUpReview, rows, created=lambda r: r.reviewed_at, by=lambda r: r.reviewed_by_id)


# --- Documents ---------------------------------------------------------------------------------------------------


NOTE_STATUS = {"confirmed": "in_review", "date_proposed": "draft", "published": "published"}
SUMMARY_STATUS = {"summary_drafted": "draft", "submitted": "submitted", "issued": "issued", "published": "published"}


def notes(g: Bulk) -> None:
    """A background note per meeting being prepared or held (shared two business days before the meeting),
    invitations for a few host delegations, and experts' downloads of shared notes."""
    rng = g.rng("notes")
    rows, texts = [], []
    for m in g.meetings:
        status = NOTE_STATUS.get(m.status) or ("shared" if m.status in PAST_STATUSES else None)
        if m.status == "confirmed" and deadlines.business_days_before(m.date, 2, g.holidays) <= g.today:
            status = "shared"  # the Guidelines' deadline: shared at least two business days before
        if status is None:
            continue
        note = BackgroundNote(meeting=m, status=status)
        # The focus areas the secretariat wrote (about four in five), in order, then the recommendations.
        texts.append(
            [
                (str(heading), paragraphs(g, rng, m, rng.randint(1, 3)), "text", key)
                for key, heading in BackgroundNote.FOCUS_AREAS
                if rng.random() < 0.8
            ]
            + [("Key recommendations", "", "recommendations", "")]
        )
        if status in {"shared", "published"}:
            note.shared_at = at(deadlines.business_days_before(m.date, 2, g.holidays), 11)
            note.shared_by_id = g.secretariat_id(rng)
            note.note_date = note.shared_at.date()
        rows.append(note)
    g.notes = g.insert(
        BackgroundNote,
        rows,
        created=lambda n: at(n.meeting.date - datetime.timedelta(days=20), 10),
        initial=lambda n: {"status": "draft", "shared_at": None, "shared_by_id": None, "note_date": None},
    )
    g.insert(
        NoteSection,
        [
            NoteSection(note=note, order=order, heading=heading, body=body, kind=kind, focus_area=key)
            for note, sections in zip(rows, texts, strict=True)
            for order, (heading, body, kind, key) in enumerate(sections, start=1)
        ],
        created=lambda s: at(s.note.meeting.date - datetime.timedelta(days=20), 10),
    )
    g.history(
        BackgroundNote,
        ((n, n.shared_at, {}, n.shared_by_id) for n in g.notes if n.shared_at),
        reason="Shared with Council members",
    )

    invitations, downloads = [], []
    for note in g.notes:
        if note.shared_at is None:
            continue
        m = note.meeting
        council = g.council[m.agenda_year.year]
        host = m.situation.host_state if m.situation_id else None
        if host is not None and host not in council and rng.random() < 0.15:
            invitations.append(
                NoteInvitation(note=note, member_state=host, invited_by_id=note.shared_by_id, invited_at=note.shared_at)
            )
        window = max(1, int((at(m.date, 10) - note.shared_at).total_seconds()))
        for _ in range(rng.randint(3, 15)):
            reader = g.expert_of(rng.choice(council), rng)
            downloads.append(
                DownloadLog(
                    user=reader,
                    note=note,
                    downloaded_at=note.shared_at + datetime.timedelta(seconds=rng.randint(0, window)),
                    ip=f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                )
            )
    g.insert(NoteInvitation, invitations, created=lambda i: i.invited_at, by=lambda i: i.invited_by_id)
    g.insert(DownloadLog, downloads)


def summaries(g: Bulk) -> None:
    """The summary of each meeting past its drafting, issued as S/YYYY/NNN, and the co-chairs' approvals."""
    rng = g.rng("summaries")
    rows = []
    for m in g.meetings:
        status = SUMMARY_STATUS.get(m.status)
        if status is None:
            continue
        summary = Summary(
            meeting=m,
            status=status,
            title=(
                "Summary of the meeting of the Informal Expert Group on Women and Peace and Security on "
                f"{m.subject}, held on {m.date:%-d %B %Y}"
            ),
        )
        # The annex's sections (documents.SummarySection), in the default order; written after the summaries.
        summary._bulk_sections = [
            ("", "text", paragraphs(g, rng, m, 1)),
            ("Main points raised", "text", paragraphs(g, rng, m, rng.randint(3, 6))),
            ("Questions from Council members", "questions", paragraphs(g, rng, m, rng.randint(1, 3))),
            ("Recommendations", "recommendations", ""),
            ("", "text", paragraphs(g, rng, m, 1)),
        ]
        if status != "draft":
            summary.letter_date = deadlines.add_business_days(m.date, 15, g.holidays)
        if status in {"issued", "published"}:
            summary.issue_date = summary.letter_date + datetime.timedelta(days=rng.randint(3, 12))
        rows.append(summary)
    g.summaries = g.insert(
        Summary,
        rows,
        created=lambda s: at(s.meeting.date + datetime.timedelta(days=5), 10),
        initial=lambda s: {"status": "draft", "issue_date": None},
    )
    created = lambda row: at(row.summary.meeting.date + datetime.timedelta(days=5), 10)  # noqa: E731
    g.insert(
        SummarySection,
        [
            SummarySection(summary=s, order=order, heading=heading, kind=kind, body=body)
            for s in g.summaries
            for order, (heading, kind, body) in enumerate(s._bulk_sections, start=1)
        ],
        created=created,
    )
    g.insert(
        SummarySignatory,
        [
            SummarySignatory(summary=s, order=order, member_state=state, role="co_chair")
            for s in g.summaries
            for order, state in enumerate(g.co_chairs[s.meeting.agenda_year.year], start=1)
        ],
        created=created,
    )
    g.history(
        Summary,
        ((s, at(s.issue_date or s.letter_date, 12), {}, g.secretariat_id(rng)) for s in g.summaries if s.letter_date),
        reason="Status changed",
    )
    approvals = []
    for s in g.summaries:
        if s.letter_date is None:
            continue
        for state in g.co_chairs[s.meeting.agenda_year.year]:
            approvals.append(
                SummaryApproval(
                    summary=s,
                    member_state=state,
                    user=g.expert_of(state, rng),
                    approved_at=at(s.letter_date - datetime.timedelta(days=3), 14),
                    version=s.version,
                )
            )
    g.insert(SummaryApproval, approvals, created=lambda a: a.approved_at, by=lambda a: a.user_id)


def agenda_approvals(g: Bulk) -> None:
    """Each co-chair state's approval of its year's agenda, given in January."""
    rng = g.rng("agenda_approvals")
    rows = []
    for year in g.years:
        day = datetime.date(year, 1, 20)
        if day > g.today:
            continue
        fingerprint = hashlib.sha256(f"{g.seed}/{year}".encode()).hexdigest()
        for state in g.co_chairs[year]:
            rows.append(
                AgendaApproval(
                    agenda_year=g.agenda_years[year],
                    member_state=state,
                    approved_by=g.expert_of(state, rng),
                    approved_at=at(day + datetime.timedelta(days=rng.randint(0, 10)), 15),
                    fingerprint=fingerprint,
                )
            )
    g.insert(AgendaApproval, rows, created=lambda a: a.approved_at, by=lambda a: a.approved_by_id)


COMMENTS = (
    "Could the note say more on {topic}?",
    "We suggest naming the mission's gender adviser among the briefers.",
    "Agreed; please circulate the revised text before Thursday.",
    "The recommendations on {topic} should mention the upcoming renewal.",
)


def comments(g: Bulk) -> None:
    """The co-chairs' and the secretariat's remarks: a few on each year's agenda and on meetings being prepared."""
    rng = g.rng("comments")
    rows = []
    for year in g.years:
        when = at(datetime.date(year, 1, 12), 11)
        for _ in range(rng.randint(1, 3)):
            author = g.expert_of(rng.choice(g.co_chairs[year]), rng)
            text = rng.choice(COMMENTS).format(topic=rng.choice(TOPICS))
            rows.append(Comment(agenda_year=g.agenda_years[year], author=author, text=text, created_at=when))
    for m in g.meetings:
        if m.status in {"planned", "cancelled"}:
            continue
        for i in range(rng.randint(0, 4)):
            if rng.random() < 0.6:
                author_id = g.expert_of(rng.choice(g.co_chairs[m.agenda_year.year]), rng).pk
            else:
                author_id = g.secretariat_id(rng)
            rows.append(
                Comment(
                    agenda_year=m.agenda_year,
                    meeting=m,
                    author_id=author_id,
                    text=rng.choice(COMMENTS).format(**words(g, rng, m)),
                    created_at=at(m.date - datetime.timedelta(days=12 - i), 10 + i),
                )
            )
    g.insert(Comment, rows, created=lambda c: c.created_at, by=lambda c: c.author_id)


GENERATORS: tuple[Callable[[Bulk], None], ...] = (
    reference,
    users,
    agenda,
    meetings,
    timelines,
    briefings,
    recommendations,
    reviews,
    notes,
    summaries,
    agenda_approvals,
    comments,
)


def generate(
    *, scale: float, seed: int, today: datetime.date, log: Callable[[str], None] | None = None
) -> tuple[dict[str, int], float]:
    """Write the data for ``scale`` in one transaction; return (rows written per model, seconds)."""
    if scale <= 0:
        raise BulkError("The scale must be positive.")
    n_years = max(1, round(YEARS_PER_SCALE * scale))
    g = Bulk(scale=scale, seed=seed, today=today, years=list(range(today.year - n_years + 1, today.year + 1)))
    started = time.perf_counter()
    with transaction.atomic():
        for generator in GENERATORS:
            step = time.perf_counter()
            generator(g)
            if log:
                log(f"{generator.__name__}: {time.perf_counter() - step:.1f} s")
    return dict(sorted(g.counts.items())), time.perf_counter() - started
