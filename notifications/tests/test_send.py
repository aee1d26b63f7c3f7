"""Sending: claimed once, retried on SMTP failure with the error kept, never resent once sent."""

from __future__ import annotations

import datetime
import smtplib
from unittest import mock

import pytest
import time_machine
from celery.exceptions import Retry
from django.core import mail

from notifications import sending
from notifications.models import Notification
from notifications.tasks import send_notification_task as send_task

from .helpers import at, only_step, send, sweep_only

D = datetime.date
NOON = at(D(2026, 12, 8), 12)


@pytest.fixture
def row(meeting, secretariat_user):
    only_step(meeting, "background_note")
    [pk] = sweep_only(at(D(2026, 12, 8)))
    return Notification.objects.get(pk=pk)


def test_sending_twice_sends_once(row):
    assert send(row.pk, NOON) == "sent"
    assert send(row.pk, NOON + datetime.timedelta(minutes=1)) == "skipped"
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert (row.state, row.sent_at, row.attempts) == ("sent", NOON, 1)


def test_email_has_both_parts_the_due_date_in_words_and_a_link(row, meeting):
    send(row.pk, NOON)
    [message] = mail.outbox
    assert message.to == ["sec@example.org"]
    assert message.subject == (
        "[IEG] Due today: Background note and key recommendations shared with Council members — South Sudan"
    )
    step = meeting.steps.get(key="background_note")
    link = f"https://ieg.example.org/work/meetings/{meeting.pk}/#step-{step.pk}"
    html = message.alternatives[0][0]
    for body in (message.body, html):
        assert "Due today, 8 Dec 2026" in body
        assert link in body
    assert message.extra_headers["Message-ID"] == f"<ieg-notification-{row.pk}@ieg.example.org>"


def test_smtp_failure_puts_the_row_back_with_its_error(row):
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=smtplib.SMTPServerDisconnected("gone")):
        with pytest.raises(smtplib.SMTPServerDisconnected):
            send(row.pk, NOON)
    row.refresh_from_db()
    assert (row.state, row.attempts, row.claimed_at) == ("pending", 1, None)
    assert row.last_error == "SMTPServerDisconnected: gone"
    assert send(row.pk, NOON + datetime.timedelta(minutes=1)) == "sent"
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_row_is_failed_not_retried(row, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=ConnectionRefusedError("refused")):
        with pytest.raises(ConnectionRefusedError):
            send(row.pk, NOON)
        assert send(row.pk, NOON + datetime.timedelta(minutes=1)) == "failed"
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("failed", 2)
    assert "refused" in row.last_error
    assert send(row.pk, NOON + datetime.timedelta(minutes=2)) == "skipped"


def test_celery_task_retries_on_smtp_failure_then_sends(row):
    with time_machine.travel(NOON, tick=True):
        failing = mock.patch(
            "django.core.mail.EmailMultiAlternatives.send", side_effect=smtplib.SMTPDataError(451, b"x")
        )
        with failing, pytest.raises(Retry):  # Celery schedules the retry, with backoff
            send_task.apply(args=(row.pk,))
        row.refresh_from_db()
        assert (row.state, row.attempts) == ("pending", 1)
        assert row.last_error.startswith("SMTPDataError: (451")
        send_task.apply(args=(row.pk,), retries=1)  # the retry, later
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("sent", 2)
    assert len(mail.outbox) == 1


def test_task_is_configured_for_crash_safety():
    assert send_task.acks_late is True
    assert send_task.reject_on_worker_lost is True
    assert send_task.retry_backoff
    assert send_task.autoretry_for == sending.TRANSIENT_ERRORS


def test_a_fresh_claim_is_respected_and_a_stale_one_taken_over(row, settings):
    Notification.objects.filter(pk=row.pk).update(state="sending", claimed_at=NOON - datetime.timedelta(minutes=1))
    assert send(row.pk, NOON) == "skipped"  # another worker is sending it right now
    Notification.objects.filter(pk=row.pk).update(state="sending", claimed_at=NOON - datetime.timedelta(minutes=11))
    assert send(row.pk, NOON) == "sent"  # that worker died (claim older than the 10-minute timeout)
    assert len(mail.outbox) == 1


def test_a_sent_row_is_never_sent_again(row):
    send(row.pk, NOON)
    Notification.objects.filter(pk=row.pk).update(claimed_at=NOON - datetime.timedelta(days=1))
    assert send(row.pk, NOON + datetime.timedelta(hours=1)) == "skipped"
    assert len(mail.outbox) == 1


def test_the_sweep_queues_again_rows_whose_message_was_lost(row):
    # Queued at 09:00; the message never reached a worker (broker flushed, queueing failed after commit).
    assert sweep_only(at(D(2026, 12, 8), 9, 30)) == []  # probably still in the queue: leave it
    assert sweep_only(at(D(2026, 12, 8), 10, 1)) == [row.pk]  # an hour later: queue it again
    # A worker claimed it at 10:02 and died.
    Notification.objects.filter(pk=row.pk).update(state="sending", claimed_at=at(D(2026, 12, 8), 10, 2))
    assert sweep_only(at(D(2026, 12, 8), 10, 10)) == []  # a live claim
    assert sweep_only(at(D(2026, 12, 8), 10, 13)) == [row.pk]  # a dead worker's claim (10-minute timeout)
    assert sweep_only(at(D(2026, 12, 8), 10, 15)) == []  # queued again just now


def test_a_failed_attempt_is_left_to_celerys_retry_not_requeued_by_the_sweep(row):
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=smtplib.SMTPServerDisconnected("x")):
        with pytest.raises(smtplib.SMTPServerDisconnected):
            send(row.pk, at(D(2026, 12, 8), 9, 1))
    assert sweep_only(at(D(2026, 12, 8), 9, 30)) == []


def test_send_reminders_command_runs_without_celery(meeting, secretariat_user):
    from django.core.management import call_command

    only_step(meeting, "background_note")
    with time_machine.travel(at(D(2026, 12, 8)), tick=False):
        call_command("send_reminders")
        call_command("send_reminders")
    assert [m.to for m in mail.outbox] == [["sec@example.org"]]


def test_broker_down_leaves_the_rows_for_the_next_sweep(row, caplog):
    """The request that made the rows succeeds; their queue mark is taken off so the next sweep queues them."""
    Notification.objects.filter(pk=row.pk).update(enqueued_at=NOON)
    with mock.patch.object(sending, "enqueue", side_effect=ConnectionRefusedError(111, "Connection refused")):
        sending.enqueue_safely([row.pk])  # does not raise
    row.refresh_from_db()
    assert (row.state, row.enqueued_at) == ("pending", None)
    assert "the next sweep will" in caplog.text
    assert sending.mark_for_queue(NOON + datetime.timedelta(minutes=15)) == [row.pk]


def test_a_reminder_sent_on_a_later_day_says_it_is_late(meeting, secretariat_user):
    """The worker was down on the day: the reminder that still applies goes out, saying when it was due to."""
    only_step(meeting, "background_note", due=D(2026, 12, 15))  # 5 business days after Tue 8 Dec
    [pk] = sweep_only(at(D(2026, 12, 8)))
    assert send(pk, at(D(2026, 12, 10), 11)) == "sent"  # two days late, still the 5-days-before reminder
    [message] = mail.outbox
    assert "in 3 business days" in message.body  # counted from the day it went out
    said = "Sent late: this email was due to go out on 8 Dec 2026. What it says is as of today."
    assert said in message.body
    assert said in message.alternatives[0][0]


def test_a_reminder_sent_on_its_day_says_nothing_of_lateness(row):
    assert send(row.pk, NOON + datetime.timedelta(hours=8)) == "sent"  # hours late, the same day
    assert "Sent late" not in mail.outbox[0].body
