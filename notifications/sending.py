"""Sending one outbox row, exactly once, and handing rows to the workers; the Celery task sits beside its service.

A sender claims a row with a conditional UPDATE (pending -> sending); only the sender whose UPDATE changed the
row sends, and it marks the row sent. A 'sending' claim older than ``NOTIFICATION_CLAIM_TIMEOUT_SECONDS``
belongs to a worker that died and may be claimed again.

The window we accept: a worker killed after the SMTP server accepted the message and before the UPDATE to
'sent' committed (milliseconds) leaves a 'sending' row that is sent again after the claim timeout. A reminder
about a Council deadline sent twice is better than one silently lost; every message carries a stable
Message-ID per row, so a mail system that deduplicates can drop the copy.
"""

from __future__ import annotations

import datetime
import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from meetings.models import Meeting
from meetings.services import holidays
from network.models import Newsletter
from network.newsletter import compiled

from . import emails
from .ladders import decision_day
from .models import Notification
from .targets import Cancel, check_invitation, check_reminder, load_target

log = logging.getLogger(__name__)

State = Notification.State
Kind = Notification.Kind

# Errors worth retrying: the SMTP server refused or the network failed.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


def claim_timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.NOTIFICATION_CLAIM_TIMEOUT_SECONDS)


def send_notification(pk: int, *, now: datetime.datetime) -> str:
    """Claim one row, re-check that it is still wanted, send it and mark it sent. Returns the row's final state.

    Raises a transient error (SMTP, network) after putting the row back to pending, so Celery retries
    it with backoff; after ``NOTIFICATION_MAX_ATTEMPTS`` the row is marked failed instead.
    """
    claimed = (
        Notification.objects.claimable(pk, now - claim_timeout())
        .filter(via_digest=False)
        .update(state=State.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        return "skipped"  # sent, cancelled, failed, or another sender holds it
    row = Notification.objects.select_related("recipient").get(pk=pk)
    mine = Notification.objects.filter(pk=pk, state=State.SENDING, claimed_at=now)
    try:
        message = _build(row, now=now)
    except Cancel as reason:
        mine.update(state=State.CANCELLED, reason=str(reason)[:200])
        _release_items(row, now, state=State.CANCELLED)
        return State.CANCELLED
    except Exception as exc:  # a bug in building: record it, do not retry
        log.exception("Could not build notification %s", pk)
        mine.update(state=State.FAILED, last_error=f"{type(exc).__name__}: {exc}")
        _release_items(row, now, state=State.PENDING)
        return State.FAILED
    try:
        message.send()
    except TRANSIENT_ERRORS as exc:
        final = row.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS
        mine.update(
            state=State.FAILED if final else State.PENDING,
            claimed_at=None,
            enqueued_at=now,  # Celery holds the retry (with backoff); the sweep leaves the row to it
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        _release_items(row, now, state=State.PENDING)
        if final:
            log.error("Notification %s failed after %d attempts: %s", pk, row.attempts, exc)
            return State.FAILED
        raise
    mine.update(state=State.SENT, sent_at=now, last_error="")
    if row.kind == Kind.DIGEST:
        row.items.filter(state=State.SENDING).update(state=State.SENT, sent_at=now)
    return State.SENT


@shared_task(
    # The name it had in tasks.py, so messages queued before a deploy still find it.
    name="notifications.tasks.send_notification",
    bind=True,
    ignore_result=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=30,
    retry_backoff_max=60 * 30,
    retry_jitter=True,
    max_retries=max(settings.NOTIFICATION_MAX_ATTEMPTS - 1, 0),
    soft_time_limit=120,
)
def send_notification_task(self, pk: int) -> str:
    """Send one outbox row; the claim makes a redelivered or duplicated task a no-op."""
    outcome = send_notification(pk, now=timezone.now())
    return outcome


def _release_items(row: Notification, now: datetime.datetime, *, state: str) -> None:
    """A digest that did not go out gives its items back (or cancels them with it)."""
    if row.kind != Kind.DIGEST:
        return
    if state == State.CANCELLED:
        row.items.filter(state=State.SENDING).update(state=State.CANCELLED, reason="Nothing left to send.")
    else:
        row.items.filter(state=State.SENDING).update(state=State.PENDING, digest=None, claimed_at=None)


def _build(row: Notification, *, now: datetime.datetime):
    """The email for a claimed row, from the target's state now; raises Cancel when it is no longer wanted."""
    today = decision_day(now)
    holiday_dates = holidays()
    if row.kind == Kind.DIGEST:
        return _build_digest(row, now=now, today=today, holiday_dates=holiday_dates)
    if row.kind == Kind.NOTE_SHARED:
        return _build_note_shared(row)
    if row.kind == Kind.NEWSLETTER:
        return _build_newsletter(row)
    if row.kind == Kind.INVITATION:
        meeting = Meeting.objects.select_related("situation", "agenda_year").filter(pk=row.object_id).first()
        check_invitation(row, meeting)
        return emails.meeting_invitation(row, meeting)
    target, ladder_name = load_target(row)
    check_reminder(row, target, ladder_name, today, holiday_dates)
    return emails.reminder(row, target, today=today, holiday_dates=holiday_dates)


def _build_digest(row: Notification, *, now, today, holiday_dates):
    # Take this person's pending items, plus those a killed sender of this digest had taken.
    Notification.objects.filter(email=row.email, via_digest=True, state=State.PENDING, scheduled_for__lte=now).update(
        state=State.SENDING, claimed_at=now, digest=row
    )
    items = list(row.items.filter(state=State.SENDING).select_related("content_type").order_by("due_date", "pk"))
    entries = []
    for item in items:
        try:
            target, ladder_name = load_target(item)
            check_reminder(item, target, ladder_name, today, holiday_dates)
        except Cancel as reason:
            Notification.objects.filter(pk=item.pk).update(state=State.CANCELLED, reason=str(reason)[:200])
            continue
        entries.append((item, target))
    if not entries:
        raise Cancel("Nothing left to send in this digest.")
    return emails.digest(row, entries, today=today, holiday_dates=holiday_dates)


def _build_note_shared(row: Notification):
    version = (
        row.content_type.model_class()
        .objects.select_related("note__meeting__situation")
        .filter(pk=row.object_id)
        .first()
    )
    if version is None:
        raise Cancel("The shared note was deleted.")
    latest = version.note.shared_versions.order_by("-number").first()
    if latest is not None and latest.number > version.number:
        raise Cancel("A newer version was shared since; its own email follows.")
    return emails.note_shared(row, version)


def _build_newsletter(row: Notification):
    issue = Newsletter.objects.filter(pk=row.object_id).first()
    if issue is None:
        raise Cancel("The newsletter was deleted.")
    if not issue.is_sent:
        raise Cancel("The newsletter was not sent.")
    return emails.newsletter(row, compiled(issue, today=issue.sent_on))


# --- Handing rows to the workers ---------------------------------------------------------------


def mark_for_queue(now: datetime.datetime) -> list[int]:
    """Rows to hand to the workers now: new ready rows, rows queued long ago and never sent, dead workers' claims.

    Marking ``enqueued_at`` keeps a sweep from queuing a backlog again every 15 minutes. A row whose
    message was lost (broker flushed, queueing failed after commit) is queued again once its mark is
    older than NOTIFICATION_REQUEUE_SECONDS (an hour, Redis's own redelivery delay); a row claimed by
    a worker that died is queued again once the claim is older than the claim timeout.
    """
    stale_claim = now - claim_timeout()
    requeue_before = now - datetime.timedelta(seconds=settings.NOTIFICATION_REQUEUE_SECONDS)
    ready = Q(state=State.PENDING, via_digest=False, scheduled_for__lte=now) & (
        Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=requeue_before)
    )
    dead_claim = Q(state=State.SENDING, claimed_at__lt=stale_claim) & (
        Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=stale_claim)
    )
    Notification.objects.filter(ready | dead_claim).update(enqueued_at=now)
    # Digest items are marked too when inserted, but go out in their digest, never on their own.
    to_queue = Notification.objects.filter(enqueued_at=now, via_digest=False, state__in=[State.PENDING, State.SENDING])
    return list(to_queue.order_by("pk").values_list("pk", flat=True))


def enqueue(pks: list[int]) -> None:
    """Hand rows to the workers (one task per row, one broker connection for all)."""
    if not pks:
        return
    task = send_notification_task
    if task.app.conf.task_always_eager:
        for pk in pks:
            task.apply_async((pk,))
        return
    with task.app.producer_or_acquire() as producer:
        for pk in pks:
            task.apply_async((pk,), producer=producer)


def enqueue_safely(pks: list[int]) -> None:
    """Hand rows to the workers; with the broker down, log it and leave the rows for the next sweep.

    The request that made the rows succeeds all the same: the rows are the record. Their queue mark is taken
    off again, so the next sweep (every REMINDER_SWEEP_MINUTES) queues them, not the hourly requeue of lost
    messages.
    """
    try:
        enqueue(pks)
    except Exception:  # noqa: BLE001 - whatever the broker raised, the rows are safe in the database
        log.warning("Could not queue %d notifications; the next sweep will.", len(pks), exc_info=True)
        Notification.objects.filter(pk__in=pks, state=State.PENDING).update(enqueued_at=None)


def queue_ready_after_commit(now: datetime.datetime, queue=None) -> list[int]:
    """Mark what is ready now and hand it to ``queue`` (default: the workers) once the transaction commits."""
    pks = mark_for_queue(now)
    transaction.on_commit(lambda: (queue or enqueue_safely)(pks))
    return pks


@transaction.atomic
def retry_notification(row: Notification, *, now: datetime.datetime) -> bool:
    """Put a failed row back in the queue (staff saw the error and fixed the cause)."""
    changed = Notification.objects.filter(pk=row.pk, state=State.FAILED).update(
        state=State.PENDING, attempts=0, scheduled_for=now, enqueued_at=None, claimed_at=None
    )
    if changed:
        queue_ready_after_commit(now)
    return bool(changed)
