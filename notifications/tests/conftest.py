from __future__ import annotations

import pytest

from iegwps.celery import app as celery_app


@pytest.fixture(autouse=True)
def _eager_celery():
    """Tasks run inline in unit tests: no broker, no worker (the integration test has a real one)."""
    previous = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = previous


@pytest.fixture(autouse=True)
def _reminder_settings(settings):
    settings.REMINDER_BEFORE_BUSINESS_DAYS = [5, 1]
    settings.REMINDER_ON_DUE_DAY = True
    settings.REMINDER_OVERDUE_BUSINESS_DAYS = 1
    settings.REMINDER_ESCALATION_BUSINESS_DAYS = 2
    settings.REMINDER_SEND_HOUR = 7
    settings.DIGEST_HOUR = 7
    settings.SECRETARIAT_LEAD_EMAIL = "lead@example.org"
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS = 10 * 60
    settings.NOTIFICATION_REQUEUE_SECONDS = 60 * 60
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://ieg.example.org"
