"""django-axes locks a username on one address after AXES_FAILURE_LIMIT failed sign-ins, then lets go."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from axes.helpers import get_cool_off
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from accounts.security import client_ip
from meetings.tests.factories import make_user

PASSWORD = "correct horse battery staple"  # noqa: S105


@pytest.fixture
def person(db):
    return make_user("amina")


def _sign_in(client, password: str, ip: str = "203.0.113.7"):
    return client.post(reverse("login"), {"username": "amina", "password": password}, REMOTE_ADDR=ip)


def test_lockout_after_the_failure_limit(client, person):
    limit = settings.AXES_FAILURE_LIMIT
    assert limit >= 3  # guards the test itself: a limit of 1 or 2 would make it trivial
    for _attempt in range(limit - 1):
        response = _sign_in(client, "wrong password")
        assert response.status_code == 200  # the form again, with an error
        assert "Too many sign-in attempts" not in response.content.decode()

    locked = _sign_in(client, "wrong password")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.content.decode()

    # Locked out: even the right password is refused, and no session is opened.
    refused = _sign_in(client, PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_address(client, person):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "wrong password")

    elsewhere = _sign_in(client, PASSWORD, ip="198.51.100.20")

    assert elsewhere.status_code == 302


def test_lockout_ends_after_the_cool_off(client, person):
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            _sign_in(client, "wrong password")
        assert _sign_in(client, PASSWORD).status_code == 429
    with time_machine.travel(start + get_cool_off() + datetime.timedelta(seconds=1), tick=False):
        assert _sign_in(client, PASSWORD).status_code == 302


def test_success_before_the_limit_clears_the_failures(client, person):
    limit = settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit - 1):
        _sign_in(client, "wrong password")
    assert _sign_in(client, PASSWORD).status_code == 302
    client.logout()

    for _attempt in range(limit - 1):
        assert _sign_in(client, "wrong password").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "10.0.0.1"),  # no proxy: the header is the client's own words
        (1, "1.1.1.1", "1.1.1.1"),
        (1, "6.6.6.6, 1.1.1.1", "1.1.1.1"),  # a forged left-most entry is ignored
        (2, "6.6.6.6, 1.1.1.1, 10.0.0.9", "1.1.1.1"),
        (2, "1.1.1.1", "10.0.0.1"),  # fewer hops than proxies: fall back to the peer
    ],
)
def test_client_address_trusts_only_known_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected
