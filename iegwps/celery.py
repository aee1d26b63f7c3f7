"""Celery application: reminders and background work.

The broker is Redis when ``REDIS_URL`` is set, otherwise kombu's filesystem
transport under ``var/celery`` so a fresh machine runs worker and beat with no
server (see ``CELERY_*`` in settings).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iegwps.settings")

app = Celery("iegwps")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
