"""``/health/``: each dependency's state, for the operator's monitor and load balancer.

    {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok", "late_notifications": 0}

The answer is 200 while the database answers (the site serves: a Redis outage costs speed and delays email, never
a page) and 503 when it does not. ``late_notifications`` counts email due longer than two sweeps ago and not yet
sent: above 0 for long, the worker or beat is down. Nothing here is cached, and nothing is written.
"""

from __future__ import annotations

import datetime

import redis
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from notifications.models import Notification

OK, DOWN = "ok", "down"


def database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return DOWN
    return OK


def cache() -> str:
    ping = getattr(caches["default"], "ping", None)  # core.cache.FailOpenRedisCache; the local cache has none
    if ping is None:
        return OK
    return OK if ping() else DOWN


def broker() -> str:
    if not settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        return OK  # the filesystem queue of a machine without Redis
    client = redis.Redis.from_url(
        settings.CELERY_BROKER_URL,
        socket_connect_timeout=settings.REDIS_TIMEOUT_SECONDS,
        socket_timeout=settings.REDIS_TIMEOUT_SECONDS,
    )
    try:
        client.ping()
    except (redis.RedisError, OSError):
        return DOWN
    finally:
        client.close()
    return OK


def late_notifications(now: datetime.datetime) -> int:
    due_before = now - datetime.timedelta(minutes=2 * settings.REMINDER_SWEEP_MINUTES)
    return Notification.objects.filter(
        state=Notification.State.PENDING, via_digest=False, scheduled_for__lt=due_before
    ).count()


@never_cache
@require_GET
def health(request):
    report = {"database": database(), "cache": cache(), "broker": broker()}
    if report["database"] == OK:
        report["late_notifications"] = late_notifications(timezone.now())
    if report["database"] == DOWN:
        report["status"] = DOWN
    elif DOWN in (report["cache"], report["broker"]) or report["late_notifications"]:
        report["status"] = "degraded"
    else:
        report["status"] = OK
    return JsonResponse(report, status=503 if report["database"] == DOWN else 200)
