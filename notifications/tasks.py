"""Celery beat's task: thin, it reads the clock once and runs the sweep. The send task sits beside its service
(notifications/sending.py); this module imports it so that the worker's autodiscovery registers it."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from . import due
from .sending import send_notification_task

__all__ = ["send_notification_task", "sweep_reminders"]


@shared_task(ignore_result=True)
def sweep_reminders() -> dict:
    """Beat, every 15 minutes: decide due reminders, cancel stale ones, queue what is ready (and lost rows);
    from DIGEST_HOUR, each person's digest of the day."""
    result = due.sweep(now=timezone.now())
    return {"created": result.created, "cancelled": result.cancelled, "queued": result.queued}
