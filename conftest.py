"""Shared fixtures: one user per role, each with a signed-in client, around a small IEG year."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client

from accounts.permissions import SECRETARIAT_GROUP
from meetings.tests import factories

# Every test starts at the same instant, and the clock ticks on from there: a test written against "today" means
# the same day whenever the suite runs (the 2026 fixtures were written for the first days of December 2026). A test
# moves the clock further with the ``time_machine`` fixture. Tests that drive a real worker process keep the real
# clock (the worker could not share a frozen one); the browser tests pin theirs in e2e/conftest.py.
SUITE_NOW = datetime.datetime(2026, 12, 1, 14, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _suite_clock(request):
    if request.node.get_closest_marker("integration") or request.node.get_closest_marker("browser"):
        yield
        return
    with time_machine.travel(SUITE_NOW, tick=True):
        yield


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def year(db):
    """The IEG year 2026: co-chairs Denmark and Greece, with their Council seats; France sits on the Council."""
    return factories.make_year(2026, co_chairs=["Denmark", "Greece"], council=["Denmark", "Greece", "France"])


@pytest.fixture
def other_year(db):
    """2019: co-chairs Peru and Germany; Sweden and France on the Council that year only."""
    return factories.make_year(2019, co_chairs=["Peru", "Germany"], council=["Peru", "Germany", "France"])


@pytest.fixture
def meeting(year):
    return factories.make_meeting(year, "South Sudan", date=datetime.date(2026, 12, 10))


def _user(username: str, delegation: str | None = None, secretariat: bool = False):
    user = factories.make_user(username, delegation=delegation)
    if secretariat:
        user.groups.add(Group.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    return user


@pytest.fixture
def secretariat_user(db):
    return _user("sec", secretariat=True)


@pytest.fixture
def cochair_user(year):
    return _user("cochair", delegation="Denmark")


@pytest.fixture
def other_cochair_user(other_year):
    """A co-chair of another year (Peru, 2019), not on the Council in 2026."""
    return _user("cochair2019", delegation="Peru")


@pytest.fixture
def expert_user(year):
    """An expert of a Council member in 2026 (France)."""
    return _user("expert", delegation="France")


@pytest.fixture
def nonmember_user(year):
    """An expert of a state not on the Council in 2026 (Sweden)."""
    factories.make_state("Sweden")
    return _user("observer", delegation="Sweden")


@pytest.fixture
def plain_user(db):
    """Signed in, no delegation, no group: a member of the public with an account."""
    return _user("visitor")


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
