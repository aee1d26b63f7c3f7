"""Faults survived, on the production settings in gunicorn (two workers), with a TCP proxy the test cuts.

Redis cut: every main page still answers 200 (the cache fails open, sessions are in the database), a POST that
queues email succeeds, and once Redis is back the next sweep hands the rows to a real worker, which sends each once.
PostgreSQL cut: requests answer 503 with a page that says so; restored, the same gunicorn answers 200 again.

Runs when REDIS_URL is set (CI: with PostgreSQL); the app runs in other processes, so the test commits its rows.
"""

from __future__ import annotations

import datetime
import os
import re
import socket
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest
import requests
from django.conf import global_settings
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from accounts.permissions import SECRETARIAT_GROUP
from core.tests.tcpproxy import TcpProxy
from meetings.models import Meeting
from meetings.tests import factories
from notifications.models import Notification
from notifications.tests.test_integration import BASE_DIR, Worker, send_sweep, wait_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="needs Redis (and, for the database cut, PostgreSQL): set REDIS_URL",
    ),
]

PASSWORD = "correct horse battery staple"  # noqa: S105 - factories.make_user's


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    def __init__(self, env: dict, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **env,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "STATIC_MANIFEST": "0",
            "CONN_MAX_AGE": "60",  # persistent connections, as in production: the restart case needs them
        }
        self.log = log
        self.proc = None

    def __enter__(self):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "iegwps.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            "2",
            "--timeout",
            "60",
        ]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(  # noqa: S603
                command, cwd=BASE_DIR, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(self.base + "/accounts/login/", timeout=5)
                return self
            except requests.ConnectionError:
                time.sleep(0.3)
        pytest.fail(f"gunicorn did not start:\n{self.log.read_text()[-4000:]}")

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    def sign_in(self, username: str) -> requests.Session:
        browser = requests.Session()
        page = browser.get(self.base + "/accounts/login/", timeout=10)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        answer = browser.post(
            self.base + "/accounts/login/",
            data={"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD},
            timeout=10,
            allow_redirects=False,
        )
        assert answer.status_code == 302, answer.text[:2000]
        return browser

    def post(self, browser: requests.Session, path: str, data: dict) -> requests.Response:
        return browser.post(
            self.base + path,
            data={"csrfmiddlewaretoken": browser.cookies["csrftoken"], **data},
            timeout=10,
            allow_redirects=False,
        )


def redis_via(proxy: TcpProxy) -> str:
    parts = urlsplit(os.environ["REDIS_URL"])
    return f"redis://127.0.0.1:{proxy.port}/15" if parts.scheme == "redis" else os.environ["REDIS_URL"]


@pytest.fixture(autouse=True)
def _production_passwords(settings):
    """gunicorn runs the production settings, whose hashers do not read the suite's fast MD5 hashes."""
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS


def world():
    year = factories.make_year(2026, co_chairs=["Denmark", "Greece"], council=["Denmark", "Greece", "France"])
    secretariat = Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0]
    factories.make_user("sec1").groups.add(secretariat)
    factories.make_user("cochair", delegation="Denmark")
    factories.make_user("expert", delegation="France")
    meeting = factories.make_meeting(year, "South Sudan", date=timezone.localdate() + timezone.timedelta(days=20))
    # A published one, for the public year, search and meeting pages.
    factories.make_meeting(
        year, "Mali", date=datetime.date(2026, 3, 10), status=Meeting.Status.PUBLISHED, symbol="S/2026/222"
    )
    return year, meeting


def pages(year, meeting) -> list[str]:
    return [
        "/",
        f"/year/{year.year}/",
        "/search/?q=Mali",
        "/meetings/S/2026/222/",
        "/work/",
        f"/work/year/{year.year}/",
        "/work/meetings/",
        f"/work/meetings/{meeting.pk}/",
        "/recommendations/",
        "/recommendations/renewals/",
        "/notifications/outbox/",
        "/notifications/preferences/",
    ]


def test_redis_cut_costs_no_page_and_no_email(smtp, worker_env, tmp_path):
    recorder, _port = smtp
    year, meeting = world()
    with TcpProxy("127.0.0.1", 6379) as proxy:
        env = {**worker_env, "REDIS_URL": redis_via(proxy)}
        with Gunicorn(env, tmp_path / "gunicorn.log") as web:
            browser = web.sign_in("sec1")
            anonymous = requests.Session()
            assert browser.get(web.base + "/work/", timeout=10).status_code == 200

            proxy.cut()
            for path in pages(year, meeting):
                signed_in = browser.get(web.base + path, timeout=10, allow_redirects=False)
                assert signed_in.status_code == 200, (path, signed_in.status_code, web.log.read_text()[-3000:])
                public = anonymous.get(web.base + path, timeout=10, allow_redirects=False)
                assert public.status_code in (200, 302), (path, public.status_code)  # 302: sign in first
            # A POST that queues email: it succeeds, and the rows wait in the database.
            answer = web.post(browser, f"/notifications/meetings/{meeting.pk}/invite/", {"confirm": "1"})
            assert answer.status_code == 302, answer.text[:2000]
            invited = Notification.objects.filter(meeting=meeting, kind="invitation")
            assert invited.count() == 3  # sec1, the co-chair and the expert
            assert set(invited.values_list("state", flat=True)) == {"pending"}
            assert not invited.filter(enqueued_at__isnull=False).exists()  # left for the next sweep
            health = anonymous.get(web.base + "/health/", timeout=10)
            assert health.status_code == 200
            assert health.json()["cache"] == "down"
            assert health.json()["broker"] == "down"
            assert health.json()["database"] == "ok"

            proxy.restore()
            health = anonymous.get(web.base + "/health/", timeout=10).json()
            assert (health["cache"], health["broker"]) == ("ok", "ok")
            worker = Worker(env, tmp_path / "worker.log")
            try:
                worker.start()
                send_sweep(env)  # the next beat tick after Redis is back
                wait_for(lambda: not invited.exclude(state="sent").exists(), 60, "3 invitations sent", worker)
                send_sweep(env)  # one more tick sends nothing again
                time.sleep(3)
            finally:
                worker.kill()
    # The sweep also sent the meeting's due reminders; every message went once.
    sent_ids = [message["Message-ID"] for message in recorder.messages]
    assert len(sent_ids) == len(set(sent_ids))
    assert {f"<ieg-notification-{pk}@ieg.example.org>" for pk in invited.values_list("pk", flat=True)} <= set(sent_ids)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the restart case is PostgreSQL's")
def test_database_cut_answers_503_and_recovers_without_a_restart(worker_env, tmp_path):
    year, meeting = world()
    db = connection.settings_dict
    with TcpProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)) as proxy:
        env = {**worker_env, "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}"}
        with Gunicorn(env, tmp_path / "gunicorn.log") as web:
            browser = web.sign_in("sec1")
            anonymous = requests.Session()
            for path in pages(year, meeting)[:2] + [f"/work/meetings/{meeting.pk}/"]:
                assert browser.get(web.base + path, timeout=10).status_code == 200

            proxy.cut()
            for path in ["/", f"/work/meetings/{meeting.pk}/", "/work/"]:
                answer = browser.get(web.base + path, timeout=10, allow_redirects=False)
                assert answer.status_code == 503, (path, answer.status_code)
                assert "database" in answer.text.lower()
                assert "Traceback" not in answer.text
                assert answer.headers["Retry-After"]
            assert anonymous.get(web.base + "/health/", timeout=10).status_code == 503

            proxy.restore()
            pid = web.proc.pid
            for path in pages(year, meeting):
                answer = browser.get(web.base + path, timeout=10, allow_redirects=False)
                assert answer.status_code == 200, (path, answer.status_code, web.log.read_text()[-3000:])
            assert anonymous.get(web.base + "/health/", timeout=10).json()["database"] == "ok"
            assert web.proc.pid == pid and web.proc.poll() is None
