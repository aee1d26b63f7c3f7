"""Faults answered in-process: the 503 page while the database is gone, the health report, the cache failing open.

The same faults against real services, in gunicorn behind a proxy the test cuts, are in core/tests/test_faults.py.
"""

from __future__ import annotations

import logging
import socket

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import OperationalError
from django.test import Client
from django.utils import timezone

from core import cache as fail_open
from iegwps import health
from notifications.models import Notification


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "iegwps.tests.failing_urls"
    return Client(raise_request_exception=False)


def test_database_gone_answers_503_with_a_page_that_says_so(failing_site):
    answer = failing_site.get("/fail/database/")
    assert answer.status_code == 503
    assert answer["Retry-After"] == "30"
    body = answer.content.decode()
    assert "database is not answering" in body
    assert "Traceback" not in body and "5432" not in body  # nothing of the error's text reaches the reader


def test_any_other_failure_answers_a_plain_500(failing_site):
    answer = failing_site.get("/fail/bug/")
    assert answer.status_code == 500
    assert "Retry-After" not in answer
    assert "Something went wrong on our side" in answer.content.decode()
    assert "ZeroDivisionError" not in answer.content.decode()


@pytest.mark.django_db
def test_health_reports_each_dependency(client, settings):
    settings.CELERY_BROKER_URL = "filesystem://"
    answer = client.get("/health/")
    assert answer.status_code == 200
    assert answer["Cache-Control"].startswith("max-age=0")
    assert answer.json() == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "late_notifications": 0,
        "status": "ok",
    }


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe is closed


@pytest.mark.django_db
def test_health_says_degraded_when_redis_is_down_and_503_when_the_database_is(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{closed_port()}/0"
    answer = client.get("/health/")
    assert (answer.status_code, answer.json()["broker"], answer.json()["status"]) == (200, "down", "degraded")

    def refused(*args, **kwargs):
        raise OperationalError("refused")

    monkeypatch.setattr(health.connection, "cursor", refused)
    answer = client.get("/health/")
    assert answer.status_code == 503
    assert (answer.json()["database"], answer.json()["status"]) == ("down", "down")


@pytest.mark.django_db
def test_health_counts_email_overdue_by_two_sweeps(client, settings, meeting, secretariat_user):
    settings.CELERY_BROKER_URL = "filesystem://"
    now = timezone.now()
    for minutes in (10, 45):  # within two sweeps (30 minutes), and beyond
        Notification.objects.create(
            kind="invitation",
            content_type=ContentType.objects.get_for_model(meeting),
            object_id=meeting.pk,
            meeting=meeting,
            rule=f"invitation-{minutes}",
            due_date=meeting.date,
            recipient=secretariat_user,
            email=secretariat_user.email,
            scheduled_for=now - timezone.timedelta(minutes=minutes),
            created_at=now,
        )
    report = client.get("/health/").json()
    assert (report["late_notifications"], report["status"]) == (1, "degraded")


@pytest.fixture
def unreachable_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    yield caches["unreachable"]
    caches["unreachable"].close()


def test_an_unreachable_cache_answers_from_the_process_memory(unreachable_cache):
    cache = unreachable_cache
    assert cache.get("k") is None
    assert cache.get("k", "fallback") == "fallback"
    assert cache.set("k", b"%PDF-") is None
    assert cache.get("k") == b"%PDF-"  # a PDF rendered during the outage is not rendered again by this process
    assert cache.add("k", 1) is False
    assert cache.get_many(["k", "b"]) == {"k": b"%PDF-"}
    assert cache.set_many({"a": 1}) == []
    assert cache.has_key("a") is True
    assert cache.delete("k") is True
    assert cache.get_or_set("k", 5) == 5
    with pytest.raises(ValueError, match="not found"):
        cache.incr("missing")
    assert cache.ping() is False


def test_the_memory_fallback_is_bounded():
    cache = fail_open.FailOpenRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": {}})
    for i in range(fail_open.FALLBACK_ENTRIES * 3):
        cache.set(f"k{i}", i)
    assert len(cache.fallback._cache) <= fail_open.FALLBACK_ENTRIES


def test_an_outage_is_logged_once_a_minute_not_per_request(unreachable_cache, monkeypatch, caplog):
    clock = [1000.0]
    monkeypatch.setattr(fail_open.time, "monotonic", lambda: clock[0])
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for _ in range(50):  # a busy minute: a request every second
            unreachable_cache.get("k")
            clock[0] += 1.2
        assert len(caplog.records) == 1
        assert "is not answering" in caplog.records[0].getMessage()
        clock[0] += 60
        unreachable_cache.get("k")
        assert len(caplog.records) == 2


def test_after_a_failure_the_cache_waits_before_trying_redis_again(unreachable_cache, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(fail_open.time, "monotonic", lambda: clock[0])
    attempts = []
    real_get = fail_open.RedisCache.get

    def counted(self, *args, **kwargs):
        attempts.append(clock[0])
        return real_get(self, *args, **kwargs)

    counted.__name__ = "get"
    monkeypatch.setattr(fail_open.FailOpenRedisCache, "get", fail_open._fail_open(counted))
    for _ in range(20):
        unreachable_cache.get("k")
        clock[0] += 0.5
    assert attempts == [1000.0, 1005.0]  # one try, then one after RETRY_SECONDS
