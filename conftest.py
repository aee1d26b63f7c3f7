"""Shared fixtures: one user per role, each with a signed-in client, around a small IEG year."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client, override_settings

from accounts.permissions import SECRETARIAT_GROUP
from meetings.tests import factories

# Every test starts at the same instant, and the clock ticks on from there: a test written against "today" means
# the same day whenever the suite runs (the 2026 fixtures were written for the first days of December 2026). A test
# moves the clock further with the ``time_machine`` fixture. Tests that drive a real worker process keep the real
# clock (the worker could not share a frozen one); the browser tests pin theirs in e2e/conftest.py.
SUITE_NOW = datetime.datetime(2026, 12, 1, 14, 0, tzinfo=datetime.UTC)


def worker_settings(worker: str) -> dict:
    """What one pytest-xdist worker (``gw0``, ``gw1``, ...) keeps to itself when several run at once.

    Its own test database comes from pytest-django (``test_…_gw0``). Here: its own directory under VAR_DIR (demo
    passwords, uploads when MEDIA_ROOT is VAR_DIR's) and, with Redis, its own Redis database, the next ones after
    REDIS_URL's (``/0``: ``gw0`` uses ``/1``, ``gw1`` ``/2``): a test's ``cache.clear()`` empties a whole database.
    """
    var_dir = Path(settings.VAR_DIR)
    own = var_dir / worker
    changed = {"VAR_DIR": own, "DEMO_ACCOUNTS_FILE": own / Path(settings.DEMO_ACCOUNTS_FILE).name}
    if Path(settings.MEDIA_ROOT) == var_dir / "media":
        changed["MEDIA_ROOT"] = str(own / "media")
    if settings.REDIS_URL:
        parts = urlsplit(settings.REDIS_URL)
        number = int(parts.path.strip("/") or 0) + 1 + int(worker.removeprefix("gw"))
        url = urlunsplit(parts._replace(path=f"/{number}"))
        cache = settings.CACHES["default"]
        changed |= {"REDIS_URL": url, "CACHES": {**settings.CACHES, "default": {**cache, "LOCATION": url}}}
        changed["CELERY_BROKER_URL"] = url
    return changed


# The tests that run one at a time (`make test` runs the others side by side first, in several processes): the browser
# tests (a live server and Chromium each) and the integration tests (a real worker, SMTP servers, REDIS_URL's database).
SERIAL_MARKERS = ("browser", "integration")


def pytest_addoption(parser):
    parser.addoption(
        "--serial",
        choices=("only", "skip"),
        help="only: just the tests that run one at a time (markers browser, integration); skip: all the others",
    )


@pytest.hookimpl(trylast=True)  # after e2e/conftest.py has marked its tests
def pytest_collection_modifyitems(config, items):
    if not (choice := config.getoption("serial")):
        return
    keep, leave = [], []
    for item in items:
        serial = any(item.get_closest_marker(name) for name in SERIAL_MARKERS)
        (keep if serial == (choice == "only") else leave).append(item)
    if leave:
        config.hook.pytest_deselected(items=leave)
        items[:] = keep


def pytest_configure(config):
    if worker := os.environ.get("PYTEST_XDIST_WORKER"):
        override_settings(**worker_settings(worker)).enable()  # for the whole run of this worker


@pytest.fixture(autouse=True)
def _suite_clock(request):
    if request.node.get_closest_marker("integration") or request.node.get_closest_marker("browser"):
        yield
        return
    with time_machine.travel(SUITE_NOW, tick=True):
        yield


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


def make_suite_year():
    """The IEG year 2026: co-chairs Denmark and Greece, with their Council seats; France sits on the Council."""
    return factories.make_year(2026, co_chairs=["Denmark", "Greece"], council=["Denmark", "Greece", "France"])


def make_other_year():
    """2019: co-chairs Peru and Germany; Sweden and France on the Council that year only."""
    return factories.make_year(2019, co_chairs=["Peru", "Germany"], council=["Peru", "Germany", "France"])


def make_suite_meeting(year):
    return factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 12, 10))


# One user per role (username, delegation, secretariat), for the fixtures below and the permission matrix's world.
ROLE_USERS = {
    "visitor": ("visitor", None, False),  # signed in, no delegation, no group: the public with an account
    "expert": ("expert", "France", False),  # an expert of a Council member in 2026
    "nonmember": ("observer", "Sweden", False),  # an expert of a state not on the Council in 2026
    "cochair": ("cochair", "Denmark", False),
    "other_cochair": ("cochair2019", "Peru", False),  # a co-chair of 2019, not on the Council in 2026
    "secretariat": ("sec", None, True),
}


def _user(username: str, delegation: str | None = None, secretariat: bool = False):
    user = factories.make_user(username, delegation=delegation)
    if secretariat:
        user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    return user


def make_role_user(role: str):
    return _user(*ROLE_USERS[role])


@pytest.fixture
def year(db):
    return make_suite_year()


@pytest.fixture
def other_year(db):
    return make_other_year()


@pytest.fixture
def meeting(year):
    return make_suite_meeting(year)


@pytest.fixture
def secretariat_user(db):
    return make_role_user("secretariat")


@pytest.fixture
def cochair_user(year):
    return make_role_user("cochair")


@pytest.fixture
def other_cochair_user(other_year):
    return make_role_user("other_cochair")


@pytest.fixture
def expert_user(year):
    return make_role_user("expert")


@pytest.fixture
def nonmember_user(year):
    return make_role_user("nonmember")


@pytest.fixture
def plain_user(db):
    return make_role_user("visitor")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def secretariat_client(secretariat_user):
    return _client(secretariat_user)


@pytest.fixture
def cochair_client(cochair_user):
    return _client(cochair_user)


@pytest.fixture
def expert_client(expert_user):
    return _client(expert_user)


@pytest.fixture
def nonmember_client(nonmember_user):
    return _client(nonmember_user)


@pytest.fixture
def colleague_client(secretariat_user):
    """A second secretariat member, signed in on another machine: for stale-save tests (core.concurrency)."""
    return _client(_user("colleague", secretariat=True))
