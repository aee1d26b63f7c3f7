"""Benchmark the reminder sweep over many open steps: wall time and number of SQL queries.

The sweep must be set-based: its query count may not grow with the number of steps. This script builds
fresh data in a throw-away test database (``test_<name>``, created and dropped here), runs the sweep
twice (the first decides and inserts every due reminder, the second is the no-op every later beat tick
does), and prints the figures with the command that reproduces them.

    .venv/bin/python bench/bench_sweep.py                       # SQLite, 1,000 and 100,000 steps
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/bench_sweep.py

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
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.permissions import SECRETARIAT_GROUP  # noqa: E402
from countries.models import CouncilMembership, MemberState, Situation  # noqa: E402
from meetings import deadlines  # noqa: E402
from meetings.models import AgendaYear, Meeting, TimelineStep  # noqa: E402
from notifications import services  # noqa: E402
from notifications.models import Notification  # noqa: E402
from recommendations.models import Recommendation  # noqa: E402

STEPS_PER_MEETING = len(deadlines.RULES)


def build(n_steps: int, today: datetime.date) -> None:
    """About ``n_steps`` open steps in meetings spread from 120 days ago to 150 days ahead; people to remind."""
    with transaction.atomic():
        denmark = MemberState.objects.create(name="Denmark", iso3="DNK")
        greece = MemberState.objects.create(name="Greece", iso3="GRC")
        years = {}
        for y in (today.year - 1, today.year, today.year + 1):
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
        n_meetings = max(n_steps // STEPS_PER_MEETING, 1)
        span = 270
        dates = [
            today - datetime.timedelta(days=120) + datetime.timedelta(days=i * span // n_meetings)
            for i in range(n_meetings)
        ]
        meetings = Meeting.objects.bulk_create(
            Meeting(agenda_year=years[min(max(d.year, today.year - 1), today.year + 1)], situation=situation, date=d)
            for d in dates
        )
        plans: dict[datetime.date, list] = {}
        steps = []
        for k, meeting in enumerate(meetings):
            plan = plans.get(meeting.date) or plans.setdefault(meeting.date, deadlines.plan(meeting.date, frozenset()))
            for j, planned in enumerate(plan):
                steps.append(
                    TimelineStep(
                        meeting=meeting,
                        key=planned.key,
                        responsible=planned.responsible.value,
                        due=planned.due,
                        window_start=planned.window_start,
                        assignee=assignees[(k + j) % 50] if (k + j) % 10 == 0 else None,
                    )
                )
        TimelineStep.objects.bulk_create(steps, batch_size=5000)


def measure(now: datetime.datetime) -> tuple[float, int, services.SweepResult]:
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = services.sweep(now=now, queue=lambda pks: None)
        elapsed = time.perf_counter() - start
    return elapsed, len(queries.captured_queries), result


def reset() -> None:
    with transaction.atomic():
        Notification.objects.all().delete()
        TimelineStep.objects.all().delete()
        Meeting.objects.all().delete()
        AgendaYear.objects.all().delete()
        User.objects.all().delete()
        Group.objects.all().delete()
        Situation.objects.all().delete()
        CouncilMembership.objects.all().delete()
        MemberState.objects.all().delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", default=[1_000, 100_000])
    args = parser.parse_args()

    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        now = timezone.localtime().replace(hour=15, minute=0, second=0, microsecond=0)
        today = timezone.localdate(now)
        print(f"Database: {connection.vendor} ({test_name}); clock: {now:%Y-%m-%d %H:%M %Z}")
        print(f"{'open steps':>10} {'sweep':>6} {'seconds':>8} {'queries':>8} {'rows created':>13} {'ready':>7}")
        for n in args.steps:
            reset()
            build(n, today)
            open_steps = TimelineStep.objects.open().count()
            # The content-type cache is filled once per process; fill it before measuring.
            ContentType.objects.get_for_models(TimelineStep, User, Meeting, Recommendation)
            # "again" is the next beat tick: nothing new to decide, nothing to queue again yet.
            for label, moment in (("first", now), ("again", now + datetime.timedelta(minutes=15))):
                seconds, queries, result = measure(moment)
                figures = f"{seconds:>8.2f} {queries:>8} {result.created:>13,} {result.queued:>7,}"
                print(f"{open_steps:>10,} {label:>6} {figures}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    env = " ".join(f"{k}={shlex.quote(os.environ[k])}" for k in ("DATABASE_URL",) if k in os.environ)
    steps = " ".join(map(str, args.steps))
    print(f"Reproduce: {env + ' ' if env else ''}.venv/bin/python bench/bench_sweep.py --steps {steps}")


if __name__ == "__main__":
    main()
