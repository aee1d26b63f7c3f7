"""Benchmark the reminder sweep over many open steps: wall time and number of SQL queries.

The sweep reads the open steps in batches and inserts each batch's reminders with one bulk_create: its query
count grows with the number of batches, never with the number of reminders. This script builds
fresh data in a throw-away test database (``test_<name>``, created and dropped here), runs the sweep
twice (the first decides and inserts every due reminder, the second is the no-op every later beat tick
does), and prints the figures with the command that reproduces them.

Three distributions of the open steps, each printed on its own rows:

* ``decade`` (the real size): 120 meetings over ten years, five back and five ahead, as ``years`` below;
  run once (``--steps`` does not apply). Target: under a second.
* ``window`` (worst case): meetings every few hours from 120 days ago to 150 days ahead, every step open.
  About 40% of the open steps are overdue and need "overdue" and "escalation" reminders, and nearly all
  the others fall due within the next five months: the first sweep decides some 220,000 reminders.
* ``years`` (realistic): meetings spread evenly over ten years, five back and five ahead. Steps due more
  than 30 days ago are done (each with its sent reminder in the outbox's history), except one in 50 left
  open and overdue; of the last 30 days' steps every other one is done; every later step is open. About
  twice the requested number of steps is built, so that about that many are open, most of them years away.

Target: 100,000 open steps in under 30 s (each sweep, each distribution).

The "in window" column counts open steps due on or before the reminder horizon (5 business days ahead plus
a week): the only ones any reminder can be decided for. Statistics are gathered (ANALYZE) once the data
is built, as autovacuum would; not between the two sweeps.

    .venv/bin/python bench/bench_sweep.py                       # SQLite: a decade, 1,000 and 100,000 steps
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ieg_sweepbench .venv/bin/python bench/bench_sweep.py

Queuing the Celery tasks (one broker message per ready row) is left out: it is broker-bound, not
database-bound, and happens after commit. The sweep's own work up to commit is measured.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shlex
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iegwps.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="ieg-bench-"))
os.environ.setdefault("SECRETARIAT_LEAD_EMAIL", "lead@example.org")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.permissions import SECRETARIAT_GROUP  # noqa: E402
from countries.models import CouncilMembership, MemberState, Situation  # noqa: E402
from meetings import deadlines  # noqa: E402
from meetings.models import AgendaYear, Meeting, TimelineStep  # noqa: E402
from notifications import due, rules  # noqa: E402
from notifications.ladders import reminder_ladders  # noqa: E402
from notifications.models import Notification  # noqa: E402
from recommendations.models import CouncilQuestion, Recommendation  # noqa: E402

STEPS_PER_MEETING = len(deadlines.RULES)


DISTRIBUTIONS = ("decade", "window", "years")
REAL_MEETINGS = 120  # about a decade of the Group's meetings
TARGETS = {"decade": 1.0, 100_000: 30.0}  # seconds per sweep
FORGOTTEN = 50  # years: one in FORGOTTEN steps due more than RECENT_DAYS ago was never closed
RECENT_DAYS = 30


def meeting_dates(n_steps: int, today: datetime.date, distribution: str) -> list[datetime.date]:
    if distribution == "window":
        first, span, n_meetings = today - datetime.timedelta(days=120), 270, max(n_steps // STEPS_PER_MEETING, 1)
    elif distribution == "decade":
        first, span, n_meetings = today - datetime.timedelta(days=5 * 365), 10 * 365, REAL_MEETINGS
    else:
        # Ten years, half of them past: twice the steps, so that about n_steps are still open.
        first, span = today - datetime.timedelta(days=5 * 365), 10 * 365
        n_meetings = max(2 * n_steps // STEPS_PER_MEETING, 1)
    return [first + datetime.timedelta(days=i * span // n_meetings) for i in range(n_meetings)]


def closed(index: int, due: datetime.date, today: datetime.date, distribution: str) -> bool:
    """years: whether the step was finished (done) by now; window: every step is open."""
    if distribution == "window" or due >= today:
        return False
    if due < today - datetime.timedelta(days=RECENT_DAYS):
        return index % FORGOTTEN != 0
    return index % 2 == 0


def build(n_steps: int, today: datetime.date, distribution: str = "window") -> None:
    """Meetings and their steps in the given distribution (see the module docstring); people to remind."""
    now = timezone.now()
    with transaction.atomic():
        denmark = MemberState.objects.create(name="Denmark", iso3="DNK")
        greece = MemberState.objects.create(name="Greece", iso3="GRC")
        dates = meeting_dates(n_steps, today, distribution)
        years = {}
        for y in range(min(d.year for d in dates) - 1, max(d.year for d in dates) + 2):
            years[y] = AgendaYear.objects.create(year=y)
            years[y].co_chairs.set([denmark, greece])
            CouncilMembership.objects.create(member_state=denmark, year=y)
        situation = Situation.objects.create(name="Benchland", region="africa", conflict_phase="active")
        group = Group.objects.create(name=SECRETARIAT_GROUP)
        people = []
        for i in range(3):
            people.append(User.objects.create(username=f"sec{i}", email=f"sec{i}@example.org"))
            people[-1].groups.add(group)
        for i, state in enumerate((denmark, greece)):
            User.objects.create(username=f"cochair{i}", email=f"cochair{i}@example.org", delegation=state)
        assignees = User.objects.bulk_create(
            User(username=f"staff{i}", email=f"staff{i}@example.org", delivery="digest" if i % 4 == 0 else "single")
            for i in range(50)
        )
        meetings = Meeting.objects.bulk_create(
            Meeting(agenda_year=years[d.year], situation=situation, date=d) for d in dates
        )
        plans: dict[datetime.date, list] = {}
        steps = []
        for k, meeting in enumerate(meetings):
            plan = plans.get(meeting.date) or plans.setdefault(meeting.date, deadlines.plan(meeting.date, frozenset()))
            for j, planned in enumerate(plan):
                done = closed(len(steps), planned.due, today, distribution)
                steps.append(
                    TimelineStep(
                        meeting=meeting,
                        key=planned.key,
                        responsible=planned.responsible.value,
                        due=planned.due,
                        window_start=planned.window_start,
                        assignee=assignees[(k + j) % 50] if (k + j) % 10 == 0 else None,
                        state=TimelineStep.State.DONE if done else TimelineStep.State.OPEN,
                        done_at=now if done else None,
                    )
                )
        TimelineStep.objects.bulk_create(steps, batch_size=5000)
        if distribution != "window":
            add_history(people[0], now)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def add_history(member: User, now: datetime.datetime) -> None:
    """The outbox's past: one sent "due today" reminder per finished step, as years of sweeps leave behind."""
    step_ct = ContentType.objects.get_for_model(TimelineStep).pk
    done = TimelineStep.objects.filter(state=TimelineStep.State.DONE).values_list("pk", "meeting_id", "due")
    Notification.objects.bulk_create(
        (
            Notification(
                kind="step_due",
                content_type_id=step_ct,
                object_id=pk,
                meeting_id=meeting_id,
                rule="step_due",
                due_date=day,
                recipient=member,
                email=member.email,
                scheduled_for=now,
                enqueued_at=now,
                state="sent",
                attempts=1,
                created_at=now,
                sent_at=now,
            )
            for pk, meeting_id, day in done.iterator(chunk_size=5000)
        ),
        batch_size=5000,
    )


def measure(now: datetime.datetime) -> tuple[float, int, due.SweepResult]:
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = due.sweep(now=now, queue=lambda pks: None)
        elapsed = time.perf_counter() - start
    return elapsed, len(queries.captured_queries), result


def reset() -> None:
    """Empty every table (TRUNCATE on PostgreSQL): deleting 200,000 audited steps through the ORM takes minutes."""
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()  # flush recreates the content types, with new ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", default=[1_000, 100_000])
    parser.add_argument("--distribution", choices=DISTRIBUTIONS, nargs="+", default=list(DISTRIBUTIONS))
    args = parser.parse_args()

    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        now = timezone.localtime().replace(hour=15, minute=0, second=0, microsecond=0)
        today = timezone.localdate(now)
        horizon = rules.horizon(reminder_ladders()["step"], today, frozenset())
        print(f"Database: {connection.vendor} ({test_name}); clock: {now:%Y-%m-%d %H:%M %Z}")
        print(
            f"{'distribution':>12} {'open steps':>10} {'in window':>9} {'sweep':>6} {'seconds':>8} {'queries':>8} "
            f"{'rows created':>13} {'ready':>7} {'target':>8}"
        )
        for distribution in args.distribution:
            for n in [REAL_MEETINGS * STEPS_PER_MEETING // 2] if distribution == "decade" else args.steps:
                reset()
                build(n, today, distribution)
                open_steps = TimelineStep.objects.open().count()
                in_window = TimelineStep.objects.open().filter(due__lte=horizon).count()
                # The content-type cache is filled once per process; fill it before measuring.
                ContentType.objects.get_for_models(TimelineStep, User, Meeting, Recommendation, CouncilQuestion)
                # "again" is the next beat tick: nothing new to decide, nothing to queue again yet.
                for label, moment in (("first", now), ("again", now + datetime.timedelta(minutes=15))):
                    seconds, queries, result = measure(moment)
                    target = TARGETS.get(distribution, TARGETS.get(n))
                    verdict = "" if target is None else f"<{target:g} s " + ("ok" if seconds < target else "MISSED")
                    figures = f"{seconds:>8.2f} {queries:>8} {result.created:>13,} {result.queued:>7,} {verdict:>8}"
                    print(f"{distribution:>12} {open_steps:>10,} {in_window:>9,} {label:>6} {figures}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    env = " ".join(f"{k}={shlex.quote(os.environ[k])}" for k in ("DATABASE_URL",) if k in os.environ)
    steps = " ".join(map(str, args.steps))
    distributions = " ".join(args.distribution)
    print(
        f"Reproduce: {env + ' ' if env else ''}.venv/bin/python bench/bench_sweep.py --steps {steps} "
        f"--distribution {distributions}"
    )


if __name__ == "__main__":
    main()
