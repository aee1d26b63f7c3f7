"""Celery tasks: thin. Each takes ids, reads the clock once, and calls a service."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from . import services


def _swept(result: services.SweepResult) -> dict:
    return {"created": result.created, "cancelled": result.cancelled, "queued": result.queued}


@shared_task(ignore_result=True)
def sweep_reminders() -> dict:
    """Beat, every 15 minutes: decide due reminders, cancel stale ones, queue what is ready (and lost rows)."""
    return _swept(services.sweep(now=timezone.now()))


@shared_task(ignore_result=True)
def send_digests() -> dict:
    """Beat, each morning (DIGEST_HOUR, New York): the sweep, which also schedules the day's digests."""
    return _swept(services.send_digests(now=timezone.now()))


@shared_task(
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=services.TRANSIENT_ERRORS,
    retry_backoff=30,
    retry_backoff_max=60 * 30,
    retry_jitter=True,
    max_retries=max(settings.NOTIFICATION_MAX_ATTEMPTS - 1, 0),
    soft_time_limit=120,
)
def send_notification(self, pk: int) -> str:
    """Send one outbox row; the service's claim makes a redelivered or duplicated task a no-op."""
    outcome = services.send_notification(pk, now=timezone.now())
    return outcome
