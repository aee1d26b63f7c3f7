"""Celery tasks: thin. Each reads the clock once and calls a service."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(ignore_result=True)
def materialise_holidays() -> dict:
    """Beat, daily (a no-op on all but the first day of a year): the holidays of 2016 to three years ahead."""
    today = timezone.localdate()
    result = services.materialise_holidays(years=services.holiday_years_shown(today), today=today)
    return {"created": result.created, "moved": result.moved, "kept": result.kept}
