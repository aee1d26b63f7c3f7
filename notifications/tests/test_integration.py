"""A real Celery worker on Redis sends reminders to a real SMTP server; killed mid-batch, nothing is lost or doubled.

Runs when REDIS_URL is set (CI: redis://127.0.0.1:6379/0 with PostgreSQL). The worker is another process, so the
test commits its rows (``transactional_db``) and points the worker at the same test database. On SQLite that needs
a file: run with ``TEST_DATABASE_NAME=/tmp/ieg-it.sqlite3``. The worker uses Redis database 15 and a queue of its
own, so it never meets a developer's worker.

What we kill and when: the SMTP server below tells the test when the worker is in the middle of a message (DATA
received, not yet accepted); the test then SIGKILLs the worker's whole process group. That message was never
accepted, so it must arrive exactly once after the restart, as must every message still queued. The window we do
not test, because no SMTP client can close it, is a kill after the server's "250 OK" and before the row is marked
sent: that row is sent again after the claim timeout (at-least-once; see notifications/sending.py).
"""

from __future__ import annotations

import asyncio
import collections
import datetime
import email
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from accounts.permissions import SECRETARIAT_GROUP
from meetings.models import TimelineStep
from meetings.services import holidays
from meetings.tests import factories
from notifications import rules
from notifications.ladders import decision_day, reminder_ladders
from notifications.models import Notification

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="needs Redis and a Celery worker: set REDIS_URL (CI uses redis://127.0.0.1:6379/0)",
    ),
]

BASE_DIR = Path(settings.BASE_DIR)
MEETINGS = 8
CLAIM_TIMEOUT = 4  # seconds: a killed worker's claim is taken over quickly in this test


class Recorder:
    """An SMTP handler that keeps accepted messages and can hold one message open while the test kills the client."""

    def __init__(self, delay: float = 0.01):
        self.delay = delay
        self.messages: list[email.message.Message] = []
        self.kill_after: int | None = None
        self.hold_subject: str | None = None  # or hold the first message whose subject starts with this
        self.in_flight = threading.Event()

    def _hold(self, envelope) -> bool:
        if self.in_flight.is_set():
            return False
        if self.hold_subject is not None:
            return email.message_from_bytes(envelope.content)["Subject"].startswith(self.hold_subject)
        return self.kill_after is not None and len(self.messages) >= self.kill_after

    async def handle_DATA(self, server, session, envelope):
        if self._hold(envelope):
            self.in_flight.set()  # the worker is inside this send, waiting for our answer
            await asyncio.sleep(3)  # killed meanwhile: aiosmtpd cancels this coroutine, nothing is accepted
        else:
            await asyncio.sleep(self.delay)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


def smtp_controller_class():
    """aiosmtpd imports the ``public`` package (atpublic), which our Django app ``public`` shadows: load it aside."""
    ours = {name: module for name, module in sys.modules.items() if name == "public" or name.startswith("public.")}
    saved_path = list(sys.path)
    for name in ours:
        del sys.modules[name]
    sys.path[:0] = [p for p in saved_path if p.rstrip("/").endswith("site-packages")]
    try:
        from aiosmtpd.controller import Controller
    finally:
        sys.path[:] = saved_path
        for name in [n for n in sys.modules if n == "public" or n.startswith("public.")]:
            del sys.modules[name]
        sys.modules.update(ours)
    return Controller


@pytest.fixture
def smtp():
    Controller = smtp_controller_class()

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    yield recorder, port
    controller.stop()


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        name = db["NAME"]
        if not name or "memory" in str(name):
            pytest.skip("SQLite test database is in memory: set TEST_DATABASE_NAME=/tmp/ieg-it.sqlite3")
        return f"sqlite:///{Path(name).resolve()}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def broker_url() -> str:
    """The machine's Redis, database 15 (this test's own)."""
    parts = urlsplit(os.environ["REDIS_URL"])
    return urlunsplit((parts.scheme, parts.netloc, "/15", "", ""))


class Worker:
    def __init__(self, env: dict, log: Path):
        self.env, self.log, self.proc = env, log, None

    def start(self):
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "iegwps",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--prefetch-multiplier=1",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
            "-Q",
            self.env["CELERY_QUEUE"],
            "-n",
            f"{self.env['CELERY_QUEUE']}@%h",
        ]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(  # noqa: S603
                command, cwd=BASE_DIR, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def kill(self):
        """SIGKILL the worker and its pool child at once: no shutdown, no ack, no cleanup."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)


@pytest.fixture
def worker_env(smtp, tmp_path, transactional_db):
    _recorder, port = smtp
    queue = f"ieg-it-{uuid.uuid4().hex[:10]}"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_", "CELERY_", "REMINDER_", "NOTIFICATION_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "iegwps.settings",
            "SECRET_KEY": "integration-test-only",
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": database_url(),
            "CONN_MAX_AGE": "0",
            "REDIS_URL": broker_url(),
            "CELERY_QUEUE": queue,
            "EMAIL_URL": f"smtp://127.0.0.1:{port}",
            "EMAIL_TIMEOUT": "10",
            "SITE_URL": "https://ieg.example.org",
            "SECRETARIAT_LEAD_EMAIL": "lead@example.org",
            "NOTIFICATION_CLAIM_TIMEOUT_SECONDS": str(CLAIM_TIMEOUT),
            "REMINDER_SEND_HOUR": str(settings.REMINDER_SEND_HOUR),
        }
    )
    yield env
    import redis

    client = redis.Redis.from_url(broker_url())
    client.delete(queue)
    client.close()


class Beat(Worker):
    """celery beat, with its schedule file in the test's VAR_DIR (kept across a kill and restart)."""

    def start(self):
        command = [sys.executable, "-m", "celery", "-A", "iegwps", "beat", "--loglevel=INFO"]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(  # noqa: S603
                command, cwd=BASE_DIR, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )


def send_sweep(env):
    """What beat does: put one sweep task on the worker's queue."""
    from celery import Celery

    client = Celery("ieg-integration", broker=env["REDIS_URL"])
    client.send_task("notifications.tasks.sweep_reminders", queue=env["CELERY_QUEUE"])
    client.close()


def expected_emails(today) -> collections.Counter:
    """Independently of the sweep: (email, step, rule) for every reminder due, from the rules and the recipients."""
    holiday_dates = holidays()
    ladder = reminder_ladders()["step"]
    secretariat = sorted(Group.objects.get(name=SECRETARIAT_GROUP).user_set.values_list("email", flat=True))
    expected = collections.Counter()
    for step in TimelineStep.objects.open().select_related("meeting__agenda_year"):
        cochairs = sorted(
            User.objects.filter(
                delegation__cochaired_years=step.meeting.agenda_year, email_notifications=True
            ).values_list("email", flat=True)
        )
        for rule in rules.due_rules(ladder, step.due, today, holiday_dates):
            if rule.audience == rules.Audience.ESCALATION:
                people = ["lead@example.org", *cochairs]
            else:
                people = secretariat if step.responsible == "secretariat" else cochairs
            for address in people:
                expected[(address, step.pk, rule.key)] += 1
    return expected


def received(recorder) -> collections.Counter:
    rows = {row.pk: row for row in Notification.objects.all()}
    got = collections.Counter()
    for message in recorder.messages:
        row = rows[int(message["X-IEG-Notification"])]
        got[(message["To"], row.object_id, row.rule)] += 1
    return got


def wait_for(condition, timeout: float, what: str, worker: Worker):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"Timed out waiting for {what}. Worker log:\n{worker.log.read_text()[-4000:]}")


def test_worker_sends_each_reminder_once_even_when_killed_mid_batch(smtp, worker_env, tmp_path):
    recorder, _port = smtp
    year = factories.make_year(2026, co_chairs=["Denmark", "Greece"], council=["Denmark", "Greece", "France"])
    secretariat = Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0]
    for name in ("sec1", "sec2"):
        factories.make_user(name).groups.add(secretariat)
    factories.make_user("cochair", delegation="Denmark")
    today = timezone.localdate()
    # Meetings 60 days ago: every step but the six-month follow-up is overdue by weeks, so the expected set does
    # not depend on the hour the test runs.
    for i in range(MEETINGS):
        factories.make_meeting(year, f"Situation {i}", date=today - datetime.timedelta(days=60 + i))
    expected = expected_emails(decision_day(timezone.now()))
    total = sum(expected.values())
    assert total > 250

    worker = Worker(worker_env, tmp_path / "worker.log")
    try:
        recorder.kill_after = total // 3
        worker.start()
        send_sweep(worker_env)
        wait_for(recorder.in_flight.is_set, 120, "the worker to reach the middle of the batch", worker)
        worker.kill()
        killed_at = len(recorder.messages)
        assert 0 < killed_at < total
        in_flight = Notification.objects.filter(state="sending").count()
        assert in_flight == 1  # the row whose message the server never accepted

        time.sleep(CLAIM_TIMEOUT + 1)  # the dead worker's claim goes stale
        worker.start()
        send_sweep(worker_env)  # the next beat tick: queues again what the dead worker had or held
        wait_for(lambda: len(recorder.messages) >= total, 180, f"{total} emails", worker)
        wait_for(
            lambda: not Notification.objects.exclude(state__in=["sent", "cancelled"]).exists(),
            60,
            "every row to be sent",
            worker,
        )
        send_sweep(worker_env)  # one more tick changes nothing
        time.sleep(3)
    finally:
        worker.kill()

    got = received(recorder)
    duplicates = {key: n for key, n in got.items() if n > 1}
    assert duplicates == {}
    assert set(got) == set(expected)
    assert len(recorder.messages) == total
    assert Notification.objects.filter(state="sent").count() == total
    assert Notification.objects.filter(attempts__gt=1).count() == 1  # the row taken over from the killed worker


def busy_year():
    """Two secretariat members and a co-chair, and MEETINGS meetings 60 days ago: hundreds of reminders due."""
    year = factories.make_year(2026, co_chairs=["Denmark", "Greece"], council=["Denmark", "Greece", "France"])
    secretariat = Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0]
    people = [factories.make_user(name) for name in ("sec1", "sec2")]
    for person in people:
        person.groups.add(secretariat)
    people.append(factories.make_user("cochair", delegation="Denmark"))
    today = timezone.localdate()
    for i in range(MEETINGS):
        factories.make_meeting(year, f"Situation {i}", date=today - datetime.timedelta(days=60 + i))
    return people


def backends_waiting_on_a_lock() -> int:
    # pg_locks, not pg_stat_activity: the statistics views keep one snapshot for the whole transaction.
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="holds the sweep mid-way with a PostgreSQL lock")
def test_worker_and_beat_killed_in_the_middle_of_a_sweep_lose_nothing(smtp, worker_env, tmp_path):
    """The sweep is one transaction: killed half-way (its step reminders inserted, not committed), it leaves no
    row. Worker and beat restarted, beat's next tick (every minute here) decides them all again; each goes once."""
    recorder, _port = smtp
    busy_year()
    expected = expected_emails(decision_day(timezone.now()))
    env = {**worker_env, "REMINDER_SWEEP_MINUTES": "1"}
    worker, beat = Worker(env, tmp_path / "worker.log"), Beat(env, tmp_path / "beat.log")
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # The sweep reads recommendations after it has decided the steps' reminders: it waits here.
            cursor.execute("LOCK TABLE recommendations_recommendation IN ACCESS EXCLUSIVE MODE")
            worker.start()
            beat.start()
            send_sweep(env)
            wait_for(lambda: backends_waiting_on_a_lock() >= 1, 60, "the sweep to reach the lock", worker)
            worker.kill()
            beat.kill()
        wait_for(lambda: backends_waiting_on_a_lock() == 0, 30, "the killed sweep's transaction to end", worker)
        assert not Notification.objects.exists()
        assert recorder.messages == []

        worker.start()
        beat.start()  # on the schedule file of the one killed
        total = sum(expected.values())
        wait_for(lambda: len(recorder.messages) >= total, 180, f"{total} emails after beat's next tick", worker)
        send_sweep(env)  # and one more tick changes nothing
        time.sleep(3)
    finally:
        worker.kill()
        beat.kill()
    assert "Scheduler: Sending due task reminder-sweep" in beat.log.read_text()
    got = received(recorder)
    assert {key: n for key, n in got.items() if n > 1} == {}
    assert got == expected


def test_a_worker_killed_while_sending_a_digest_sends_each_digest_once(smtp, worker_env, tmp_path):
    recorder, _port = smtp
    people = busy_year()
    User.objects.filter(pk__in=[person.pk for person in people]).update(delivery="digest")
    env = {**worker_env, "DIGEST_HOUR": "0", "REMINDER_SEND_HOUR": "0"}  # digests due whatever the hour
    worker = Worker(env, tmp_path / "worker.log")
    try:
        recorder.hold_subject = "[IEG] Your digest"  # hold the first digest open and kill the worker there
        worker.start()
        send_sweep(env)
        wait_for(recorder.in_flight.is_set, 120, "the worker to be sending a digest", worker)
        worker.kill()
        assert Notification.objects.filter(kind="digest", state="sending").count() == 1
        recorder.hold_subject = None

        time.sleep(CLAIM_TIMEOUT + 1)  # the dead worker's claim goes stale
        worker.start()
        send_sweep(env)
        wait_for(
            lambda: Notification.objects.filter(kind="digest", state="sent").count() == len(people),
            120,
            "a digest for each person",
            worker,
        )
        send_sweep(env)
        time.sleep(3)
    finally:
        worker.kill()
    digests = Notification.objects.filter(kind="digest")
    sent = collections.Counter(int(message["X-IEG-Notification"]) for message in recorder.messages)
    assert set(sent.values()) == {1}  # every message once: the digests and the escalations (never in a digest)
    digest_rows = {row.pk: row.email for row in digests}
    assert sorted(digest_rows[pk] for pk in sent if pk in digest_rows) == sorted(person.email for person in people)
    assert sorted(digests.values_list("state", flat=True)) == ["sent"] * len(people)
    items = Notification.objects.filter(via_digest=True).exclude(state="cancelled")
    assert items.count() > 100
    assert not items.exclude(state="sent").exists()
    assert not items.filter(digest__isnull=True).exists()  # each item went in one digest, sent once


def test_a_worker_killed_while_sending_the_newsletter_sends_it_once_to_each_focal_point(
    smtp, worker_env, tmp_path, monkeypatch
):
    from network.models import Newsletter
    from network.newsletter import recipients
    from network.tests import factories as network_factories
    from notifications import newsletters

    recorder, _port = smtp
    today = timezone.localdate()
    for n in range(25):
        member = network_factories.make_member(f"Member {n:02d}", regional=True, acronym=f"M{n:02d}")
        network_factories.make_focal_point(member, f"Focal point {n:02d}", email=f"fp{n:02d}@example.org")
    issue = Newsletter.objects.create(
        number=1, year=today.year, title="Newsletter", since=today, status="sent", sent_on=today
    )
    # The rows are written; handing them to the workers is left to the worker's own sweep.
    monkeypatch.setattr(newsletters, "queue_ready_after_commit", lambda now: [])
    addresses = recipients(today)
    assert newsletters.announce_newsletter(issue, addresses, now=timezone.now()) == 25
    worker = Worker(worker_env, tmp_path / "worker.log")
    try:
        recorder.hold_subject = "[WPS Focal Points Network] Newsletter"
        recorder.kill_after = None
        worker.start()
        send_sweep(worker_env)
        wait_for(recorder.in_flight.is_set, 120, "the worker to be sending the newsletter", worker)
        worker.kill()
        assert Notification.objects.filter(kind="newsletter", state="sending").count() == 1
        recorder.hold_subject = None

        time.sleep(CLAIM_TIMEOUT + 1)  # the dead worker's claim goes stale
        worker.start()
        send_sweep(worker_env)
        wait_for(
            lambda: Notification.objects.filter(kind="newsletter", state="sent").count() == 25,
            120,
            "the newsletter sent to every focal point",
            worker,
        )
        send_sweep(worker_env)
        time.sleep(3)
    finally:
        worker.kill()
    got = collections.Counter(message["To"] for message in recorder.messages)
    assert got == collections.Counter(email for _user, email in addresses)
    assert set(got.values()) == {1}
