"""Beat runs the sweep once per tick; the digest is made by that sweep, not by a second job rerunning it."""

from __future__ import annotations

from django.conf import settings

from iegwps.celery import app
from notifications import tasks


def test_one_beat_job_runs_the_sweep_and_every_job_names_a_registered_task():
    scheduled = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert scheduled.count("notifications.tasks.sweep_reminders") == 1
    assert not any(name.startswith("notifications.") and name != tasks.sweep_reminders.name for name in scheduled)
    app.loader.import_default_modules()
    assert set(scheduled) <= set(app.tasks)


def test_the_send_task_keeps_its_queued_name():
    """Messages queued before a deploy name the task as it was called in tasks.py."""
    assert tasks.send_notification_task.name == "notifications.tasks.send_notification"
